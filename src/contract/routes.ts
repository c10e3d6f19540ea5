/**
 * The app's routes as the contract sees them: one operation per route and method, with
 * the statuses it declares (`throws()`) and those its middleware can produce. Read through
 * `notFound()`'s walk over the router, so Express 4 and 5 are read the same way.
 */
import type { ErrorStatus } from '../core/status';
import type { LayerLike, RouteLike } from '../not-found/layer';
import { routeFor, routesOf, stackOf } from '../not-found/walk';
import type { RouteReading } from '../not-found/walk';
import { middlewareStatuses } from './middleware';
import type { ProblemTypeSpec } from './schema';
import { declarationOf } from './throws';

/** One operation: a method of a route, on its OpenAPI path. */
export interface RouteOperation {
  /** Lower-case, as OpenAPI keys it. */
  readonly method: string;
  /** The OpenAPI path template: Express's `/users/:id` as `/users/{id}`. */
  readonly path: string;
  /** The path parameters, in order. */
  readonly parameters: readonly string[];
  /** The statuses declared with `throws()` on the way to the route, or on it. */
  readonly declared: ReadonlySet<ErrorStatus>;
  /** The problem types declared with `throws()`. */
  readonly types: readonly ProblemTypeSpec[];
  /** Whether any `throws()` covers the operation. */
  readonly declares: boolean;
  /** The statuses recognised middleware on the way can produce. */
  readonly middleware: ReadonlySet<ErrorStatus>;
}

/** What a request for an operation meets: the layers before its route, and the route's own for that method. */
interface Statuses {
  readonly declared: Set<ErrorStatus>;
  readonly types: ProblemTypeSpec[];
  readonly declares: boolean;
  readonly middleware: Set<ErrorStatus>;
}

/**
 * Every operation of an Express 4 or 5 app, in the order its routes were added. Routes with
 * a RegExp path, `app.all()` routes and what sub-apps serve are left out: they have no
 * OpenAPI path or method to give.
 */
export function readOperations(app: unknown): RouteOperation[] {
  const stack = stackOf(app);
  if (stack === undefined) throw new TypeError('openApiPaths: expected an Express 4 or 5 app or router with routes');
  const operations: RouteOperation[] = [];
  for (const reading of routesOf(stack)) {
    if (reading.mount === undefined) continue;
    const patterns = Array.isArray(reading.route.path) ? (reading.route.path as unknown[]) : [reading.route.path];
    for (const pattern of patterns) {
      if (typeof pattern !== 'string') continue;
      for (const method of methodsOf(reading.route)) {
        const found = statusesOf(reading, method);
        for (const path of openApiPathsOf(reading.mount + pattern)) {
          operations.push({ method, path, parameters: parametersOf(path), ...found });
        }
      }
    }
  }
  return operations;
}

const CACHE_SIZE = 500;
const cache = new WeakMap<object, { length: number; known: Map<string, ReadonlySet<number> | undefined> }>();

/**
 * The statuses documented for the route Express dispatches `method` and `path` to: what
 * it declares with `throws()` and what its middleware can produce; `undefined` when no
 * `throws()` covers it (nothing is declared, so nothing can be undeclared).
 */
export function documentedStatuses(app: unknown, method: string, path: string): ReadonlySet<number> | undefined {
  const stack = stackOf(app);
  if (stack === undefined) return undefined;
  let entry = cache.get(stack);
  // Routes added since, or a path table grown past its bound, start afresh.
  if (entry === undefined || entry.length !== stack.length || entry.known.size >= CACHE_SIZE) {
    entry = { length: stack.length, known: new Map() };
    cache.set(stack, entry);
  }
  const key = `${method} ${path}`;
  if (entry.known.has(key)) return entry.known.get(key);
  const reading = routeFor(stack, path, method);
  const found = reading === undefined ? undefined : statusesOf(reading, method.toLowerCase() === 'head' && reading.route.methods?.head !== true ? 'get' : method.toLowerCase());
  const documented = found?.declares === true ? new Set<number>([...found.declared, ...found.middleware]) : undefined;
  entry.known.set(key, documented);
  return documented;
}

function statusesOf(reading: RouteReading, method: string): Statuses {
  const declared = new Set<ErrorStatus>();
  const types: ProblemTypeSpec[] = [];
  const middleware = new Set<ErrorStatus>();
  const own = Array.isArray(reading.route.stack) ? (reading.route.stack as LayerLike[]) : [];
  const layers = [...reading.before, ...own.filter((layer) => layer.method === undefined || layer.method === method)];
  let declares = false;
  for (const layer of layers) {
    const declaration = declarationOf(layer.handle);
    if (declaration !== undefined) {
      declares = true;
      for (const status of declaration.statuses) declared.add(status);
      types.push(...declaration.types);
    }
    for (const status of middlewareStatuses(layer.handle, layer.name)) middleware.add(status);
  }
  return { declared, types, declares, middleware };
}

// The methods an OpenAPI path item has.
const OPERATION_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
// app.all() in Express 4 and 5 adds every method Node knows, one by one: no route lists this many.
const ALL_METHODS = 20;

function methodsOf(route: RouteLike): string[] {
  const methods = route.methods;
  if (methods === null || typeof methods !== 'object' || methods._all === true) return [];
  const listed = Object.keys(methods).filter((name) => methods[name] === true && name !== '_all');
  return listed.length >= ALL_METHODS ? [] : listed.filter((name) => OPERATION_METHODS.has(name));
}

/**
 * Express path patterns as OpenAPI templates: `:id` as `{id}`, a pattern with optional
 * parts (`/:id?` in Express 4, `{/:id}` in Express 5) as one template per variant,
 * `*name` (or Express 4's bare `*`) as one parameter. Trailing slashes are dropped.
 */
export function openApiPathsOf(pattern: string): string[] {
  const out = new Set<string>();
  for (const variant of expandOptional(pattern)) {
    const segments = variant.split('/').map((segment) =>
      segment
        .replace(/\\(.)/g, '$1')
        .replace(/:([A-Za-z_$][A-Za-z0-9_$]*)(?:\([^)]*\))?/g, '{$1}')
        .replace(/\*([A-Za-z_$][A-Za-z0-9_$]*)/g, '{$1}')
        .replace(/\*/g, '{wildcard}'),
    );
    const path = segments.join('/').replace(/\/+$/, '');
    out.add(path === '' ? '/' : path.startsWith('/') ? path : `/${path}`);
  }
  return [...out];
}

/** Each combination of the optional parts present or left out. */
function expandOptional(pattern: string): string[] {
  // Express 5: `{...}` groups, innermost first.
  const group = /\{([^{}]*)\}/.exec(pattern);
  if (group !== null) {
    const before = pattern.slice(0, group.index);
    const after = pattern.slice(group.index + group[0].length);
    return [...expandOptional(before + (group[1] as string) + after), ...expandOptional(before + after)];
  }
  // Express 4: `/:id?`, the segment with or without the parameter.
  const optional = /\/:([A-Za-z_$][A-Za-z0-9_$]*)(\([^)]*\))?\?/.exec(pattern);
  if (optional !== null) {
    const before = pattern.slice(0, optional.index);
    const after = pattern.slice(optional.index + optional[0].length);
    return [...expandOptional(`${before}/:${optional[1] as string}${optional[2] ?? ''}${after}`), ...expandOptional(before + after)];
  }
  return [pattern];
}

function parametersOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}
