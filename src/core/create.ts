import { CLASSES } from './classes';
import { InternalServerError } from './errors';
import type * as errors from './errors';
import { ClientError, ServerError } from './http-error';
import type { ConstructorArgs } from './http-error';
import { isErrorRange } from './status';
import type { ClassNameOf, ErrorStatus } from './status';

/** The class of a status, looked up through the name the status table gives it. */
export type ErrorClassOf<S extends ErrorStatus> = (typeof errors)[ClassNameOf<S>];

const classes: Readonly<Record<number, (new (...args: unknown[]) => ClientError<number>) | undefined>> = CLASSES as never;

// An unregistered code in range (499, 599) still gets a concrete error of the right family.
class UnregisteredClientError extends ClientError<number> {
  constructor(status: number, detail?: unknown, options?: unknown) {
    super(status, detail, options);
  }
}
class UnregisteredServerError extends ServerError<number> {
  constructor(status: number, detail?: unknown, options?: unknown) {
    super(status, detail, options);
  }
}

/**
 * The error of a status, typed by its literal code: `createHttpError(503, 120)` is a
 * `ServiceUnavailable` with `Retry-After: 120`. Useful when the status is data.
 *
 * A code outside 400..599 (possible only from JavaScript) gives an `InternalServerError`.
 *
 * @example
 * throw createHttpError(404, 'No user 42');
 */
export function createHttpError<S extends ErrorStatus>(status: S, ...args: ConstructorArgs<S>): InstanceType<ErrorClassOf<S>>;
export function createHttpError(status: number, ...args: unknown[]): ClientError<number> | ServerError<number> {
  const Class = classes[status];
  if (Class !== undefined) return new Class(...args);
  if (!isErrorRange(status)) return new InternalServerError(...(args as [string?]));
  return status < 500 ? new UnregisteredClientError(status, args[0], args[1]) : new UnregisteredServerError(status, args[0], args[1]);
}
