import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import winston from 'winston';
import request from 'supertest';
import { errorHandler, InternalServerError, NotFound } from '../../../src';
import { parseTraceparent } from '../../../src/handler/tracing';
import type { ErrorHandlerOptions, ErrorLogEntry } from '../../../src';
import { throwing } from '../../helpers/app';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE}-00f067aa0ba902b7-01`;
const UUID = '3f1c2a9e-7b4d-4e8a-9c1f-2d6b8e0a4f57';

/** A real pino logger writing JSON lines into memory. */
function memoryPino(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ base: undefined }, stream), lines: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** A real winston logger (JSON format) writing lines into memory. */
function memoryWinston(): { logger: winston.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = winston.createLogger({ format: winston.format.json(), transports: [new winston.transports.Stream({ stream })] });
  return { logger, lines: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** An app whose requests carry `req.id = id`, as pino-http's default counter sets it, and whose `/boom` throws. */
function countedApp(id: number, options: ErrorHandlerOptions): express.Express {
  const app = express();
  app.use((req, _res, next) => {
    (req as unknown as { id: number }).id = id;
    next();
  });
  app.get('/boom', () => {
    throw new Error('x');
  });
  app.use(errorHandler(options));
  return app;
}

describe('logging with winston', () => {
  it('logs a 5xx with its message, fields, stack and cause chain as JSON', async () => {
    const { logger, lines } = memoryWinston();
    const error = new InternalServerError('query failed', { cause: new Error('connect ECONNREFUSED') });
    await request(throwing(error, { log: logger })).get('/boom').set('X-Request-Id', 'req-9');
    await new Promise((resolve) => setImmediate(resolve));
    const [line] = lines();
    expect(line).toMatchObject({ level: 'error', message: '500 GET /boom', status: 500, method: 'GET', path: '/boom', requestId: 'req-9' });
    const err = line?.err as { name: string; stack: string; cause: { message: string } };
    expect(err.name).toBe('InternalServerError');
    expect(err.stack).toMatch(/^InternalServerError: query failed\n/);
    expect(err.cause.message).toBe('connect ECONNREFUSED');
  });
});

describe('logging with pino', () => {
  it('logs a 5xx at error level with status, method, path, request id, stack and cause chain', async () => {
    const { logger, lines } = memoryPino();
    const error = new InternalServerError('query failed', { cause: new Error('connect ECONNREFUSED') });
    await request(throwing(error, { log: logger })).put('/boom?token=secret').set('X-Request-Id', UUID);
    const [line, ...rest] = lines();
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ level: 50, status: 500, method: 'PUT', path: '/boom', requestId: UUID, traceId: UUID, msg: '500 PUT /boom' });
    const err = line?.err as { type: string; stack: string };
    expect(err.type).toBe('InternalServerError');
    expect(err.stack).toMatch(/^InternalServerError: query failed\n/);
    expect(err.stack).toContain('caused by: Error: connect ECONNREFUSED');
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('logs the request id pino-http puts on req.id, and never sends that counter as traceId', async () => {
    const { logger, lines } = memoryPino();
    const res = await request(countedApp(42, { log: logger })).get('/boom').set('X-Request-Id', 'ignored');
    expect(lines()[0]).toMatchObject({ requestId: '42' });
    expect(lines()[0]).not.toHaveProperty('traceId');
    expect(res.body).not.toHaveProperty('traceId');
  });

  it('does not log a 4xx unless logClientErrors is on, then at info level', async () => {
    const quiet = memoryPino();
    const loud = memoryPino();
    await request(throwing(new NotFound(), { log: quiet.logger })).get('/boom');
    await request(throwing(new NotFound(), { log: loud.logger, logClientErrors: true })).get('/boom');
    expect(quiet.lines()).toEqual([]);
    expect(loud.lines()).toEqual([expect.objectContaining({ level: 30, status: 404, msg: '404 GET /boom' })]);
  });

  it('logs refused headers of a 4xx at warn level', async () => {
    const { logger, lines } = memoryPino();
    await request(throwing(new NotFound({ headers: { 'X-Realm': '관리자' } }), { log: logger })).get('/boom');
    expect(lines()).toEqual([expect.objectContaining({ level: 40, status: 404, droppedHeaders: ['X-Realm'] })]);
  });

  it('answers when the logger has no info method', async () => {
    const logger = { error: jest.fn(), warn: jest.fn() };
    const res = await request(throwing(new NotFound(), { log: logger, logClientErrors: true })).get('/boom');
    expect(res.status).toBe(404);
  });
});

describe('traceId', () => {
  async function traced(headers: Record<string, string>, options: ErrorHandlerOptions = {}): Promise<{ body: Record<string, unknown>; entries: ErrorLogEntry[] }> {
    const entries: ErrorLogEntry[] = [];
    let req = request(throwing(new Error('x'), { log: (entry) => entries.push(entry), ...options })).get('/boom');
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req;
    return { body: res.body as Record<string, unknown>, entries };
  }

  it('sends the trace-id of a W3C traceparent and logs it', async () => {
    const { body, entries } = await traced({ traceparent: TRACEPARENT, 'X-Request-Id': 'req-1' });
    expect(body.traceId).toBe(TRACE);
    expect(entries[0]).toMatchObject({ traceId: TRACE, requestId: 'req-1' });
  });

  it.each([
    ['a UUID', UUID],
    ['a 32-digit hex id (nginx $request_id)', '7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e'],
    ['a ULID', '01HZX3K9QW8T2M4N6P8R0S2V4X'],
  ])('falls back to a request id that cannot be guessed without a traceparent: %s', async (_name, id) => {
    expect((await traced({ 'X-Request-Id': id })).body.traceId).toBe(id);
  });

  it.each([
    ['a counter', '42'],
    ['a short token', 'abc-123'],
    ['a millisecond timestamp', '1700000000000'],
    ['a 19-digit snowflake', '1234567890123456789'],
    ['15 characters', 'req-00000000001'],
  ])('never sends %s as traceId, yet logs it as the request id', async (_name, id) => {
    const { body, entries } = await traced({ 'X-Request-Id': id });
    expect(body).not.toHaveProperty('traceId');
    expect(entries[0]).toMatchObject({ requestId: id });
    expect(entries[0]).not.toHaveProperty('traceId');
  });

  it('sends a counter request id only when the app opts in with a traceId function', async () => {
    const app = countedApp(7, { log: false, traceId: (req) => String((req as unknown as { id: number }).id) });
    expect((await request(app).get('/boom')).body.traceId).toBe('7');
  });

  it('sends no traceId when there is neither', async () => {
    expect((await traced({})).body).not.toHaveProperty('traceId');
  });

  it.each([
    ['upper-case hex', `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`],
    ['an all-zero trace-id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero parent-id', `00-${TRACE}-0000000000000000-01`],
    ['version ff', `ff-${TRACE}-00f067aa0ba902b7-01`],
    ['extra fields on version 00', `${TRACEPARENT}-extra`],
    ['script', '<script>alert(1)</script>'],
  ])('ignores a traceparent with %s and never reflects it', async (_name, header) => {
    const { body } = await traced({ traceparent: header, 'X-Request-Id': UUID });
    expect(body.traceId).toBe(UUID);
  });

  it('reads a later traceparent version with extra fields', () => {
    expect(parseTraceparent(`01-${TRACE}-00f067aa0ba902b7-01-future`)).toBe(TRACE);
  });

  it.each([
    ['spaces', 'a b'],
    ['quotes and brackets', '"><img>'],
    ['over 128 characters', 'x'.repeat(129)],
  ])('ignores an X-Request-Id with %s', async (_name, header) => {
    const { body, entries } = await traced({ 'X-Request-Id': header });
    expect(body).not.toHaveProperty('traceId');
    expect(entries[0]).not.toHaveProperty('requestId');
  });

  it('sends none when traceId is false', async () => {
    expect((await traced({ traceparent: TRACEPARENT }, { traceId: false })).body).not.toHaveProperty('traceId');
  });

  it('uses the value a traceId function picks, only when it is a plain token', async () => {
    const picked = await traced({ 'X-Amzn-Trace-Id': 'Root=1-67891233-abcdef012345678912345678' }, { traceId: (req) => req.get('X-Amzn-Trace-Id') });
    const refused = await traced({ 'X-Amzn-Trace-Id': 'bad value' }, { traceId: (req) => req.get('X-Amzn-Trace-Id') });
    const broken = await traced({}, {
      traceId: () => {
        throw new Error('bug');
      },
    });
    expect(picked.body.traceId).toBe('Root=1-67891233-abcdef012345678912345678');
    expect(refused.body).not.toHaveProperty('traceId');
    expect(broken.body.status).toBe(500);
    expect(broken.body).not.toHaveProperty('traceId');
  });

  it('overrides an extension named traceId', async () => {
    const res = await request(throwing(new NotFound({ extensions: { traceId: 'forged' } }))).get('/boom').set('X-Request-Id', UUID);
    expect(res.body.traceId).toBe(UUID);
  });
});
