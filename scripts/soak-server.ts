/**
 * The app under soak: every status, hostile bodies and thrown values, both languages.
 * Started by scripts/soak.ts in a child process with --expose-gc; not part of the library.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { z } from 'zod';
import { createHttpError, errorHandler, NotFound, ServiceUnavailable } from '../src';
import { ERROR_STATUSES } from '../src/core/status';
import { mapZodError } from '../src/zod';

// The statuses whose constructor requires its header's value.
const REQUIRED: Readonly<Record<number, unknown>> = { 401: 'Bearer', 405: ['GET'], 407: 'Basic', 416: 10, 426: 'h2c' };
const Signup = z.object({ email: z.email(), age: z.number().int().positive() });

const app = express();
app.get('/status/:code', (req) => {
  const status = Number(req.params.code);
  const create = createHttpError as (status: number, ...args: unknown[]) => Error;
  throw status in REQUIRED ? create(status, REQUIRED[status], { detail: `SECRET-${status}` }) : create(status, `SECRET-${status}`);
});
app.post('/json', express.json({ limit: '1kb' }), (req, res) => {
  res.json(Signup.parse(req.body));
});
app.get('/string', () => {
  throw 'SECRET thrown string';
});
app.get('/proxy', () => {
  throw new Proxy(new Error('SECRET'), {
    get() {
      throw new Error('SECRET trap');
    },
  });
});
app.get('/aggregate', () => {
  throw new AggregateError([new NotFound('No row'), new ServiceUnavailable(30, { detail: 'SECRET replica' }), new Error('SECRET')]);
});
app.get('/hostile', () => {
  const loop: Record<string, unknown> = { big: 10n };
  loop.self = loop;
  throw new NotFound({ headers: { 'X-Evil': 'a\r\nSet-Cookie: x=1', 'Content-Type': 'text/html' }, extensions: { loop, note: 'x'.repeat(100_000) } });
});
app.use(errorHandler({ map: mapZodError, log: () => undefined }));

export const STATUSES = ERROR_STATUSES;

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'rss') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('start with --expose-gc');
  // Twice: the first pass may only queue finalizers that free more.
  gc();
  gc();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  process.send?.({ memory: { rss, heapUsed, heapTotal, external } });
});
