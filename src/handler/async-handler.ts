import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Wraps an async route handler so that a rejected promise reaches `next(err)` and so the
 * error handler. Needed on Express 4, whose router ignores returned promises; Express 5
 * does this itself, where the wrapper is harmless.
 *
 * @example
 * app.get('/users/:id', asyncHandler(async (req, res) => {
 *   const user = await db.findUser(req.params.id);
 *   if (user === undefined) throw new NotFound(`No user ${req.params.id}`);
 *   res.json(user);
 * }));
 */
export function asyncHandler<P = Request['params'], ResBody = unknown, ReqBody = unknown, ReqQuery = Request['query'], Locals extends Record<string, unknown> = Record<string, unknown>>(
  handler: (req: Request<P, ResBody, ReqBody, ReqQuery, Locals>, res: Response<ResBody, Locals>, next: NextFunction) => unknown,
): RequestHandler<P, ResBody, ReqBody, ReqQuery, Locals> {
  return function asyncHandled(req, res, next) {
    let result: unknown;
    try {
      result = handler(req, res, next);
    } catch (error) {
      next(error);
      return;
    }
    if (isThenable(result)) {
      result.then(undefined, (reason: unknown) => {
        // `next(undefined)` would mean "no error": a falsy rejection still is one.
        next(reason || new Error('Rejected promise', { cause: reason }));
      });
    }
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
