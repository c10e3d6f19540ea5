/**
 * The `onError` option: one event per error response the handler sends, with labels that
 * stay bounded (status, route pattern, method, problem type, error type), for metrics and
 * alerting. A hook that throws or rejects never touches the response, nor the process.
 */
import type { Request } from 'express';
import { unlessPromise } from '../core/callback';

/** What `onError` is told of each error response `errorHandler()` sends. */
export interface ErrorResponseEvent {
  /** The status sent. */
  readonly status: number;
  /**
   * The pattern of the matched route with the paths it is mounted under
   * (`/api/users/:id`), never the URL; `undefined` when no route matched (an error from
   * `notFound()` or from app-level middleware).
   */
  readonly route: string | undefined;
  /** The request method. */
  readonly method: string;
  /** The problem type sent: `about:blank` unless the error or `typeBaseUri` gives one. */
  readonly type: string;
  /**
   * The class name of the error (`ServiceUnavailable`) or a foreign error's `name`
   * (`PayloadTooLargeError`, `TypeError`), as OpenTelemetry's `error.type`; `_OTHER` for a
   * thrown value without a usable name.
   */
  readonly errorType: string;
  /** What was thrown, untouched (before any `map`). */
  readonly error: unknown;
  /** The request. */
  readonly req: Request;
}

/** The `onError` option: called after each error response is sent; what it returns is ignored. */
export type OnError = (event: ErrorResponseEvent) => unknown;

/** OpenTelemetry's `error.type` for an error without a known type. */
export const OTHER_ERROR_TYPE = '_OTHER';
// A name a metric label or span attribute can carry: an identifier, as class names are.
const ERROR_TYPE = /^[A-Za-z_$][\w$.:-]{0,99}$/;

/** The class name or `name` of a thrown value, else `_OTHER`. Never throws. */
export function errorTypeOf(error: unknown): string {
  try {
    if (typeof error !== 'object' || error === null) return OTHER_ERROR_TYPE;
    const name = (error as { name?: unknown }).name;
    return typeof name === 'string' && ERROR_TYPE.test(name) ? name : OTHER_ERROR_TYPE;
  } catch {
    return OTHER_ERROR_TYPE;
  }
}

/** The `onError` option as a call that never throws and never leaves a rejection unhandled. */
export function createOnError(hook: OnError | undefined): ((event: ErrorResponseEvent) => void) | undefined {
  if (hook === undefined) return undefined;
  if (typeof hook !== 'function') throw new TypeError('errorHandler: onError must be a function');
  return (event) => {
    try {
      unlessPromise(hook(event));
    } catch {
      // A broken hook must not break the response that is already on its way.
    }
  };
}
