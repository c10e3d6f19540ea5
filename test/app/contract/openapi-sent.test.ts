import express from 'express';
import request from 'supertest';
import { CATALOGS, errorHandler, LOCALES, mergeOpenApi, NotFound, openApiErrorResponses, openApiPaths, RequestTimeout, throws, UpgradeRequired } from '../../../src';
import type { Catalog, ErrorStatus } from '../../../src';
import { ERROR_STATUSES, STATUSES } from '../../../src/core/status';
import { createAjv, validateOpenApi } from '../../helpers/ajv';
import { throwing } from '../../helpers/app';

type Json = Record<string, unknown>;
interface Response {
  headers: Record<string, { required?: boolean; schema: Json; example?: string }>;
  content: Record<string, { schema: Json; examples?: Record<string, { value: Json }> }>;
}
const responseOf = (fragment: ReturnType<typeof openApiErrorResponses>, name: string): Response => fragment.components.responses[name] as unknown as Response;
const BASE = 'https://example.com/problems';

// A whole new language, as an app adds it with `catalogs`.
const statuses = Object.fromEntries(ERROR_STATUSES.map((status) => [status, { title: `Errore ${status}`, detail: `La richiesta non è riuscita (${status}).` }]));
const italian = { statuses: statuses as Catalog['statuses'], phrases: CATALOGS.en.phrases } satisfies Catalog;

describe('openApiErrorResponses(): what the handler really sends', () => {
  it('documents the content types of the handler formats, in its order', () => {
    const handler = errorHandler({ formats: ['json', 'text'], log: false });
    const fragment = openApiErrorResponses({ handler, statuses: [404] });
    expect(Object.keys(responseOf(fragment, 'NotFound').content)).toEqual(['application/json', 'text/plain']);
    expect(responseOf(fragment, 'NotFound').content['text/plain']?.schema).toEqual({ type: 'string' });
    expect(Object.keys(responseOf(openApiErrorResponses({ statuses: [404] }), 'NotFound').content)).toEqual(['application/problem+json', 'application/json', 'text/html', 'text/plain']);
  });

  it('takes the handler itself, or its options', () => {
    const options = { formats: ['html'] as const, typeBaseUri: BASE };
    const handler = errorHandler({ ...options, log: false });
    expect(openApiErrorResponses(handler)).toEqual(openApiErrorResponses(options));
    expect(() => openApiErrorResponses({ handler: () => undefined })).toThrow('openApiErrorResponses: handler is not an errorHandler()');
  });

  it('offers the languages added with catalogs, with examples in them, and sends them as documented', async () => {
    const handler = errorHandler({ catalogs: { it: italian }, log: false });
    const fragment = openApiErrorResponses({ handler, statuses: [404], locales: ['it', 'en'] });
    const response = responseOf(fragment, 'NotFound');
    expect(response.headers['Content-Language']?.schema).toEqual({ type: 'string', enum: [...LOCALES, 'it'] });
    expect(response.content['application/problem+json']?.examples?.it?.value).toEqual({ type: 'about:blank', title: 'Errore 404', status: 404, detail: 'La richiesta non è riuscita (404).' });
    expect(() => openApiErrorResponses({ catalogs: { it: italian }, locales: ['it'] })).not.toThrow();
    expect(() => openApiErrorResponses({ locales: ['it' as 'en'] })).toThrow(/no catalog for locale "it"/);
    const app = express();
    app.get('/boom', () => {
      throw new NotFound();
    });
    app.use(handler);
    const res = await request(app).get('/boom').set('Accept-Language', 'it');
    expect(res.headers['content-language']).toBe('it');
    expect(createAjv().compile(response.headers['Content-Language']?.schema ?? {})(res.headers['content-language'])).toBe(true);
  });

  it('documents Vary and Content-Language, required, on every response', () => {
    const one = openApiErrorResponses({ formats: ['problem+json'] });
    for (const name of Object.keys(one.components.responses)) {
      const { headers } = responseOf(one, name);
      expect([name, headers.Vary, headers['Content-Language']?.required]).toEqual([name, expect.objectContaining({ required: true, example: 'Accept-Language' }), true]);
    }
    expect(responseOf(openApiErrorResponses({ statuses: [404] }), 'NotFound').headers.Vary?.example).toBe('Accept-Language, Accept');
  });

  it.each([
    [408, new RequestTimeout(), 'close'],
    [426, new UpgradeRequired('h2c'), 'Upgrade'],
  ] as const)('documents Connection on %i as the handler sends it', async (status, error, value) => {
    const header = responseOf(openApiErrorResponses({ statuses: [status] }), STATUSES[status].className).headers.Connection;
    expect(header?.schema).toEqual({ type: 'string', const: value });
    const res = await request(throwing(error)).get('/boom');
    expect(createAjv().compile(header?.schema ?? {})(res.headers.connection)).toBe(true);
  });

  it('documents no Connection elsewhere', () => {
    const all = openApiErrorResponses();
    const withConnection = ERROR_STATUSES.filter((status) => responseOf(all, STATUSES[status].className).headers.Connection !== undefined);
    expect(withConnection).toEqual([408, 426]);
  });
});

describe('openApiErrorResponses(): declared problem types', () => {
  const outOfCredit = { type: 'https://example.com/probs/out-of-credit', status: 402, description: 'Not enough credit', extensions: { balance: 'number', account: { type: 'string' } } } as const;

  it('gives each declared type one schema with its type and status as constants and its members required', () => {
    const { schemas } = openApiErrorResponses({ statuses: [402], types: [outOfCredit] }).components;
    expect(schemas.OutOfCreditProblem).toEqual({
      description: 'Not enough credit',
      allOf: [
        { $ref: '#/components/schemas/Problem' },
        {
          description: 'Not enough credit',
          type: 'object',
          required: ['type', 'status', 'balance', 'account'],
          properties: { type: { const: outOfCredit.type }, status: { const: 402 }, balance: { type: 'number' }, account: { type: 'string' } },
        },
      ],
    });
    expect((schemas.PaymentRequiredProblem as { anyOf: unknown[] }).anyOf[1]).toEqual({ $ref: '#/components/schemas/OutOfCreditProblem' });
  });

  it('refuses a type whose schema name is taken, and takes a name instead', () => {
    const clash = { type: 'https://example.com/probs/not-found', status: 404 } as const;
    expect(() => openApiErrorResponses({ statuses: [404], types: [clash] })).toThrow(/NotFoundProblem of type .* is taken/);
    expect(openApiErrorResponses({ statuses: [404], types: [{ ...clash, name: 'NoUser' }] }).components.schemas).toHaveProperty('NoUserProblem');
  });
});

describe('OpenAPI 3.0', () => {
  const doc30 = { openapi: '3.0.3', info: { title: 'Old', version: '1' }, paths: {} };
  const types = [{ type: 'https://example.com/probs/maybe', status: 409, extensions: { hint: { type: ['string', 'null'] } } }] as const;

  it('writes const as enum, a null type as nullable, and no $schema', () => {
    const fragment = openApiErrorResponses({ openapi: '3.0', typeBaseUri: BASE, types, statuses: [409, 503] });
    const text = JSON.stringify(fragment);
    expect(fragment.openapi).toBe('3.0');
    expect(text).not.toMatch(/"const"|"\$schema"/);
    expect(responseOf(fragment, 'ServiceUnavailable').headers['Cache-Control']?.schema).toEqual({ type: 'string', enum: ['no-store'] });
    const members = (fragment.components.schemas.MaybeProblem as { allOf: { properties: Json }[] }).allOf[1]?.properties;
    expect(members?.hint).toEqual({ type: 'string', nullable: true });
    expect(validateOpenApi(mergeOpenApi(doc30, fragment))).toEqual({ valid: true, version: '3.0', errors: null });
  });

  it('refuses to merge a fragment built for the other version', () => {
    expect(() => mergeOpenApi(doc30, openApiErrorResponses({ statuses: [404] }))).toThrow("mergeOpenApi: the document is OpenAPI 3.0 but a fragment was built for 3.1; build it with { openapi: '3.0' }");
    expect(() => mergeOpenApi({ openapi: '3.1.0' }, openApiErrorResponses({ statuses: [404], openapi: '3.0' }))).toThrow(/built for 3.0/);
    expect(() => mergeOpenApi({ swagger: '2.0', openapi: '2.0' }, openApiErrorResponses({ statuses: [404] }))).toThrow(/only OpenAPI 3.0 and 3.1/);
  });

  it('merges paths built for 3.0 into a 3.0 document', () => {
    const app = express();
    app.get('/x', throws(NotFound), (_req, res) => res.end());
    const merged = mergeOpenApi(doc30, openApiErrorResponses({ openapi: '3.0' }), openApiPaths(app, { openapi: '3.0' }));
    expect(validateOpenApi(merged)).toEqual({ valid: true, version: '3.0', errors: null });
  });
});

describe('mergeOpenApi() with paths', () => {
  const app = express();
  app.get('/users/:id', throws(NotFound), (_req, res) => res.end());
  app.post('/users', (_req, res) => res.end());
  const own = {
    openapi: '3.1.0',
    info: { title: 'Demo', version: '1' },
    paths: {
      '/users/{userId}': {
        get: { operationId: 'getUsersById', parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'The user' }, '404': { description: 'Our own words' } } },
      },
    },
  };
  const merged = mergeOpenApi(own, openApiErrorResponses(), openApiPaths(app)) as unknown as { paths: Record<string, Record<string, { operationId?: string; parameters: { name: string }[]; responses: Json }>> };

  it('keeps the document path name, parameters and own responses, and adds ours for the other statuses', () => {
    expect(Object.keys(merged.paths)).toEqual(['/users/{userId}', '/users']);
    const get = merged.paths['/users/{userId}']?.get;
    expect(get?.parameters.map((parameter) => parameter.name)).toEqual(['userId']);
    expect(get?.responses).toEqual({ '200': { description: 'The user' }, '404': { description: 'Our own words' }, '500': { $ref: '#/components/responses/InternalServerError' }, '4XX': { $ref: '#/components/responses/ClientError' }, '5XX': { $ref: '#/components/responses/ServerError' } });
    expect(validateOpenApi(merged).valid).toBe(true);
  });

  it('adds the operations the document lacks', () => {
    expect(merged.paths['/users']?.post?.operationId).toBe('postUsers');
    expect(own.paths['/users/{userId}'].get.responses).toEqual({ '200': { description: 'The user' }, '404': { description: 'Our own words' } });
  });

  it('throws when the paths refer to a component no fragment brings', () => {
    expect(() => mergeOpenApi(own, openApiErrorResponses({ statuses: [500] }), openApiPaths(app))).toThrow('mergeOpenApi: the paths refer to components.responses.NotFound, which the document lacks');
  });

  it.each(ERROR_STATUSES.slice(0, 3))('refers only to components openApiErrorResponses() names (%i)', (status: ErrorStatus) => {
    const one = express();
    one.get('/x', throws(status), (_req, res) => res.end());
    expect(() => mergeOpenApi(own, openApiErrorResponses({ statuses: [status, 500] }), openApiPaths(one))).not.toThrow();
  });
});
