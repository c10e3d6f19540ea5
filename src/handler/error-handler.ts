import type { ErrorRequestHandler, Request, Response } from 'express';
import type { HttpError } from '../core/http-error';
import { createLocalization } from '../i18n/localize';
import type { AppMessages, CatalogsOption } from '../i18n/localize';
import type { Locale } from '../i18n/locales';
import { problemTypes } from '../contract/problem-types';
import { isUnmatched } from '../not-found/raised';
import { selectReaders } from '../problem/interop';
import type { InteropOption } from '../problem/interop';
import { toProblem } from '../problem/problem';
import type { ProblemResponse } from '../problem/problem';
import { checkFormats, createFormatNegotiator, createRepresenter } from '../render/formats';
import type { Format, RenderHtml, Representation } from '../render/formats';
import { createLog } from './log';
import type { ErrorLogEntry, LogOption } from './log';
import { checkResponse, headerLookup, StrictViolationError } from './strict';
import type { StrictViolation } from './strict';
import { readRequestId, readTraceId } from './tracing';
import { send, sendLastResort, STALE_CONTENT_HEADERS } from './write';

/**
 * Turns an error the app knows (an ORM's not-found, a validation library's error) into
 * one of ours, or returns `undefined` to leave it to the next mapper and the defaults.
 */
export type ErrorMapper = (error: unknown) => HttpError<number> | undefined;

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
   * `error`/`warn` (and `info` for `logClientErrors`), or `false`. Default: `console`,
   * silent when `NODE_ENV === 'test'`.
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
   * Turns built-in readers of other libraries' errors off by name (`{ prisma: false }`):
   * that source's errors are then read as any other error (a 500 unless they carry a
   * status). `map` still comes first. A name that is no reader's throws a `TypeError`.
   * Default: every reader on (see the interop guide for each source and its statuses).
   */
  readonly interop?: InteropOption;
  /**
   * The `traceId` extension member: `true` sends the W3C `traceparent` trace-id, else the
   * request id; a function picks its own (a value that is not a plain token is not sent);
   * `false` sends none. Default: `true`.
   */
  readonly traceId?: boolean | ((req: Request) => string | undefined);
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
export function errorHandler<L extends string = Locale>(options: ErrorHandlerOptions<L> = {}): ErrorRequestHandler {
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
      problem = toProblem(mapped, { catalog, resolve, instance: path, debug, types, traceId, readers });
      const format = negotiateFormat(req.headers.accept);
      const output = represent(format, problem, locale, req);
      if (strict !== false) violations = check(req, res, problem, format, output);
      // In throw mode nothing is sent: the violation below becomes Express's own answer.
      if (strict !== 'throw' || violations.length === 0) send(req, res, problem, locale, output, varyAccept);
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

// What goes out, as strict mode must judge it: the status once set on the response (a
// wrapper may override it) and the body as written: JSON text read back, or the document a
// renderer was handed (which it may have changed).
function check(req: Request, res: Response, problem: ProblemResponse, format: Format, output: Representation): readonly StrictViolation[] {
  // Set and read back, then restored: in 'throw' mode Express's final handler reads it.
  const before = res.statusCode;
  res.statusCode = problem.status;
  const status = res.statusCode;
  res.statusCode = before;
  const header = headerLookup(problem.headers, (name) => res.getHeader(name), STALE_CONTENT_HEADERS);
  const body = format === 'problem+json' || format === 'json' ? readBack(output.body) : problem.body;
  return checkResponse({ method: req.method, status, header, body });
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
