/**
 * pino-http writes one line when each response finishes, and for a 5xx without `res.err`
 * it invents an error ("failed with status code 500"). When that line is coming, the
 * handler hands it the real error through `res.err` instead of logging a line of its own,
 * so a failed request is logged once, with its stack, causes, status and request id.
 */
import type { Request, Response } from 'express';
import type { Logger } from './log';

// pino-http's completion listener, by the name its function has had since pino-http 8.
const COMPLETION = 'onResponseComplete';

/** pino-http's request logger (`req.log`), when its middleware saw the request. */
export function pinoHttpLogger(req: Request, res: Response): Logger | undefined {
  try {
    // `res.allLogs` is pino-http's own; many apps set a `req.log` of their own.
    if (!Array.isArray((res as { allLogs?: unknown }).allLogs)) return undefined;
    const log = (req as { log?: Partial<Logger> }).log;
    return typeof log?.error === 'function' && typeof log.warn === 'function' ? (log as Logger) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hands `error` to pino-http's completion line and returns true, when that line will be
 * written (pino-http's `autoLogging` is on and does not ignore the request). An `res.err`
 * the app set itself is kept.
 */
export function handToPinoHttp(res: Response, error: unknown): boolean {
  const target = res as { allLogs?: unknown; err?: unknown };
  try {
    if (!Array.isArray(target.allLogs) || !res.listeners('finish').some((listener) => listener.name === COMPLETION)) return false;
    // pino-http takes a falsy `res.err` for none, and would invent one.
    if (target.err === undefined || target.err === null) target.err = error ? error : nonError(error);
    return true;
  } catch {
    // A response we cannot read or write: the handler logs the error itself.
    return false;
  }
}

function nonError(value: unknown): Error {
  const message = `A falsy value was thrown: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  const error = new Error(message);
  // Its stack would point here, not at the throw.
  error.stack = `Error: ${message}`;
  return error;
}
