/**
 * `notFound()`: the last regular middleware, which turns a request no route answered into
 * a typed error (404, 405 with `Allow`, 501) or answers `OPTIONS`. It gathers facts from
 * the app's router (`./walk`), caches them per path shape, and lets `./decide` answer.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { MethodNotAllowed, NotFound, NotImplemented } from '../core/errors';
import type { HttpErrorOptions } from '../core/http-error';
import { message } from '../core/message';
import { markOwn } from './classify';
import type { Trust } from './classify';
import { decide, decideCompanion } from './decide';
import type { Answer, DecideOptions, PathFacts, Reply } from './decide';
import type { Stack } from './layer';
import { dispatchedPath, mountShape, originalPath, requestPath, shapeOf } from './paths';
import { unmatched } from './raised';
import { methodsOf, stackOf, summarize } from './walk';
import type { AppSummary, PathMethods } from './walk';

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
   * cookie-parser, compression, pino-http, express-session, passport's `initialize()` and
   * `session()`, express-jwt, express-oauth2-jwt-bearer, express-rate-limit, csurf, csrf-csrf,
   * multer, response-time, connect-timeout and express-openapi-validator's request middleware.
   * Default: none, so other middleware makes the paths it covers
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
   * `notFound()`. It leaves alone CORS requests (`Origin` or `Access-Control-Request-Method`:
   * cors() or the app answers those), paths whose routes handle OPTIONS or cannot be read, and
   * paths without routes.
   */
  readonly answerOptions: RequestHandler;
}

interface AppState {
  readonly stack: Stack;
  readonly summary: AppSummary;
  readonly cache: Map<string, Known>;
  /** For an app with sub-apps: whether a path is left to exactly one sub-app and nothing else. */
  readonly around: Map<string, boolean>;
}

/** What a request met: the app state (when readable), what its path allows, and whether the app is the whole server. */
interface Lookup {
  readonly state: AppState | undefined;
  readonly known: Known | undefined;
  readonly whole: boolean;
}

/** What one path shape allows, and how the walk got there. */
interface Known extends PathFacts {
  /** Whether the walk reached `notFound()` itself: the path is the one Express routed to it. */
  readonly reached: boolean;
  /** The shape of the mount paths the walk passed, to compare with the request's `baseUrl`. */
  readonly mount: string;
  /** Whether no route or opaque layer matches the path but exactly one sub-app. */
  readonly oneApp: boolean;
}

const NOT_KNOWN: Lookup = { state: undefined, known: undefined, whole: false };

/** How many path shapes each app keeps; the least recently used goes first. */
const CACHE_SIZE = 1000;

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
  const decideOptions: DecideOptions = {
    methodNotAllowed: options.methodNotAllowed ?? true,
    notImplemented: options.notImplemented ?? true,
    methodNotAllowedForGet: options.methodNotAllowedForGet ?? false,
  };
  const keys = detailKeys(options.detailKey);
  const trustOption = options.trustMiddleware ?? false;
  const trust: Trust = { root: trustOption === true, handles: new Set<unknown>(typeof trustOption === 'boolean' ? [] : trustOption) };
  const states = new WeakMap<object, AppState>();

  const stateOf = (app: unknown): AppState | undefined => {
    const stack = stackOf(app);
    if (stack === undefined) return undefined;
    let state = states.get(stack);
    // Read at the first request, when every route is registered; again if a router grew since.
    if (state === undefined || grew(state.summary)) {
      const summary = summarize(stack, expressTypedNotFound, trust, expressTypedAnswerOptions);
      if (state === undefined) warnHidden(stack, summary);
      state = { stack, summary, cache: new Map(), around: new Map() };
      states.set(stack, state);
    }
    return state;
  };

  const knownFor = (state: AppState, path: string): Known =>
    cached(state.cache, shapeOf(path, state.summary.literals), () => toKnown(methodsOf(state.stack, path, expressTypedNotFound, trust), state.summary.literals));

  /** Whether the app `parent` leaves `path` to its one sub-app: nothing else of it matches. */
  const aroundClear = (parent: unknown, path: string): boolean => {
    // Deeper than one level of sub-apps, the mount paths in `req.baseUrl` cannot be told apart.
    if (parentOf(parent) !== undefined) return false;
    const outer = stateOf(parent);
    if (outer === undefined) return false;
    return cached(outer.around, shapeOf(path, outer.summary.literals), () => toKnown(methodsOf(outer.stack, path, undefined, trust), outer.summary.literals).oneApp);
  };

  /** What the app's router knows of the request `notFound()` is looking at. */
  const lookup = (req: Request): Lookup => {
    try {
      const state = stateOf(req.app);
      if (state === undefined) return NOT_KNOWN;
      const url = requestPath(req);
      const baseUrl = req.baseUrl ?? '';
      const parent = parentOf(req.app);
      if (parent === undefined) {
        // The path the app's router dispatched: the mount paths passed, then what is left.
        const known = knownFor(state, dispatchedPath(req, baseUrl, url));
        // The walk must reach us through those same mount paths; if not, this app is itself
        // mounted in another (`router.use('/v2', sub)`) whose routes we cannot see.
        if (!known.reached || known.mount !== mountShape(baseUrl, state.summary.literals)) return { ...NOT_KNOWN, state };
        return { state, known, whole: true };
      }
      // A sub-app sees its mount path cut off; its parent's own routes may answer the path
      // too, and may implement any method, so no 501 here.
      const known = knownFor(state, url);
      if (!known.reached || known.mount !== '' || !aroundClear(parent, dispatchedPath(req, baseUrl, url))) return { ...NOT_KNOWN, state };
      return { state, known, whole: false };
    } catch {
      // A router we cannot read only costs the precision: the answer is a plain 404.
      return NOT_KNOWN;
    }
  };

  function expressTypedNotFound(req: Request, res: Response, next: NextFunction): void {
    const method = req.method;
    const { state, known, whole } = lookup(req);
    const answer = decide({ method, app: state?.summary, path: known, whole }, decideOptions);
    if (answer.kind === 'options' || answer.kind === 'pass') reply(answer, res, next);
    else next(unmatched(errorFor(answer, keys, req, method)));
  }

  function expressTypedAnswerOptions(req: Request, res: Response, next: NextFunction): void {
    const method = req.method;
    const cors = req.headers.origin !== undefined || req.headers['access-control-request-method'] !== undefined;
    let path: Known | undefined;
    if (method === 'OPTIONS' && !cors) {
      try {
        // Only at the root of the whole app is `req.url` the path every later layer sees.
        const outermost = parentOf(req.app) === undefined && (req.baseUrl ?? '') === '';
        const state = outermost ? stateOf(req.app) : undefined;
        if (state?.summary.companionTopLevel === true) path = knownFor(state, requestPath(req));
      } catch {
        path = undefined;
      }
    }
    reply(decideCompanion({ method, cors, path }), res, next);
  }

  markOwn(expressTypedNotFound, true);
  markOwn(expressTypedAnswerOptions, false);
  return Object.assign(expressTypedNotFound, { answerOptions: expressTypedAnswerOptions });
}

/** The error of an answer that raises one, made only when it is the answer. */
function errorFor(answer: Exclude<Answer, Reply>, keys: NotFoundDetailKeys, req: Request, method: string): Error {
  // Only built when a detail key asks for the request's method and path. The text is the
  // app's own message, so it is shown on the 501 too, which a 5xx would otherwise hide.
  const detail = (key: string | undefined, extra?: { allow: string }): HttpErrorOptions | undefined =>
    key === undefined ? undefined : { detail: message(key, { method, path: originalPath(req), ...extra }), expose: true };
  switch (answer.kind) {
    case 'not-implemented':
      // Its stack would only show this function: not worth capturing on every scanner's PROPFIND.
      return new NotImplemented({ captureStack: false, ...detail(keys.notImplemented) });
    case 'method-not-allowed':
      return new MethodNotAllowed(answer.allow, detail(keys.methodNotAllowed, { allow: answer.allow }));
    case 'not-found':
      return new NotFound(detail(keys.notFound));
  }
}

/** Carries out an answer that raises no error: a 204 for OPTIONS, or `next()`. */
function reply(answer: Reply, res: Response, next: NextFunction): void {
  if (answer.kind === 'pass') {
    next();
    return;
  }
  res.statusCode = 204;
  res.setHeader('Allow', answer.allow);
  res.end();
}

/** The app a sub-app was mounted in with `app.use(path, sub)`; Express keeps only the last. */
function parentOf(app: unknown): unknown {
  return (app as { parent?: unknown } | undefined)?.parent;
}

/** Whether a router read by `summarize` has had layers added or removed since. */
function grew(summary: AppSummary): boolean {
  for (const [stack, length] of summary.stacks) if (stack.length !== length) return true;
  return false;
}

// The apps (by router stack) already warned about, whichever notFound() saw them first.
const WARNED = new WeakSet<object>();

/**
 * Says once per app, in every environment, which middleware made 405 and 501 unavailable:
 * the answers change in production too, and the fix (vouching for it with `trustMiddleware`)
 * is the app author's to make.
 */
function warnHidden(stack: Stack, summary: AppSummary): void {
  if (summary.hidden.length === 0 || WARNED.has(stack) || typeof process === 'undefined') return;
  WARNED.add(stack);
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

function toKnown(found: PathMethods, literals: ReadonlySet<string> | undefined): Known {
  const opaque = found.opaque || found.apps > 0;
  const allowed = !opaque && found.methods.size > 0 ? found.methods : undefined;
  return {
    allowed,
    allow: allowed === undefined ? '' : allowHeader(allowed),
    routed: found.methods.size > 0,
    reached: found.reached,
    mount: mountShape(found.baseUrl, literals),
    oneApp: !found.opaque && found.apps === 1 && found.methods.size === 0,
  };
}

/** A bounded cache: the least recently used key goes first. */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value !== undefined) {
    // Most recently used goes last, so the first key is the one to evict.
    cache.delete(key);
  } else {
    value = make();
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, value);
  return value;
}

/** `Allow` in Express 5's order (alphabetical), with OPTIONS, which `notFound()` answers. */
function allowHeader(methods: ReadonlySet<string>): string {
  return [...new Set([...methods, 'OPTIONS'])].sort().join(', ');
}
