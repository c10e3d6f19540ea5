import express from 'express';
import request from 'supertest';
import { asyncHandler, errorHandler, NotFound } from '../../../src';

function app(route: express.RequestHandler): express.Express {
  const created = express();
  created.get('/r', route);
  created.use(errorHandler({ log: false }));
  return created;
}

describe(`asyncHandler on Express ${process.env.EXPRESS_MAJOR ?? '5'}`, () => {
  it('runs on the Express major its test project names', () => {
    // Express 5 dropped `express.query`; Express 4 still has it.
    const major = typeof (express as unknown as { query?: unknown }).query === 'function' ? '4' : '5';
    expect(major).toBe(process.env.EXPRESS_MAJOR ?? '5');
  });

  it('hands a rejected promise to the error handler', async () => {
    const res = await request(
      app(
        asyncHandler(async () => {
          await Promise.resolve();
          throw new NotFound('No user 42');
        }),
      ),
    ).get('/r');
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('No user 42');
  });

  it('hands on a synchronous throw', async () => {
    const res = await request(
      app(
        asyncHandler(() => {
          throw new NotFound();
        }),
      ),
    ).get('/r');
    expect(res.status).toBe(404);
  });

  it('turns a rejection with no reason into a 500', async () => {
    // eslint-disable-next-line prefer-promise-reject-errors
    const res = await request(app(asyncHandler(() => Promise.reject(undefined)))).get('/r');
    expect(res.status).toBe(500);
  });

  it('lets a resolved handler answer normally', async () => {
    const res = await request(
      app(
        asyncHandler(async (_req, res) => {
          res.json({ ok: true });
        }),
      ),
    ).get('/r');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });
});
