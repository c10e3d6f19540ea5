/**
 * Rate limiting with express-rate-limit: its handler throws TooManyRequests with the
 * window's reset time, so the 429 is localised like every other error and carries
 * `Retry-After` next to the IETF `RateLimit` / `RateLimit-Policy` headers.
 *
 *   npm run example -- rate-limit
 *   for i in 1 2 3 4; do curl -si localhost:3000/api/quote | head -12; done
 */
import express from 'express';
import type { Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AugmentedRequest } from 'express-rate-limit';
import { errorHandler, TooManyRequests } from '../src';

export function createApp(limit = 3): Express {
  const app = express();
  app.use(
    '/api',
    rateLimit({
      windowMs: 60_000,
      limit,
      identifier: 'quotes',
      // The IETF draft's RateLimit and RateLimit-Policy headers on every response.
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, _res, next) => {
        const reset = (req as AugmentedRequest).rateLimit?.resetTime;
        // Seconds until the window resets; a Date would be sent as an HTTP-date instead.
        const retryAfter = reset === undefined ? 60 : Math.max(0, (reset.getTime() - Date.now()) / 1000);
        next(new TooManyRequests(retryAfter, { detail: `At most ${limit} requests a minute.`, extensions: { limit } }));
      },
    }),
  );
  app.get('/api/quote', (_req, res) => {
    res.json({ quote: 'Errors are part of the contract.' });
  });
  app.use(errorHandler());
  return app;
}
