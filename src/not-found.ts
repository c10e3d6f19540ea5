import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { MethodNotAllowed, NotFound, NotImplemented } from './errors';
import type { HttpErrorOptions } from './http-error';
import { message } from './message';
import type { AppSummary, PathMethods, Stack, Trust } from './routes';
import { markOwn, methodsOf, shapeOf, stackOf, summarize } from './routes';

/** Any middleware function, whatever its request and response types. */
export type TrustedMiddleware = (...args: never[]) => unknown;

/** The message keys `notFound()` may use for `detail`, one per answer. */
export interface NotFoundDetailKeys {
  /** For the 404 of a path no route matches. */
  readonly notFound?: string;
  /** For the 405 of a known path with a wrong method; its parameters also carry `allow`. */
  readonly methodNotAllowed?: string;
  /** For the 501 of a method no route has. */
  readonly notImplemented?: string;
}

/** Options of {@link notFound}. */
export interface NotFoundOptions {
  /**
   * Answer a known path with a method none of its routes has with 405 and `Allow`.
   * Default: `true`; with `false` such a request gets 404 (or 501).
   */
  readonly methodNotAllowed?: boolean;
  /**
   * Answer a method that no route of the app implements with 501. Default: `true`;
   * with `false` such a request gets 405 or 404.
   */
  readonly notImplemented?: boolean;
  /**
   * Also answer GET and HEAD with 405 on a path that only has routes for other methods.
   * Default: `false`, such a GET gets 404, as RFC 9110 and MDN describe.
   */
  readonly methodNotAllowedForGet?: boolean;
  /**
   * A message key for `detail`, rendered by `errorHandler()` with the parameters
   * `{ method, path }` (and `allow` for a 405): one key for every answer, or one per answer.
   * Default: the status's own localised description.
   */
  readonly detailKey?: string | NotFoundDetailKeys;
  /**
   * Middleware you vouch only ever passes requests on or rejects them (never serves a method
   * no route shows), so that the paths it covers keep their 405 and the app its 501: a list
   * (wherever each is mounted), or `true` for every middleware mounted at the root of the app
   * or of a router (`app.use(fn)`, `router.use(fn)`), never for middleware mounted at a path
   * or a sub-app. Known without it: body-parser's and Express's parsers, cors, helmet, morgan,
   * cookie-parser, compression. Default: none, so other middleware makes the paths it covers
   * 404 and turns 501 off.
   */
  readonly trustMiddleware?: boolean | readonly TrustedMiddleware[];
}

/** What {@link notFound} returns: the middleware, with its `OPTIONS` companion. */
export interface NotFoundHandler extends RequestHandler {
  /**
   * Mounted at the top of the app, before the routes (`app.use(unmatched.answerOptions)`), it
   * answers `OPTIONS` with 204 and the path's `Allow` for nested routers too, which Express's
   * router would otherwise answer itself (200, its own list) before the request comes back to
   * `notFound()`. It leaves alone requests with `Origin` (CORS is the app's to answer), paths
   * whose routes handle OPTIONS or cannot be read, and paths without routes.
   */
  readonly answerOptions: RequestHandler;
}

interface AppState {
  readonly stack: Stack;
  readonly summary: AppSummary;
  readonly cache: Map<string, Known>;
}

/** What a request met: the app state (when readable) and what its path allows. */
interface Lookup {
  readonly state: AppState | undefined;
  readonly known: Known | undefined;
  /** Whether the app is the whole server, so that a method none of its routes has is a 501. */
  readonly whole: boolean;
}

/** What one path shape allows, with its `Allow` value made once. */
interface Known {
  /** The methods, or `undefined` when the path has no route or its methods cannot be known. */
  readonly allowed: ReadonlySet<string> | undefined;
  readonly allow: string;
  /** Whether some route matches the path, even where its methods cannot all be known. */
  readonly routed: boolean;
  /** Whether the walk reached `notFound()` itself: the path is the one Express routed to it. */
  readonly reached: boolean;
}

const NOT_KNOWN: Lookup = { state: undefined, known: undefined, whole: false };

// The errors notFound() raises: the client chose the path and method, so even the 501 is
// logged as a warning, not as the server's own failure.
const RAISED = new WeakSet<object>();

function unmatched<T extends object>(error: T): T {
  RAISED.add(error);
  return error;
}

/** Whether `notFound()` raised this error for a request no route answered. */
export function isUnmatched(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RAISED.has(error);
}

/** How many path shapes each app keeps; the least recently used goes first. */
const CACHE_SIZE = 1000;
const ALWAYS_ALLOWED = new Set(['GET', 'HEAD']);

/**
 * The last regular middleware of an app: it turns a request no route answered into a
 * typed error for `errorHandler()`: 404 `NotFound` for an unknown path, 405
 * `MethodNotAllowed` with the path's `Allow` list for a method its routes lack, and 501
 * `NotImplemented` for a method no route of the app has. GET and HEAD are never 405 (unless
 * `methodNotAllowedForGet`) or 501; `OPTIONS` on a path with routes answers 204 with `Allow`
 * (mount {@link NotFoundHandler.answerOptions} before the routes for nested routers too).
 *
 * The allowed methods are read from the app's own router (Express 4 or 5, nested routers,
 * parameters, `app.route()`), once per path shape. A path under an `app.all()` route, a
 * sub-app, or middleware that may answer methods no one can see (see `trustMiddleware`) gets 404.
 *
 * @example
 * const unmatched = notFound();
 * app.use(unmatched.answerOptions); // optional: OPTIONS for nested routers too
 * app.get('/users/:id', getUser);
 * app.use(unmatched);         // DELETE /users/1: 405, Allow: GET, HEAD, OPTIONS
 * app.use(errorHandler());
 */
export function notFound(options: NotFoundOptions = {}): NotFoundHandler {
  const allow405 = options.methodNotAllowed ?? true;
  const allow501 = options.notImplemented ?? true;
  const getTo405 = options.methodNotAllowedForGet ?? false;
  const keys = detailKeys(options.detailKey);
  const trustOption = options.trustMiddleware ?? false;
  const trust: Trust = { root: trustOption === true, handles: new Set<unknown>(typeof trustOption === 'boolean' ? [] : trustOption) };
  const states = new WeakMap<object, AppState>();

  const stateOf = (req: Request): AppState | undefined => {
    const stack = stackOf(req.app);
    if (stack === undefined) return undefined;
    let state = states.get(stack);
    // Read at the first request, when every route is registered; again if a router grew since.
    if (state === undefined || grew(state.summary)) {
      const summary = summarize(stack, expressTypedNotFound, trust, expressTypedAnswerOptions);
      if (state === undefined) warnHidden(summary);
      state = { stack, summary, cache: new Map() };
      states.set(stack, state);
    }
    return state;
  };

  const knownFor = (state: AppState, path: string): Known => {
    const key = shapeOf(path, state.summary.literals);
    let known = state.cache.get(key);
    if (known !== undefined) {
      // Most recently used goes last, so the first key is the one to evict.
      state.cache.delete(key);
    } else {
      known = toKnown(methodsOf(state.stack, path, expressTypedNotFound, trust));
      if (state.cache.size >= CACHE_SIZE) state.cache.delete(state.cache.keys().next().value as string);
    }
    state.cache.set(key, known);
    return known;
  };

  /** What the app's router knows of the request `notFound()` is looking at. */
  const lookup = (req: Request): Lookup => {
    try {
      const state = stateOf(req);
      if (state === undefined) return NOT_KNOWN;
      const parent = (req.app as { parent?: unknown } | undefined)?.parent;
      if (state.summary.topLevel) {
        // `req.url` is the path the app's own router dispatched, after any rewrite and
        // without the mount path of a sub-app, however it was mounted.
        const whole = parent === undefined && (req.baseUrl ?? '') === '';
        return { state, known: knownFor(state, pathname(req.url)), whole };
      }
      // Deeper in the app, the mount paths of the routers passed are in `req.baseUrl`; in a
      // sub-app they would include the sub-app's own, so only a walk that reaches us is trusted.
      if (parent !== undefined) return NOT_KNOWN;
      const known = knownFor(state, pathname(`${req.baseUrl ?? ''}${req.url}`));
      return known.reached ? { state, known, whole: true } : NOT_KNOWN;
    } catch {
      // A router we cannot read only costs the precision: the answer is a plain 404.
      return NOT_KNOWN;
    }
  };

  function expressTypedNotFound(req: Request, res: Response, next: NextFunction): void {
    const method = req.method;
    const { state, known, whole } = lookup(req);
    const allowed = known?.allowed;
    const allow = known?.allow ?? '';
    // Only built when a detail key asks for the request's method and path. The text is the
    // app's own message, so it is shown on the 501 too, which a 5xx would otherwise hide.
    const detail = (key: string | undefined, extra?: { allow: string }): HttpErrorOptions | undefined =>
      key === undefined ? undefined : { detail: message(key, { method, path: pathname(req.originalUrl ?? req.url), ...extra }), expose: true };

    if (method === 'OPTIONS' && known !== undefined) {
      // Express answers OPTIONS itself when no route does; with our Allow list, as 204.
      if (allowed !== undefined && !allowed.has('OPTIONS')) {
        answerOptions(res, allow);
        return;
      }
      // Routes match but not all their methods can be known: Express's router answers, as by default.
      if (allowed === undefined && known.routed) {
        next();
        return;
      }
    }
    if (
      allow501 &&
      whole &&
      state !== undefined &&
      !ALWAYS_ALLOWED.has(method) &&
      method !== 'OPTIONS' &&
      !state.summary.opaque &&
      !state.summary.methods.has(method)
    ) {
      // Its stack would only show this function: not worth capturing on every scanner's PROPFIND.
      next(unmatched(new NotImplemented({ captureStack: false, ...detail(keys.notImplemented) })));
      return;
    }
    if (allow405 && allowed !== undefined && !allowed.has(method) && (getTo405 || !ALWAYS_ALLOWED.has(method))) {
      next(unmatched(new MethodNotAllowed(allow, detail(keys.methodNotAllowed, { allow }))));
      return;
    }
    next(unmatched(new NotFound(detail(keys.notFound))));
  }

  function expressTypedAnswerOptions(req: Request, res: Response, next: NextFunction): void {
    // A CORS request (preflight or not) is for cors() or the app to answer, wherever it is mounted.
    if (req.method !== 'OPTIONS' || req.headers.origin !== undefined || req.headers['access-control-request-method'] !== undefined) {
      next();
      return;
    }
    let known: Known | undefined;
    try {
      const state = stateOf(req);
      // Only at the top of the app is `req.url` the path every later layer sees.
      if (state?.summary.companionTopLevel === true) known = knownFor(state, pathname(req.url));
    } catch {
      known = undefined;
    }
    if (known?.allowed !== undefined && !known.allowed.has('OPTIONS')) answerOptions(res, known.allow);
    else next();
  }

  markOwn(expressTypedNotFound);
  markOwn(expressTypedAnswerOptions);
  return Object.assign(expressTypedNotFound, { answerOptions: expressTypedAnswerOptions });
}

function answerOptions(res: Response, allow: string): void {
  res.statusCode = 204;
  res.setHeader('Allow', allow);
  res.end();
}

/** Whether a router read by `summarize` has had layers added or removed since. */
function grew(summary: AppSummary): boolean {
  for (const [stack, length] of summary.stacks) if (stack.length !== length) return true;
  return false;
}

/**
 * In development, says once per app which middleware made 405 and 501 unavailable, since
 * the fix (vouching for it with `trustMiddleware`) is the app author's to make.
 */
function warnHidden(summary: AppSummary): void {
  if (summary.hidden.length === 0 || typeof process === 'undefined' || process.env.NODE_ENV !== 'development') return;
  const names = summary.hidden.map((name) => `\`${name}\``).join(', ');
  process.emitWarning(
    `notFound() answers 404 instead of 405 and 501 because middleware mounted with app.use() may answer any method: ${names}. ` +
      'If it only passes requests on or rejects them, list it in notFound({ trustMiddleware: [...] }), or pass trustMiddleware: true.',
    { code: 'EXPRESS_TYPED_ERRORS_NOT_FOUND_OPAQUE' },
  );
}

function detailKeys(option: NotFoundOptions['detailKey']): NotFoundDetailKeys {
  if (typeof option === 'string') return { notFound: option, methodNotAllowed: option, notImplemented: option };
  return option ?? {};
}

function toKnown(found: PathMethods): Known {
  const allowed = !found.opaque && found.methods.size > 0 ? found.methods : undefined;
  return { allowed, allow: allowed === undefined ? '' : allowHeader(allowed), routed: found.methods.size > 0, reached: found.reached };
}

/** `Allow` in Express 5's order (alphabetical), with OPTIONS, which `notFound()` answers. */
function allowHeader(methods: ReadonlySet<string>): string {
  return [...new Set([...methods, 'OPTIONS'])].sort().join(', ');
}

/** The path of a request target, as Express's router reads it (no query, no scheme and host). */
function pathname(url: string | undefined): string {
  let path = url ?? '/';
  if (!path.startsWith('/')) {
    const scheme = path.indexOf('://');
    if (scheme !== -1) {
      const slash = path.indexOf('/', scheme + 3);
      path = slash === -1 ? '/' : path.slice(slash);
    }
  }
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}
