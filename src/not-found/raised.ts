/**
 * The errors `notFound()` raises: the client chose the path and method, so even its 501 is
 * logged as a warning, not as the server's own failure. `errorHandler()` asks here.
 */

const RAISED = new WeakSet<object>();

/** Marks an error as raised by `notFound()` for a request no route answered. */
export function unmatched<T extends object>(error: T): T {
  RAISED.add(error);
  return error;
}

/** Whether `notFound()` raised this error for a request no route answered. */
export function isUnmatched(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RAISED.has(error);
}
