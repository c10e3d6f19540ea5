/**
 * Interop demo: `npm run example -- interop`, then try
 *   curl -i localhost:3000/users -H 'Content-Type: application/json' -d '{"email":"x","age":0}' -H 'Accept-Language: ko'
 *   curl -i localhost:3000/users -H 'Content-Type: application/json' -d '{"email":'
 *   curl -i localhost:3000/orders/7 -H 'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
 */
import express from 'express';
import type { Express } from 'express';
import { z } from 'zod';
import { asyncHandler, errorHandler, NotFound } from '../src';
import { mapZodError } from '../src/zod';

const User = z.object({ email: z.email(), age: z.number().int().positive() });

/** What an ORM might throw for a missing row. */
class EntityNotFoundError extends Error {
  override name = 'EntityNotFoundError';
}

export function createApp(): Express {
  const app = express();
  // A malformed or oversized body becomes a localised 400 or 413, never the parser's text.
  app.use(express.json({ limit: '10kb' }));
  // A ZodError becomes a 422 with one localised item per issue, each with a JSON Pointer.
  app.post('/users', (req, res) => {
    res.status(201).json(User.parse(req.body));
  });
  // asyncHandler lets Express 4 see the rejection; Express 5 does not need it.
  app.get(
    '/orders/:id',
    asyncHandler(async (req) => {
      await Promise.resolve();
      throw new EntityNotFoundError(`order ${req.params.id}`);
    }),
  );
  app.use(
    errorHandler({
      map: [mapZodError, (err) => (err instanceof EntityNotFoundError ? new NotFound({ detail: 'No such order', cause: err }) : undefined)],
    }),
  );
  return app;
}
