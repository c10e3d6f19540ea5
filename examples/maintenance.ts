/**
 * A site in a maintenance window: browsers get a calm, localised HTML page, API clients
 * the same error as problem+json. `npm run example -- maintenance`, then open
 * http://localhost:3000/report in a browser, or
 *   curl -i localhost:3000/report -H 'Accept: text/plain' -H 'Accept-Language: ko'
 */
import express from 'express';
import type { Express } from 'express';
import { errorHandler, NotFound, ServiceUnavailable } from '../src';

/** Options of the example app. */
export interface MaintenanceOptions {
  /** When the maintenance window closes. Default: two minutes after the app is created. */
  readonly until?: Date;
}

export function createApp(options: MaintenanceOptions = {}): Express {
  const until = options.until ?? new Date(Date.now() + 120_000);
  const app = express();

  app.get('/', (_req, res) => {
    res.type('text/plain').send('Try /report (in maintenance) and /search?q=anything\n');
  });
  // During the window every report answers 503 with Retry-After: the seconds still to wait.
  app.get('/report', (_req, res) => {
    const seconds = Math.ceil((until.getTime() - Date.now()) / 1000);
    if (seconds > 0) throw new ServiceUnavailable(seconds);
    res.type('text/plain').send('Report ready\n');
  });
  // The query comes back in an exposed detail: the page must show it as text, never run it.
  app.get('/search', (req) => {
    const query = typeof req.query.q === 'string' ? req.query.q : '';
    throw new NotFound(`Nothing matches ${query}`);
  });

  app.use(errorHandler());
  return app;
}
