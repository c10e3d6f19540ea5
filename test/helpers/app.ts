import express from 'express';
import type { Express } from 'express';
import { errorHandler } from '../../src';
import type { ErrorHandlerOptions } from '../../src';

/** An app whose route `/boom` (any method) throws `value`, with our handler mounted after it. */
export function throwing(value: unknown, options: ErrorHandlerOptions = {}): Express {
  const app = express();
  app.all('/boom', () => {
    throw value;
  });
  app.use(errorHandler({ log: false, ...options }));
  return app;
}

/**
 * An app that hands `value` to our handler as it is. Express turns a thrown `undefined`
 * into "no error" before any error handler runs, so values like that are passed directly.
 */
export function handing(value: unknown, options: ErrorHandlerOptions = {}): Express {
  const handle = errorHandler({ log: false, ...options });
  const app = express();
  app.all('/boom', (req, res, next) => handle(value, req, res, next));
  return app;
}
