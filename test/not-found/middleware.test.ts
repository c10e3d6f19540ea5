import express5 from 'express';
import type { Express, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
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

  it('answers 404 behind express-rate-limit, whose middleware has no name, until it is vouched for', async () => {
    const limiter = rateLimit({ limit: 1000, windowMs: 60_000, legacyHeaders: false, standardHeaders: false });
    expect((await request(app([limiter])).post('/items/3')).status).toBe(404);
    const vouched = await request(app([limiter], { trustMiddleware: [limiter] })).post('/items/3');
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

  it('says once in development which middleware turned 405 and 501 off', async () => {
    process.env.NODE_ENV = 'development';
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

  it('stays silent outside development, when every middleware is known, and for sub-apps it cannot help with', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    process.env.NODE_ENV = 'production';
    await request(opaqueApp()).delete('/health');
    process.env.NODE_ENV = 'development';
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
