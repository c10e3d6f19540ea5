import { STATUSES } from '../../src/core/status';
import type { ErrorStatus, HttpError } from '../../src';
import * as api from '../../src';

type AnyErrorClass = new (...args: unknown[]) => HttpError<number>;

/** The exported class of a status, found through the name the status table gives it. */
export function classOf(status: number): AnyErrorClass {
  const Class = (api as unknown as Record<string, AnyErrorClass | undefined>)[STATUSES[status as ErrorStatus].className];
  if (Class === undefined) throw new Error(`no class exported for ${status}`);
  return Class;
}

/** A valid value for each status whose constructor requires its header value. */
export const REQUIRED_ARGUMENT: Readonly<Record<number, unknown>> = { 401: 'Bearer', 405: ['GET'], 407: 'Basic', 416: 10, 426: 'h2c' };

/** An instance of a status's class, built with the least its constructor accepts. */
export function construct(status: number, ...rest: unknown[]): HttpError<number> {
  const Class = classOf(status);
  return status in REQUIRED_ARGUMENT ? new Class(REQUIRED_ARGUMENT[status], ...rest) : new Class(...rest);
}
