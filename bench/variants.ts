/**
 * The HTTP benchmark's variants: each is one Express 5 app answering one GET route with an
 * error. Adding a variant is adding one entry to `VARIANTS`.
 */
import type Boom from '@hapi/boom';
import express from 'express';
import type { ErrorRequestHandler, Express, Request, Response } from 'express';
import type createError from 'http-errors';
import type strongErrorHandler from 'strong-error-handler';
import { errorHandler, HttpError, NotFound, ServiceUnavailable } from '../src';
import type { ErrorHandlerOptions } from '../src';
import { createApp as createUnmatchedApp, createExpressDefaultApp } from '../examples/unmatched';

// Peers are loaded by the variants that use them only, so that no server (and no profile)
// carries another variant's start-up.
const boom = (): typeof Boom => require('@hapi/boom') as typeof Boom;
const httpErrors = (): typeof createError => require('http-errors') as typeof createError;
const strong = (): typeof strongErrorHandler => require('strong-error-handler') as typeof strongErrorHandler;

/** One row of the benchmark: an app and the request that makes it fail. */
export interface Variant {
  /** Name used in the report and on the command line. */
  readonly name: string;
  /** One line for the report: what the route and the handler do. */
  readonly description: string;
  readonly path: string;
  /** The request method; default GET. */
  readonly method?: 'GET' | 'POST' | 'OPTIONS';
  /** Request headers on top of {@link COMMON_HEADERS}. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The status every response must have; a variant that answers otherwise is not measured. */
  readonly status: number;
  readonly app: () => Express;
}

/** Sent by every variant's client: a browser-like language preference. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = { 'accept-language': 'en-US,en;q=0.9' };

const RETRY_AFTER = '120';
const MESSAGE = 'Service Unavailable';
// The same members and text as our English 503, so every variant sends a comparable body.
const BODY_503 = {
  type: 'about:blank',
  title: 'Service Unavailable',
  status: 503,
  detail: 'The service is temporarily unable to handle the request; try again later.',
  instance: '/report',
};
const RAW_503 = Buffer.from(JSON.stringify(BODY_503));

function base(): Express {
  const app = express();
  app.set('env', 'production');
  return app;
}

// The bare 6-line handler of the throw-* and async-reject variants: one fixed 503.
const bareHandler: ErrorRequestHandler = (_err, req, res, _next) => {
  res.status(503).set('Retry-After', RETRY_AFTER).json({ ...BODY_503, instance: req.path });
};

// A minimal generic handler for http-errors: status, headers and message from the error.
const minimalHandler: ErrorRequestHandler = (err: createError.HttpError, req, res, _next) => {
  const status = err.status ?? 500;
  if (err.headers !== undefined) res.set(err.headers);
  res.status(status).json({ type: 'about:blank', title: err.name, status, detail: err.expose ? err.message : BODY_503.detail, instance: req.path });
};

const boomHandler: ErrorRequestHandler = (err: Boom.Boom, _req, res, _next) => {
  const { statusCode, headers, payload } = err.output;
  res.status(statusCode).set(headers).json(payload);
};

function throwing(route: (req: Request, res: Response) => unknown, handler: ErrorRequestHandler): () => Express {
  return () => {
    const app = base();
    app.get('/report', route);
    app.use(handler);
    return app;
  };
}

function ours(options: ErrorHandlerOptions = {}, route: (req: Request) => unknown = () => {
  throw new ServiceUnavailable(120);
}, path = '/report'): () => Express {
  return () => {
    const app = base();
    app.get(path, route);
    app.use(errorHandler({ log: false, ...options }));
    return app;
  };
}

// Five languages of app messages, as the `messages` option of the localisation issue takes them.
// Passed through a cast so this compiles before that option exists and uses it once it does.
const APP_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: { 'user.notFound': 'No user with id {id}.', 'report.busy': 'Reports are being rebuilt; try again in {minutes} minutes.' },
  ko: { 'user.notFound': 'ID가 {id}인 사용자를 찾을 수 없습니다.', 'report.busy': '보고서를 다시 만드는 중입니다. {minutes}분 후에 다시 시도해 주십시오.' },
  ja: { 'user.notFound': 'ID {id} のユーザーは見つかりません。', 'report.busy': 'レポートを再作成しています。{minutes} 分後にもう一度お試しください。' },
  de: { 'user.notFound': 'Kein Benutzer mit der ID {id}.', 'report.busy': 'Die Berichte werden neu erstellt; bitte in {minutes} Minuten erneut versuchen.' },
  fr: { 'user.notFound': 'Aucun utilisateur avec l’identifiant {id}.', 'report.busy': 'Les rapports sont en cours de reconstruction ; réessayez dans {minutes} minutes.' },
};

/** Every variant, in the order the report lists them. `floor` is the reference of the ratios. */
export const VARIANTS: readonly Variant[] = [
  {
    name: 'floor',
    description: 'route writes `res.status(503).set(Retry-After).json(body)` itself, no throw',
    path: '/report',
    status: 503,
    app: () => {
      const app = base();
      app.get('/report', (req, res) => {
        res.status(503).set('Retry-After', RETRY_AFTER).json({ ...BODY_503, instance: req.path });
      });
      return app;
    },
  },
  {
    name: 'floor-raw',
    description: 'route writes `res.writeHead()` + `res.end()` of a prepared body',
    path: '/report',
    status: 503,
    app: () => {
      const app = base();
      app.get('/report', (_req, res) => {
        res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': RAW_503.length, 'Retry-After': RETRY_AFTER });
        res.end(RAW_503);
      });
      return app;
    },
  },
  {
    name: 'throw-raw',
    description: '`throw new Error()` + a bare 6-line handler',
    path: '/report',
    status: 503,
    app: throwing(() => {
      throw new Error(MESSAGE);
    }, bareHandler),
  },
  {
    name: 'throw-nostack',
    description: 'the same, with `Error.stackTraceLimit = 0` around the construction',
    path: '/report',
    status: 503,
    app: throwing(() => {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      const error = new Error(MESSAGE);
      Error.stackTraceLimit = limit;
      throw error;
    }, bareHandler),
  },
  {
    name: 'express-default',
    description: 'http-errors `createError(503)` + Express\'s own final handler (console.error muted)',
    path: '/report',
    status: 503,
    app: () => {
      // Express logs every error's stack outside NODE_ENV=test; the log is not what we measure.
      console.error = () => undefined;
      const createError = httpErrors();
      const app = base();
      app.get('/report', () => {
        throw createError(503, MESSAGE, { headers: { 'Retry-After': RETRY_AFTER } });
      });
      return app;
    },
  },
  {
    name: 'async-reject',
    description: 'async route rejecting with `new Error()` + the bare handler',
    path: '/report',
    status: 503,
    app: throwing(async () => {
      throw new Error(MESSAGE);
    }, bareHandler),
  },
  {
    name: 'http-errors',
    description: '`throw createError(503, { headers })` + a minimal 6-line handler',
    path: '/report',
    status: 503,
    app: () => {
      const createError = httpErrors();
      return throwing(() => {
        throw createError(503, MESSAGE, { headers: { 'Retry-After': RETRY_AFTER } });
      }, minimalHandler)();
    },
  },
  {
    name: 'boom',
    description: '`throw Boom.serverUnavailable()` (+ Retry-After) + a minimal handler',
    path: '/report',
    status: 503,
    app: () => {
      const Boom = boom();
      return throwing(() => {
        const error = Boom.serverUnavailable(MESSAGE);
        error.output.headers['Retry-After'] = RETRY_AFTER;
        throw error;
      }, boomHandler)();
    },
  },
  {
    name: 'strong-error-handler',
    description: '`throw createError(503)` + strong-error-handler (debug off, log off)',
    path: '/report',
    status: 503,
    app: () => {
      const createError = httpErrors();
      return throwing(() => {
        throw createError(503, MESSAGE, { headers: { 'Retry-After': RETRY_AFTER } });
      }, strong()({ debug: false, log: false }))();
    },
  },
  {
    name: 'ours-503',
    description: '`throw new ServiceUnavailable(120)` + `errorHandler()`',
    path: '/report',
    status: 503,
    app: ours(),
  },
  {
    name: 'ours-404',
    description: '`throw new NotFound(\'No user 42\')` + `errorHandler()`',
    path: '/users/42',
    status: 404,
    app: ours({}, (req) => {
      throw new NotFound(`No user ${String(req.params.id)}`);
    }, '/users/:id'),
  },
  {
    name: 'ours-404-stack',
    description: 'ours-404 with `HttpError.captureStack = true`: every 4xx captures a stack, as before it was skipped',
    path: '/users/42',
    status: 404,
    app: () => {
      HttpError.captureStack = true;
      return ours({}, (req) => {
        throw new NotFound(`No user ${String(req.params.id)}`);
      }, '/users/:id')();
    },
  },
  {
    name: 'ours-503-ko',
    description: 'ours-503 with `Accept-Language: ko-KR,ko;q=0.9,en-US;q=0.8`',
    path: '/report',
    headers: { 'accept-language': 'ko-KR,ko;q=0.9,en-US;q=0.8' },
    status: 503,
    app: ours(),
  },
  {
    name: 'ours-messages',
    description: 'ours-503 with 5 languages of app messages loaded (`messages` option)',
    path: '/report',
    status: 503,
    app: ours({ messages: APP_MESSAGES } as ErrorHandlerOptions),
  },
  {
    name: 'ours-async',
    description: 'async route rejecting with `ServiceUnavailable(120)` + `errorHandler()`',
    path: '/report',
    status: 503,
    app: ours({}, async () => {
      throw new ServiceUnavailable(120);
    }),
  },
  {
    name: 'unmatched-express',
    description: 'a path no route answers: Express\'s own HTML "Cannot GET" 404 (examples/unmatched.ts routes)',
    path: '/nope',
    status: 404,
    app: () => createExpressDefaultApp(),
  },
  {
    name: 'unmatched-ours',
    description: 'the same path: `notFound()` + `errorHandler()`, a localised problem+json 404',
    path: '/nope',
    status: 404,
    app: () => createUnmatchedApp(),
  },
  {
    name: 'unmatched-express-post',
    description: 'a known path, a method its routes lack: Express\'s own HTML "Cannot POST" 404',
    path: '/api/users/1',
    method: 'POST',
    status: 404,
    app: () => createExpressDefaultApp(),
  },
  {
    name: 'unmatched-ours-405',
    description: 'the same request: `notFound()` + `errorHandler()`, 405 with `Allow` and a problem+json body',
    path: '/api/users/1',
    method: 'POST',
    status: 405,
    app: () => createUnmatchedApp(),
  },
  {
    name: 'options-express',
    description: 'OPTIONS on a nested router\'s path: Express\'s router answers 200 with its Allow as the body',
    path: '/api/users/1',
    method: 'OPTIONS',
    status: 200,
    app: () => createExpressDefaultApp(),
  },
  {
    name: 'options-ours',
    description: 'the same request: `unmatched.answerOptions` answers 204 with `Allow` before the routes',
    path: '/api/users/1',
    method: 'OPTIONS',
    status: 204,
    app: () => createUnmatchedApp(),
  },
];

/** The variant of a name, or an error listing the names. */
export function variantOf(name: string): Variant {
  const variant = VARIANTS.find((item) => item.name === name);
  if (variant === undefined) throw new Error(`unknown variant "${name}"; one of: ${VARIANTS.map((item) => item.name).join(', ')}`);
  return variant;
}
