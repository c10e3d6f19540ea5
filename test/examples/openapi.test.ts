import request from 'supertest';
import { problemJsonSchema, ServiceUnavailable } from '../../src';
import { parseProblem } from '../../src/client';
import { createApp } from '../../examples/openapi';
import { compile, validateOpenApi } from '../helpers/ajv';

describe('examples/openapi.ts', () => {
  const app = createApp();

  it('serves an OpenAPI 3.1 document that the validator accepts, with the 404 and 503 responses', async () => {
    const res = await request(app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.components.responses)).toEqual(['NotFound', 'ServiceUnavailable']);
    expect(res.body.paths['/report'].get.responses['503']).toEqual({ $ref: '#/components/responses/ServiceUnavailable' });
    expect(validateOpenApi(res.body)).toEqual({ valid: true, version: '3.1', errors: null });
  });

  it('answers /report as its document says, and the client reads it back', async () => {
    const res = await request(app).get('/report').set('Accept-Language', 'ko');
    expect(res.status).toBe(503);
    expect(res.body.type).toBe('https://example.com/problems/service-unavailable');
    expect(compile(problemJsonSchema({ status: 503, typeBaseUri: 'https://example.com/problems' }))(res.body)).toBe(true);
    const error = parseProblem({ status: res.status, headers: res.headers, body: res.body });
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as ServiceUnavailable).retryAfter).toBe(120);
  });
});
