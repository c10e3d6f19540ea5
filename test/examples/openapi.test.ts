import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import ts from 'typescript';
import { PaymentRequired, ServiceUnavailable } from '../../src';
import { parseProblem } from '../../src/client';
import { createApp } from '../../examples/openapi';
import { validateOpenApi } from '../helpers/ajv';
import { redocly, spectral } from '../helpers/lint';
import { responseChecker } from '../helpers/openapi-response';

type Json = Record<string, unknown>;

// Each operation of the example and the statuses it documents besides its success: what its
// route declares with throws(), what its middleware produces (express.json(): 400, 413, 415), 500.
const OPERATIONS: readonly (readonly [id: string, method: string, path: string, errors: readonly number[]])[] = [
  ['getOpenApi', 'get', '/openapi.json', [500]],
  ['getReport', 'get', '/report', [500, 503]],
  ['addUser', 'post', '/users', [400, 409, 413, 415, 422, 500]],
  ['getUser', 'get', '/users/{id}', [400, 404, 500]],
  ['getProblemType', 'get', '/problems/{slug}', [404]],
  ['chargeAccount', 'post', '/accounts/{id}/charge', [400, 401, 402, 413, 415, 500]],
];

// strict: 'throw' turns any undeclared status into Express's own 500, which no case expects.
const app = createApp({ strict: 'throw', log: false });
let doc: Json;

beforeAll(async () => {
  doc = (await request(app).get('/openapi.json')).body as Json;
});

describe('examples/openapi.ts: the document', () => {
  it('is OpenAPI 3.1 that @seriousme/openapi-schema-validator accepts', () => {
    expect(validateOpenApi(doc)).toEqual({ valid: true, version: '3.1', errors: null });
  });

  it('lists, per operation, exactly the statuses its route declares, its middleware produces, 500, 4XX and 5XX', () => {
    const paths = doc.paths as Record<string, Record<string, { operationId: string; responses: Json }>>;
    const listed = Object.entries(paths).flatMap(([route, item]) => Object.entries(item).map(([method, operation]) => [operation.operationId, method, route]));
    expect(listed).toEqual(OPERATIONS.map(([id, method, route]) => [id, method, route]));
    // The pages of problemTypeDocs() are middleware, not routes: the app describes them itself.
    for (const [, method, route, errors] of OPERATIONS.filter(([id]) => id !== 'getProblemType')) {
      const keys = Object.keys(paths[route]?.[method]?.responses ?? {}).filter((key) => !/^2/.test(key));
      expect([route, keys]).toEqual([route, [...errors.map(String), '4XX', '5XX']]);
    }
  });

  it('lints with 0 errors under Spectral (spectral:oas)', () => {
    expect(spectral(doc).errors).toEqual([]);
  });

  it('lints with 0 errors under Redocly (recommended)', () => {
    expect(redocly(doc).errors).toEqual([]);
  });

  it('fails both linters when the document is broken, so the checks above can fail', () => {
    const components = doc.components as { responses: Record<string, { headers: Record<string, Json> }> };
    const retryAfter = components.responses.ServiceUnavailable?.headers['Retry-After'];
    // The schema this package once published: the example "120" is not an integer.
    const broken = { ...doc, components: { ...components, responses: { ...components.responses, ServiceUnavailable: { ...components.responses.ServiceUnavailable, headers: { 'Retry-After': { ...retryAfter, schema: { oneOf: [{ type: 'integer' }] } } } } } } };
    expect(spectral(broken).errors.some((error) => error.startsWith('oas3-valid-media-example'))).toBe(true);
    expect(redocly({ ...doc, info: undefined }).errors.length).toBeGreaterThan(0);
  });
});

describe('examples/openapi.ts: the types openapi-typescript generates', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ete-types-'));
    writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
    // The CLI, as a user runs it (the package is ESM only, which jest does not load).
    const cli = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'openapi-typescript');
    const result = spawnSync(cli, [path.join(dir, 'openapi.json'), '--output', path.join(dir, 'api.ts')], { encoding: 'utf8', timeout: 60000 });
    if (result.status !== 0) throw new Error(`openapi-typescript failed: ${result.stderr}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Type errors of `source` compiled next to the generated `api.ts`. */
  function typeErrors(source: string): string[] {
    const file = path.join(dir, 'check.ts');
    writeFileSync(file, `import type { operations } from './api';\n${source}`);
    const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }

  const EQUAL = 'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;\ntype Errors<K extends keyof operations> = Exclude<keyof operations[K]["responses"], 200 | 201>;\n';

  it('gives each operation an error union of exactly its documented statuses', () => {
    const fallbacks = (id: string): string[] => (id === 'getProblemType' ? [] : ["'4XX'", "'5XX'"]);
    const checks = OPERATIONS.map(([id, , , errors]) => `export const ${id}: Equal<Errors<'${id}'>, ${[...errors, ...fallbacks(id)].join(' | ')}> = true;`);
    expect(typeErrors(EQUAL + checks.join('\n'))).toEqual([]);
  });

  it('types the declared extension member: balance is a number on the out-of-credit body', () => {
    const source = `${EQUAL}type Body = operations['chargeAccount']['responses'][402]['content']['application/problem+json'];
type OutOfCredit = Extract<Body, { type: 'https://example.com/problems/out-of-credit' }>;
export const balance: Equal<OutOfCredit['balance'], number> = true;
export const status: Equal<OutOfCredit['status'], 402> = true;`;
    expect(typeErrors(source)).toEqual([]);
  });

  it('reports a wrong union, so the checks above can fail', () => {
    expect(typeErrors(`${EQUAL}export const wrong: Equal<Errors<'getUser'>, 404 | 500 | '4XX' | '5XX'> = true;`)).toHaveLength(1);
  });
});

describe('examples/openapi.ts: every answer matches its operation', () => {
  const json = { 'Content-Type': 'application/json' };
  const token = { Authorization: 'Bearer demo' };
  // [what, method, path, the operation's template, request headers, body, expected status]
  const CASES: readonly (readonly [string, 'get' | 'post', string, string, Readonly<Record<string, string>>, string | undefined, number])[] = [
    ['the document', 'get', '/openapi.json', '/openapi.json', {}, undefined, 200],
    ['a report that is not ready', 'get', '/report', '/report', {}, undefined, 503],
    ['a user', 'get', '/users/1', '/users/{id}', {}, undefined, 200],
    ['an id that is not digits', 'get', '/users/abc', '/users/{id}', {}, undefined, 400],
    ['an id that is not raw URI text', 'get', '/users/a%5Cb', '/users/{id}', {}, undefined, 400],
    ['a user that does not exist', 'get', '/users/7', '/users/{id}', {}, undefined, 404],
    ['a new user', 'post', '/users', '/users', json, '{"name":"Bob"}', 201],
    ['a user without a name', 'post', '/users', '/users', json, '{}', 422],
    ['a user who exists', 'post', '/users', '/users', json, '{"name":"Ada"}', 409],
    ['a body that is not JSON', 'post', '/users', '/users', json, '{"name":', 400],
    ['a body in an unknown encoding', 'post', '/users', '/users', { ...json, 'Content-Encoding': 'x-unknown' }, '{}', 415],
    ['a body over the limit', 'post', '/users', '/users', json, JSON.stringify({ name: 'x'.repeat(120_000) }), 413],
    ['a charge without a token', 'post', '/accounts/1/charge', '/accounts/{id}/charge', json, '{"amount":5}', 401],
    ['a charge over the balance', 'post', '/accounts/1/charge', '/accounts/{id}/charge', { ...json, ...token }, '{"amount":100}', 402],
    ['a charge that fits', 'post', '/accounts/1/charge', '/accounts/{id}/charge', { ...json, ...token }, '{"amount":5}', 200],
    ['a charge that is not JSON', 'post', '/accounts/1/charge', '/accounts/{id}/charge', { ...json, ...token }, 'nope', 400],
    ['the page of a problem type', 'get', '/problems/out-of-credit', '/problems/{slug}', {}, undefined, 200],
    ['the page of a status', 'get', '/problems/service-unavailable', '/problems/{slug}', {}, undefined, 200],
    ['an unknown problem type', 'get', '/problems/nope', '/problems/{slug}', {}, undefined, 404],
  ];
  const ACCEPT = ['application/problem+json', 'application/json', 'text/html', 'text/plain'];
  const rows = CASES.flatMap((row) => ACCEPT.flatMap((accept) => ['en', 'ko'].map((language) => [...row, accept, language] as const)));

  it.each(rows)('%s (%s %s) in %s, %s', async (_what, method, url, template, headers, body, status, accept, language) => {
    const check = responseChecker(doc);
    let call = request(app)[method](url).set(headers).set('Accept', accept).set('Accept-Language', language);
    if (body !== undefined) call = call.send(body);
    const res = await call.buffer(true).parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
    expect(res.status).toBe(status);
    expect(check(method, template, { status: res.status, headers: res.headers as Record<string, string>, text: res.body as string })).toEqual([]);
    if (status >= 400) expect(res.headers['content-language']).toBe(language);
  });

  it('fails the check when an answer breaks its operation, so the checks above can fail', async () => {
    const check = responseChecker(doc);
    const res = await request(app).get('/report');
    const headers = { ...res.headers, 'content-language': 'xx' } as Record<string, string>;
    // A 418 falls to the 4XX fallback, whose schema a 503 body does not fit.
    expect(check('get', '/report', { status: 418, headers: res.headers as Record<string, string>, text: res.text })).toEqual(['body: data/status must be <= 499']);
    expect(check('delete', '/report', { status: 503, headers, text: res.text })).toEqual(['no operation delete /report']);
    expect(check('get', '/report', { status: 503, headers, text: res.text })).toEqual([expect.stringContaining('header Content-Language')]);
    expect(check('get', '/report', { status: 503, headers: res.headers as Record<string, string>, text: '{"status":503}' })).toEqual([expect.stringContaining('body:')]);
  });

  it('answers the out-of-credit type with its balance, and the client reads it back', async () => {
    const res = await request(app).post('/accounts/1/charge').set('Authorization', 'Bearer demo').send({ amount: 100 });
    expect(res.body).toMatchObject({ type: 'https://example.com/problems/out-of-credit', status: 402, balance: 30 });
    expect(parseProblem({ status: res.status, headers: res.headers, body: res.body })).toBeInstanceOf(PaymentRequired);
    const report = await request(app).get('/report');
    expect((parseProblem({ status: report.status, headers: report.headers, body: report.body }) as ServiceUnavailable).retryAfter).toBe(120);
  });

  it('resolves the problem type URI to its page', async () => {
    const res = await request(app).get('/problems/out-of-credit').set('Accept-Language', 'ko');
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe('ko');
    expect(res.text).toContain('<h1>Out of credit</h1>');
  });
});
