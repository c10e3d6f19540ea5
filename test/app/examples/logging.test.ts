/**
 * The logging guide's snippets (docs/logging.md), run: examples/logging/*.ts. The
 * OpenTelemetry one, tracing.ts, runs in test/app/handler/instrumented.test.ts.
 */
import request from 'supertest';
import winston from 'winston';
import { createApp as createPinoHttp } from '../../../examples/logging/pino-http';
import { createApp as createWinston } from '../../../examples/logging/winston';
import { memoryStream as memory } from '../../helpers/memory-stream';

const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('examples/logging/pino-http.ts', () => {
  it('logs a 503 once, at error level, with the error, its cause, the status and the request id the client got as traceId', async () => {
    const { stream, lines } = memory();
    const res = await request(createPinoHttp(stream)).get('/report').expect(503);
    await settled();
    const all = lines();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ level: 50, msg: 'request errored', req: { id: res.headers['x-request-id'] }, res: { statusCode: 503 } });
    expect((all[0]?.err as { stack: string }).stack).toContain('caused by: Error: replica lag');
    expect(res.body.traceId).toBe(res.headers['x-request-id']);
  });

  it('logs a 404 once, at warn level, without an error', async () => {
    const { stream, lines } = memory();
    await request(createPinoHttp(stream)).get('/users/42').expect(404);
    await settled();
    expect(lines()).toEqual([expect.objectContaining({ level: 40, msg: 'request completed', res: expect.objectContaining({ statusCode: 404 }) })]);
    expect(lines()[0]).not.toHaveProperty('err');
  });
});

describe('examples/logging/winston.ts', () => {
  it('logs a 503 as one JSON line with the stack and the cause chain', async () => {
    const { stream, lines } = memory();
    await request(createWinston(new winston.transports.Stream({ stream }))).get('/report').expect(503);
    await settled();
    const all = lines();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ level: 'error', message: '503 GET /report', status: 503, err: { name: 'ServiceUnavailable', cause: { message: 'replica lag' } } });
    expect((all[0]?.err as { stack: string }).stack).toMatch(/^ServiceUnavailable: Service Unavailable\n/);
  });
});
