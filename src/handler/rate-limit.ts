/**
 * `rateLimitHandler()`: the `handler` of express-rate-limit, so that a limited request is
 * answered by `errorHandler()` like every other error. express-rate-limit is not imported:
 * the handler reads what the limiter put on the request (`req.rateLimit.resetTime`).
 */
import type { NextFunction, Request, Response } from 'express';
import { TooManyRequests } from '../core/errors';
import type { HttpErrorOptions } from '../core/http-error';

/** What `rateLimitHandler()` reads of the limiter's options, when express-rate-limit passes them. */
export interface RateLimitOptionsUsed {
  /** Where the limiter keeps its figures on the request. Default: `rateLimit`. */
  readonly requestPropertyName?: string;
  /** The window, in milliseconds: the wait when the store gives no reset time. */
  readonly windowMs?: number;
}

/** Options of {@link rateLimitHandler}. */
export interface RateLimitHandlerOptions {
  /** Sent as `detail` instead of the 429's localised description: a string or a `message()`. */
  readonly detail?: HttpErrorOptions['detail'];
}

/** The `handler` express-rate-limit calls for a request over its limit. */
export type RateLimitHandler = (req: Request, res: Response, next: NextFunction, optionsUsed?: RateLimitOptionsUsed) => void;

// express-rate-limit's own default window: one minute.
const DEFAULT_WINDOW_MS = 60_000;

/**
 * A handler for express-rate-limit's `handler` option: it passes a `TooManyRequests` (429)
 * to `next()`, with `Retry-After` in seconds until the limiter's window resets, so that
 * `errorHandler()` answers it in the client's language, with `Cache-Control: no-store`. The
 * `RateLimit` / `RateLimit-Policy` headers the limiter set stay on the response. It works
 * with any store: without a reset time from the store, the wait is the window.
 *
 * @example
 * app.use(rateLimit({ windowMs: 60_000, limit: 100, standardHeaders: 'draft-8', handler: rateLimitHandler() }));
 * app.use(errorHandler());
 */
export function rateLimitHandler(options: RateLimitHandlerOptions = {}): RateLimitHandler {
  const detail = options.detail;
  return function expressTypedRateLimitHandler(req, _res, next, optionsUsed) {
    next(new TooManyRequests(secondsToWait(req, optionsUsed), detail === undefined ? undefined : { detail }));
  };
}

function secondsToWait(req: Request, optionsUsed: RateLimitOptionsUsed | undefined): number {
  const windowMs = typeof optionsUsed?.windowMs === 'number' && Number.isFinite(optionsUsed.windowMs) && optionsUsed.windowMs > 0 ? optionsUsed.windowMs : DEFAULT_WINDOW_MS;
  try {
    const property = typeof optionsUsed?.requestPropertyName === 'string' ? optionsUsed.requestPropertyName : 'rateLimit';
    const info = (req as unknown as Record<string, unknown>)[property];
    const reset = typeof info === 'object' && info !== null ? (info as { resetTime?: unknown }).resetTime : undefined;
    if (reset instanceof Date && !Number.isNaN(reset.getTime())) return Math.max(0, Math.ceil((reset.getTime() - Date.now()) / 1000));
  } catch {
    // A request property that cannot be read leaves the window as the wait.
  }
  return Math.ceil(windowMs / 1000);
}
