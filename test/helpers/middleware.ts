/**
 * For the suites that raise real errors from real middleware: an app whose routes run the
 * given middleware, answered by our handler (or captured as raised), and signed tokens.
 */
import express from 'express';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { errorHandler } from '../../src';
import type { ErrorHandlerOptions } from '../../src';

/** The secret, issuer and audience the tokens of these suites are signed for. */
export const SECRET = 'a-test-secret-of-at-least-32-characters!';
export const ISSUER = 'https://issuer.example/';
export const AUDIENCE = 'https://api.example/';

/** An HS256 token for {@link ISSUER} and {@link AUDIENCE}; `expiresIn` in seconds (negative: expired). */
export function token(claims: Record<string, unknown> = {}, expiresIn = 600): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign({ iss: ISSUER, aud: AUDIENCE, sub: 'user-1', iat: now - 1200, exp: now + expiresIn, ...claims }, SECRET, { algorithm: 'HS256' });
}

/** An app whose `/it` (any method) runs `middleware` then answers 200, with our handler after it. */
export function guarded(middleware: readonly RequestHandler[], options: ErrorHandlerOptions = {}): Express {
  const app = express();
  app.all('/it', ...middleware, (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler({ log: false, strict: 'throw', ...options }));
  return app;
}

/** The error `middleware` raises for a request, as it reached the error handler. */
export async function raised(middleware: readonly RequestHandler[], send: (agent: request.Agent) => request.Test): Promise<unknown> {
  let caught: unknown;
  const app = express();
  app.all('/it', ...middleware, (_req, res) => {
    res.json({ ok: true });
  });
  const capture: ErrorRequestHandler = (error, _req, res, _next) => {
    caught = error;
    res.status(599).end();
  };
  app.use(capture);
  await send(request.agent(app));
  return caught;
}
