import request from 'supertest';
import { BadRequest, errorHandler, NotFound, UnprocessableContent } from '../../../src';
import type { ErrorMapper, StrictViolationError } from '../../../src';
import { throwing } from '../../helpers/app';
import express from 'express';

describe('map and our own errors', () => {
  // A mapper that duck-types validation errors by an `errors` array, as apps write them.
  const duckTyped: ErrorMapper = (error) => (Array.isArray((error as { errors?: unknown }).errors) ? new UnprocessableContent({ detail: 'rewritten' }) : undefined);

  it('never hands a mapper our own errors, so a BadRequest keeps its errors', async () => {
    const thrown = new BadRequest({ errors: [{ pointer: '/date', detail: 'Not a date.' }] });
    const res = await request(throwing(thrown, { map: duckTyped })).get('/boom');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: '/date', detail: 'Not a date.' }]);
    expect(res.body.detail).not.toBe('rewritten');
  });

  it('hands them to a mapper that sets ownErrors: true', async () => {
    const calls: unknown[] = [];
    const wants: ErrorMapper = Object.assign((error: unknown) => (calls.push(error), error instanceof NotFound ? new BadRequest('mapped') : undefined), { ownErrors: true });
    const res = await request(throwing(new NotFound(), { map: [duckTyped, wants] })).get('/boom');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('mapped');
    expect(calls).toHaveLength(1);
  });

  it('still hands a mapper every foreign error', async () => {
    const foreign = Object.assign(new Error('x'), { errors: [] });
    const res = await request(throwing(foreign, { map: duckTyped })).get('/boom');
    expect(res.status).toBe(422);
  });
});

describe('strict mode: errors items', () => {
  it('reports an errors item without a detail', async () => {
    const app = express();
    app.get('/boom', () => {
      throw new BadRequest({ errors: [{ pointer: '/a', detail: 'ok' }, { pointer: '/b' } as never, { pointer: '/c', detail: '' }] });
    });
    let violation: StrictViolationError | undefined;
    app.use(errorHandler({ log: false, strict: 'throw' }));
    app.use((error: StrictViolationError, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      violation = error;
      res.status(500).end();
    });
    await request(app).get('/boom');
    expect(violation?.violations).toEqual([{ rule: 'item-detail', message: 'errors items 1, 2 have no detail saying what is wrong' }]);
  });

  it('passes items that all say what is wrong', async () => {
    const res = await request(throwing(new BadRequest({ errors: [{ pointer: '/a', detail: 'Not a date.' }] }), { strict: 'throw' })).get('/boom');
    expect(res.status).toBe(400);
  });
});
