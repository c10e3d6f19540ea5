/**
 * The `log` option: one entry per logged error response, handed to a function or to a
 * logger (pino, winston, console) in the call shape that logger expects. Logging never
 * breaks a response.
 */
import { unlessPromise } from '../core/callback';
import { causesOf, errorData } from '../problem/error-data';
import type { StrictViolation } from './strict';

/** One log record of an error response. */
export interface ErrorLogEntry {
  readonly level: 'error' | 'warn' | 'info';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  /** What was thrown, untouched. */
  readonly error: unknown;
  /** Headers the error asked for that were not sent (bad value, protected field). */
  readonly droppedHeaders?: readonly string[];
  /** RFC rules the response broke (the `strict` option). */
  readonly violations?: readonly StrictViolation[];
  /** `req.id` (as pino-http sets it) or a well-formed `X-Request-Id` header. */
  readonly requestId?: string;
  /** The `traceId` sent to the client, when there is one. */
  readonly traceId?: string;
}

/** A logger such as pino, winston or `console`. */
export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  /** Used for 4xx when `logClientErrors` is on. */
  info?(...args: unknown[]): void;
}

/**
 * The `log` option: a function, a logger, or `false` for none. A function may be `async`: it is
 * not waited for, and its rejection is caught, as is anything a logger throws.
 */
export type LogOption = false | ((entry: ErrorLogEntry) => unknown) | Logger;

/** The log function of a `log` option; the default is `console`, silent when `NODE_ENV === 'test'`. */
export function createLog(option: LogOption | undefined): (entry: ErrorLogEntry) => void {
  const sink = option ?? (process.env.NODE_ENV === 'test' ? false : console);
  if (sink === false) return () => undefined;
  // winston takes (message, meta) and serialises meta as JSON, where an Error becomes {};
  // pino and console take (object, message), and pino's err serializer reads the Error.
  const messageFirst = typeof sink === 'object' && 'transports' in sink;
  return (entry) => {
    try {
      if (typeof sink === 'function') {
        unlessPromise(sink(entry));
        return;
      }
      const fields = { status: entry.status, method: entry.method, path: entry.path, droppedHeaders: entry.droppedHeaders, violations: entry.violations, requestId: entry.requestId, traceId: entry.traceId };
      const text = `${entry.status} ${entry.method} ${entry.path}`;
      if (messageFirst) sink[entry.level]?.(text, { ...fields, err: plainError(entry.error) });
      else sink[entry.level]?.({ err: entry.error, ...fields }, text);
    } catch {
      // A broken logger must not break the response that is already on its way.
    }
  };
}

// An Error as plain data with its causes nested, for loggers that stringify their fields.
function plainError(error: unknown): unknown {
  let nested: unknown;
  for (const value of [error, ...causesOf(error)].reverse()) {
    const data = errorData(value);
    nested = typeof data === 'string' ? data : { ...data, ...(nested === undefined ? {} : { cause: nested }) };
  }
  return nested;
}
