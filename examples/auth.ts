/**
 * Authentication errors: 401 with a Bearer challenge (RFC 6750) when the token is missing
 * or wrong, 403 when a known user may not act, and 404 instead of 403 for documents a
 * stranger must not learn exist.
 *
 *   npm run example -- auth
 *   curl -i localhost:3000/documents/1
 *   curl -i localhost:3000/documents/1 -H 'Authorization: Bearer alice-token'
 */
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import { errorHandler, Forbidden, NotFound, Unauthorized } from '../src';

interface User {
  readonly name: string;
  readonly admin: boolean;
}
const tokens = new Map<string, User>([
  ['alice-token', { name: 'alice', admin: false }],
  ['root-token', { name: 'root', admin: true }],
]);
const documents = new Map([
  [1, { id: 1, owner: 'alice', title: 'Alice notes' }],
  [2, { id: 2, owner: 'root', title: 'Payroll' }],
]);

type AuthedRequest = Request & { user?: User };

function authenticate(req: AuthedRequest, _res: Response, next: NextFunction): void {
  const header = req.headers.authorization;
  if (header === undefined) {
    // No credentials at all: the challenge names the scheme and nothing else (RFC 6750 §3).
    throw new Unauthorized({ scheme: 'Bearer', realm: 'documents' });
  }
  const user = /^Bearer (\S+)$/.exec(header)?.[1];
  req.user = user === undefined ? undefined : tokens.get(user);
  if (req.user === undefined) {
    throw new Unauthorized({ scheme: 'Bearer', realm: 'documents', params: { error: 'invalid_token', error_description: 'The token is unknown or expired' } });
  }
  next();
}

export function createApp(): Express {
  const app = express();
  app.use(authenticate);
  app.get('/documents/:id', (req: AuthedRequest, res) => {
    const doc = documents.get(Number(req.params.id));
    // Someone else's document answers like a missing one: a 403 would confirm it exists.
    if (doc === undefined || (doc.owner !== req.user?.name && req.user?.admin !== true)) throw new NotFound();
    res.json(doc);
  });
  app.delete('/documents/:id', (req: AuthedRequest) => {
    if (req.user?.admin !== true) throw new Forbidden('Only administrators may delete documents.');
    throw new NotFound();
  });
  app.use(errorHandler());
  return app;
}
