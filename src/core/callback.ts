/**
 * The app's callbacks (`log`, `locale`, `renderHtml`, `map`, `traceId`) are typed as
 * synchronous, but an `async` function fits those types too. Whatever one returns is checked
 * here: a promise is never waited for, and its rejection is caught so that it cannot end the
 * process as an unhandled rejection.
 */

/** `result`, unless it is a promise (or any thenable): then `undefined`, with its rejection caught. */
export function unlessPromise<T>(result: T | PromiseLike<unknown>): T | undefined {
  let then: unknown;
  try {
    then = typeof result === 'object' || typeof result === 'function' ? (result as { then?: unknown } | null)?.then : undefined;
  } catch {
    // A `then` getter that throws: not a value anyone can use.
    return undefined;
  }
  if (typeof then !== 'function') return result as T;
  try {
    Promise.resolve(result).then(undefined, () => undefined);
  } catch {
    // Nothing to catch: the thenable could not even be adopted.
  }
  return undefined;
}
