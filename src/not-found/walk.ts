/**
 * One walk over an Express 4 or 5 app's router, in dispatch order, and the readings made
 * with it: what the whole app implements ({@link summarize}), what one path allows
 * ({@link methodsOf}), every route with the middleware before it ({@link routesOf}), and the
 * route one request is dispatched to ({@link routeFor}). Only the layers' shapes are read;
 * nothing is called that could change request state.
 */
import { addRouteMethods, atRoot, classify, isApp, matchLayer, NO_TRUST, patternOf, restOf, versionOf } from './classify';
import type { LayerKind, Trust } from './classify';
import { THREW } from './layer';
import type { LayerLike, RouteLike, Stack } from './layer';

export { stackOf } from './classify';

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

/** Middleware met on the way to a route, with the mount it sits under. */
export interface MetLayer {
  readonly layer: LayerLike;
  /**
   * Walking one path, the base URL the layer was met under; walking every layer, the mount
   * patterns joined (`''` at the root, `/api/:v`), or `undefined` where one cannot be read.
   */
  readonly mount: string | undefined;
}

/** One route, and the middleware that a request for it meets first. */
export interface RouteReading {
  readonly route: RouteLike;
  /** The mount patterns joined above the route (`''` for the app's own routes), or `undefined` where one cannot be read. */
  readonly mount: string | undefined;
  /** The middleware before the route, in order, that a request for the route's path meets (error handlers and Express's own left out). */
  readonly before: readonly LayerLike[];
}

/** What the walk meets, in dispatch order. */
interface Meetings {
  /** A router's stack is entered. */
  readonly stack?: (stack: Stack) => void;
  /** Any layer with a function, before it is classified. */
  readonly layer?: (layer: LayerLike, depth: number) => void;
  /** A route that a request may reach, under `mount` (see {@link MetLayer}), after the middleware `met`. */
  readonly route: (route: RouteLike, mount: string | undefined, met: readonly MetLayer[]) => void;
  /** Middleware that may answer by itself: a sub-app, `express.static`, or anything unknown. */
  readonly middleware: (kind: Exclude<LayerKind, 'route' | 'end' | 'router' | 'pass'>, layer: LayerLike) => void;
  /** A layer the path matches but cannot be decoded by, or a router too deep or cyclic to follow. */
  readonly unknown: () => void;
  /** The path reached a `notFound()` through these mount paths: nothing after it is reached. */
  readonly end: (baseUrl: string) => void;
}

// Deeper than any real app nests its routers: a router mounted inside itself stops here.
const MAX_DEPTH = 32;
// At most this many hidden middleware names are kept for the warning.
const MAX_HIDDEN = 5;
// express.static answers GET and HEAD only, and only for files that exist.
const STATIC_METHODS = ['GET', 'HEAD'];

/**
 * Walks `stack` as Express dispatches: every layer any request may reach (`path`
 * undefined), or the layers that `path` reaches. A `notFound()` ends the walk where a request
 * would end: for one path, where it matches; for any request, at the rest of its router when
 * it sits at that router's root. Returns whether `path` reached a `notFound()`.
 */
function walk(stack: Stack, path: string | undefined, self: unknown, trust: Trust, meet: Meetings): boolean {
  // Walking every layer, a router mounted inside itself is read once; walking one path, it is
  // entered again with less of the path left (`loop.use('/r', loop)`), as Express does.
  const visiting = new Set<Stack>();
  // The middleware met so far on the way down; a router's own entries go when it is left.
  const met: MetLayer[] = [];
  const visit = (layers: Stack, at: string | undefined, prefix: string, pattern: string | undefined, depth: number): boolean => {
    if (depth > MAX_DEPTH || (at === undefined && visiting.has(layers))) {
      if (at !== undefined) meet.unknown();
      return false;
    }
    visiting.add(layers);
    meet.stack?.(layers);
    const entered = met.length;
    try {
      for (const [index, layer] of layers.entries()) {
        if (typeof layer.handle !== 'function') continue;
        meet.layer?.(layer, depth);
        const kind = classify(layer, self, trust, depth === 0 && index < 2);
        let matched = '';
        if (at !== undefined) {
          const match = matchLayer(layer, at);
          // Express answers a path a layer cannot decode with 400 before anything else.
          if (match === THREW && kind !== 'pass') meet.unknown();
          if (typeof match !== 'string') continue;
          matched = match;
        }
        const mount = at !== undefined ? prefix + mountOf(matched) : joinMount(pattern, layer);
        if (kind === 'pass') {
          // Error handlers see no request on its way to a route; Express 4's own two layers are no one's middleware.
          if (layer.handle.length < 4 && !versionOf(layer).isBuiltIn(layer, depth === 0 && index < 2)) met.push({ layer, mount });
        } else if (kind === 'route') {
          meet.route(layer.route as RouteLike, at !== undefined ? prefix : pattern, met);
        } else if (kind === 'end') {
          if (at !== undefined) {
            meet.end(prefix + mountOf(matched));
            return true;
          }
          // At its router's root, nothing after it in that router is reached.
          if (atRoot(layer)) return false;
        } else if (kind === 'router') {
          const rest = at === undefined ? undefined : restOf(layer, at, matched);
          if (at !== undefined && rest === undefined) continue;
          if (visit((layer.handle as unknown as { stack: Stack }).stack, rest, mount ?? '', mount, depth + 1)) return true;
        } else {
          met.push({ layer, mount });
          meet.middleware(kind, layer);
        }
      }
      return false;
    } finally {
      met.length = entered;
      visiting.delete(layers);
    }
  };
  return visit(stack, path, '', '', 0);
}

/**
 * Sums up the whole app. What follows `self` in its own router is never reached; when
 * `self` sits in a nested router, the layers after that router still serve other paths, so
 * they count.
 */
export function summarize(stack: Stack, self: unknown, trust: Trust = NO_TRUST, companion?: unknown): AppSummary {
  const methods = new Set<string>();
  const literals = new Set<string>();
  const hidden: string[] = [];
  const stacks: (readonly [Stack, number])[] = [];
  let opaque = false;
  let simple = true;
  let companionTopLevel = false;
  walk(stack, undefined, self, trust, {
    stack: (layers) => stacks.push([layers, layers.length]),
    layer(layer, depth) {
      if (layer.handle === companion && depth === 0 && atRoot(layer)) companionTopLevel = true;
      if (!collectLiterals(layer, literals)) simple = false;
    },
    route(route) {
      if (!addRouteMethods(route, methods)) opaque = true;
    },
    middleware(kind, layer) {
      if (kind === 'static') {
        for (const method of STATIC_METHODS) methods.add(method);
        return;
      }
      opaque = true;
      // Only what `trustMiddleware` can fix is named: middleware at a router's root.
      if (atRoot(layer) && !isApp(layer) && hidden.length < MAX_HIDDEN) hidden.push(typeof layer.name === 'string' ? layer.name : '<anonymous>');
    },
    unknown: () => undefined,
    end: () => undefined,
  });
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
  const reached = walk(stack, path, self, trust, {
    route(route) {
      if (!addRouteMethods(route, methods)) opaque = true;
    },
    middleware(kind) {
      if (kind === 'app') apps += 1;
      else if (kind === 'static') served = true;
      else opaque = true;
    },
    unknown: () => {
      opaque = true;
    },
    end: (mount) => {
      baseUrl = mount;
    },
  });
  // A file under express.static would add GET and HEAD: only a GET route makes that moot.
  if (served && !methods.has('GET')) opaque = true;
  return { opaque, methods, reached, baseUrl, apps };
}

/**
 * Every route of the app in dispatch order, each with the middleware before it that applies
 * to its path: mounted at a router's root, or at a mount path its own path starts with.
 */
export function routesOf(stack: Stack): RouteReading[] {
  const routes: RouteReading[] = [];
  walk(stack, undefined, undefined, NO_TRUST, {
    route(route, mount, met) {
      const paths = (Array.isArray(route.path) ? route.path : [route.path]).map((item) => (typeof item === 'string' && mount !== undefined ? mount + item : undefined));
      const before = met.filter((entry) => paths.some((full) => covers(entry.mount, full))).map((entry) => entry.layer);
      routes.push({ route, mount, before });
    },
    middleware: () => undefined,
    unknown: () => undefined,
    end: () => undefined,
  });
  return routes;
}

/**
 * The route Express dispatches `method` and `path` to (the first that matches both, `GET`'s
 * for `HEAD`), with the middleware the request meets before it; `undefined` when none does.
 */
export function routeFor(stack: Stack, path: string, method: string): RouteReading | undefined {
  const lower = method.toLowerCase();
  let found: RouteReading | undefined;
  walk(stack, path, undefined, NO_TRUST, {
    route(route, mount, met) {
      if (found === undefined && handles(route, lower)) found = { route, mount, before: met.map((entry) => entry.layer) };
    },
    middleware: () => undefined,
    unknown: () => undefined,
    end: () => undefined,
  });
  return found;
}

/** Whether a route serves a lower-case method, as Express's `Route#_handles_method` decides. */
function handles(route: RouteLike, method: string): boolean {
  const methods = route.methods;
  if (methods === null || typeof methods !== 'object') return false;
  if (methods._all === true || methods[method] === true) return true;
  return method === 'head' && methods.get === true;
}

/** Whether middleware mounted at `mount` sees the requests for the route pattern `path`. */
function covers(mount: string | undefined, path: string | undefined): boolean {
  if (mount === undefined) return false;
  if (mount === '') return true;
  return path !== undefined && (path === mount || path.startsWith(`${mount}/`));
}

/** The mount patterns above a layer joined with its own, `undefined` where one cannot be read. */
function joinMount(pattern: string | undefined, layer: LayerLike): string | undefined {
  if (pattern === undefined || layer.route !== undefined || atRoot(layer)) return pattern;
  const own = patternOf(layer);
  return typeof own === 'string' ? pattern + mountOf(own) : undefined;
}

/** What a matched mount path adds to `req.baseUrl`: Express drops its trailing slash. */
function mountOf(matched: string): string {
  return matched.endsWith('/') ? matched.slice(0, -1) : matched;
}

const LITERAL = /^[A-Za-z0-9._~-]*$/;
const PARAM = /^:[A-Za-z_$][A-Za-z0-9_$]*\??$/;
const WILDCARD = /^\*(?:[A-Za-z_$][A-Za-z0-9_$]*)?$/;

/** Adds a layer's literal segments; false when its pattern is not made of whole segments. */
function collectLiterals(layer: LayerLike, into: Set<string>): boolean {
  if (atRoot(layer)) return true;
  const pattern = patternOf(layer);
  if (pattern === undefined) return false;
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
