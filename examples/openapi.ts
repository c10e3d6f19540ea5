/**
 * An API whose routes declare their errors and whose OpenAPI document is built from them:
 * `npm run example -- openapi`, then
 *   curl localhost:3000/openapi.json
 *   curl -i localhost:3000/report -H 'Accept-Language: ko'
 *   curl -i localhost:3000/users/abc
 *   curl -i localhost:3000/problems/out-of-credit -H 'Accept-Language: fr'
 */
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import {
  BadRequest,
  Conflict,
  errorHandler,
  mergeOpenApi,
  NotFound,
  openApiErrorResponses,
  openApiPaths,
  PaymentRequired,
  problemTypeDocs,
  ServiceUnavailable,
  throws,
  Unauthorized,
  UnprocessableContent,
} from '../src';
import type { ErrorHandlerOptions, ProblemTypeSpec } from '../src';

const typeBaseUri = 'https://example.com/problems';

/** The app's own problem type: a 402 whose body says how much credit is left. */
export const outOfCredit = {
  type: `${typeBaseUri}/out-of-credit`,
  status: 402,
  title: 'Out of credit',
  description: 'The account has too little credit for this charge.',
  extensions: { balance: 'number' },
} as const satisfies ProblemTypeSpec;

class OutOfCredit extends PaymentRequired {
  constructor(balance: number) {
    super({ type: outOfCredit.type, detail: `The balance is ${balance}.`, extensions: { balance } });
  }
}

const user = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } };
const ok = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });

/** The app's own document, written by hand: what succeeds. The errors come from the routes. */
const ownDocument = {
  openapi: '3.1.0',
  info: { title: 'Reports API', version: '1.0.0', description: 'Reports, users and accounts.', license: { name: 'MIT', identifier: 'MIT' }, contact: { name: 'API team' } },
  servers: [{ url: 'http://localhost:3000' }],
  security: [],
  tags: [{ name: 'reports', description: 'Reports' }],
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  paths: {
    '/openapi.json': { get: { summary: 'This document', description: 'The OpenAPI document.', operationId: 'getOpenApi', tags: ['reports'], responses: { '200': ok('The OpenAPI document') } } },
    '/report': { get: { summary: 'The report', description: 'Today’s report.', operationId: 'getReport', tags: ['reports'], responses: { '200': ok('The report') } } },
    '/users': {
      post: {
        summary: 'Add a user',
        description: 'Adds a user by name.',
        operationId: 'addUser',
        tags: ['reports'],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } } } },
        responses: { '201': ok('The new user', user) },
      },
    },
    '/users/{id}': {
      get: {
        summary: 'A user',
        description: 'One user by id.',
        operationId: 'getUser',
        tags: ['reports'],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Digits only.', schema: { type: 'string' } }],
        responses: { '200': ok('The user', user) },
      },
    },
    '/problems/{slug}': {
      get: {
        summary: 'A problem type',
        description: 'What a problem type URI resolves to: a page, or the JSON Schema of its bodies.',
        operationId: 'getProblemType',
        tags: ['reports'],
        parameters: [{ name: 'slug', in: 'path', required: true, description: 'The last segment of the type URI.', schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The page, or the JSON Schema', content: { 'text/html': { schema: { type: 'string' } }, 'application/schema+json': { schema: { type: 'object' } } } },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/accounts/{id}/charge': {
      post: {
        summary: 'Charge an account',
        description: 'Takes credit from an account.',
        operationId: 'chargeAccount',
        tags: ['reports'],
        security: [{ bearer: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The account.', schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } } } } },
        responses: { '200': ok('The new balance') },
      },
    },
  },
};

const users = new Map([[1, { id: 1, name: 'Ada' }]]);

function authenticate(req: Request, _res: Response, next: NextFunction): void {
  if (req.headers.authorization !== 'Bearer demo') throw new Unauthorized({ scheme: 'Bearer', realm: 'accounts' });
  next();
}

/** `options` go to `errorHandler()` (tests pass `strict: 'throw'`); the document follows them. */
export function createApp(options: ErrorHandlerOptions = {}): Express {
  const app = express();
  const handler = errorHandler({ typeBaseUri, ...options });
  let document: object = {};

  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.get('/report', throws(ServiceUnavailable), () => {
    throw new ServiceUnavailable(120);
  });
  app.post('/users', express.json(), throws(Conflict, UnprocessableContent), (req, res) => {
    const name: unknown = (req.body as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string' || name === '') throw new UnprocessableContent({ errors: [{ pointer: '/name', detail: 'must be a non-empty string' }] });
    if ([...users.values()].some((known) => known.name === name)) throw new Conflict(`${name} exists already`);
    res.status(201).json({ id: users.size + 1, name });
  });
  app.get('/users/:id', throws(BadRequest, NotFound), (req, res) => {
    if (!/^\d+$/.test(req.params.id as string)) throw new BadRequest('The id is digits only.');
    const found = users.get(Number(req.params.id));
    if (found === undefined) throw new NotFound(`No user ${req.params.id}`);
    res.json(found);
  });

  // Every route of this router needs a token: the declaration covers them all.
  const accounts = express.Router();
  accounts.use(throws(Unauthorized), authenticate);
  accounts.post('/:id/charge', express.json(), throws(outOfCredit), (req, res) => {
    const amount: unknown = (req.body as { amount?: unknown } | undefined)?.amount;
    const balance = 30;
    if (typeof amount === 'number' && amount > balance) throw new OutOfCredit(balance);
    res.json({ balance: balance - (typeof amount === 'number' ? amount : 0) });
  });
  app.use('/accounts', accounts);

  // What the type URIs resolve to: https://example.com/problems/out-of-credit, ...
  app.use('/problems', problemTypeDocs({ handler, types: [outOfCredit] }));
  app.use(handler);

  // Built once, after the routes: their declarations, the handler's formats and languages.
  document = mergeOpenApi(ownDocument, openApiErrorResponses({ handler, locales: ['en', 'ko'], types: [outOfCredit] }), openApiPaths(app, { handler, types: [outOfCredit] }));
  return app;
}
