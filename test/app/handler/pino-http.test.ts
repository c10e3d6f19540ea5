import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Express } from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import type { Options } from 'pino-http';
import request from 'supertest';
import { errorHandler, InternalServerError, NotFound, ServiceUnavailable } from '../../../src';
import type { ErrorHandlerOptions } from '../../../src';
import { memoryStream } from '../../helpers/memory-stream';

type Line = Record<string, unknown> & { err?: { type: string; message: string; stack: string }; req?: { id: unknown }; res?: { statusCode: number } };

/** Real pino-http with a real pino writing JSON lines into memory, mounted first. */
function logged(
  route: (app: Express) => void,
  httpOptions: Options = {},
  options: ErrorHandlerOptions = {},
): { app: Express; lines: () => Line[] } {
  const { stream, lines } = memoryStream();
  const app = express();
  app.use(pinoHttp({ base: undefined, ...httpOptions }, stream));
  route(app);
  app.use(errorHandler({ strict: false, ...options }));
  return { app, lines: lines as () => Line[] };
}

function throwingAt(path: string, value: unknown): (app: Express) => void {
  return (app) => {
    app.get(path, () => {
      throw value;
    });
  };
}

// pino-http writes when the response closes, after the client has it.
async function settled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('errorHandler() with pino-http', () => {
  it('logs a 5xx once, on pino-http line, with the real error, its stack and cause chain, the status and the request id', async () => {
    const error = new InternalServerError('query failed', { cause: new Error('connect ECONNREFUSED') });
    const { app, lines } = logged(throwingAt('/boom', error));
    await request(app).get('/boom');
    await settled();
    const all = lines();
    expect(all).toHaveLength(1);
    const [line] = all;
    expect(line).toMatchObject({ msg: 'request errored', res: { statusCode: 500 }, req: { id: 1, method: 'GET', url: '/boom' } });
    expect(line?.err?.type).toBe('InternalServerError');
    expect(line?.err?.stack).toMatch(/^InternalServerError: query failed\n/);
    expect(line?.err?.stack).toContain('caused by: Error: connect ECONNREFUSED');
    expect(JSON.stringify(line)).not.toContain('failed with status code');
  });

  it('logs a 5xx once when the log option is the same pino logger pino-http writes with', async () => {
    const { stream, lines } = memoryStream();
    const logger = pino({ base: undefined }, stream);
    const app = express();
    app.use(pinoHttp({ logger }));
    app.get('/boom', () => {
      throw new ServiceUnavailable(120);
    });
    app.use(errorHandler({ log: logger }));
    await request(app).get('/boom').expect(503);
    await settled();
    expect(lines()).toEqual([expect.objectContaining({ msg: 'request errored', err: expect.objectContaining({ type: 'ServiceUnavailable' }) })]);
  });

  it('never sends pino-http default counter as traceId', async () => {
    const { app } = logged(throwingAt('/boom', new ServiceUnavailable(120)));
    const first = await request(app).get('/boom');
    const second = await request(app).get('/boom');
    expect(first.body).not.toHaveProperty('traceId');
    expect(second.body).not.toHaveProperty('traceId');
  });

  it('sends a random request id from genReqId as traceId, the same pino-http logs', async () => {
    const { app, lines } = logged(throwingAt('/boom', new ServiceUnavailable(120)), { genReqId: () => randomUUID() });
    const res = await request(app).get('/boom');
    await settled();
    expect(res.body.traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines()).toEqual([expect.objectContaining({ req: expect.objectContaining({ id: res.body.traceId }) })]);
  });

  it.each([
    ['a thrown string', 'boom', 'boom'],
    ['a thrown null', null, { type: 'Error', message: 'A falsy value was thrown: null' }],
    ['a thrown empty string', '', { type: 'Error', message: 'A falsy value was thrown: ""' }],
  ])('logs %s once, without an invented error', async (_name, value, err) => {
    // Express drops a null or '' passed to next(): the handler is handed the value directly.
    const handle = errorHandler({ log: false });
    const { app, lines } = logged((route) => route.get('/boom', (req, res, next) => handle(value, req, res, next)));
    await request(app).get('/boom').expect(500);
    await settled();
    expect(lines()).toEqual([expect.objectContaining({ msg: 'request errored', err: typeof err === 'string' ? err : expect.objectContaining(err) })]);
  });

  it('leaves a 4xx to pino-http completion line, without an error, unless logClientErrors is on', async () => {
    const quiet = logged(throwingAt('/users/42', new NotFound('No user 42')));
    const loud = logged(throwingAt('/users/42', new NotFound('No user 42')), {}, { logClientErrors: true });
    await request(quiet.app).get('/users/42').expect(404);
    await request(loud.app).get('/users/42').expect(404);
    await settled();
    expect(quiet.lines()).toEqual([expect.objectContaining({ msg: 'request completed', res: expect.objectContaining({ statusCode: 404 }) })]);
    expect(quiet.lines()[0]).not.toHaveProperty('err');
    expect(loud.lines()).toEqual([expect.objectContaining({ msg: 'request errored', err: expect.objectContaining({ type: 'NotFound', message: 'No user 42' }) })]);
  });

  it('keeps an res.err the app set itself', async () => {
    const own = new Error('set by the app');
    const { app, lines } = logged((route) =>
      route.get('/boom', (_req, res) => {
        (res as unknown as { err: Error }).err = own;
        throw new Error('thrown');
      }),
    );
    await request(app).get('/boom').expect(500);
    await settled();
    expect(lines()).toEqual([expect.objectContaining({ err: expect.objectContaining({ message: 'set by the app' }) })]);
  });

  it.each<[string, Options]>([
    ['autoLogging is off', { autoLogging: false }],
    ['autoLogging ignores the request', { autoLogging: { ignore: () => true } }],
  ])('logs the error itself through req.log when %s', async (_name, httpOptions) => {
    const { app, lines } = logged(throwingAt('/boom', new ServiceUnavailable(120)), httpOptions);
    await request(app).get('/boom').expect(503);
    await settled();
    const all = lines();
    expect(all).toHaveLength(1);
    // req.log is pino-http's child logger, bound to the request and its id.
    expect(all[0]).toMatchObject({ level: 50, msg: '503 GET /boom', status: 503, requestId: '1', req: { id: 1 }, err: { type: 'ServiceUnavailable' } });
  });

  it('warns of refused headers on a line of its own, through req.log', async () => {
    const { app, lines } = logged(throwingAt('/boom', new ServiceUnavailable(120, { headers: { 'X-Realm': '관리자' } })));
    await request(app).get('/boom').expect(503);
    await settled();
    const all = lines();
    expect(all).toHaveLength(2);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 40, msg: '503 GET /boom', droppedHeaders: ['X-Realm'], req: expect.objectContaining({ id: 1 }) }),
        expect.objectContaining({ msg: 'request errored', err: expect.objectContaining({ type: 'ServiceUnavailable' }) }),
      ]),
    );
  });

  it('logs warnings through the log option when one is given, not req.log', async () => {
    const entries: unknown[] = [];
    const { app, lines } = logged(throwingAt('/boom', new ServiceUnavailable(120, { headers: { 'X-Realm': '관리자' } })), {}, { log: (entry) => entries.push(entry) });
    await request(app).get('/boom').expect(503);
    await settled();
    expect(lines()).toEqual([expect.objectContaining({ msg: 'request errored' })]);
    expect(entries).toEqual([expect.objectContaining({ level: 'warn', droppedHeaders: ['X-Realm'] })]);
  });

  it('logs through the log option as before when pino-http is not mounted', async () => {
    const entries: unknown[] = [];
    const app = express();
    app.get('/boom', () => {
      throw new ServiceUnavailable(120);
    });
    app.use(errorHandler({ log: (entry) => entries.push(entry) }));
    await request(app).get('/boom').expect(503);
    expect(entries).toEqual([expect.objectContaining({ level: 'error', status: 503 })]);
  });

  it('takes a req.log the app set itself for no pino-http', async () => {
    const own = { error: jest.fn(), warn: jest.fn() };
    const entries: unknown[] = [];
    const app = express();
    app.use((req, _res, next) => {
      (req as unknown as { log: unknown }).log = own;
      next();
    });
    app.get('/boom', () => {
      throw new ServiceUnavailable(120);
    });
    app.use(errorHandler({ log: (entry) => entries.push(entry) }));
    await request(app).get('/boom').expect(503);
    expect(entries).toHaveLength(1);
    expect(own.error).not.toHaveBeenCalled();
  });
});
