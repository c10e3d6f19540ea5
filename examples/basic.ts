/**
 * The demo API: `npm run example`, then try
 *   curl -i localhost:3000/report -H 'Accept-Language: ko'
 */
import express from 'express';
import type { Express } from 'express';
import { errorHandler, InternalServerError, MethodNotAllowed, NotFound, ServiceUnavailable, TooManyRequests, Unauthorized } from '../src';

const users = new Map([[1, { id: 1, name: 'Ada' }]]);

export function createApp(): Express {
  const app = express();

  app.get('/', (_req, res) => {
    res.json({
      try: ['/report', '/users/1', '/users/42', '/items (POST)', '/me', '/search', '/crash', '/db'],
      hint: 'send Accept-Language: ko for Korean',
    });
  });
  // 503 with Retry-After: 120 and Cache-Control: no-store.
  app.get('/report', () => {
    throw new ServiceUnavailable(120);
  });
  // 404 whose detail the client may read; async handlers work on Express 5.
  app.get('/users/:id', async (req, res) => {
    const user = users.get(Number(req.params.id));
    if (user === undefined) throw new NotFound(`No user ${req.params.id}`);
    res.json(user);
  });
  app.get('/items', (_req, res) => {
    res.json([]);
  });
  // 405 with the Allow header RFC 9110 requires.
  app.all('/items', () => {
    throw new MethodNotAllowed(['GET', 'HEAD']);
  });
  // 401 with a Bearer challenge in WWW-Authenticate.
  app.get('/me', () => {
    throw new Unauthorized({ scheme: 'Bearer', realm: 'demo', params: { error: 'invalid_token' } });
  });
  // 429 with a Retry-After date.
  app.get('/search', () => {
    throw new TooManyRequests(new Date(Date.now() + 60_000), { detail: 'At most 10 searches a minute.' });
  });
  // A bug: the client sees a localised 500, never the message.
  app.get('/crash', () => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret')");
  });
  // A 5xx wrapping its cause: logged in full, shown to nobody.
  app.get('/db', () => {
    throw new InternalServerError('Query failed', { cause: new Error('connect ECONNREFUSED 10.0.0.5:5432') });
  });

  app.use(errorHandler());
  return app;
}
