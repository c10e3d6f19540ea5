/**
 * `throws()`: the errors a route declares it may answer with, read back by `openApiPaths()`
 * and by strict mode. The middleware itself only passes the request on.
 */
import type { RequestHandler } from 'express';
import type { HttpError } from '../core/http-error';
import { isErrorStatus } from '../core/status';
import type { ErrorStatus } from '../core/status';
import { isUriReference } from '../core/uri';
import { markOwn } from '../not-found/classify';
import type { ProblemTypeSpec } from './schema';

/** One of our error classes (or a subclass of one): its static `status` is what it answers. */
export type DeclaredClass = (abstract new (...args: never[]) => HttpError<number>) & { readonly status: ErrorStatus };

/** What {@link throws} accepts: an error class, a status code, or a problem type declared in `types`. */
export type Declarable = DeclaredClass | ErrorStatus | ProblemTypeSpec;

/** What one `throws()` declares: the statuses, and the problem types among them. */
export interface Declaration {
  readonly statuses: readonly ErrorStatus[];
  readonly types: readonly ProblemTypeSpec[];
}

const DECLARED = new WeakMap<object, Declaration>();

/**
 * Declares the errors a route may answer with, for the OpenAPI document (`openApiPaths()`)
 * and strict mode (`undeclared-status`). On a router (`router.use(throws(Unauthorized))`) it
 * covers every route below it. It passes every request on and does nothing else.
 *
 * @example
 * app.get('/users/:id', throws(NotFound, Forbidden), getUser);
 */
export function throws(...declared: readonly Declarable[]): RequestHandler {
  const statuses = new Set<ErrorStatus>();
  const types: ProblemTypeSpec[] = [];
  for (const item of declared) {
    const status = statusOf(item);
    if (status === undefined) throw new TypeError(`throws: ${describe(item)} is neither one of our error classes, a status code this library defines, nor a problem type { type, status }`);
    statuses.add(status);
    if (typeof item === 'object') types.push(item);
  }
  const declaration: Declaration = { statuses: [...statuses].sort(), types };
  const handle: RequestHandler = function throwsDeclared(_req, _res, next) {
    next();
  };
  DECLARED.set(handle, declaration);
  // notFound() reads it as middleware that passes requests on, like a body parser.
  markOwn(handle, false);
  return handle;
}

/** What a `throws()` middleware declares, or `undefined` for any other function. */
export function declarationOf(handle: unknown): Declaration | undefined {
  return typeof handle === 'function' ? DECLARED.get(handle) : undefined;
}

function statusOf(item: unknown): ErrorStatus | undefined {
  if (typeof item === 'number') return isErrorStatus(item) ? item : undefined;
  if (typeof item === 'function') {
    const status = (item as { status?: unknown }).status;
    return isErrorStatus(status) ? status : undefined;
  }
  if (typeof item === 'object' && item !== null) {
    const { type, status } = item as { type?: unknown; status?: unknown };
    return isUriReference(type) && isErrorStatus(status) ? status : undefined;
  }
  return undefined;
}

function describe(item: unknown): string {
  if (typeof item === 'function') return `function ${item.name || '(anonymous)'}`;
  try {
    return JSON.stringify(item) ?? String(item);
  } catch {
    return String(item);
  }
}
