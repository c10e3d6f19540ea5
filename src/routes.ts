/**
 * Reads an Express app's own router (Express 4's `app._router`, Express 5's `app.router`)
 * to learn which methods a path allows. Only the layers' public shapes are read; nothing
 * is called that could change request state (Express 4's `layer.match` writes to the layer).
 */

/** What the routes of one path allow. */
export interface PathMethods {
  /**
   * True when a layer that matches the path may answer methods we cannot see (an
   * `app.all()` route, middleware or a sub-app mounted at a path): the `Allow` list is unknown.
   */
  readonly opaque: boolean;
  /** Upper-case methods of the matching routes, `HEAD` wherever `GET` is. */
  readonly methods: ReadonlySet<string>;
  /** Whether the walk reached `self` (or another `notFound()`) through layers that match the path. */
  readonly reached: boolean;
  /** The mount paths passed to get there, as Express joins them into `req.baseUrl`. */
  readonly baseUrl: string;
  /** Sub-apps that match the path: they may answer any method, like an opaque layer. */
  readonly apps: number;
}

/** What the whole app implements, read once. */
export interface AppSummary {
  /** Every method some route implements, `HEAD` wherever `GET` is. */
  readonly methods: ReadonlySet<string>;
  /** True when some layer may answer methods we cannot see, so no method is known to be unimplemented. */
  readonly opaque: boolean;
  /** Whether `companion` was found in the app's own top-level stack. */
  readonly companionTopLevel: boolean;
  /** Lower-cased literal path segments of every pattern, when every pattern is simple. */
  readonly literals: ReadonlySet<string> | undefined;
  /** The names of untrusted middleware mounted at a router's root, which make the app opaque. */
  readonly hidden: readonly string[];
  /** Every router stack read, with its length then: a change means routes were added since. */
  readonly stacks: readonly (readonly [Stack, number])[];
}

/** Which middleware is taken to pass requests on, never to answer a method of its own. */
export interface Trust {
  /** Every middleware mounted at the root of the app or of a router (`app.use(fn)`). */
  readonly root: boolean;
  /** These functions, wherever they are mounted. */
  readonly handles: ReadonlySet<unknown>;
}

/** Only the middleware known by name passes requests on. */
export const NO_TRUST: Trust = { root: false, handles: new Set() };

/** The parts of a route that are read. */
export interface RouteLike {
  readonly path?: unknown;
  readonly methods?: Readonly<Record<string, unknown>>;
}

/** The parts of an Express 4 or 5 layer that are read. */
export interface LayerLike {
  readonly handle?: unknown;
  readonly name?: unknown;
  readonly route?: RouteLike;
  /** Express 5 (router 2). */
  readonly matchers?: unknown;
  readonly rawPath?: unknown;
  readonly slash?: unknown;
  /** Express 4. */
  readonly regexp?: (RegExp & { fast_slash?: unknown; fast_star?: unknown }) | undefined;
}

/** The `stack` of an Express router. */
export type Stack = readonly LayerLike[];

// Middleware known to pass every request on (or to reject it), wherever it is mounted, by
// the name its package gives the function: body-parser's parsers, cors (it answers OPTIONS,
// which every Allow lists), helmet, morgan, cookie-parser and compression.
// test/not-found-middleware.test.ts checks these names on the real packages.
const PASS_THROUGH = new Set(['jsonParser', 'urlencodedParser', 'textParser', 'rawParser', 'corsMiddleware', 'helmetMiddleware', 'logger', 'cookieParser', 'compression']);
// Express 4's own first two layers of every app; known by place too, as `query` is a common name.
const EXPRESS4_BUILT_IN = ['query', 'expressInit'];
// This package's own middleware: the OPTIONS companion passes requests on; a notFound(), of
// any instance, ends every request that reaches it.
const PASSING = new WeakSet<object>();
const ENDING = new WeakSet<object>();
// Deeper than any real app nests its routers: a router mounted inside itself stops here.
const MAX_DEPTH = 32;
// express.static answers GET and HEAD only, and only for files that exist.
const STATIC_METHODS = ['GET', 'HEAD'];
const SERVE_STATIC = 'serveStatic';
// At most this many hidden middleware names are kept for the warning.
const MAX_HIDDEN = 5;
// A thrown matcher (a malformed %-escape in a parameter) means the pattern did match.
const THREW = Symbol('threw');

/** The router stack of an Express 4 or 5 app, or `undefined` when it has none we can read. */
export function stackOf(app: unknown): Stack | undefined {
  if (typeof app !== 'function' && (typeof app !== 'object' || app === null)) return undefined;
  try {
    // Express 4 keeps its router in `_router`; its `app.router` getter throws.
    const router = Object.hasOwn(app, '_router') ? (app as { _router?: unknown })._router : (app as { router?: unknown }).router;
    const stack = (router as { stack?: unknown } | undefined)?.stack;
    return Array.isArray(stack) ? (stack as Stack) : undefined;
  } catch {
    return undefined;
  }
}

/** Marks middleware of this package: `ends` for a notFound(), which no request gets past. */
export function markOwn(handle: object, ends: boolean): void {
  (ends ? ENDING : PASSING).add(handle);
}

/**
 * Walks the whole app and sums it up. What follows `self` in its own router is never
 * reached; when `self` sits in a nested router, the layers after that router still serve
 * other paths, so they count.
 */
export function summarize(stack: Stack, self: unknown, trust: Trust = NO_TRUST, companion?: unknown): AppSummary {
  const methods = new Set<string>();
  const literals = new Set<string>();
  const hidden: string[] = [];
  const stacks: (readonly [Stack, number])[] = [];
  const visiting = new Set<Stack>();
  let opaque = false;
  let simple = true;
  let companionTopLevel = false;

  const visit = (layers: Stack, depth: number): void => {
    // A router mounted inside itself is read once.
    if (visiting.has(layers) || depth > MAX_DEPTH) return;
    visiting.add(layers);
    stacks.push([layers, layers.length]);
    for (const [index, layer] of layers.entries()) {
      const handle = layer.handle;
      if (typeof handle !== 'function') continue;
      if (handle === companion && depth === 0 && atRoot(layer)) companionTopLevel = true;
      if (!collectLiterals(layer, literals)) simple = false;
      if (handle === self || ENDING.has(handle)) {
        // At its router's root, nothing after it in that router is reached.
        if (atRoot(layer)) break;
        continue;
      }
      if (layer.route !== undefined) {
        if (!addRouteMethods(layer.route, methods)) opaque = true;
      } else if (isRouter(handle)) {
        visit(handle.stack, depth + 1);
      } else if (handle.length < 4 && !isPassThrough(layer, trust, depth === 0 && index < 2)) {
        if (layer.name === SERVE_STATIC) {
          for (const method of STATIC_METHODS) methods.add(method);
        } else {
          opaque = true;
          // Only what `trustMiddleware` can fix is named: middleware at a router's root.
          if (atRoot(layer) && !isApp(layer) && hidden.length < MAX_HIDDEN) hidden.push(typeof layer.name === 'string' ? layer.name : '<anonymous>');
        }
      }
    }
    visiting.delete(layers);
  };
  visit(stack, 0);
  return { methods, opaque, companionTopLevel, literals: simple ? literals : undefined, hidden, stacks };
}

/**
 * The methods the routes matching `path` allow, reached as Express would dispatch it: the
 * walk ends at the first `notFound()` (`self` or another instance) that the path reaches.
 */
export function methodsOf(stack: Stack, path: string, self: unknown, trust: Trust = NO_TRUST): PathMethods {
  const methods = new Set<string>();
  let opaque = false;
  let served = false;
  let apps = 0;
  let baseUrl = '';

  const visit = (layers: Stack, at: string, prefix: string, depth: number): boolean => {
    if (depth > MAX_DEPTH) {
      opaque = true;
      return false;
    }
    for (const [index, layer] of layers.entries()) {
      const handle = layer.handle;
      if (typeof handle !== 'function') continue;
      if (layer.route !== undefined) {
        const matched = matchLayer(layer, at);
        // Express answers a path its route cannot decode with 400 before anything else.
        if (matched === THREW) opaque = true;
        else if (matched !== undefined && !addRouteMethods(layer.route, methods)) opaque = true;
        continue;
      }
      if (handle !== self && !ENDING.has(handle) && !isRouter(handle) && (handle.length >= 4 || isPassThrough(layer, trust, depth === 0 && index < 2))) continue;
      const matched = matchLayer(layer, at);
      if (matched === THREW) {
        opaque = true;
        continue;
      }
      if (matched === undefined) continue;
      if (handle === self || ENDING.has(handle)) {
        baseUrl = prefix + mountOf(matched);
        return true;
      }
      if (isRouter(handle)) {
        const rest = restOf(layer, at, matched);
        if (rest !== undefined && visit(handle.stack, rest, prefix + mountOf(matched), depth + 1)) return true;
      } else if (isApp(layer)) {
        apps += 1;
      } else if (layer.name === SERVE_STATIC) {
        served = true;
      } else {
        opaque = true;
      }
    }
    return false;
  };
  const reached = visit(stack, path, '', 0);
  // A file under express.static would add GET and HEAD: only a GET route makes that moot.
  if (served && !methods.has('GET')) opaque = true;
  return { opaque, methods, reached, baseUrl, apps };
}

/** What a matched mount path adds to `req.baseUrl`: Express drops its trailing slash. */
function mountOf(matched: string): string {
  return matched.endsWith('/') ? matched.slice(0, -1) : matched;
}

/**
 * A key shared by every path that the app's routes cannot tell apart: a segment that is
 * no literal of any pattern can only meet parameters and wildcards, so `/users/1` and
 * `/users/2` share `/users/\0`. With a pattern we cannot read (a RegExp, `:id(\\d+)`,
 * `file-:name`), every path is its own key.
 */
export function shapeOf(path: string, literals: ReadonlySet<string> | undefined): string {
  if (literals === undefined) return path;
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    // A segment Express cannot decode gets a 400, not the parameter's methods: its own key.
    if (segment !== '' && !literals.has(segment.toLowerCase()) && decodes(segment)) segments[i] = '\0';
  }
  return segments.join('/');
}

function decodes(segment: string): boolean {
  if (!segment.includes('%')) return true;
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function isRouter(handle: unknown): handle is { stack: Stack } {
  return Array.isArray((handle as { stack?: unknown }).stack);
}

// Any other middleware may answer a method no route shows (a proxy, a hand-written
// dispatcher), unless the app vouches for it. A sub-app can answer anything, wherever it is.
function isPassThrough(layer: LayerLike, trust: Trust, firstTwo: boolean): boolean {
  const handle = layer.handle;
  if (isApp(layer) || (typeof handle === 'function' && ENDING.has(handle))) return false;
  if ((typeof handle === 'function' && PASSING.has(handle)) || trust.handles.has(handle)) return true;
  const name = typeof layer.name === 'string' ? layer.name : '';
  if (PASS_THROUGH.has(name)) return true;
  // Express 4's layers have no `matchers`; in Express 5 the first two layers are the app's own.
  if (firstTwo && !Array.isArray(layer.matchers) && EXPRESS4_BUILT_IN.includes(name)) return true;
  if (name === SERVE_STATIC) return false;
  return trust.root && atRoot(layer);
}

/** A sub-app: `app.use(path, sub)` wraps it as `mounted_app`; `router.use(sub)` keeps the app itself. */
function isApp(layer: LayerLike): boolean {
  if (layer.name === 'mounted_app') return true;
  const handle = layer.handle;
  if (typeof handle !== 'function') return false;
  const app = handle as { handle?: unknown; set?: unknown };
  return typeof app.handle === 'function' && typeof app.set === 'function';
}

/** Whether a layer is mounted at its router's root, so that it sees every request. */
function atRoot(layer: LayerLike): boolean {
  return layer.slash === true || layer.regexp?.fast_slash === true;
}

/** Adds a route's methods; false for an `app.all()` route, whose methods are unknown. */
function addRouteMethods(route: RouteLike, into: Set<string>): boolean {
  const methods = route.methods;
  if (methods === null || typeof methods !== 'object') return false;
  if (methods._all === true) return false;
  for (const name of Object.keys(methods)) {
    if (methods[name] === true) into.add(name.toUpperCase());
  }
  // Express answers HEAD with the GET route.
  if (into.has('GET')) into.add('HEAD');
  return true;
}

/** The part of `path` the layer matches, `undefined` when it does not match. */
function matchLayer(layer: LayerLike, path: string): string | typeof THREW | undefined {
  if (Array.isArray(layer.matchers)) {
    if (layer.slash === true) return '';
    for (const matcher of layer.matchers as unknown[]) {
      if (typeof matcher !== 'function') continue;
      try {
        const result = matcher(path) as { path?: unknown } | false;
        if (result !== false && result !== null && typeof result === 'object') return typeof result.path === 'string' ? result.path : '';
      } catch {
        return THREW;
      }
    }
    return undefined;
  }
  const regexp = layer.regexp;
  if (!(regexp instanceof RegExp)) return undefined;
  if (regexp.fast_slash === true) return '';
  if (regexp.fast_star === true) return path;
  regexp.lastIndex = 0;
  const match = regexp.exec(path);
  if (match === null) return undefined;
  // Express 4 decodes each parameter as it matches and answers 400 where one cannot be.
  for (let i = 1; i < match.length; i++) {
    const value = match[i];
    if (value === undefined || value === '') continue;
    try {
      decodeURIComponent(value);
    } catch {
      return THREW;
    }
  }
  return match[0];
}

/** The path a mounted router sees, or `undefined` where Express would not enter it. */
function restOf(layer: LayerLike, path: string, matched: string): string | undefined {
  if (matched.length === 0) return path;
  if (path.slice(0, matched.length) !== matched) return undefined;
  const next = path[matched.length];
  // Express 4 also enters a router at a dot (`/file.json` under `/file`); Express 5 does not.
  const express4 = !Array.isArray(layer.matchers);
  if (next !== undefined && next !== '/' && !(express4 && next === '.')) return undefined;
  const rest = path.slice(matched.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

const LITERAL = /^[A-Za-z0-9._~-]*$/;
const PARAM = /^:[A-Za-z_$][A-Za-z0-9_$]*\??$/;
const WILDCARD = /^\*(?:[A-Za-z_$][A-Za-z0-9_$]*)?$/;
// What Express 4 (path-to-regexp 0.1) makes of a literal mount path: `/api/v1` gives `^\/api\/v1\/?(?=\/|$)`.
const EXPRESS4_MOUNT = /^\^((?:\\\/[A-Za-z0-9_~-]+)+)\\\/\?\(\?=\\\/\|\$\)$/;

/** Adds a layer's literal segments; false when its pattern is not made of whole segments. */
function collectLiterals(layer: LayerLike, into: Set<string>): boolean {
  if (layer.slash === true || layer.regexp?.fast_slash === true) return true;
  const pattern = layer.route?.path ?? layer.rawPath;
  if (pattern === undefined) {
    // An Express 4 mount keeps only its RegExp.
    const source = layer.regexp?.source;
    const literal = source === undefined ? null : EXPRESS4_MOUNT.exec(source);
    if (literal === null) return false;
    for (const segment of (literal[1] as string).split('\\/')) if (segment !== '') into.add(segment.toLowerCase());
    return true;
  }
  const patterns = Array.isArray(pattern) ? (pattern.flat(Infinity) as unknown[]) : [pattern];
  for (const item of patterns) {
    if (typeof item !== 'string') return false;
    for (const segment of item.split('/')) {
      if (LITERAL.test(segment)) {
        if (segment !== '') into.add(segment.toLowerCase());
      } else if (!PARAM.test(segment) && !WILDCARD.test(segment)) {
        return false;
      }
    }
  }
  return true;
}
