import express5 from 'express';
import type { Express, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { expressjwt } from 'express-jwt';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import * as OpenApiValidator from 'express-openapi-validator';
import { body } from 'express-validator';
import multer from 'multer';
import { Writable } from 'node:stream';
import request from 'supertest';
import { errorHandler, notFound, NotImplemented } from '../../src';
import type { ErrorLogEntry, NotFoundOptions } from '../../src';

/* eslint-disable @typescript-eslint/no-require-imports */
const express4 = require('express4') as typeof express5;
const cors = require('cors') as () => RequestHandler;
const helmet = require('helmet') as { default: () => RequestHandler };
const morgan = require('morgan') as (format: string, options: { stream: Writable }) => RequestHandler;
const cookieParser = require('cookie-parser') as () => RequestHandler;
const compression = require('compression') as () => RequestHandler;
const pinoHttp = require('pino-http') as (options: { logger: unknown }) => RequestHandler;
const pino = require('pino') as (options: { level: string }) => unknown;
const session = require('express-session') as (options: object) => RequestHandler;
const csurf = require('csurf') as (options: object) => RequestHandler;
const { doubleCsrf } = require('csrf-csrf') as typeof import('csrf-csrf');
const responseTime = require('response-time') as () => RequestHandler;
const timeout = require('connect-timeout') as (time: string) => RequestHandler;
// Untyped on purpose: @types/passport would add `user` to every Express request of the project.
const passport = require('passport') as { initialize(): RequestHandler; session(): RequestHandler };
// celebrate is published as ES modules only; jest's transform makes it requirable.
const { celebrate, Joi, Segments } = require('celebrate') as typeof import('celebrate', { with: { 'resolution-mode': 'import' } });
/* eslint-enable @typescript-eslint/no-require-imports */

const ok: RequestHandler = (_req, res) => {
  res.send('ok');
};
const quiet = new Writable({
  write(_chunk, _encoding, done) {
    done();
  },
});

describe.each([
  ['Express 4', express4],
  ['Express 5', express5],
])('notFound() and popular middleware on %s', (_name, express) => {
  /** An app behind the usual middleware stack, with `notFound()` and `errorHandler()` last. */
  function app(middleware: readonly RequestHandler[], options: NotFoundOptions = {}): Express {
    const unmatched = notFound(options);
    const a = express();
    for (const fn of middleware) a.use(fn);
    a.use(unmatched.answerOptions);
    const items = express.Router();
    items.get('/:id', ok);
    items.put('/:id', ok);
    a.use('/items', items);
    a.post('/login', ok);
    a.use(unmatched);
    a.use(errorHandler({ log: false }));
    return a;
  }
  const popular = (): RequestHandler[] => [cors(), helmet.default(), morgan('tiny', { stream: quiet }), cookieParser(), compression(), express.json()];

  it('knows cors, helmet, morgan, cookie-parser, compression and the body parsers pass requests on', async () => {
    const a = app(popular());
    const res = await request(a).post('/items/3');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect((await request(a).patch('/items/3')).status).toBe(501);
  });

  it('leaves OPTIONS to cors() mounted before the companion', async () => {
    const res = await request(app(popular())).options('/items/3');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-methods']).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
    expect(res.headers.allow).toBeUndefined();
  });

  it('answers OPTIONS for the nested router behind the same middleware when cors() is not there', async () => {
    const res = await request(app([helmet.default(), compression()])).options('/items/3');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
  });

  // What an API mounts at its root: each answers a request itself only to reject it.
  const apiMiddleware = (): [string, RequestHandler][] => [
    ['pino-http', pinoHttp({ logger: pino({ level: 'silent' }) })],
    ['express-session', session({ secret: 's', resave: false, saveUninitialized: false })],
    ['passport.initialize()', passport.initialize()],
    ['passport.session()', passport.session()],
    ['express-jwt', expressjwt({ secret: 's', algorithms: ['HS256'], credentialsRequired: false })],
    ['express-oauth2-jwt-bearer auth()', auth({ secret: 'a-secret-of-at-least-32-characters!!', issuer: 'https://i.example/', audience: 'a', tokenSigningAlg: 'HS256', authRequired: false })],
    ['express-oauth2-jwt-bearer requiredScopes()', requiredScopes('read')],
    ['express-rate-limit', rateLimit({ limit: 1000, windowMs: 60_000, legacyHeaders: false, standardHeaders: false })],
    ['csurf', csurf({ ignoreMethods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PATCH'] })],
    ['csrf-csrf', doubleCsrf({ getSecret: () => 's', getSessionIdentifier: () => 'i', ignoredMethods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PATCH'] }).doubleCsrfProtection],
    ['multer', multer().none()],
    ['response-time', responseTime()],
    ['connect-timeout', timeout('5s')],
    ['an express-validator chain', body('name').optional().isString()],
    ['celebrate()', celebrate({ [Segments.QUERY]: Joi.object().unknown(true) })],
  ];

  it.each(apiMiddleware())('knows %s passes requests on, so 405 and 501 stay', async (_name, middleware) => {
    // requiredScopes() and csurf need what auth() and a session put on the request.
    const before: RequestHandler = (req, _res, next) => {
      Object.assign(req, { auth: { payload: { scope: 'read' } }, session: {} });
      next();
    };
    const a = app([before, middleware], { trustMiddleware: [before] });
    const res = await request(a).post('/items/3');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
    expect((await request(a).patch('/items/3')).status).toBe(501);
  });

  it("knows express-openapi-validator's request middleware, not its operation handlers", async () => {
    const apiSpec = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
    const validator = OpenApiValidator.middleware({ apiSpec: apiSpec as never, validateResponses: true, ignoreUndocumented: true }) as RequestHandler[];
    const res = await request(app(validator)).post('/items/3');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
  });

  it('answers 404 behind middleware it does not know, until it is vouched for', async () => {
    const unknown: RequestHandler = (_req, _res, next) => next();
    expect((await request(app([unknown])).post('/items/3')).status).toBe(404);
    const vouched = await request(app([unknown], { trustMiddleware: [unknown] })).post('/items/3');
    expect(vouched.status).toBe(405);
    expect(vouched.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
  });
});

describe('notFound() logging and warnings', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
    jest.restoreAllMocks();
  });

  it('logs the 501 it raises as a warning without a stack, and a thrown 501 as an error', async () => {
    const entries: ErrorLogEntry[] = [];
    const a = express5();
    a.get('/health', ok);
    a.post('/build', () => {
      throw new NotImplemented();
    });
    a.use(notFound());
    a.use(errorHandler({ log: (entry) => entries.push(entry) }));
    expect((await request(a).patch('/health')).status).toBe(501);
    expect((await request(a).post('/build')).status).toBe(501);
    expect(entries.map((entry) => [entry.level, entry.status, entry.method])).toEqual([
      ['warn', 501, 'PATCH'],
      ['error', 501, 'POST'],
    ]);
    // Its stack would only show notFound() itself, so none is captured; a thrown one keeps its own.
    expect((entries[0]?.error as Error).stack).not.toContain('\n    at ');
    expect((entries[1]?.error as Error).stack).toContain('\n    at ');
  });

  function opaqueApp(): Express {
    const a = express5();
    a.use(function requestStamp(_req, _res, next) {
      next();
    });
    a.use((_req, _res, next) => next());
    a.get('/health', ok);
    a.use(notFound());
    a.use(errorHandler({ log: false }));
    return a;
  }

  it.each(['development', 'production', 'test'])('says once per app under NODE_ENV=%s which middleware turned 405 and 501 off', async (env) => {
    process.env.NODE_ENV = env;
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const a = opaqueApp();
    await request(a).delete('/health');
    await request(a).patch('/health');
    expect(warn).toHaveBeenCalledTimes(1);
    const [text, options] = warn.mock.calls[0] as [string, { code: string }];
    expect(text).toContain('`requestStamp`, `<anonymous>`');
    expect(text).toContain('trustMiddleware');
    expect(options.code).toBe('EXPRESS_TYPED_ERRORS_NOT_FOUND_OPAQUE');
  });

  it('stays silent when every middleware is known, and for sub-apps it cannot help with', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    process.env.NODE_ENV = 'production';
    const known = express5();
    known.use(express5.json());
    known.get('/health', ok);
    known.use(notFound());
    known.use(errorHandler({ log: false }));
    await request(known).delete('/health');
    // A sub-app may serve any method, and trustMiddleware cannot change that: nothing to advise.
    const parent = express5();
    parent.use(express5());
    parent.get('/health', ok);
    parent.use(notFound());
    parent.use(errorHandler({ log: false }));
    await request(parent).delete('/health');
    expect(warn).not.toHaveBeenCalled();
  });
});
