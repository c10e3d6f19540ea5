import type { ErrorRequestHandler, Request, Response } from 'express';
import { unlessPromise } from '../core/callback';
import { formatChallenges, parseChallenges } from '../core/headers/challenges';
import type { Challenge } from '../core/headers/challenges';
import { isValidHeaderValue } from '../core/headers/field';
import { isHttpError } from '../core/http-error';
import type { HttpError } from '../core/http-error';
import { createLocalization } from '../i18n/localize';
import type { AppMessages, CatalogsOption } from '../i18n/localize';
import type { Locale } from '../i18n/locales';
import { describeHandler } from '../contract/handler-options';
import type { ErrorHandlerLike } from '../contract/handler-options';
import { problemTypes } from '../contract/problem-types';
import { documentedStatuses } from '../contract/routes';
import { isUnmatched } from '../not-found/raised';
import { selectReaders } from '../problem/interop';
import type { InteropOption } from '../problem/interop';
import { toProblem } from '../problem/problem';
import type { DefaultChallenge, ProblemResponse } from '../problem/problem';
import { checkFormats, createFormatNegotiator, createRepresenter } from '../render/formats';
import type { Format, RenderHtml, Representation } from '../render/formats';
import { createLog } from './log';
import type { ErrorLogEntry, LogOption } from './log';
import { createOnError, errorTypeOf } from './on-error';
import type { OnError } from './on-error';
import { loadTracing } from './opentelemetry';
import type { SpanLike } from './opentelemetry';
import { handToPinoHttp, pinoHttpLogger } from './pino-http';
import { routeOf } from './route';
import { checkResponse, headerLookup, StrictViolationError } from './strict';
import type { StrictViolation } from './strict';
import { readRequestId, readTraceId } from './tracing';
import { send, sendLastResort, STALE_CONTENT_HEADERS } from './write';

/**
 * Turns an error the app knows (an ORM's not-found, a validation library's error) into
 * one of ours, or returns `undefined` to leave it to the next mapper and the defaults.
 * It is never handed this library's own errors (a thrown `BadRequest` keeps its `errors`),
 * unless it sets `ownErrors: true`.
 */
export interface ErrorMapper {
  (error: unknown): HttpError<number> | undefined;
  /** Also hand this mapper the errors of this library (`isHttpError()`). Default: `false`. */
  readonly ownErrors?: boolean;
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
   * Add `stack` and the `cause` chain to the body. Default: `true` only when
   * `NODE_ENV === 'development'`; never turn it on in production. Exposed 4xx errors carry a
   * stack only when {@link HttpError.captureStack} is on (by default under `NODE_ENV=development`).
   */
  readonly debug?: boolean;
  /**
   * Where 5xx errors (and refused headers) are logged: a function, a logger with
   * `error`/`warn` (and `info` for `logClientErrors`), or `false`. Default: pino-http's
   * `req.log` when pino-http is mounted, else `console`, silent when `NODE_ENV === 'test'`.
   * When pino-http will log the response, the error goes on its line (`res.err`) instead.
   */
  readonly log?: LogOption;
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
   * missing, 405/501 to GET or HEAD, a body status that differs, a `type` or `instance`
   * that is not a URI reference, an extension name RFC 9457 advises against) and against
   * the route's declaration (a status its `throws()` does not name). `true` logs each violation
   * at `warn` through `log`; `'throw'` sends nothing and throws a `StrictViolationError`,
   * which Express hands to the next error handler (for tests). Default: `true` when
   * `NODE_ENV` is `development` or `test`, else `false`.
   */
  readonly strict?: boolean | 'throw';
  /** Also log 4xx responses, at `info` level. Default: `false`. */
  readonly logClientErrors?: boolean;
  /**
   * Mappers tried first, in order; the first to return an error decides the response.
   * A mapper that throws is skipped; this library's own errors reach only the mappers that
   * set `ownErrors: true`.
   */
  readonly map?: ErrorMapper | readonly ErrorMapper[];
  /**
   * The challenge (as `Unauthorized` takes it, e.g. `{ scheme: 'Bearer', realm: 'api' }`)
   * that completes any 401 which would otherwise go out without `WWW-Authenticate`
   * (RFC 9110 §15.5.2). Sources that imply a challenge (express-jwt, express-oauth2-jwt-bearer)
   * add their `error` parameters to the one of their scheme. Default: none.
   */
  readonly challenge?: Challenge | readonly Challenge[];
  /**
   * Turns built-in readers of other libraries' errors off by name (`{ prisma: false }`):
   * that source's errors are then read as any other error (a 500 unless they carry a
   * status). `map` still comes first. A name that is no reader's throws a `TypeError`.
   * Default: every reader on (see the interop guide for each source and its statuses).
   */
  readonly interop?: InteropOption;
  /**
   * The `traceId` extension member: `true` sends the active OpenTelemetry span's trace id,
   * else the W3C `traceparent` trace-id, else a request id that cannot be guessed (16
   * characters or more, not all digits: never a counter); a function picks its own (a value
   * that is not a plain token is not sent); `false` sends none. Default: `true`.
   */
  readonly traceId?: boolean | ((req: Request) => string | undefined);
  /**
   * Called after each error response is sent, with its status, route pattern, method,
   * problem type and error type: bounded labels for metrics. What it throws or rejects with
   * is ignored.
   */
  readonly onError?: OnError;
  /**
   * Record each error on the active OpenTelemetry span, and read the `traceId` from it, when
   * `@opentelemetry/api` is installed. Default: `true`.
   */
  readonly openTelemetry?: boolean;
}

/**
 * The Express error middleware: turns anything thrown or passed to `next(err)` into a
 * response with the right status, the headers its status calls for, and a localised
 * RFC 9457 `application/problem+json` body. Mount it after every route.
 *
 * @example
 * app.get('/report', () => { throw new ServiceUnavailable(120); });
 * app.use(errorHandler());
 */
export function errorHandler<L extends string = Locale>(options: ErrorHandlerOptions<L> = {}): ErrorRequestHandler & ErrorHandlerLike<L> {
  const localization = createLocalization(options);
  const debug = options.debug ?? process.env.NODE_ENV === 'development';
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
  const readers = selectReaders(options.interop);
  const traceOption = options.traceId ?? true;
  const pickTraceId = typeof traceOption === 'function' ? traceOption : undefined;
  const onError = createOnError(options.onError);
  const tracing = options.openTelemetry === false ? undefined : loadTracing();
  const challenge = prepareChallenge(options.challenge);

  // The active span and the onError hook learn of the response; the route is read only for the hook.
  const observe = (error: unknown, req: Request, span: SpanLike | undefined, status: number, type: string): void => {
    const errorType = errorTypeOf(error);
    if (span !== undefined) tracing?.record(span, status, errorType, error);
    // notFound()'s errors answer the path, whichever route passed the request on.
    onError?.({ status, route: isUnmatched(error) ? undefined : routeOf(req), method: req.method, type, errorType, error, req });
  };

  // Without a `log` option, pino-http's request logger (with its request id) is the default.
  const sinkFor = (req: Request, res: Response): ((entry: ErrorLogEntry) => void) => {
    if (options.log !== undefined) return log;
    const pino = pinoHttpLogger(req, res);
    return pino === undefined ? log : createLog(pino);
  };

  const handler: ErrorRequestHandler = function expressTypedErrorHandler(error, req, res, next) {
    const path = pathOf(req);
    // Too late to answer. The raw value never goes on to Express, whose last handler would
    // read it (and a hostile one could throw there, out of every try): it is logged, and a
    // body that stopped halfway is cut off, so that the client cannot take it for whole.
    if (res.headersSent) {
      sinkFor(req, res)({ level: 'error', status: res.statusCode, method: req.method, path, error });
      if (!res.writableEnded) res.destroy();
      return;
    }
    let problem: ProblemResponse | undefined;
    let violations: readonly StrictViolation[] = [];
    let requestId: string | undefined;
    let traceId: string | undefined;
    let lastResort = false;
    let onPinoLine = false;
    const span = tracing?.activeSpan();
    try {
      const { locale, catalog, resolve } = localization.select(req);
      requestId = readRequestId(req);
      traceId = traceOption === false ? undefined : readTraceId(req, requestId, pickTraceId, span === undefined ? undefined : tracing?.traceIdOf(span));
      const mapped = mapError(mappers, error);
      problem = toProblem(mapped, { catalog, resolve, instance: path, debug, types, traceId, challenge, readers });
      const format = negotiateFormat(req.headers.accept);
      const output = represent(format, problem, locale, catalog, req);
      if (strict !== false) violations = check(req, res, problem, format, output, path);
      // In throw mode nothing is sent: the violation below becomes Express's own answer.
      if (strict !== 'throw' || violations.length === 0) {
        if (problem.status >= 500 || logClientErrors) onPinoLine = handToPinoHttp(res, error);
        send(req, res, problem, locale, output, varyAccept);
      }
    } catch {
      lastResort = true;
      sendLastResort(res, problem);
    }
    if (res.headersSent && (span !== undefined || onError !== undefined)) {
      // What went out: the problem, or the last resort's bare 500.
      const sent = lastResort ? undefined : problem;
      observe(error, req, span, sent?.status ?? 500, sent?.body.type ?? 'about:blank');
    }
    // The error itself is on pino-http's line; refused headers still get a warning of their own.
    const logged = problem !== undefined && (problem.dropped.length > 0 || (!onPinoLine && (problem.status >= 500 || logClientErrors)));
    if (violations.length === 0 && !logged) return;
    if (violations.length > 0 && strict === 'throw' && !res.headersSent) throw new StrictViolationError(violations, { cause: error });
    const write = sinkFor(req, res);
    const ids = { ...(requestId !== undefined ? { requestId } : {}), ...(traceId !== undefined ? { traceId } : {}) };
    if (violations.length > 0) {
      write({ level: 'warn', status: problem?.status ?? 500, method: req.method, path, error, violations, ...ids });
    }
    if (logged && problem !== undefined) {
      write({
        level: onPinoLine ? 'warn' : levelOf(problem, error),
        status: problem.status,
        method: req.method,
        path,
        error,
        ...(problem.dropped.length > 0 ? { droppedHeaders: problem.dropped } : {}),
        ...ids,
      });
    }
  };
  // The contract builders document what this handler sends: they read its options.
  describeHandler(handler, options);
  return handler as ErrorRequestHandler & ErrorHandlerLike<L>;
}

/** A 5xx is the server's failure, except the 501 notFound() raises for a method the client chose. */
function levelOf(problem: ProblemResponse, error: unknown): ErrorLogEntry['level'] {
  if (problem.status >= 500) return isUnmatched(error) ? 'warn' : 'error';
  return problem.dropped.length > 0 ? 'warn' : 'info';
}

function mapError(mappers: readonly ErrorMapper[], error: unknown): unknown {
  if (mappers.length === 0) return error;
  const ours = isHttpError(error);
  for (const map of mappers) {
    try {
      // A mapper that duck-types its errors must not rewrite ours (a BadRequest with `errors`).
      if (ours && map.ownErrors !== true) continue;
      // An async mapper's promise is not an error to answer with: the next mapper decides.
      const mapped = unlessPromise(map(error));
      if (mapped !== undefined && mapped !== null) return mapped;
    } catch {
      // A broken mapper must not cost the response; the next one, or the defaults, decide.
    }
  }
  return error;
}

/** The `challenge` option, checked and formatted once; a value that makes no challenge is a mistake. */
function prepareChallenge(option: ErrorHandlerOptions['challenge']): DefaultChallenge | undefined {
  if (option === undefined) return undefined;
  const given: readonly unknown[] = Array.isArray(option) ? option : [option];
  // A string is read into its parts, so that a source's parameters can be added to it.
  const challenges = given.flatMap((item): Challenge[] => (typeof item === 'string' ? parseChallenges(item) : [item as Challenge]));
  const header = formatChallenges(challenges);
  if (header === undefined || !isValidHeaderValue(header) || challenges.some((item) => formatChallenges(item) === undefined)) {
    throw new TypeError("errorHandler: challenge must be a challenge such as { scheme: 'Bearer', realm: 'api' } or 'Basic realm=\"api\"'");
  }
  return { challenges, header };
}

// What goes out, as strict mode must judge it: the status once set on the response (a
// wrapper may override it) and the body as written: JSON text read back, or the document a
// renderer was handed (which it may have changed).
function check(req: Request, res: Response, problem: ProblemResponse, format: Format, output: Representation, path: string): readonly StrictViolation[] {
  // Set and read back, then restored: in 'throw' mode Express's final handler reads it.
  const before = res.statusCode;
  res.statusCode = problem.status;
  const status = res.statusCode;
  res.statusCode = before;
  const header = headerLookup(problem.headers, (name) => res.getHeader(name), STALE_CONTENT_HEADERS);
  const body = format === 'problem+json' || format === 'json' ? readBack(output.body) : problem.body;
  return checkResponse({ method: req.method, status, header, body, documented: documentedFor(req, path) });
}

// What the matched route documents, read from the app the handler is mounted on (not a
// sub-app's); an app that cannot be read documents nothing, so no rule is checked against it.
function documentedFor(req: Request, path: string): ReturnType<typeof documentedStatuses> | undefined {
  try {
    const app: unknown = req.app;
    return app !== undefined && (app as { parent?: unknown }).parent === undefined ? documentedStatuses(app, req.method, path) : undefined;
  } catch {
    return undefined;
  }
}

function readBack(text: string): Readonly<Record<string, unknown>> | undefined {
  const body: unknown = JSON.parse(text);
  return typeof body === 'object' && body !== null ? (body as Readonly<Record<string, unknown>>) : undefined;
}

function pathOf(req: Request): string {
  const url = typeof req.originalUrl === 'string' ? req.originalUrl : (req.url ?? '');
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
