/**
 * An `Error` as plain data (name, message, stack, causes): the one reading that the debug
 * body members and the loggers that stringify their fields (winston) both use.
 */

/** Causes followed from an error; a longer chain is cut, a loop stops where it closes. */
export const MAX_CAUSES = 8;

/** One error as plain data. */
export interface ErrorData {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
}

/** An `Error` as {@link ErrorData}; anything else as a short string (`[object Object]`, `42`). Never throws. */
export function errorData(value: unknown): ErrorData | string {
  try {
    if (value instanceof Error) return { name: String(value.name), message: String(value.message), stack: typeof value.stack === 'string' ? value.stack : undefined };
    return typeof value === 'object' && value !== null ? Object.prototype.toString.call(value) : String(value);
  } catch {
    return '[unreadable error]';
  }
}

/** The causes of `error`, nearest first, without `error` itself: at most {@link MAX_CAUSES}, a loop cut where it closes. */
export function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  try {
    const seen = new Set<unknown>([error]);
    let cause = error instanceof Error ? error.cause : undefined;
    while (cause !== undefined && chain.length < MAX_CAUSES && !seen.has(cause)) {
      seen.add(cause);
      chain.push(cause);
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  } catch {
    // A throwing `cause` getter ends the chain where it stands.
  }
  return chain;
}
