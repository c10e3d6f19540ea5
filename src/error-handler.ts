import type { ErrorRequestHandler, Request, Response } from 'express';
import vary from 'vary';
import type { HttpError } from './http-error';
import { CATALOGS, LOCALES } from './locales';
import type { Catalog, Locale } from './locales';
import type { Message } from './message';
import { createLanguageNegotiator } from './negotiate';
import { serializeProblem, toProblem } from './problem';
import type { ProblemResponse } from './problem';
import { exposeHeaders, readRequestId, readTraceId } from './tracing';

/** One log record of an error response. */
export interface ErrorLogEntry {
  readonly level: 'error' | 'warn' | 'info';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** What was thrown, untouched. */
  readonly error: unknown;
  /** Headers the error asked for that were not sent (bad value, protected field). */
  readonly droppedHeaders?: readonly string[];
  /** `req.id` (as pino-http sets it) or a well-formed `X-Request-Id` header. */
  readonly requestId?: string;
  /** The `traceId` sent to the client, when there is one. */
  readonly traceId?: string;
}

/**
 * Turns an error the app knows (an ORM's not-found, a validation library's error) into
 * one of ours, or returns `undefined` to leave it to the next mapper and the defaults.
 */
export type ErrorMapper = (error: unknown) => HttpError<number> | undefined;

/** A logger such as pino, winston or `console`. */
export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  /** Used for 4xx when `logClientErrors` is on. */
  info?(...args: unknown[]): void;
}

/** Options of {@link errorHandler}. */
export interface ErrorHandlerOptions {
  /** Language used when the client's `Accept-Language` matches none. Default: `'en'`. */
  readonly defaultLocale?: Locale;
  /**
   * Add `stack` and the `cause` chain to the body. Default: `true` only when
   * `NODE_ENV === 'development'`; never turn it on in production.
   */
  readonly debug?: boolean;
  /**
   * Where 5xx errors (and refused headers) are logged: a function, a logger with
   * `error`/`warn` (and `info` for `logClientErrors`), or `false`. Default: `console`,
   * silent when `NODE_ENV === 'test'`.
   */
  readonly log?: false | ((entry: ErrorLogEntry) => void) | Logger;
  /** Also log 4xx responses, at `info` level. Default: `false`. */
  readonly logClientErrors?: boolean;
  /**
   * Mappers tried first, in order; the first to return an error decides the response.
   * A mapper that throws is skipped.
   */
  readonly map?: ErrorMapper | readonly ErrorMapper[];
  /**
   * The `traceId` extension member: `true` sends the W3C `traceparent` trace-id, else the
   * request id; a function picks its own (a value that is not a plain token is not sent);
   * `false` sends none. Default: `true`.
   */
  readonly traceId?: boolean | ((req: Request) => string | undefined);
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
  const log = createLog(options.log);
  const logClientErrors = options.logClientErrors === true;
  const mappers = options.map === undefined ? [] : Array.isArray(options.map) ? [...(options.map as readonly ErrorMapper[])] : [options.map as ErrorMapper];
  const traceOption = options.traceId ?? true;
  const resolvers = new Map(LOCALES.map((locale) => [locale, createPhraseResolver(CATALOGS[locale])]));

  return function expressTypedErrorHandler(error, req, res, next) {
    // Too late to change the status: let Express close the connection.
    if (res.headersSent) {
      next(error);
      return;
    }
    let problem: ProblemResponse | undefined;
    let requestId: string | undefined;
    let traceId: string | undefined;
    try {
      const locale = negotiate(req.headers['accept-language']) as Locale;
      requestId = readRequestId(req);
      traceId = traceOption === false ? undefined : readTraceId(req, requestId, traceOption === true ? undefined : traceOption);
      const mapped = mapError(mappers, error);
      problem = toProblem(mapped, { catalog: CATALOGS[locale], instance: pathOf(req), debug, resolve: resolvers.get(locale), traceId });
      send(req, res, problem, locale);
    } catch {
      sendLastResort(res);
    }
    if (problem !== undefined && (problem.status >= 500 || problem.dropped.length > 0 || logClientErrors)) {
      log({
        level: problem.status >= 500 ? 'error' : problem.dropped.length > 0 ? 'warn' : 'info',
        status: problem.status,
        method: req.method,
        path: pathOf(req),
        error,
        ...(problem.dropped.length > 0 ? { droppedHeaders: problem.dropped } : {}),
        ...(requestId !== undefined ? { requestId } : {}),
        ...(traceId !== undefined ? { traceId } : {}),
      });
    }
  };
}

function mapError(mappers: readonly ErrorMapper[], error: unknown): unknown {
  for (const map of mappers) {
    try {
      const mapped = map(error);
      if (mapped !== undefined && mapped !== null) return mapped;
    } catch {
      // A broken mapper must not cost the response; the next one, or the defaults, decide.
    }
  }
  return error;
}

/**
 * Renders a message reference from the catalog's string phrases, `{name}` replaced by its
 * parameter; `undefined` for any other key, so the status's description is used.
 * Minimal on purpose: to be replaced by the shared resolver (app messages, ICU) on merge.
 */
function createPhraseResolver(catalog: Catalog): (message: Message) => string | undefined {
  const phrases = catalog.phrases as unknown as Readonly<Record<string, unknown>>;
  return (message) => {
    const text = Object.hasOwn(phrases, message.key) ? phrases[message.key] : undefined;
    if (typeof text !== 'string') return undefined;
    const params = message.params ?? {};
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
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
  vary(res, 'Accept-Language');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  exposeHeaders(res, Object.keys(problem.headers));
  const body = serializeProblem(problem.body);
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
      else sink[entry.level]?.({ err: entry.error, status: entry.status, method: entry.method, path: entry.path, droppedHeaders: entry.droppedHeaders, requestId: entry.requestId, traceId: entry.traceId }, `${entry.status} ${entry.method} ${entry.path}`);
    } catch {
      // A broken logger must not break the response that is already on its way.
    }
  };
}
