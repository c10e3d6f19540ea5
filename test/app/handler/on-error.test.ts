import express from 'express';
import type { Express, RequestHandler } from 'express';
import request from 'supertest';
import { errorHandler, NotFound, notFound, ServiceUnavailable } from '../../../src';
import type { ErrorHandlerOptions, ErrorResponseEvent } from '../../../src';

/** The events an app's errorHandler() reported, with the app built by `build`. */
function observed(build: (app: Express, handler: RequestHandler | ReturnType<typeof errorHandler>) => void, options: ErrorHandlerOptions = {}): { app: Express; events: ErrorResponseEvent[] } {
  const events: ErrorResponseEvent[] = [];
  const app = express();
  const handler = errorHandler({ log: false, ...options, onError: (event) => void events.push(event) });
  build(app, handler);
  return { app, events };
}

const boom = (): never => {
  throw new ServiceUnavailable(120);
};

describe('onError', () => {
  it('tells of each error response: status, route pattern, method, problem type, error type, the error and the request', async () => {
    const error = new ServiceUnavailable(120);
    let seenReq: unknown;
    const { app, events } = observed(
      (root, handler) => {
        const users = express.Router();
        users.put('/:id', (req) => {
          seenReq = req;
          throw error;
        });
        root.use('/api/users', users);
        root.use(handler);
      },
      { typeBaseUri: 'https://example.com/problems' },
    );
    await request(app).put('/api/users/42?token=secret').expect(503);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect({ ...event, error: undefined, req: undefined }).toEqual({
      status: 503,
      route: '/api/users/:id',
      method: 'PUT',
      type: 'https://example.com/problems/service-unavailable',
      errorType: 'ServiceUnavailable',
      error: undefined,
      req: undefined,
    });
    expect(event?.error).toBe(error);
    expect(event?.req).toBe(seenReq);
  });

  describe('route', () => {
    const nested = (app: Express): void => {
      const members = express.Router();
      members.get('/members/:id', boom);
      const teams = express.Router({ mergeParams: true });
      teams.use('/teams/:team', members);
      app.use('/orgs/:org', teams);
    };
    const twice = (app: Express): void => {
      const things = express.Router();
      things.get('/things/:id', boom);
      app.use('/v1', things);
      app.use('/v2', things);
    };
    const subApp = (app: Express): void => {
      const admin = express();
      admin.get('/users/:id', boom);
      app.use('/tenants/:tenant/admin', admin);
    };

    it.each<[string, (app: Express) => void, string, string]>([
      ['a route of the app', (app) => app.get('/users/:id', boom), '/users/42', '/users/:id'],
      ['routers mounted with parameters, two deep', nested, '/orgs/acme/teams/red/members/7', '/orgs/:org/teams/:team/members/:id'],
      ['a router mounted at the root', (app) => app.use(express.Router().get('/health', boom)), '/health', '/health'],
      ['the root route of a mounted router', (app) => app.use('/api', express.Router().get('/', boom)), '/api', '/api'],
      ['a route with a list of paths', (app) => app.get(['/a/:id', '/b/:id'], boom), '/b/1', '/a/:id,/b/:id'],
      ['a route with a RegExp path', (app) => app.get(/^\/re\/\d+$/, boom), '/re/12', '/^\\/re\\/\\d+$/'],
      ['a router mounted twice, under the first mount', twice, '/v1/things/1', '/v1/things/:id'],
      ['a router mounted twice, under the second mount', twice, '/v2/things/1', '/v2/things/:id'],
      ['a route of a sub-app mounted with a parameter', subApp, '/tenants/acme/admin/users/7', '/tenants/:tenant/admin/users/:id'],
      [
        'a route whose own middleware throws',
        (app) =>
          app.get(
            '/guarded/:id',
            () => {
              throw new NotFound();
            },
            (_req, res) => void res.end(),
          ),
        '/guarded/1',
        '/guarded/:id',
      ],
    ])('is the pattern for %s, never the URL', async (_name, routes, url, route) => {
      const { app, events } = observed((root, handler) => {
        routes(root);
        root.use(handler);
      });
      await request(app).get(url);
      // Twice: the second answer comes from what the first one learnt of the app.
      await request(app).get(url);
      expect(events.map((event) => event.route)).toEqual([route, route]);
    });

    it('is the pattern with the sub-app mount when errorHandler() is mounted inside the sub-app', async () => {
      const events: ErrorResponseEvent[] = [];
      const app = express();
      const admin = express();
      const users = express.Router();
      users.get('/:id', boom);
      admin.use('/users', users);
      admin.use(errorHandler({ log: false, onError: (event) => void events.push(event) }));
      app.use('/tenants/:tenant/admin', admin);
      await request(app).get('/tenants/acme/admin/users/7').expect(503);
      expect(events.map((event) => event.route)).toEqual(['/tenants/:tenant/admin/users/:id']);
    });

    it.each<[string, (app: Express) => void, string]>([
      ['an error from notFound()', (app) => app.use(notFound()), '/nowhere'],
      ['an error from notFound() after a route passed the request on', (app) => app.get('/pass', (_req, _res, next) => next()).use(notFound()), '/pass'],
      ['an error from app-level middleware', (app) => app.use(() => boom()), '/users/42'],
      ['a 400 from express.json()', (app) => app.use(express.json()).post('/users', boom), '/users'],
    ])('is undefined for %s', async (_name, routes, url) => {
      const { app, events } = observed((root, handler) => {
        routes(root);
        root.use(handler);
      });
      const post = url === '/users';
      await (post ? request(app).post(url).set('Content-Type', 'application/json').send('{bad') : request(app).get(url));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ route: undefined, status: post ? 400 : expect.any(Number) });
    });
  });

  it.each<[string, (req: object) => void]>([
    [
      'req.route throws',
      (req) =>
        Object.defineProperty(req, 'route', {
          get() {
            throw new Error('trap');
          },
        }),
    ],
    ['req.app is not an app', (req) => Object.defineProperty(req, 'app', { value: new Proxy({}, { get: () => { throw new Error('trap'); } }) })],
  ])('gives an undefined route, and the response as usual, when %s', async (_name, spoil) => {
    const events: ErrorResponseEvent[] = [];
    const handle = errorHandler({ log: false, onError: (event) => void events.push(event) });
    const app = express();
    app.get('/users/:id', (req, res, next) => {
      spoil(req);
      handle(new ServiceUnavailable(120), req, res, next);
    });
    const res = await request(app).get('/users/42');
    expect(res.status).toBe(503);
    expect(events.map((event) => [event.status, event.route])).toEqual([[503, undefined]]);
  });

  it('is called after the response is sent', async () => {
    let sent: boolean | undefined;
    const app = express();
    app.get('/boom', boom);
    app.use(errorHandler({ log: false, onError: (event) => void (sent = event.req.res?.headersSent) }));
    await request(app).get('/boom').expect(503);
    expect(sent).toBe(true);
  });

  describe('a hook that fails', () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    beforeEach(() => {
      rejections.length = 0;
      process.on('unhandledRejection', onRejection);
    });
    afterEach(() => {
      process.off('unhandledRejection', onRejection);
    });

    const thenThrows = Object.defineProperty({}, 'then', {
      get() {
        throw new Error('trap');
      },
    });
    it.each<[string, () => unknown]>([
      [
        'throws',
        () => {
          throw new Error('hook bug');
        },
      ],
      ['rejects', () => Promise.reject(new Error('metrics backend down'))],
      ['is an async function that throws', async () => {
        throw new Error('async hook bug');
      }],
      ['returns a thenable whose then throws', () => thenThrows],
      [
        'returns a thenable that rejects at once',
        () => ({
          then(_resolve: unknown, reject: (reason: unknown) => void) {
            reject(new Error('sync reject'));
          },
        }),
      ],
    ])('never changes the response, nor leaves a rejection unhandled, when it %s', async (_name, hook) => {
      const app = express();
      app.get('/boom', boom);
      app.use(errorHandler({ log: false, onError: hook as ErrorHandlerOptions['onError'] }));
      const res = await request(app).get('/boom');
      const again = await request(app).get('/boom');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('120');
      expect(res.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
      expect(again.status).toBe(503);
      expect(rejections).toEqual([]);
    });
  });

  it('is not called when the response had already started', async () => {
    const events: unknown[] = [];
    const app = express();
    app.get('/boom', (_req, res, next) => {
      res.write('partial');
      next(new Error('late'));
    });
    app.use(errorHandler({ log: false, onError: (event) => void events.push(event) }));
    await request(app).get('/boom').catch(() => undefined);
    expect(events).toEqual([]);
  });

  it("is not called when strict: 'throw' sends nothing", async () => {
    const events: unknown[] = [];
    const app = express();
    app.get('/boom', () => {
      throw new NotFound({ extensions: { 'bad name': 1 } });
    });
    app.use(errorHandler({ log: false, strict: 'throw', onError: (event) => void events.push(event) }));
    app.use(((_error, _req, res, _next) => void res.status(599).end()) as express.ErrorRequestHandler);
    await request(app).get('/boom').expect(599);
    expect(events).toEqual([]);
  });

  it('must be a function', () => {
    expect(() => errorHandler({ onError: 'metrics' as never })).toThrow(new TypeError('errorHandler: onError must be a function'));
  });
});
