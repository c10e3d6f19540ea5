/**
 * The route pattern a request matched, with the paths of the routers it is mounted under
 * (`/api/users/:id`): a bounded label for metrics, never the URL. By the time an error
 * reaches an app-level handler Express has put `req.baseUrl` back to that handler's own
 * mount, so the mounts are read from the app's router, once per route.
 */
import type { Request } from 'express';
import { isApp, matchLayer, restOf, stackOf, versionOf } from '../not-found/classify';
import type { LayerLike, RouteLike, Stack } from '../not-found/layer';
import { originalPath } from '../not-found/paths';

// A route found under more than one mount (a router mounted twice): the path decides.
const MANY = Symbol('many');
// A route the app's own router does not hold: a sub-app's, whose router cannot be reached.
const ABSENT = Symbol('absent');
// Deeper than any real app nests its routers; a router mounted inside itself stops here.
const MAX_DEPTH = 32;

const patterns = new WeakMap<object, string | typeof MANY | typeof ABSENT>();

/**
 * The pattern of the route `req` matched, prefixed with the app's and routers' mount
 * paths, as Express wrote them; `undefined` when no route matched.
 */
export function routeOf(req: Request): string | undefined {
  try {
    const route = (req as { route?: unknown }).route;
    if (typeof route !== 'object' || route === null) return undefined;
    let known = patterns.get(route);
    if (typeof known === 'string') return known;
    const stack = stackOf(req.app);
    if (stack === undefined) return undefined;
    if (known === undefined) {
      index(stack, appPath(req), route);
      known = patterns.get(route);
      if (typeof known === 'string') return known;
    }
    return search(stack, pathIn(req), appPath(req), route as RouteLike, 0);
  } catch {
    return undefined;
  }
}

/** Reads every route of the app with its mounts; `wanted` is marked absent when it is not among them. */
function index(stack: Stack, prefix: string, wanted: object): void {
  const seen = new Map<object, string | typeof MANY>();
  const visit = (layers: Stack, at: string, depth: number, open: Set<Stack>): void => {
    if (depth > MAX_DEPTH || open.has(layers)) return;
    open.add(layers);
    for (const layer of layers) {
      if (typeof layer.handle !== 'function') continue;
      const route = layer.route;
      if (route !== undefined) {
        const pattern = join(at, pieceOf(route.path));
        const before = seen.get(route);
        seen.set(route, before === undefined || before === pattern ? pattern : MANY);
      } else if (isRouter(layer)) {
        visit((layer.handle as unknown as { stack: Stack }).stack, join(at, mountOf(layer)), depth + 1, open);
      }
    }
    open.delete(layers);
  };
  visit(stack, prefix, 0, new Set());
  for (const [route, pattern] of seen) patterns.set(route, pattern);
  if (!seen.has(wanted)) patterns.set(wanted, ABSENT);
}

/**
 * Follows `path` through the layers as Express dispatched it, to the layer holding `route`.
 * A route behind a sub-app gets the sub-app's mount path and its own pattern: the routers
 * inside a sub-app cannot be read from outside it.
 */
function search(stack: Stack, path: string, prefix: string, route: RouteLike, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let subApp: string | undefined;
  for (const layer of stack) {
    if (typeof layer.handle !== 'function') continue;
    const matched = matchLayer(layer, path);
    if (typeof matched !== 'string') continue;
    if (layer.route === route) return join(prefix, pieceOf(route.path));
    if (layer.route !== undefined) continue;
    if (isRouter(layer)) {
      const rest = restOf(layer, path, matched);
      const found = rest === undefined ? undefined : search((layer.handle as unknown as { stack: Stack }).stack, rest, join(prefix, mountOf(layer)), route, depth + 1);
      if (found !== undefined) return found;
    } else if (subApp === undefined && isApp(layer)) {
      subApp = join(prefix, mountOf(layer));
    }
  }
  return depth === 0 && subApp !== undefined ? join(subApp, pieceOf(route.path)) : undefined;
}

/** The mount paths of a sub-app the handler is mounted in (`app.path()`), else `''`. */
function appPath(req: Request): string {
  const app = req.app as { path?: unknown; parent?: unknown } | undefined;
  if (app?.parent === undefined || typeof app.path !== 'function') return '';
  const path: unknown = app.path();
  return typeof path === 'string' ? path : '';
}

/** The request path as the app in `req.app` dispatched it. */
function pathIn(req: Request): string {
  const path = originalPath(req);
  const base = (req.app as { parent?: unknown } | undefined)?.parent === undefined ? '' : req.baseUrl;
  return base !== '' && path.startsWith(base) ? path.slice(base.length) || '/' : path;
}

function isRouter(layer: LayerLike): boolean {
  return Array.isArray((layer.handle as { stack?: unknown }).stack) && !isApp(layer);
}

function mountOf(layer: LayerLike): string {
  if (versionOf(layer).atRoot(layer)) return '';
  return pieceOf(versionOf(layer).mountTemplate(layer));
}

/** A path as Express's instrumentation for OpenTelemetry writes it: a RegExp as its source, a list joined by commas. */
function pieceOf(path: unknown): string {
  if (typeof path === 'string') return path;
  if (path instanceof RegExp) return String(path);
  if (Array.isArray(path)) return path.map(pieceOf).join(',');
  return '';
}

/** `prefix` + `path`, without the doubled slash of a mount ending in `/`; a root route adds nothing to a mount. */
function join(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '/' || path === '') return prefix;
  return prefix.endsWith('/') && path.startsWith('/') ? prefix + path.slice(1) : prefix + path;
}
