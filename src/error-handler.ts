import type { ErrorRequestHandler, Request, Response } from 'express';
import vary from 'vary';
import { checkFormats, createFormatNegotiator, createRepresenter } from './formats';
import type { Format, RenderHtml, Representation } from './formats';
import type { Locale } from './locales';
import { HttpError } from './http-error';
import { createLocalization } from './localize';
import type { AppMessages, CatalogsOption } from './localize';
import { isUnmatched } from './not-found';
import { toProblem } from './problem';
import type { ProblemResponse } from './problem';
import { problemTypes } from './problem-type';
import { checkResponse, headerLookup, StrictViolationError } from './strict';
import type { StrictViolation } from './strict';
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
  /** RFC rules the response broke (the `strict` option). */
  readonly violations?: readonly StrictViolation[];
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

/**
 * Options of {@link errorHandler}. `L` is the set of languages added through `catalogs`,
 * inferred from that option.
 */
export interface ErrorHandlerOptions<L extends string = Locale> {
  /**
   * Language used when neither the `locale` option nor `Accept-Language` matches a catalog:
   * a built-in language or one added with `catalogs`. Default: `'en'`.
   */
  readonly defaultLocale?: Locale | NoInfer<L>;
  /**
   * The app's own texts, per language: message key to ICU MessageFormat text, compiled once
   * when the handler is created. Thrown `message(key, params)` details are rendered from
   * them in the response's language, then the default language, then a built-in phrase of
   * that name; otherwise the status's default description is sent.
   */
  readonly messages?: AppMessages<Locale | NoInfer<L>>;
  /**
   * Built-in titles and descriptions to replace (`{ ko: { 404: { title: '...' } } }`), and
   * whole new languages (a complete `Catalog`), which negotiation then offers too.
   */
  readonly catalogs?: CatalogsOption<L>;
  /**
   * Chooses the language before `Accept-Language` is read (a user's profile, `?lang=`, a
   * cookie). A tag without a catalog, `undefined` or a throw falls back to `Accept-Language`.
   */
  readonly locale?: (req: Request) => string | undefined;
  /**
   * Add `stack` and the `cause` chain to the body, and turn on {@link HttpError.captureStack}.
   * Default: `true` only when `NODE_ENV === 'development'`; never turn it on in production.
   */
  readonly debug?: boolean;
  /**
   * Where 5xx errors (and refused headers) are logged: a function, a logger with
   * `error`/`warn` (and `info` for `logClientErrors`), or `false`. Default: `console`,
   * silent when `NODE_ENV === 'test'`.
   */
  readonly log?: false | ((entry: ErrorLogEntry) => void) | Logger;
  /**
   * The formats negotiated on `Accept`, the first being the default (also for `*\/*`, no
   * `Accept`, or one that accepts none). Default: `['problem+json', 'json', 'html', 'text']`.
   */
  readonly formats?: readonly Format[];
  /** Writes the `text/html` page instead of the built-in one. */
  readonly renderHtml?: RenderHtml;
  /**
   * A base URI for problem types: `type` becomes `<base>/<slug>` (e.g.
   * `https://example.com/problems/service-unavailable`) for every registered status whose
   * error sets no `type` of its own. Default: none, `type` is `about:blank`.
   */
  readonly typeBaseUri?: string;
  /**
   * Check each response against the RFC rules before it is sent (a required header
   * missing, 405/501 to GET or HEAD, a body status that differs, a `type` that is not a
   * URI reference, an extension name RFC 9457 advises against). `true` logs each violation
   * at `warn` through `log`; `'throw'` sends nothing and throws a `StrictViolationError`,
   * which Express hands to the next error handler (for tests). Default: `true` when
   * `NODE_ENV` is `development` or `test`, else `false`.
   */
  readonly strict?: boolean | 'throw';
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
export function errorHandler<L extends string = Locale>(options: ErrorHandlerOptions<L> = {}): ErrorRequestHandler {
  const localization = createLocalization(options);
  const debug = options.debug ?? process.env.NODE_ENV === 'development';
  // Debug output shows stacks, so client errors thrown from now on capture theirs too.
  if (debug) HttpError.captureStack = true;
  const log = createLog(options.log);
  const formats = checkFormats(options.formats);
  if (options.renderHtml !== undefined && typeof options.renderHtml !== 'function') {
    throw new TypeError('errorHandler: renderHtml must be a function');
  }
  const negotiateFormat = createFormatNegotiator(formats);
  const represent = createRepresenter(formats, localization.catalogs, options.renderHtml);
  // With one format the response does not depend on Accept, and caches need not key on it.
  const varyAccept = formats.length > 1;
  const types = options.typeBaseUri === undefined ? undefined : problemTypes(options.typeBaseUri);
  const strict = options.strict ?? (process.env.NODE_ENV === 'development' || process.env.NODE_ENV === 'test');
  const logClientErrors = options.logClientErrors === true;
  const mappers = options.map === undefined ? [] : Array.isArray(options.map) ? [...(options.map as readonly ErrorMapper[])] : [options.map as ErrorMapper];
  const traceOption = options.traceId ?? true;

  return function expressTypedErrorHandler(error, req, res, next) {
    // Too late to change the status: let Express close the connection.
    if (res.headersSent) {
      next(error);
      return;
    }
    const path = pathOf(req);
    let problem: ProblemResponse | undefined;
    let violations: readonly StrictViolation[] = [];
    let requestId: string | undefined;
    let traceId: string | undefined;
    try {
      const { locale, catalog, resolve } = localization.select(req);
      requestId = readRequestId(req);
      traceId = traceOption === false ? undefined : readTraceId(req, requestId, traceOption === true ? undefined : traceOption);
      const mapped = mapError(mappers, error);
      problem = toProblem(mapped, { catalog, resolve, instance: path, debug, types, traceId });
      if (strict !== false) violations = check(req, res, problem);
      // In throw mode nothing is sent: the violation below becomes Express's own answer.
      if (strict !== 'throw' || violations.length === 0) {
        const output = represent(negotiateFormat(req.headers.accept), problem, locale, req);
        send(req, res, problem, locale, output, varyAccept);
      }
    } catch {
      sendLastResort(res);
    }
    if (violations.length > 0) {
      if (strict === 'throw' && !res.headersSent) throw new StrictViolationError(violations, { cause: error });
      log({
        level: 'warn',
        status: problem?.status ?? 500,
        method: req.method,
        path,
        error,
        violations,
        ...(requestId !== undefined ? { requestId } : {}),
        ...(traceId !== undefined ? { traceId } : {}),
      });
    }
    if (problem !== undefined && (problem.status >= 500 || problem.dropped.length > 0 || logClientErrors)) {
      log({
        level: levelOf(problem, error),
        status: problem.status,
        method: req.method,
        path,
        error,
        ...(problem.dropped.length > 0 ? { droppedHeaders: problem.dropped } : {}),
        ...(requestId !== undefined ? { requestId } : {}),
        ...(traceId !== undefined ? { traceId } : {}),
      });
    }
  };
}

/** A 5xx is the server's failure, except the 501 notFound() raises for a method the client chose. */
function levelOf(problem: ProblemResponse, error: unknown): ErrorLogEntry['level'] {
  if (problem.status >= 500) return isUnmatched(error) ? 'warn' : 'error';
  return problem.dropped.length > 0 ? 'warn' : 'info';
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

function send(req: Request, res: Response, problem: ProblemResponse, locale: string, output: Representation, varyAccept: boolean): void {
  const http2 = req.httpVersionMajor >= 2;
  res.statusCode = problem.status;
  for (const name of STALE_CONTENT_HEADERS) res.removeHeader(name);
  for (const name of Object.keys(problem.headers)) {
    if (http2 && CONNECTION_SPECIFIC.has(name.toLowerCase())) continue;
    res.setHeader(name, problem.headers[name] as string);
  }
  // RFC 9110 §7.8: whoever sends Upgrade lists it in Connection.
  if (!http2 && res.hasHeader('Upgrade')) res.setHeader('Connection', 'Upgrade');
  res.setHeader('Content-Type', output.contentType);
  res.setHeader('Content-Language', locale);
  // vary() parses an existing Vary; most error responses have none to merge with.
  if (res.hasHeader('Vary')) {
    vary(res, 'Accept-Language');
    if (varyAccept) vary(res, 'Accept');
  } else {
    res.setHeader('Vary', varyAccept ? 'Accept-Language, Accept' : 'Accept-Language');
  }
  res.setHeader('X-Content-Type-Options', 'nosniff');
  exposeHeaders(res, Object.keys(problem.headers));
  for (const [name, value] of output.headers) res.setHeader(name, value);
  const body = output.body;
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

function check(req: Request, res: Response, problem: ProblemResponse): readonly StrictViolation[] {
  const header = headerLookup(problem.headers, (name) => res.getHeader(name), STALE_CONTENT_HEADERS);
  return checkResponse({ method: req.method, status: problem.status, header, body: problem.body });
}

function sendLastResort(res: Response): void {
  try {
    if (res.headersSent) return;
    res.statusCode = 500;
    res.setHeader('Content-Type', PROBLEM_JSON);
    res.setHeader('X-Content-Type-Options', 'nosniff');
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
  // winston takes (message, meta) and serialises meta as JSON, where an Error becomes {};
  // pino and console take (object, message), and pino's err serializer reads the Error.
  const messageFirst = typeof sink === 'object' && 'transports' in sink;
  return (entry) => {
    try {
      if (typeof sink === 'function') {
        sink(entry);
        return;
      }
      const fields = { status: entry.status, method: entry.method, path: entry.path, droppedHeaders: entry.droppedHeaders, violations: entry.violations, requestId: entry.requestId, traceId: entry.traceId };
      const text = `${entry.status} ${entry.method} ${entry.path}`;
      if (messageFirst) sink[entry.level]?.(text, { ...fields, err: errorFields(entry.error) });
      else sink[entry.level]?.({ err: entry.error, ...fields }, text);
    } catch {
      // A broken logger must not break the response that is already on its way.
    }
  };
}

// An Error as plain data (name, message, stack, cause chain) for loggers that stringify meta.
function errorFields(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === 'object' && error !== null ? Object.prototype.toString.call(error) : String(error);
  const cause = depth < 8 && error.cause !== undefined ? errorFields(error.cause, depth + 1) : undefined;
  return { name: error.name, message: error.message, stack: error.stack, ...(cause === undefined ? {} : { cause }) };
}
