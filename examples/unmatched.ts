/**
 * Requests no route answers: `npm run example -- unmatched`, then try
 *   curl -i localhost:3000/nope                    # 404
 *   curl -i -X POST localhost:3000/api/users/1     # 405, Allow: GET, HEAD, OPTIONS, PUT
 *   curl -i -X PATCH localhost:3000/api/users/1    # 501: no route has PATCH
 *   curl -i -X OPTIONS localhost:3000/health       # 204, Allow: GET, HEAD, OPTIONS
 *   curl -i -X OPTIONS localhost:3000/api/users/1  # 204, Allow: GET, HEAD, OPTIONS, PUT (nested router)
 */
import express from 'express';
import type { Express, RequestHandler } from 'express';
import { errorHandler, notFound } from '../src';

const ok: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};

/** The example's routes, with `before` mounted ahead of them (the OPTIONS companion); also used by bench/micro.ts. */
export function addRoutes(app: Express, before?: RequestHandler): void {
  app.use(express.json());
  if (before !== undefined) app.use(before);
  const users = express.Router();
  users.route('/').get(ok).post(ok);
  users.get('/:id', ok);
  users.put('/:id', ok);
  app.use('/api/users', users);
  app.get('/health', ok);
}

/** The API with `notFound()` and `errorHandler()`: unmatched requests get a problem+json 404, 405 or 501. */
export function createApp(): Express {
  const app = express();
  const unmatched = notFound();
  // Before the routes, so that OPTIONS for the nested router gets our 204 and Allow too.
  addRoutes(app, unmatched.answerOptions);
  app.use(unmatched);
  app.use(errorHandler());
  return app;
}

/** The same routes with nothing after them: Express's own HTML "Cannot GET" 404, for comparison. */
export function createExpressDefaultApp(): Express {
  const app = express();
  addRoutes(app);
  return app;
}
