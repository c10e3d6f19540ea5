import request from 'supertest';
import { CATALOGS, LOCALES, mergeOpenApi, openApiErrorResponses, ServiceUnavailable } from '../../../src';
import { ERROR_STATUSES, STATUSES } from '../../../src/core/status';
import type { ErrorStatus, HeaderContract } from '../../../src';
import { CONTRACTS } from '../../../src/core/headers';
import { createAjv, validateOpenApi } from '../../helpers/ajv';
import { throwing } from '../../helpers/app';

interface HeaderObject {
  required?: boolean;
  schema: Record<string, unknown>;
  example?: string;
}
interface ResponseObject {
  description: string;
  headers: Record<string, HeaderObject>;
  content: Record<string, { schema: { $ref: string }; examples: Record<string, { summary: string; value: Record<string, unknown> }> }>;
}

const BASE = 'https://example.com/problems';
const document = { openapi: '3.1.0', info: { title: 'Demo', version: '1.0.0' }, paths: {} };

function responseOf(fragment: ReturnType<typeof openApiErrorResponses>, name: string): ResponseObject {
  return fragment.components.responses[name] as unknown as ResponseObject;
}

describe('openApiErrorResponses(): the responses', () => {
  const fragment = openApiErrorResponses({ statuses: [404, 503, 405, 401], locales: ['en', 'ko'], typeBaseUri: BASE });

  it('names each response after its class and points it at its problem schema', () => {
    expect(Object.keys(fragment.components.responses)).toEqual(['NotFound', 'ServiceUnavailable', 'MethodNotAllowed', 'Unauthorized', 'ClientError', 'ServerError']);
    const notFound = responseOf(fragment, 'NotFound');
    expect(notFound.description).toBe('404 Not Found (RFC 9110 §15.5.5)');
    expect(notFound.content['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/NotFoundProblem' });
    expect(Object.keys(fragment.components.schemas)).toEqual(['Problem', 'NotFoundProblem', 'ServiceUnavailableProblem', 'MethodNotAllowedProblem', 'UnauthorizedProblem', 'ClientErrorProblem', 'ServerErrorProblem']);
  });

  it('documents Retry-After as a string of delta-seconds or an HTTP-date, optional, with a valid example and no-store', () => {
    const headers = responseOf(fragment, 'ServiceUnavailable').headers;
    expect(headers['Retry-After']).toMatchObject({ required: false, example: '120' });
    const ajv = createAjv();
    const retryAfter = ajv.compile(headers['Retry-After']?.schema ?? {});
    expect(retryAfter(headers['Retry-After']?.example)).toBe(true);
    expect(retryAfter('0')).toBe(true);
    expect(retryAfter(new Date(Date.UTC(2030, 0, 1, 6)).toUTCString())).toBe(true);
    // A header value is text: the JSON integer 120 is not what goes over the wire.
    expect(retryAfter(120)).toBe(false);
    expect(retryAfter('tomorrow')).toBe(false);
    expect(retryAfter('-1')).toBe(false);
    expect(retryAfter('120 ')).toBe(false);
    expect(headers['Cache-Control']?.schema).toEqual({ type: 'string', const: 'no-store' });
  });

  it('documents Allow and WWW-Authenticate as required, with examples our formatter makes', () => {
    expect(responseOf(fragment, 'MethodNotAllowed').headers.Allow).toMatchObject({ required: true, example: 'GET, HEAD' });
    expect(responseOf(fragment, 'Unauthorized').headers['WWW-Authenticate']).toMatchObject({ required: true, example: 'Bearer realm="api"' });
    expect(responseOf(fragment, 'NotFound').headers).not.toHaveProperty('Cache-Control');
  });

  it('documents the header of every status with a header contract under its own name', () => {
    const all = openApiErrorResponses();
    const named: Record<string, string> = {
      'retry-after': 'Retry-After',
      allow: 'Allow',
      'www-authenticate': 'WWW-Authenticate',
      'proxy-authenticate': 'Proxy-Authenticate',
      upgrade: 'Upgrade',
      'content-range': 'Content-Range',
      'blocked-by': 'Link',
    };
    for (const status of ERROR_STATUSES) {
      const row: { className: string; header?: HeaderContract } = STATUSES[status];
      const headers = responseOf(all, row.className).headers;
      if (row.header !== undefined) expect(headers[named[row.header] as string]).toMatchObject({ required: CONTRACTS[row.header].required });
      expect(headers['Content-Language']?.schema).toEqual({ type: 'string', enum: [...LOCALES] });
    }
  });

  it('gives one example body per requested locale, the body the handler sends', async () => {
    const examples = responseOf(fragment, 'ServiceUnavailable').content['application/problem+json']?.examples ?? {};
    expect(Object.keys(examples)).toEqual(['en', 'ko']);
    expect(examples.ko?.value).toEqual({ type: `${BASE}/service-unavailable`, title: CATALOGS.ko.statuses[503].title, status: 503, detail: CATALOGS.ko.statuses[503].detail });
    const res = await request(throwing(new ServiceUnavailable(120), { typeBaseUri: BASE })).get('/boom').set('Accept-Language', 'ko');
    expect({ ...res.body, instance: undefined }).toEqual({ ...examples.ko?.value, instance: undefined });
  });

  it('refuses an unknown status or locale', () => {
    expect(() => openApiErrorResponses({ statuses: [499 as ErrorStatus] })).toThrow(TypeError);
    expect(() => openApiErrorResponses({ locales: ['xx' as 'en'] })).toThrow(TypeError);
  });
});

describe('openApiErrorResponses(): validated by real tools', () => {
  const full = openApiErrorResponses({ locales: [...LOCALES], typeBaseUri: BASE, types: [{ type: 'https://example.com/probs/out-of-credit', status: 402, extensions: { balance: { type: 'number' } } }] });
  const doc = mergeOpenApi(
    {
      ...document,
      paths: {
        '/report': { get: { responses: { '200': { description: 'The report' }, '503': { $ref: '#/components/responses/ServiceUnavailable' } } } },
        '/users/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '404': { $ref: '#/components/responses/NotFound' } },
          },
        },
      },
    },
    full,
  );

  it('gives a document @seriousme/openapi-schema-validator accepts as OpenAPI 3.1', () => {
    expect(validateOpenApi(doc)).toEqual({ valid: true, version: '3.1', errors: null });
  });

  it('has schemas ajv compiles, and every example validates against its response schema', () => {
    const ajv = createAjv();
    // The document itself is not a schema: `components` only holds the schemas the $refs reach.
    ajv.addKeyword({ keyword: 'components' });
    ajv.addSchema({ $id: 'https://example.invalid/openapi', components: { schemas: doc.components.schemas } });
    for (const [name, response] of Object.entries(doc.components.responses as unknown as Record<string, ResponseObject>)) {
      const media = response.content['application/problem+json'];
      const validate = ajv.compile({ $ref: `https://example.invalid/openapi${media?.schema.$ref ?? ''}` });
      for (const example of Object.values(media?.examples ?? {})) {
        expect([name, validate(example.value)]).toEqual([name, true]);
      }
    }
  });

  it('fails the validator when the document is broken, so the check above can fail', () => {
    const broken = { ...doc, components: { ...doc.components, responses: { NotFound: { content: {} } } } };
    expect(validateOpenApi(broken).valid).toBe(false);
  });
});

describe('mergeOpenApi()', () => {
  const fragment = openApiErrorResponses({ statuses: [404] });

  it('adds our components next to the document own ones and leaves the input untouched', () => {
    const own = { ...document, components: { schemas: { User: { type: 'object' } }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } };
    const merged = mergeOpenApi(own, fragment);
    expect(Object.keys(merged.components.schemas)).toEqual(['User', 'Problem', 'NotFoundProblem', 'ClientErrorProblem', 'ServerErrorProblem']);
    expect(merged.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(merged.components.responses).toHaveProperty('NotFound');
    expect(own.components.schemas).toEqual({ User: { type: 'object' } });
    expect(merged.paths).toBe(document.paths);
  });

  it('merges twice to the same document', () => {
    const once = mergeOpenApi(document, fragment);
    expect(mergeOpenApi(once, fragment)).toEqual(once);
  });

  it('throws instead of overwriting a different component of the same name, and a prefix avoids it', () => {
    const own = { ...document, components: { schemas: { Problem: { type: 'string' } } } };
    expect(() => mergeOpenApi(own, fragment)).toThrow('components.schemas.Problem already exists');
    const merged = mergeOpenApi(own, openApiErrorResponses({ statuses: [404], prefix: 'Api' }));
    expect(merged.components.schemas).toMatchObject({ Problem: { type: 'string' }, ApiProblem: { type: 'object' } });
    expect(Object.keys(merged.components.responses)).toEqual(['ApiNotFound', 'ApiClientError', 'ApiServerError']);
    expect(validateOpenApi(merged).valid).toBe(true);
  });
});
