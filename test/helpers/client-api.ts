/**
 * The API the client tests talk to over a real connection: errorHandler() answering typed
 * errors, one route per case, and a count of the requests each route has seen.
 */
import express from 'express';
import type { Express } from 'express';
import { errorHandler, NotFound, ServiceUnavailable, TooManyRequests, UnprocessableEntity } from '../../src';

export interface ClientApi {
  readonly app: Express;
  /** Requests seen per path since the last reset. */
  readonly hits: Map<string, number>;
}

export function clientApi(): ClientApi {
  const hits = new Map<string, number>();
  const app = express();
  app.use((req, _res, next) => {
    hits.set(req.path, (hits.get(req.path) ?? 0) + 1);
    next();
  });
  app.get('/api/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/api/limited', () => {
    throw new TooManyRequests(2, { detail: 'Slow down' });
  });
  // Rate limited with the server's own words, in the client's language.
  app.get('/api/quota', () => {
    throw new TooManyRequests(1);
  });
  app.get('/api/missing', () => {
    throw new NotFound({ detail: 'No user 42' });
  });
  app.post('/api/users', () => {
    throw new UnprocessableEntity({ detail: 'Check the fields.', errors: [{ pointer: '/email', detail: 'Not an email' }] });
  });
  // Busy once, with a wait of one second, then fine.
  app.get('/api/flaky', (req, res) => {
    if (hits.get(req.path) === 1) throw new ServiceUnavailable(1);
    res.json({ ok: true });
  });
  // Busy, and saying nothing about when to come back.
  app.get('/api/busy', () => {
    throw new ServiceUnavailable();
  });
  app.use(errorHandler({ log: false }));
  return { app, hits };
}
