import express5 from 'express';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { errorHandler, isMessage, notFound } from '../../src';
import type { NotFoundOptions } from '../../src';
import * as routes from '../../src/not-found/walk';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4 = require('express4') as typeof express5;

const ok: RequestHandler = (_req, res) => {
  res.send('ok');
};

/**
 * An API with nested routers and parameters, no PATCH route, and our two middlewares last;
 * with `companion`, `answerOptions` is mounted first.
 */
function api(express: typeof express5, options: NotFoundOptions = {}, extra?: (app: Express) => void, companion = false): Express {
  const unmatched = notFound(options);
  const app = express();
  if (companion) app.use(unmatched.answerOptions);
  app.use(express.json());
  const users = express.Router();
  users.route('/').get(ok).post(ok);
  users.get('/:id', ok);
  users.put('/:id', ok);
  users.delete('/:id', ok);
  const v1 = express.Router();
  v1.use('/users', users);
  app.use('/api', v1);
  app.get('/health', ok);
  app.post('/login', ok);
  extra?.(app);
  app.use(unmatched);
  app.use(errorHandler({ log: false }));
  return app;
}

describe.each([
  ['Express 4', express4],
  ['Express 5', express5],
])('notFound() on %s', (_name, express) => {
  it('answers an unknown path with a 404 problem and no Allow', async () => {
    const res = await request(api(express)).get('/nope').set('Accept-Language', 'ko');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers.allow).toBeUndefined();
    expect(res.headers['content-language']).toBe('ko');
    expect(res.body).toMatchObject({ status: 404, instance: '/nope' });
  });

  it.each([
    ['delete', '/health', 'GET, HEAD, OPTIONS'],
    ['put', '/login', 'OPTIONS, POST'],
    ['post', '/api/users/7', 'DELETE, GET, HEAD, OPTIONS, PUT'],
    ['delete', '/api/users', 'GET, HEAD, OPTIONS, POST'],
    ['post', '/API/Users/7/', 'DELETE, GET, HEAD, OPTIONS, PUT'],
  ] as const)('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await request(api(express))[method](path);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.body).toMatchObject({ status: 405, instance: path });
  });

  it.each([
    ['patch', '/api/users/7'],
    ['patch', '/nope'],
  ] as const)('answers %s %s with 501 because no route has that method', async (method, path) => {
    const res = await request(api(express))[method](path);
    expect(res.status).toBe(501);
    expect(res.headers.allow).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each(['get', 'head'] as const)('answers %s on a path that only has POST with 404, never 405 or 501', async (method) => {
    const res = await request(api(express))[method]('/login');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
  });

  it.each(['get', 'head'] as const)('answers %s with 404, not 501, in an app without any GET route', async (method) => {
    const app = express();
    app.post('/items', ok);
    app.use(notFound());
    app.use(errorHandler({ log: false }));
    expect((await request(app)[method]('/nope')).status).toBe(404);
    expect((await request(app)[method]('/items')).status).toBe(404);
  });

  it('answers HEAD with the GET route, not with 405', async () => {
    const res = await request(api(express)).head('/api/users/7');
    expect(res.status).toBe(200);
  });

  it.each(['get', 'head'] as const)('answers %s with 405 on a path that only has POST when methodNotAllowedForGet is set', async (method) => {
    const res = await request(api(express, { methodNotAllowedForGet: true }))[method]('/login');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('OPTIONS, POST');
  });

  it('answers OPTIONS on a path with routes with 204 and Allow', async () => {
    const app = api(express, {}, (a) => {
      a.put('/health', ok);
    });
    const res = await request(app).options('/health');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
    expect(res.text).toBe('');
  });

  it('leaves OPTIONS in a nested router to Express without unmatched.answerOptions, as Express answers it before notFound()', async () => {
    const res = await request(api(express)).options('/api/users/7');
    expect(res.status).toBe(200);
    expect(res.headers.allow?.replace(/ /g, '').split(',').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PUT']);
  });

  describe('with unmatched.answerOptions mounted before the routes', () => {
    const withCompanion = (options: NotFoundOptions = {}, extra?: (app: Express) => void): Express => api(express, options, extra, true);

    it.each([
      ['/api/users/7', 'DELETE, GET, HEAD, OPTIONS, PUT'],
      ['/api/users', 'GET, HEAD, OPTIONS, POST'],
      ['/health', 'GET, HEAD, OPTIONS'],
    ])('answers OPTIONS %s with 204 and Allow: %s', async (path, allow) => {
      const res = await request(withCompanion()).options(path);
      expect(res.status).toBe(204);
      expect(res.headers.allow).toBe(allow);
      expect(res.text).toBe('');
    });

    it('passes other methods on untouched', async () => {
      const app = withCompanion();
      expect((await request(app).get('/api/users/7')).text).toBe('ok');
      const res = await request(app).post('/api/users/7');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('DELETE, GET, HEAD, OPTIONS, PUT');
    });

    it('answers OPTIONS on an unknown path with 404 through notFound()', async () => {
      const res = await request(withCompanion()).options('/api/nope');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    });

    it('leaves a CORS preflight to the app', async () => {
      const app = withCompanion({}, (a) => {
        a.options('/health', (_req, res) => {
          res.status(204).set('Access-Control-Allow-Methods', 'GET').end();
        });
      });
      const preflight = await request(app).options('/api/users/7').set('Origin', 'https://a.example').set('Access-Control-Request-Method', 'PUT');
      // No cors() here: Express's router answers, as it would without the companion.
      expect(preflight.status).toBe(200);
      const handled = await request(app).options('/health').set('Origin', 'https://a.example').set('Access-Control-Request-Method', 'GET');
      expect(handled.headers['access-control-allow-methods']).toBe('GET');
    });

    it('leaves an OPTIONS request with Origin to cors() in a nested router', async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cors = require('cors') as () => RequestHandler;
      const app = withCompanion({}, (a) => {
        const open = express.Router();
        open.use(cors());
        open.get('/feed', ok);
        a.use('/open', open);
      });
      const res = await request(app).options('/open/feed').set('Origin', 'https://a.example');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('leaves a path Express cannot decode to Express, which answers 400', async () => {
      const res = await request(withCompanion()).options('/api/users/%E0%A4%A');
      expect(res.status).toBe(400);
    });

    it('leaves OPTIONS to a route of the path that handles it, even in a nested router', async () => {
      const app = withCompanion({}, (a) => {
        const docs = express.Router();
        docs.options('/spec', (_req, res) => {
          res.status(200).send('spec options');
        });
        docs.get('/spec', ok);
        a.use('/docs', docs);
      });
      const res = await request(app).options('/docs/spec');
      expect(res.status).toBe(200);
      expect(res.text).toBe('spec options');
    });

    it('leaves OPTIONS alone on a path it cannot read', async () => {
      const app = withCompanion({}, (a) => {
        a.all('/dynamic', (req, res, next) => (req.method === 'OPTIONS' ? res.status(200).send('dynamic') : next()));
        a.get('/dynamic', ok);
      });
      expect((await request(app).options('/dynamic')).text).toBe('dynamic');
    });
  });

  it('answers OPTIONS on an unknown path with 404', async () => {
    const res = await request(api(express)).options('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
  });

  it('leaves OPTIONS to the app when it has an OPTIONS route', async () => {
    const app = api(express, {}, (a) => {
      a.options('/health', (_req, res) => {
        res.set('Allow', 'GET').status(200).send('mine');
      });
    });
    const res = await request(app).options('/health');
    expect(res.status).toBe(200);
    expect(res.text).toBe('mine');
  });

  it('answers 404 where the OPTIONS route of the path passes the request on', async () => {
    const app = api(express, {}, (a) => {
      a.options('/health', (_req, _res, next) => next());
    });
    const res = await request(app).options('/health');
    expect(res.status).toBe(404);
  });

  it('answers 404 when the route for the method exists but passes the request on', async () => {
    const app = api(express, {}, (a) => {
      a.put('/health', (_req, _res, next) => next());
    });
    const res = await request(app).put('/health');
    expect(res.status).toBe(404);
  });

  it('answers a wrong method with 404 when methodNotAllowed is false', async () => {
    const res = await request(api(express, { methodNotAllowed: false })).delete('/health');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
  });

  it('answers a method no route has with 405 on a known path when notImplemented is false', async () => {
    const res = await request(api(express, { notImplemented: false })).patch('/health');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers a method no route has with 404 on an unknown path when notImplemented is false', async () => {
    const res = await request(api(express, { notImplemented: false })).patch('/nope');
    expect(res.status).toBe(404);
  });

  it('reads routers mounted at a path with parameters', async () => {
    const app = api(express, {}, (a) => {
      const repos = express.Router({ mergeParams: true });
      repos.get('/repos/:repo', ok);
      a.use('/orgs/:org', repos);
    });
    const res = await request(app).post('/orgs/acme/repos/site');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).post('/orgs/acme/other')).status).toBe(404);
  });

  it('reads RegExp routes and routes with several paths', async () => {
    const app = api(express, {}, (a) => {
      a.get(/^\/reports\/\d+$/, ok);
      a.put(['/a', '/b'], ok);
    });
    expect((await request(app).delete('/reports/12')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).delete('/reports/x')).status).toBe(404);
    expect((await request(app).delete('/b')).headers.allow).toBe('OPTIONS, PUT');
  });

  it('answers 404, not 405 or 501, on a path an app.all() route matches', async () => {
    const app = api(express, {}, (a) => {
      a.all('/dynamic', (req, res, next) => (req.method === 'PUT' ? res.send('put') : next()));
      a.get('/dynamic', ok);
    });
    expect((await request(app).put('/dynamic')).text).toBe('put');
    const res = await request(app).delete('/dynamic');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
    // The app.all() route may implement any method, so PATCH is not known to be unimplemented.
    expect((await request(app).patch('/nope')).status).toBe(404);
  });

  it('answers 404 under middleware mounted at a path, which may answer any method', async () => {
    const app = api(express, {}, (a) => {
      a.use('/legacy', (req, res, next) => (req.method === 'PATCH' ? res.send('patched') : next()));
      a.get('/legacy/page', ok);
    });
    expect((await request(app).patch('/legacy/page')).text).toBe('patched');
    expect((await request(app).delete('/legacy/page')).status).toBe(404);
    expect((await request(app).delete('/health')).status).toBe(405);
  });

  it('answers 404 under express.static mounted at a path, and still 501 elsewhere', async () => {
    const app = api(express, {}, (a) => {
      a.use('/public', express.static(__dirname));
      a.put('/public/upload', ok);
    });
    expect((await request(app).delete('/public/upload')).status).toBe(404);
    expect((await request(app).patch('/health')).status).toBe(501);
  });

  it('takes body parsers mounted at a path as passing requests on', async () => {
    const app = api(express, {}, (a) => {
      a.use('/api', express.urlencoded({ extended: false }));
    });
    const res = await request(app).post('/api/users/7');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('DELETE, GET, HEAD, OPTIONS, PUT');
  });

  it('answers 404 and no 501 where middleware at the root may answer a method no route shows', async () => {
    const app = api(express, {}, (a) => {
      a.use((req, res, next) => (req.method === 'PATCH' && req.path === '/health' ? res.send('patched') : next()));
    });
    expect((await request(app).patch('/health')).text).toBe('patched');
    // 405 here would need an Allow with PATCH in it, which no route shows.
    const res = await request(app).delete('/health');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
    expect((await request(app).patch('/nope')).status).toBe(404);
  });

  it('keeps 405 and 501 for root middleware vouched for in trustMiddleware', async () => {
    const stamp: RequestHandler = (_req, res, next) => {
      res.set('X-Seen', '1');
      next();
    };
    const app = api(express, { trustMiddleware: [stamp] }, (a) => {
      a.use(stamp);
    });
    const res = await request(app).delete('/health');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.headers['x-seen']).toBe('1');
    expect((await request(app).patch('/health')).status).toBe(501);
  });

  it('vouches for every root middleware with trustMiddleware: true, but not for middleware at a path', async () => {
    const app = api(express, { trustMiddleware: true }, (a) => {
      a.use((_req, _res, next) => next());
      a.use('/legacy', (_req, _res, next) => next());
      a.put('/legacy/page', ok);
    });
    expect((await request(app).delete('/health')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).delete('/legacy/page')).status).toBe(404);
    // The middleware at /legacy may implement PATCH, so it is not known to be unimplemented.
    expect((await request(app).patch('/health')).status).toBe(405);
  });

  it('reads root middleware inside a nested router like root middleware of the app', async () => {
    const guard: RequestHandler = (_req, _res, next) => next();
    const build = (options: NotFoundOptions): Express => {
      const app = express();
      const admin = express.Router();
      admin.use(guard);
      admin.get('/stats', ok);
      app.use('/admin', admin);
      app.get('/health', ok);
      app.post('/login', ok);
      app.use(notFound(options));
      app.use(errorHandler({ log: false }));
      return app;
    };
    expect((await request(build({})).post('/admin/stats')).status).toBe(404);
    expect((await request(build({})).post('/health')).status).toBe(405);
    expect((await request(build({ trustMiddleware: [guard] })).post('/admin/stats')).headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('keeps an exact Allow under express.static at the root where the path has a GET route', async () => {
    const app = api(express, {}, (a) => {
      a.use(express.static(__dirname));
      a.put('/upload', ok);
    });
    // A file could answer GET at any path, which only a GET route already in Allow makes moot.
    expect((await request(app).delete('/health')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).delete('/upload')).status).toBe(404);
    expect((await request(app).patch('/health')).status).toBe(501);
  });

  it('sees routes added to a router after the first request', async () => {
    const app = api(express);
    expect((await request(app).delete('/health')).headers.allow).toBe('GET, HEAD, OPTIONS');
    const late = express.Router();
    late.delete('/health', ok);
    // Registered after notFound(): not reached, and not counted.
    app.use(late);
    expect((await request(app).delete('/health')).headers.allow).toBe('GET, HEAD, OPTIONS');
    const stack = routes.stackOf(app) ?? [];
    const v1 = stack.find((layer) => layer.name === 'router')?.handle as { put: (path: string, fn: RequestHandler) => void };
    v1.put('/users', ok);
    const res = await request(app).delete('/api/users');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, POST, PUT');
  });

  it('ignores routes registered after notFound(), which no request reaches', async () => {
    const app = api(express);
    app.patch('/late', ok);
    const res = await request(app).patch('/late');
    expect(res.status).toBe(501);
  });

  it('answers from inside a nested router with the routes of the whole app before it', async () => {
    const app = express();
    app.get('/api/status', ok);
    app.delete('/api/old', ok);
    const v1 = express.Router();
    v1.put('/items/:id', ok);
    v1.use(notFound());
    app.use('/api', v1);
    app.post('/api/status', ok); // after notFound(): never reached
    app.use(errorHandler({ log: false }));
    expect((await request(app).delete('/api/items/3')).headers.allow).toBe('OPTIONS, PUT');
    const status = await request(app).put('/api/status');
    expect(status.status).toBe(405);
    expect(status.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers inside a mounted sub-app with the sub-app routes', async () => {
    const sub = express();
    sub.get('/things', ok);
    sub.put('/other', ok);
    sub.use(notFound());
    sub.use(errorHandler({ log: false }));
    const app = api(express, {}, (a) => {
      a.use('/v1', sub);
    });
    const res = await request(app).put('/v1/things');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers 404 under a sub-app that has no notFound() of its own', async () => {
    const sub = express();
    sub.get('/things', ok);
    const app = api(express, {}, (a) => {
      a.use('/v1', sub);
    });
    expect((await request(app).delete('/v1/things')).status).toBe(404);
  });

  it('answers 404 in a sub-app mounted through a router, whose outer routes it cannot see', async () => {
    const sub = express();
    sub.get('/items', ok);
    sub.put('/z', ok);
    sub.use(notFound());
    sub.use(errorHandler({ log: false }));
    const router = express.Router();
    router.use('/v2', sub);
    const app = express();
    app.post('/v2/items', ok);
    app.use(router);
    // POST /v2/items is answered by the outer app, so an Allow of GET, HEAD, OPTIONS would be wrong.
    expect((await request(app).post('/v2/items')).text).toBe('ok');
    const res = await request(app).put('/v2/items');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
  });

  it('leaves OPTIONS in such a sub-app to Express, as by default', async () => {
    const unmatched = notFound();
    const sub = express();
    sub.use(unmatched.answerOptions);
    sub.get('/items/:id', ok);
    sub.use(unmatched);
    sub.use(errorHandler({ log: false }));
    const tenants = express.Router();
    tenants.use('/:tenant', sub);
    const app = express();
    app.use(tenants);
    const res = await request(app).options('/acme/items/3');
    expect(res.status).toBe(200);
    expect(res.headers.allow?.replace(/ /g, '')).toBe('GET,HEAD');
  });

  it('gives a sub-app its 405 only where its parent has nothing else for the path', async () => {
    const sub = express();
    sub.get('/login', ok);
    sub.get('/profile', ok);
    sub.use(notFound());
    sub.use(errorHandler({ log: false }));
    const app = express();
    app.post('/api/login', ok);
    app.use('/api', sub);
    expect((await request(app).post('/api/login')).text).toBe('ok');
    expect((await request(app).put('/api/login')).status).toBe(404);
    const res = await request(app).put('/api/profile');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('reads notFound() mounted at a path by the path Express dispatched to it', async () => {
    const unmatched = notFound();
    const app = express();
    app.use('/api', unmatched.answerOptions);
    app.get('/x', ok);
    app.get('/api/y', ok);
    app.post('/login', ok);
    app.use('/api', unmatched);
    app.use(errorHandler({ log: false }));
    const wrong = await request(app).post('/api/x');
    expect(wrong.status).toBe(404);
    expect(wrong.headers.allow).toBeUndefined();
    const known = await request(app).post('/api/y');
    expect(known.status).toBe(405);
    expect(known.headers.allow).toBe('GET, HEAD, OPTIONS');
    // Mounted at a path, the companion passes everything on.
    expect((await request(app).options('/api/x')).status).toBe(404);
  });

  it('reads a request for exactly a mount path as Express does, with strict routing', async () => {
    const app = express();
    app.set('strict routing', true);
    app.post('/api', ok);
    app.put('/elsewhere', ok);
    const apiRouter = express.Router({ strict: true });
    apiRouter.get('/', ok);
    apiRouter.use(notFound());
    app.use('/api', apiRouter);
    app.use(errorHandler({ log: false }));
    expect((await request(app).post('/api')).text).toBe('ok');
    const res = await request(app).put('/api');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, POST');
    // With the slash, the app-level POST /api does not match.
    expect((await request(app).post('/api/')).status).toBe(405);
    expect((await request(app).put('/api/')).headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('reads a double slash after a mount path as Express does', async () => {
    const app = express();
    app.delete('/api/users', ok);
    app.put('/elsewhere', ok);
    const apiRouter = express.Router();
    apiRouter.get('/users', ok);
    apiRouter.use(notFound());
    app.use('/api', apiRouter);
    app.use(errorHandler({ log: false }));
    // Express 4 drops one slash when it cuts the mount path, so its router's GET /users answers;
    // Express 5 keeps both, and nothing matches. The app-level DELETE /api/users never does.
    expect((await request(app).get('/api//users')).status).toBe(express === express4 ? 200 : 404);
    for (const method of ['delete', 'put'] as const) {
      const res = await request(app)[method]('/api//users');
      expect(res.text).not.toBe('ok');
      if (express === express4) {
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
      } else {
        expect(res.status).toBe(404);
      }
    }
  });

  it('reads a raw request target with a backslash and a fragment as Express does', async () => {
    const unmatched = notFound();
    const app = express();
    app.use(unmatched.answerOptions);
    app.get('/:p', ok);
    app.post('/x/y', ok);
    app.use(unmatched);
    app.use(errorHandler({ log: false }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    // supertest would encode the target; a raw request sends it as a client could.
    const send = (method: string): Promise<{ status: number; allow: string | undefined; body: string }> =>
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, method, path: '/x\\y#' }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      // Express reads `/x\y#` as `/x/y`: POST is answered, GET (one segment) is not.
      expect((await send('POST')).body).toBe('ok');
      expect((await send('GET')).status).toBe(404);
      const options = await send('OPTIONS');
      expect(options.status).toBe(204);
      expect(options.allow).toBe('OPTIONS, POST');
    } finally {
      server.close();
    }
  });

  it('stops at another notFound() inside a router, which ends every request it sees', async () => {
    const top = notFound();
    const app = express();
    app.use(top.answerOptions);
    const apiRouter = express.Router();
    apiRouter.get('/users', ok);
    apiRouter.use(notFound());
    app.use('/api', apiRouter);
    app.post('/api/legacy', ok); // never reached: the router's notFound() ends /api/*
    app.get('/health', ok);
    app.use(top);
    app.use(errorHandler({ log: false }));
    expect((await request(app).post('/api/legacy')).status).toBe(404);
    const options = await request(app).options('/api/legacy');
    expect(options.status).toBe(404);
    expect(options.headers.allow).toBeUndefined();
    expect((await request(app).options('/api/users')).headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('answers one instance mounted both in a router and at the top by the path of each', async () => {
    const unmatched = notFound();
    const r = express.Router();
    r.get('/a', ok);
    r.use(unmatched);
    const app = express();
    app.use('/api', r);
    app.post('/a', ok);
    app.put('/b', ok);
    app.use(unmatched);
    app.use(errorHandler({ log: false }));
    expect((await request(app).put('/api/a')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).put('/a')).headers.allow).toBe('OPTIONS, POST');
  });

  it('reads the path a URL-rewriting middleware left, as Express routed it', async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.url = req.url.replace(/^\/v1/, '');
      next();
    });
    app.get('/users', ok);
    app.post('/v1/users', ok);
    app.put('/things', ok);
    app.use(notFound({ trustMiddleware: true }));
    app.use(errorHandler({ log: false }));
    const res = await request(app).put('/v1/users');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.body).toMatchObject({ instance: '/v1/users' });
  });

  it('leaves OPTIONS on a routed path it cannot read to Express, not 404', async () => {
    const app = express();
    app.use(function requestId(_req: unknown, _res: unknown, next: () => void) {
      next();
    });
    app.get('/users', ok);
    app.use(notFound());
    app.use(errorHandler({ log: false }));
    const res = await request(app).options('/users');
    expect(res.status).toBe(200);
    expect(res.headers.allow?.replace(/ /g, '')).toBe('GET,HEAD');
    expect((await request(app).options('/nope')).status).toBe(404);
  });

  it('keeps literals of layers after a nested notFound() apart in the cache', async () => {
    const unmatched = notFound();
    const app = express();
    app.use(unmatched.answerOptions);
    const apiRouter = express.Router();
    apiRouter.get('/x', ok);
    apiRouter.use(unmatched);
    app.use('/api', apiRouter);
    app.get('/a/foo', ok);
    app.post('/a/bar', ok);
    app.use(errorHandler({ log: false }));
    expect((await request(app).options('/a/foo')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).options('/a/bar')).headers.allow).toBe('OPTIONS, POST');
    expect((await request(app).post('/api/x')).headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('counts routes after a nested notFound() and in a parent app before answering 501', async () => {
    const nested = express();
    const apiRouter = express.Router();
    apiRouter.get('/x', ok);
    apiRouter.use(notFound());
    nested.use('/api', apiRouter);
    nested.patch('/other', ok);
    nested.use(errorHandler({ log: false }));
    expect((await request(nested).patch('/api/y')).status).toBe(404);
    expect((await request(nested).patch('/api/x')).status).toBe(405);

    const sub = express();
    sub.get('/x', ok);
    sub.use(notFound());
    sub.use(errorHandler({ log: false }));
    const parent = express();
    parent.use('/sub', sub);
    parent.patch('/other', ok);
    // The sub-app cannot see its parent's routes: PATCH may be implemented, so no 501.
    expect((await request(parent).patch('/sub/y')).status).toBe(404);
    expect((await request(parent).put('/sub/x')).headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('sees through a second instance of notFound() and its companion', async () => {
    const app = express();
    app.use(notFound().answerOptions);
    app.get('/users', ok);
    app.post('/login', ok);
    app.use(notFound());
    app.use(errorHandler({ log: false }));
    expect((await request(app).delete('/users')).status).toBe(501);
    expect((await request(app).post('/users')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).options('/users')).status).toBe(204);
  });

  it('never trusts a sub-app mounted at the root, even with trustMiddleware: true', async () => {
    const sub = express();
    sub.put('/y', ok);
    const router = express.Router();
    router.use(sub);
    const app = api(express, { trustMiddleware: true }, (a) => {
      a.use(router);
      a.get('/y', ok);
    });
    expect((await request(app).put('/y')).text).toBe('ok');
    expect((await request(app).delete('/y')).status).toBe(404);
  });

  it('does not take middleware named like Express 4 built-ins for them', async () => {
    const app = api(express, {}, (a) => {
      a.get('/rpc', ok);
      a.use('/rpc', function query(req: { method: string }, res: { send: (body: string) => void }, next: () => void) {
        if (req.method === 'POST') res.send('rpc');
        else next();
      });
    });
    expect((await request(app).post('/rpc')).text).toBe('rpc');
    expect((await request(app).put('/rpc')).status).toBe(404);

    // At the very top: Express 4's own first two layers come before it, Express 5 has none.
    const top = express();
    top.use(function query(req: { method: string; path: string }, res: { send: (body: string) => void }, next: () => void) {
      if (req.method === 'PATCH' && req.path === '/users') res.send('patched');
      else next();
    });
    top.get('/users', ok);
    top.patch('/other', ok);
    top.use(notFound());
    top.use(errorHandler({ log: false }));
    expect((await request(top).patch('/users')).text).toBe('patched');
    expect((await request(top).put('/users')).status).toBe(404);
    expect((await request(top).options('/users')).status).toBe(200);
  });

  it('reads a router mounted inside itself without running away', async () => {
    const app = api(express, {}, (a) => {
      const loop = express.Router();
      loop.get('/leaf', ok);
      loop.use('/r', loop);
      a.use('/loop', loop);
    });
    const res = await request(app).delete('/loop/r/r/leaf');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).delete('/nope')).status).toBe(404);
  });

  it('gives the error the detail message key with the method and path', async () => {
    const seen: unknown[] = [];
    const capture: ErrorRequestHandler = (error: { status: number }, _req, res, _next) => {
      seen.push(error);
      res.status(error.status).end();
    };
    const app = express();
    app.get('/health', ok);
    app.delete('/other', ok);
    app.use(notFound({ detailKey: { notFound: 'route.missing', methodNotAllowed: 'route.method' } }));
    app.use(capture);
    await request(app).get('/nope?q=1');
    await request(app).delete('/health');
    const [missing, method] = seen as [{ detail: unknown }, { detail: unknown }];
    expect(isMessage(missing.detail)).toBe(true);
    expect(missing.detail).toMatchObject({ key: 'route.missing', params: { method: 'GET', path: '/nope' } });
    expect(method.detail).toMatchObject({ key: 'route.method', params: { method: 'DELETE', path: '/health', allow: 'GET, HEAD, OPTIONS' } });
  });

  it('renders the detail key of each outcome through errorHandler messages in the client language', async () => {
    const app = express();
    app.get('/health', ok);
    app.delete('/other', ok);
    app.use(notFound({ detailKey: { notFound: 'route.missing', methodNotAllowed: 'route.method', notImplemented: 'route.unknownMethod' } }));
    app.use(
      errorHandler({
        log: false,
        messages: {
          en: { 'route.missing': 'Nothing at {path}.', 'route.method': '{method} is not allowed; use {allow}.', 'route.unknownMethod': 'No route answers {method}.' },
          ko: { 'route.missing': '{path}에는 아무것도 없습니다.', 'route.method': '{method}는 허용되지 않습니다. {allow}를 사용하십시오.', 'route.unknownMethod': '{method}에 응답하는 경로가 없습니다.' },
        },
      }),
    );
    const missing = await request(app).get('/nope').set('Accept-Language', 'ko');
    const method = await request(app).delete('/health');
    const unknown = await request(app).patch('/health');
    expect(missing.body).toMatchObject({ status: 404, detail: '/nope에는 아무것도 없습니다.' });
    expect(method.body).toMatchObject({ status: 405, detail: 'DELETE is not allowed; use GET, HEAD, OPTIONS.' });
    expect(unknown.body).toMatchObject({ status: 501, detail: 'No route answers PATCH.' });
  });

  it('uses one detail key for every answer when given a string', async () => {
    const seen: { detail?: unknown }[] = [];
    const app = express();
    app.use(notFound({ detailKey: 'route.none' }));
    app.use(((error: { detail?: unknown }, _req, res, _next) => {
      seen.push(error);
      res.status(501).end();
    }) as ErrorRequestHandler);
    await request(app).patch('/x');
    expect(seen[0]?.detail).toMatchObject({ key: 'route.none', params: { method: 'PATCH', path: '/x' } });
  });
});

describe('notFound() caching', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the routes once per path shape', async () => {
    const count = jest.spyOn(routes, 'methodsOf');
    const app = api(express5);
    for (const id of ['1', '2', '3', 'abc']) expect((await request(app).post(`/api/users/${id}`)).status).toBe(405);
    expect(count).toHaveBeenCalledTimes(1);
    await request(app).delete('/api/users');
    await request(app).delete('/nope/1');
    await request(app).delete('/nope/2');
    expect(count).toHaveBeenCalledTimes(3);
  });

  it('reads the whole app once, at the first request it answers', async () => {
    const count = jest.spyOn(routes, 'summarize');
    const app = api(express5);
    expect(count).toHaveBeenCalledTimes(0);
    await request(app).delete('/health');
    await request(app).patch('/health');
    await request(app).get('/nope');
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('keeps each path apart when a pattern is not made of whole segments', async () => {
    const count = jest.spyOn(routes, 'methodsOf');
    const app = api(express5, {}, (a) => a.get('/files/:name.:ext', ok));
    expect((await request(app).delete('/files/a.txt')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await request(app).delete('/files/atxt')).status).toBe(404);
    expect((await request(app).delete('/files/a.txt')).status).toBe(405);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('keeps at most 1000 path shapes and drops the least recently used', () => {
    const count = jest.spyOn(routes, 'methodsOf');
    const app = express5();
    app.get(/^\/n\/\d+$/, ok);
    const handler = notFound();
    app.use(handler);
    const call = (url: string): void => {
      const req = { method: 'DELETE', url, originalUrl: url, app } as unknown as Parameters<RequestHandler>[0];
      handler(req, {} as Parameters<RequestHandler>[1], () => undefined);
    };
    call('/n/0');
    for (let i = 1; i < 1000; i++) call(`/n/${i}`);
    call('/n/0'); // used again: now the most recent
    call('/n/1000'); // evicts /n/1
    expect(count).toHaveBeenCalledTimes(1001);
    call('/n/0');
    expect(count).toHaveBeenCalledTimes(1001);
    call('/n/1');
    expect(count).toHaveBeenCalledTimes(1002);
  });
});
