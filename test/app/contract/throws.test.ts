import express from 'express';
import type { RequestHandler } from 'express';
import { expressjwt } from 'express-jwt';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import * as OpenApiValidator from 'express-openapi-validator';
import { body } from 'express-validator';
import multer from 'multer';
import { rateLimit } from 'express-rate-limit';
import request from 'supertest';
import { BadRequest, Conflict, errorHandler, Forbidden, NotFound, notFound, openApiPaths, PaymentRequired, throws, Unauthorized } from '../../../src';
import type { StrictViolationError } from '../../../src';

// passport ships no types; only authenticate() is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const passport = require('passport') as { authenticate(strategy: string, options: object): RequestHandler };
/* eslint-disable @typescript-eslint/no-require-imports */
const csurf = require('csurf') as (options: object) => RequestHandler;
const timeout = require('connect-timeout') as (time: string) => RequestHandler;
// celebrate is published as ES modules only; jest's transform makes it requirable.
const { celebrate, Joi, Segments } = require('celebrate') as typeof import('celebrate', { with: { 'resolution-mode': 'import' } });
/* eslint-enable @typescript-eslint/no-require-imports */
// Express 4's application still has the `del` alias that Express 5 removed.
const EXPRESS4 = 'del' in express.application;
const ok: RequestHandler = (_req, res) => {
  res.end();
};
const outOfCredit = { type: 'https://example.com/probs/out-of-credit', status: 402, extensions: { balance: 'number' } } as const;

type Operation = { operationId: string; parameters?: { name: string }[]; responses: Record<string, { $ref: string }> };
function operations(app: express.Express): Record<string, Record<string, Operation>> {
  return openApiPaths(app).paths as unknown as Record<string, Record<string, Operation>>;
}
function statuses(app: express.Express, path: string, method: string): string[] {
  return Object.keys(operations(app)[path]?.[method]?.responses ?? {});
}

describe('throws()', () => {
  it('passes the request on and changes nothing', async () => {
    const app = express();
    app.get('/x', throws(NotFound), (_req, res) => {
      res.json({ ok: true });
    });
    const res = await request(app).get('/x');
    expect([res.status, res.body]).toEqual([200, { ok: true }]);
  });

  it('accepts our classes, their subclasses, status codes and declared problem types, and nothing else', () => {
    class NoUser extends NotFound {}
    expect(() => throws(NotFound, NoUser, 409, outOfCredit)).not.toThrow();
    // @ts-expect-error: an Error that is not one of ours
    expect(() => throws(Error)).toThrow(TypeError);
    // @ts-expect-error: 200 is not an error status
    expect(() => throws(200)).toThrow(TypeError);
    // @ts-expect-error: a string is not a declaration
    expect(() => throws('NotFound')).toThrow(/throws: "NotFound" is neither/);
    // A problem type needs a URI reference as its type.
    expect(() => throws({ type: 'a b', status: 402 })).toThrow(TypeError);
    // @ts-expect-error: 299 is not an error status
    expect(() => throws({ type: 'https://example.com/x', status: 299 })).toThrow(TypeError);
  });
});

describe('openApiPaths()', () => {
  it('gives one operation per route and method, with {id} parameters, the declared statuses, 500 and the fallbacks', () => {
    const app = express();
    app.get('/users/:id', throws(NotFound, Forbidden), ok);
    app.delete('/users/:id', throws(Forbidden), ok);
    app.get('/health', ok);
    const paths = operations(app);
    expect(Object.keys(paths)).toEqual(['/users/{id}', '/health']);
    expect(paths['/users/{id}']?.get).toEqual({
      summary: 'GET /users/{id}',
      operationId: 'getUsersById',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '403': { $ref: '#/components/responses/Forbidden' },
        '404': { $ref: '#/components/responses/NotFound' },
        '500': { $ref: '#/components/responses/InternalServerError' },
        '4XX': { $ref: '#/components/responses/ClientError' },
        '5XX': { $ref: '#/components/responses/ServerError' },
      },
    });
    expect(statuses(app, '/users/{id}', 'delete')).toEqual(['403', '500', '4XX', '5XX']);
    expect(statuses(app, '/health', 'get')).toEqual(['500', '4XX', '5XX']);
  });

  it('joins the mount paths of nested routers, and a router-level throws() covers only the routes below it', () => {
    const app = express();
    const users = express.Router();
    users.use(throws(Unauthorized));
    users.get('/:id', throws(NotFound), ok);
    const api = express.Router();
    api.use('/users', users);
    api.get('/status', ok);
    app.use('/api/v1', api);
    expect(statuses(app, '/api/v1/users/{id}', 'get')).toEqual(['401', '404', '500', '4XX', '5XX']);
    expect(statuses(app, '/api/v1/status', 'get')).toEqual(['500', '4XX', '5XX']);
  });

  it('reads the declarations of app.route() per method', () => {
    const app = express();
    app.route('/items/:id').get(throws(NotFound), ok).put(throws(Conflict), ok);
    expect(statuses(app, '/items/{id}', 'get')).toEqual(['404', '500', '4XX', '5XX']);
    expect(statuses(app, '/items/{id}', 'put')).toEqual(['409', '500', '4XX', '5XX']);
  });

  it('gives an optional parameter one path per variant', () => {
    const app = express();
    app.get(EXPRESS4 ? '/files/:name?' : '/files{/:name}', throws(NotFound), ok);
    expect(Object.keys(operations(app))).toEqual(['/files/{name}', '/files']);
  });

  it('leaves out app.all() and RegExp routes, which have no method or path to give', () => {
    const app = express();
    app.all('/any', ok);
    app.get(/^\/re$/, ok);
    app.get('/named', ok);
    expect(Object.keys(operations(app))).toEqual(['/named']);
  });

  it('adds what recognised middleware on the route produces, read from the real packages', () => {
    const app = express();
    app.post('/json', express.json(), ok);
    app.post('/form', express.urlencoded({ extended: false }), ok);
    app.use('/limited', rateLimit({ windowMs: 1000, limit: 5 }));
    app.get('/limited/x', ok);
    app.get('/login', passport.authenticate('bearer', { session: false }), ok);
    app.get('/jwt', expressjwt({ secret: 'x', algorithms: ['HS256'] }) as unknown as RequestHandler, ok);
    app.get('/plain', (_req, _res, next) => next(), ok);
    expect(statuses(app, '/json', 'post')).toEqual(['400', '413', '415', '500', '4XX', '5XX']);
    expect(statuses(app, '/form', 'post')).toEqual(['400', '413', '415', '500', '4XX', '5XX']);
    expect(statuses(app, '/limited/x', 'get')).toEqual(['429', '500', '4XX', '5XX']);
    expect(statuses(app, '/login', 'get')).toEqual(['401', '500', '4XX', '5XX']);
    expect(statuses(app, '/jwt', 'get')).toEqual(['401', '500', '4XX', '5XX']);
    expect(statuses(app, '/plain', 'get')).toEqual(['500', '4XX', '5XX']);
  });

  it('adds what auth, upload, CSRF, timeout and validation middleware produce, read from the real packages', () => {
    const app = express();
    const oauth = auth({ secret: 'a-secret-of-at-least-32-characters!!', issuer: 'https://i.example/', audience: 'a', tokenSigningAlg: 'HS256' });
    app.get('/token', oauth, ok);
    app.get('/scoped', requiredScopes('read'), ok);
    app.post('/csrf', csurf({ cookie: true }), ok);
    app.post('/upload', multer().single('file'), ok);
    app.post('/celebrated', celebrate({ [Segments.BODY]: Joi.object({ a: Joi.number() }) }), ok);
    app.post('/validated', body('a').isInt(), ok);
    app.get('/slow', timeout('5s'), ok);
    expect(statuses(app, '/token', 'get')).toEqual(['400', '401', '403', '500', '4XX', '5XX']);
    expect(statuses(app, '/scoped', 'get')).toEqual(['400', '401', '403', '500', '4XX', '5XX']);
    expect(statuses(app, '/csrf', 'post')).toEqual(['403', '500', '4XX', '5XX']);
    expect(statuses(app, '/upload', 'post')).toEqual(['400', '413', '500', '4XX', '5XX']);
    expect(statuses(app, '/celebrated', 'post')).toEqual(['400', '422', '500', '4XX', '5XX']);
    expect(statuses(app, '/validated', 'post')).toEqual(['422', '500', '4XX', '5XX']);
    expect(statuses(app, '/slow', 'get')).toEqual(['500', '503', '4XX', '5XX']);
  });

  it('adds what express-openapi-validator mounted before the routes can answer', () => {
    const app = express();
    const apiSpec = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/it': { post: { responses: { 200: { description: 'ok' } } } } } };
    app.use(...(OpenApiValidator.middleware({ apiSpec: apiSpec as never }) as RequestHandler[]));
    app.post('/it', ok);
    expect(statuses(app, '/it', 'post')).toEqual(['400', '401', '403', '404', '405', '413', '415', '500', '4XX', '5XX']);
  });

  it('applies middleware mounted at a path only to the routes under it', () => {
    const app = express();
    app.use('/api', express.json());
    app.post('/api/x', ok);
    app.post('/apix', ok);
    expect(statuses(app, '/api/x', 'post')).toContain('415');
    expect(statuses(app, '/apix', 'post')).toEqual(['500', '4XX', '5XX']);
  });

  it('leaves out the fallbacks with fallbacks: false, and prefixes the components', () => {
    const app = express();
    app.get('/x', throws(NotFound), ok);
    const paths = openApiPaths(app, { prefix: 'Api', fallbacks: false }).paths as unknown as Record<string, Record<string, Operation>>;
    expect(paths['/x']?.get?.responses).toEqual({ '404': { $ref: '#/components/responses/ApiNotFound' }, '500': { $ref: '#/components/responses/ApiInternalServerError' } });
  });

  it('refuses, given types, a problem type a route throws that they do not declare', () => {
    const app = express();
    app.post('/charge', throws(outOfCredit), ok);
    expect(() => openApiPaths(app, { types: [] })).toThrow(`openApiPaths: POST /charge throws the problem type "${outOfCredit.type}", which types does not declare`);
    expect(statuses(app, '/charge', 'post')).toEqual(['402', '500', '4XX', '5XX']);
    expect(() => openApiPaths(app, { types: [outOfCredit] })).not.toThrow();
  });

  it('refuses what is not an Express app', () => {
    expect(() => openApiPaths({})).toThrow(TypeError);
  });

  it('leaves notFound() its 405: a throws() passes requests on', async () => {
    const app = express();
    app.use(throws(Unauthorized));
    app.get('/x', throws(NotFound), ok);
    app.post('/y', ok);
    app.use(notFound());
    app.use(errorHandler({ log: false }));
    const res = await request(app).post('/x');
    expect([res.status, res.headers.allow]).toEqual([405, 'GET, HEAD, OPTIONS']);
  });
});

describe("strict mode's undeclared-status", () => {
  function serve(route: RequestHandler, ...before: RequestHandler[]): express.Express {
    const app = express();
    app.get('/x/:id', ...before, route);
    app.post('/x/:id', ...before, route);
    app.use(errorHandler({ strict: 'throw', log: false }));
    // Express's own error handler answers the StrictViolationError: read it from here.
    app.use(((error: StrictViolationError, _req, res, _next) => {
      res.status(599).json(error.violations);
    }) as express.ErrorRequestHandler);
    return app;
  }
  const raise =
    (error: unknown): RequestHandler =>
    () => {
      throw error;
    };

  it('reports a status the route does not declare', async () => {
    const res = await request(serve(raise(new Conflict()), throws(NotFound))).get('/x/1');
    expect(res.status).toBe(599);
    expect(res.body).toEqual([{ rule: 'undeclared-status', message: '409 is not among the statuses the route documents (404); add it to throws()' }]);
  });

  it.each([
    ['a declared status', raise(new NotFound()), [throws(NotFound)], 404],
    ['a declared subclass', raise(new (class NoUser extends NotFound {})()), [throws(NotFound)], 404],
    ['a declared problem type', raise(new PaymentRequired({ type: outOfCredit.type, extensions: { balance: 1 } })), [throws(outOfCredit)], 402],
    ['500, which every route may answer', raise(new Error('boom')), [throws(NotFound)], 500],
    ['what a recognised middleware produces', ok, [throws(NotFound), express.json()], 400],
    ['anything, on a route that declares nothing', raise(new Conflict()), [], 409],
  ] as const)('accepts %s', async (_name, route, before, status) => {
    const res = await request(serve(route, ...before))
      .post('/x/1')
      .set('Content-Type', 'application/json')
      .send('{"broken":');
    expect(res.status).toBe(status);
  });

  it('reads a router-level declaration, and HEAD as its GET route', async () => {
    const app = express();
    const router = express.Router();
    router.use(throws(Unauthorized));
    router.get('/:id', raise(new BadRequest()));
    app.use('/r', router);
    app.use(errorHandler({ strict: 'throw', log: false }));
    app.use(((error: StrictViolationError, _req, res, _next) => {
      res.status(599).json(error.violations.map((violation) => violation.rule));
    }) as express.ErrorRequestHandler);
    const get = await request(app).get('/r/1');
    expect([get.status, get.body]).toEqual([599, ['undeclared-status']]);
    const head = await request(app).head('/r/1');
    expect(head.status).toBe(599);
  });
});
