import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { errorHandler, NotFound, problemJsonSchema } from '../../../src';
import { compile } from '../../helpers/ajv';

const validate = compile(problemJsonSchema());

/** GET with the path sent as written: clients built on URL would turn `\\` into `/`. */
async function rawGet(app: express.Express, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { accept: 'application/problem+json' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: (/json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : {}) as Record<string, unknown> }));
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('instance', () => {
  const app = express();
  app.get('/users/:id', () => {
    throw new NotFound();
  });
  app.get('/own', () => {
    throw new NotFound({ instance: '/orders/ä b' });
  });
  app.use(errorHandler({ log: false, strict: 'throw' }));

  it.each([
    ['/users/a\\b', 404, '/users/a%5Cb'],
    // Express rejects a malformed %-escape in a parameter with a 400, which we answer.
    ['/users/%E0%A4%A', 400, '/users/%E0%A4%25A'],
    ['/users/%C3%BC', 404, '/users/%C3%BC'],
    ['/users/42?q=%', 404, '/users/42'],
  ])('answers %s with %i and the URI reference %s, which the published schema accepts', async (path, status, instance) => {
    const res = await rawGet(app, path);
    expect([res.status, res.body.instance]).toEqual([status, instance]);
    expect(validate(res.body)).toBe(true);
  });

  it("encodes an error's own instance too", async () => {
    const res = await request(app).get('/own');
    expect(res.body.instance).toBe('/orders/%C3%A4%20b');
    expect(validate(res.body)).toBe(true);
  });
});
