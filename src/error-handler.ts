import type { ErrorRequestHandler, Request, Response } from 'express';
import vary from 'vary';
import { CATALOGS, LOCALES } from './locales';
import type { Locale } from './locales';
import { HttpError } from './http-error';
import { createLanguageNegotiator } from './negotiate';
import { toProblem } from './problem';
import type { ProblemResponse } from './problem';
import { serializeProblemFor } from './problem-json';

/** One log record of an error response. */
export interface ErrorLogEntry {
  readonly level: 'error' | 'warn';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** What was thrown, untouched. */
  readonly error: unknown;
  /** Headers the error asked for that were not sent (bad value, protected field). */
  readonly droppedHeaders?: readonly string[];
}

/** A logger such as pino, winston or `console`. */
export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
}

/** Options of {@link errorHandler}. */
export interface ErrorHandlerOptions {
  /** Language used when the client's `Accept-Language` matches none. Default: `'en'`. */
  readonly defaultLocale?: Locale;
  /**
   * Add `stack` and the `cause` chain to the body, and turn on {@link HttpError.captureStack}.
   * Default: `true` only when `NODE_ENV === 'development'`; never turn it on in production.
   */
  readonly debug?: boolean;
  /**
   * Where 5xx errors (and refused headers) are logged: a function, a logger with
   * `error`/`warn`, or `false`. Default: `console`, silent when `NODE_ENV === 'test'`.
   */
  readonly log?: false | ((entry: ErrorLogEntry) => void) | Logger;
}

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
// Headers a route may have set for the body it meant to send; they would mislabel ours.
const STALE_CONTENT_HEADERS = ['Content-Encoding', 'Content-Range', 'Content-Disposition', 'ETag', 'Last-Modified'];
// HTTP/2 forbids connection-specific fields (RFC 9113 §8.2.2) and Node throws on them.
const CONNECTION_SPECIFIC = new Set(['connection', 'upgrade', 'keep-alive', 'proxy-connection', 'transfer-encoding']);
const LAST_RESORT = '{"type":"about:blank","title":"Internal Server Error","status":500}';

/**
 * The Express error middleware: turns anything thrown or passed to `next(err)` into a
 * response with the right status, the headers its status calls for, and a localised
 * RFC 9457 `application/problem+json` body. Mount it after every route.
 *
 * @example
 * app.get('/report', () => { throw new ServiceUnavailable(120); });
 * app.use(errorHandler());
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorRequestHandler {
  const defaultLocale = options.defaultLocale ?? 'en';
  if (!Object.hasOwn(CATALOGS, defaultLocale)) {
    throw new TypeError(`errorHandler: defaultLocale "${String(defaultLocale)}" has no catalog; use one of ${LOCALES.join(', ')}`);
  }
  const negotiate = createLanguageNegotiator(LOCALES, defaultLocale);
  const debug = options.debug ?? process.env.NODE_ENV === 'development';
  // Debug output shows stacks, so client errors thrown from now on capture theirs too.
  if (debug) HttpError.captureStack = true;
  const log = createLog(options.log);

  return function expressTypedErrorHandler(error, req, res, next) {
    // Too late to change the status: let Express close the connection.
    if (res.headersSent) {
      next(error);
      return;
    }
    let problem: ProblemResponse | undefined;
    try {
      const locale = negotiate(req.headers['accept-language']) as Locale;
      problem = toProblem(error, { catalog: CATALOGS[locale], instance: pathOf(req), debug });
      send(req, res, problem, locale);
    } catch {
      sendLastResort(res);
    }
    if (problem !== undefined && (problem.status >= 500 || problem.dropped.length > 0)) {
      log({
        level: problem.status >= 500 ? 'error' : 'warn',
        status: problem.status,
        method: req.method,
        path: pathOf(req),
        error,
        ...(problem.dropped.length > 0 ? { droppedHeaders: problem.dropped } : {}),
      });
    }
  };
}

function send(req: Request, res: Response, problem: ProblemResponse, locale: string): void {
  const http2 = req.httpVersionMajor >= 2;
  res.statusCode = problem.status;
  for (const name of STALE_CONTENT_HEADERS) res.removeHeader(name);
  for (const name of Object.keys(problem.headers)) {
    if (http2 && CONNECTION_SPECIFIC.has(name.toLowerCase())) continue;
    res.setHeader(name, problem.headers[name] as string);
  }
  // RFC 9110 §7.8: whoever sends Upgrade lists it in Connection.
  if (!http2 && res.hasHeader('Upgrade')) res.setHeader('Connection', 'Upgrade');
  res.setHeader('Content-Type', PROBLEM_JSON);
  res.setHeader('Content-Language', locale);
  // vary() parses an existing Vary; most error responses have none to merge with.
  if (res.hasHeader('Vary')) vary(res, 'Accept-Language');
  else res.setHeader('Vary', 'Accept-Language');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const body = serializeProblemFor(problem.body, CATALOGS[locale as Locale]);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

function sendLastResort(res: Response): void {
  try {
    if (res.headersSent) return;
    res.statusCode = 500;
    res.setHeader('Content-Type', PROBLEM_JSON);
    res.setHeader('Content-Length', Buffer.byteLength(LAST_RESORT));
    res.end(LAST_RESORT);
  } catch {
    // Nothing more can be done for this response; the process goes on.
  }
}

function pathOf(req: Request): string {
  const url = typeof req.originalUrl === 'string' ? req.originalUrl : (req.url ?? '');
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function createLog(option: ErrorHandlerOptions['log']): (entry: ErrorLogEntry) => void {
  const sink = option ?? (process.env.NODE_ENV === 'test' ? false : console);
  if (sink === false) return () => undefined;
  return (entry) => {
    try {
      if (typeof sink === 'function') sink(entry);
      else sink[entry.level]({ err: entry.error, status: entry.status, method: entry.method, path: entry.path, droppedHeaders: entry.droppedHeaders }, `${entry.status} ${entry.method} ${entry.path}`);
    } catch {
      // A broken logger must not break the response that is already on its way.
    }
  };
}
