import { doubleCsrf } from 'csrf-csrf';
import csurf from 'csurf';
import express from 'express';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Store } from 'express-rate-limit';
import request from 'supertest';
import { CATALOGS, errorHandler, rateLimitHandler } from '../../../../src';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cookieParser = require('cookie-parser') as (secret?: string) => RequestHandler;

describe('interop: CSRF', () => {
  function app(protection: RequestHandler): express.Express {
    const a = express();
    a.use(cookieParser('cookie-secret'));
    a.post('/transfer', protection, (_req, res) => {
      res.json({ ok: true });
    });
    a.use(errorHandler({ log: false, strict: 'throw' }));
    return a;
  }
  const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => 'csrf-secret', getSessionIdentifier: () => 'session-1', cookieName: 'csrf' });

  it.each([
    ['csrf-csrf', doubleCsrfProtection],
    ['csurf', csurf({ cookie: true })],
  ])('answers a request without a valid %s token with 403 and a localised detail', async (_name, protection) => {
    const res = await request(app(protection)).post('/transfer').set('Accept-Language', 'ja');
    expect(res.status).toBe(403);
    expect(res.headers['content-language']).toBe('ja');
    expect(res.body).toMatchObject({ title: CATALOGS.ja.statuses[403].title, status: 403, detail: CATALOGS.ja.phrases.csrfInvalidToken });
    expect(res.text).not.toContain('invalid csrf token');
  });
});

describe('rateLimitHandler()', () => {
  // `validate: false` where the test means to do what the limiter warns about.
  function app(store?: Store, limit = 1, validate = true): express.Express {
    const a = express();
    a.use(rateLimit({ validate, windowMs: 60_000, limit, standardHeaders: 'draft-8', legacyHeaders: false, identifier: 'api', handler: rateLimitHandler(), ...(store === undefined ? {} : { store }) }));
    a.get('/quote', (_req, res) => {
      res.json({ ok: true });
    });
    a.use(errorHandler({ log: false, strict: 'throw' }));
    return a;
  }

  it('answers past the limit with 429, Retry-After from the reset time, the RateLimit headers and no-store', async () => {
    const a = app();
    await request(a).get('/quote').expect(200);
    const res = await request(a).get('/quote').set('Accept-Language', 'es');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['ratelimit-policy']).toMatch(/^"api"; q=1; w=60/);
    expect(res.headers.ratelimit).toMatch(/^"api"; r=0; t=\d+/);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({ status: 429, detail: CATALOGS.es.statuses[429].detail });
  });

  it('waits a whole window with a store that gives no reset time', async () => {
    const hits = new Map<string, number>();
    const store: Store = {
      increment: async (key) => {
        const totalHits = (hits.get(key) ?? 0) + 1;
        hits.set(key, totalHits);
        return { totalHits, resetTime: undefined };
      },
      decrement: async () => undefined,
      resetKey: async (key) => {
        hits.delete(key);
      },
    };
    const a = app(store, 1, false);
    await request(a).get('/quote').expect(200);
    const res = await request(a).get('/quote');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
  });

  it('sends the detail it is given', async () => {
    const a = express();
    a.use(rateLimit({ validate: false, windowMs: 1000, limit: 0, handler: rateLimitHandler({ detail: 'One request a second.' }) }));
    a.get('/quote', (_req, res) => {
      res.end();
    });
    a.use(errorHandler({ log: false }));
    const res = await request(a).get('/quote');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.detail).toBe('One request a second.');
  });
});
