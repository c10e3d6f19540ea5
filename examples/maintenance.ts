/**
 * A site in a maintenance window: browsers get a calm, localised HTML page, API clients
 * the same error as problem+json. `npm run example -- maintenance`, then open
 * http://localhost:3000/report or /dashboard in a browser, or
 *   curl -i localhost:3000/report -H 'Accept: text/plain' -H 'Accept-Language: ko'
 */
import express from 'express';
import type { Express } from 'express';
import { errorHandler, NotFound, ServiceUnavailable } from '../src';

/** Options of the example app. */
export interface MaintenanceOptions {
  /** When the maintenance window closes. Default: two hours after the app is created. */
  readonly until?: Date;
}

export function createApp(options: MaintenanceOptions = {}): Express {
  const until = options.until ?? new Date(Date.now() + 2 * 3600_000);
  const app = express();

  app.get('/', (_req, res) => {
    res.type('text/plain').send('Try /report (in maintenance), /dashboard and /search?q=anything\n');
  });
  // During the window reports answer 503 with Retry-After as an HTTP-date: the window's end.
  app.get('/report', (_req, res) => {
    if (Date.now() < until.getTime()) throw new ServiceUnavailable(until);
    res.type('text/plain').send('Report ready\n');
  });
  // A short outage of its own: Retry-After as delta-seconds.
  app.get('/dashboard', () => {
    throw new ServiceUnavailable(120);
  });
  // The query comes back in an exposed detail: the page must show it as text, never run it.
  app.get('/search', (req) => {
    const query = typeof req.query.q === 'string' ? req.query.q : '';
    throw new NotFound(`Nothing matches ${query}`);
  });

  app.use(errorHandler());
  return app;
}
