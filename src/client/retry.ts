/** How long the server asked the client to wait, read from an error. */
import { retryAfter } from '../core/headers/retry-after';
import { headerReader } from './headers';

/**
 * The wait the server asked for, in milliseconds: the `retryAfter` of a `ServiceUnavailable`,
 * `TooManyRequests` or `PayloadTooLarge` (seconds, or an HTTP-date counted from now), or the
 * `Retry-After` header of another client's error that carries its response (ky's `HTTPError`,
 * an `AxiosError`). Never negative: a date already past gives 0. `undefined` when the server
 * named no wait, so a retry policy can tell "not said" from "now".
 *
 * @example
 * catch (error) {
 *   const wait = retryAfterMs(error);
 *   if (wait !== undefined && wait < 60_000) setTimeout(retry, wait);
 * }
 */
export function retryAfterMs(error: unknown): number | undefined {
  try {
    if (typeof error !== 'object' || error === null) return undefined;
    const value: unknown =
      'retryAfter' in error ? error.retryAfter : retryAfter.parse(headerReader((error as { response?: { headers?: unknown } }).response?.headers)('retry-after'));
    if (typeof value === 'number') return Number.isFinite(value) ? Math.max(0, value * 1000) : undefined;
    if (value instanceof Date) {
      const time = value.getTime();
      return Number.isNaN(time) ? undefined : Math.max(0, time - Date.now());
    }
  } catch {
    // A hostile error (a throwing getter) names no wait.
  }
  return undefined;
}
