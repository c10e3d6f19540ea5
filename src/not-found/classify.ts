/**
 * Which kind of layer each router layer is for `notFound()`, read through the layer's own
 * Express version: the one place that decides what passes requests on.
 */
import { express4 } from './express4';
import { express5 } from './express5';
import { knownMiddleware } from './known';
import type { LayerLike, Match, RouteLike, RouterVersion, Stack } from './layer';

/** Which middleware is taken to pass requests on, never to answer a method of its own. */
export interface Trust {
  /** Every middleware mounted at the root of the app or of a router (`app.use(fn)`). */
  readonly root: boolean;
  /** These functions, wherever they are mounted. */
  readonly handles: ReadonlySet<unknown>;
}

/** Only the middleware known by name passes requests on. */
export const NO_TRUST: Trust = { root: false, handles: new Set() };

/**
 * What a layer is to a request that reaches it:
 * - `route`: a route, whose methods are known (or, for `app.all()`, not);
 * - `end`: a `notFound()`, which ends every request that reaches it;
 * - `router`: a router, whose layers are read in turn;
 * - `pass`: middleware that passes requests on or rejects them (parsers, cors, ...), or an error handler;
 * - `app`: a sub-app, which may answer any method;
 * - `static`: `express.static`, which answers GET and HEAD for files that exist;
 * - `opaque`: any other middleware, which may answer a method no route shows.
 */
export type LayerKind = 'route' | 'end' | 'router' | 'pass' | 'app' | 'static' | 'opaque';

const SERVE_STATIC = 'serveStatic';
// This package's own middleware: the OPTIONS companion passes requests on; a notFound(), of
// any instance, ends every request that reaches it.
const PASSING = new WeakSet<object>();
const ENDING = new WeakSet<object>();

/** Marks middleware of this package: `ends` for a notFound(), which no request gets past. */
export function markOwn(handle: object, ends: boolean): void {
  (ends ? ENDING : PASSING).add(handle);
}

/** The Express version whose router made `layer`. */
export function versionOf(layer: LayerLike): RouterVersion {
  return express5.owns(layer) ? express5 : express4;
}

/** The router stack of an Express 4 or 5 app, or `undefined` when it has none we can read. */
export function stackOf(app: unknown): Stack | undefined {
  if (typeof app !== 'function' && (typeof app !== 'object' || app === null)) return undefined;
  try {
    const router = express4.routerOf(app) ?? express5.routerOf(app);
    const stack = (router as { stack?: unknown } | undefined)?.stack;
    return Array.isArray(stack) ? (stack as Stack) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The kind of `layer`, where `self` is the `notFound()` asking and `firstTwo` says the layer
 * is one of the first two of the app's own router (where Express 4 puts its built-ins).
 */
export function classify(layer: LayerLike, self: unknown, trust: Trust, firstTwo: boolean): LayerKind {
  const handle = layer.handle;
  if (layer.route !== undefined) return 'route';
  if (handle === self || ENDING.has(handle as object)) return 'end';
  if (isRouter(handle)) return 'router';
  if (typeof handle === 'function' && handle.length >= 4) return 'pass';
  // A sub-app can answer anything, wherever it is, whoever vouches for it.
  if (isApp(layer)) return 'app';
  if (passesOn(layer, trust, firstTwo)) return 'pass';
  return layer.name === SERVE_STATIC ? 'static' : 'opaque';
}

/** Whether a layer is mounted at its router's root, so that it sees every request. */
export function atRoot(layer: LayerLike): boolean {
  return versionOf(layer).atRoot(layer);
}

/** The part of `path` the layer matches, as its Express version's router would. */
export function matchLayer(layer: LayerLike, path: string): Match {
  return versionOf(layer).match(layer, path);
}

/** The path a mounted router sees, or `undefined` where Express would not enter it. */
export function restOf(layer: LayerLike, path: string, matched: string): string | undefined {
  if (matched.length === 0) return path;
  if (path.slice(0, matched.length) !== matched) return undefined;
  const next = path[matched.length];
  if (next !== undefined && next !== '/' && !(versionOf(layer).entersAtDot && next === '.')) return undefined;
  const rest = path.slice(matched.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The path pattern of a layer (a route's or a mount's), when it can be read. */
export function patternOf(layer: LayerLike): unknown {
  return layer.route?.path ?? versionOf(layer).mountPattern(layer);
}

/** Adds a route's methods; false for an `app.all()` route, whose methods are unknown. */
export function addRouteMethods(route: RouteLike, into: Set<string>): boolean {
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

/** A sub-app: `app.use(path, sub)` wraps it as `mounted_app`; `router.use(sub)` keeps the app itself. */
export function isApp(layer: LayerLike): boolean {
  if (layer.name === 'mounted_app') return true;
  const handle = layer.handle;
  if (typeof handle !== 'function') return false;
  const app = handle as { handle?: unknown; set?: unknown };
  return typeof app.handle === 'function' && typeof app.set === 'function';
}

function isRouter(handle: unknown): handle is { stack: Stack } {
  return Array.isArray((handle as { stack?: unknown } | undefined)?.stack);
}

// Any other middleware may answer a method no route shows (a proxy, a hand-written
// dispatcher), unless the app vouches for it.
function passesOn(layer: LayerLike, trust: Trust, firstTwo: boolean): boolean {
  const handle = layer.handle;
  if ((typeof handle === 'function' && PASSING.has(handle)) || trust.handles.has(handle)) return true;
  if (versionOf(layer).isBuiltIn(layer, firstTwo)) return true;
  const name = typeof layer.name === 'string' ? layer.name : '';
  if (name === SERVE_STATIC) return false;
  // Every middleware this package knows passes requests on or rejects them (see ./known).
  if (knownMiddleware(handle, name) !== undefined) return true;
  return trust.root && atRoot(layer);
}

