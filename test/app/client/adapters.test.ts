/**
 * fetchProblem(), kyHooks() and axiosInterceptor() against a real server and the real
 * packages: the three throw the same typed errors, and ky's and axios' retry options
 * follow what the server said through retryAfterMs().
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import axios from 'axios';
import axiosRetry from 'axios-retry';
import { buildSync } from 'esbuild';
import type { Options as KyOptions } from 'ky' with { 'resolution-mode': 'import' };
import { axiosInterceptor, fetchProblem, kyHooks, NotFound, ServiceUnavailable, TooManyRequests, UnknownProblem, UnprocessableEntity, retryAfterMs } from '../../../src/client';
import { clientApi } from '../../helpers/client-api';

const root = path.join(__dirname, '..', '..', '..');
// kyHooks() type-checks as ky's own `hooks` option, with ky's types.
const kyOptions: KyOptions = { hooks: kyHooks(), retry: 0 };
const api = clientApi();
let server: Server;
let base = '';
let scratch = '';

beforeAll(async () => {
  server = api.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scratch = mkdtempSync(path.join(tmpdir(), 'ete-adapters-'));
});

afterAll(() => {
  server?.close();
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => api.hits.clear());

/** What the tests compare across clients: the class the error narrows to and what it carries. */
const SUMMARY = `(e) => ({
  narrowsTo: [['TooManyRequests', c.TooManyRequests], ['NotFound', c.NotFound], ['UnprocessableEntity', c.UnprocessableEntity], ['ServiceUnavailable', c.ServiceUnavailable], ['UnknownProblem', c.UnknownProblem]].filter(([, C]) => e instanceof C).map(([n]) => n),
  status: e.status, title: e.title, detail: e.detail, retryAfter: e.retryAfter, wait: c.retryAfterMs(e), errors: e.errors,
})`;
const c = { TooManyRequests, NotFound, UnprocessableEntity, ServiceUnavailable, UnknownProblem, retryAfterMs };
// The same summary runs here and in the ky child process.
const summarise = new Function('c', `return ${SUMMARY}`)(c) as (e: unknown) => Record<string, unknown>;

const EXPECTED = {
  limited: { narrowsTo: ['TooManyRequests'], status: 429, title: 'Too Many Requests', detail: 'Slow down', retryAfter: 2, wait: 2000, errors: undefined },
  missing: { narrowsTo: ['NotFound'], status: 404, title: 'Not Found', detail: 'No user 42', retryAfter: undefined, wait: undefined, errors: undefined },
  users: { narrowsTo: ['UnprocessableEntity'], status: 422, title: 'Unprocessable Content', detail: 'Check the fields.', retryAfter: undefined, wait: undefined, errors: [{ pointer: '/email', detail: 'Not an email' }] },
};

/**
 * Runs `body` in a child Node process (ky is an ES module only) with ky and the client,
 * bundled from src, imported as `ky` and `c`. Asynchronous, so this process keeps serving.
 */
async function inKyProcess(body: string): Promise<unknown> {
  const bundle = path.join(scratch, 'client.mjs');
  buildSync({ entryPoints: [path.join(root, 'src', 'client.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: bundle, logLevel: 'error' });
  const script = path.join(scratch, `ky-${Date.now()}.mjs`);
  writeFileSync(
    script,
    `import ky, { isHTTPError } from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules', 'ky', 'distribution', 'index.js')).href)};
import * as c from ${JSON.stringify(pathToFileURL(bundle).href)};
const base = ${JSON.stringify(base)};
const summarise = ${SUMMARY};
const result = await (async () => { ${body} })();
console.log(JSON.stringify(result));
`,
  );
  const { stdout } = await promisify(execFile)(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(stdout) as unknown;
}

describe('the same typed errors from fetch, ky and axios', () => {
  const caught = async (request: () => Promise<unknown>): Promise<unknown> => {
    try {
      await request();
    } catch (error) {
      return error;
    }
    throw new Error('the request did not throw');
  };

  it('fetchProblem() throws the typed error of each problem response', async () => {
    expect(summarise(await caught(() => fetchProblem(`${base}/api/limited`)))).toEqual(EXPECTED.limited);
    expect(summarise(await caught(() => fetchProblem(`${base}/api/missing`)))).toEqual(EXPECTED.missing);
    expect(summarise(await caught(() => fetchProblem(`${base}/api/users`, { method: 'POST' })))).toEqual(EXPECTED.users);
  });

  it('fetchProblem() returns any other response, and keeps the response on the error', async () => {
    const response = await fetchProblem(`${base}/api/ok`);
    expect(await response.json()).toEqual({ ok: true });
    const error = (await caught(() => fetchProblem(`${base}/api/missing`))) as NotFound & { response: Response };
    expect(error.response.status).toBe(404);
    await expect(fetchProblem('http://127.0.0.1:1/')).rejects.toThrow('fetch failed');
  });

  it('axiosInterceptor() rejects with the typed error, the AxiosError as its cause', async () => {
    const client = axiosInterceptor(axios.create({ baseURL: base }));
    expect(summarise(await caught(() => client.get('/api/limited')))).toEqual(EXPECTED.limited);
    expect(summarise(await caught(() => client.get('/api/missing')))).toEqual(EXPECTED.missing);
    const error = (await caught(() => client.post('/api/users', {}))) as UnprocessableEntity;
    expect(summarise(error)).toEqual(EXPECTED.users);
    expect(axios.isAxiosError(error.cause)).toBe(true);
    expect((await client.get('/api/ok')).data).toEqual({ ok: true });
    // No response (nothing listens there): axios' own error, unchanged.
    const refused = await caught(() => axiosInterceptor(axios.create({ baseURL: 'http://127.0.0.1:1' })).get('/'));
    expect(axios.isAxiosError(refused)).toBe(true);
  });

  it('kyHooks() throws the typed error, which ky still knows as its HTTPError', async () => {
    const out = (await inKyProcess(`
      const api = ky.create({ prefixUrl: base, ...${JSON.stringify({ retry: kyOptions.retry })}, hooks: c.kyHooks() });
      const caught = async (f) => { try { await f(); } catch (e) { return e; } };
      const limited = await caught(() => api.get('api/limited'));
      return {
        limited: summarise(limited),
        missing: summarise(await caught(() => api.get('api/missing'))),
        users: summarise(await caught(() => api.post('api/users', { json: {} }))),
        kyKnowsIt: isHTTPError(limited),
        causeIsKy: limited.cause?.name === 'HTTPError' && limited.response?.status === 429,
        ok: await api.get('api/ok').json(),
      };
    `)) as Record<string, unknown>;
    // Through JSON, as the child process reports it: members that are undefined drop out.
    expect(out).toEqual({ ...(JSON.parse(JSON.stringify(EXPECTED)) as object), kyKnowsIt: true, causeIsKy: true, ok: { ok: true } });
  });
});

describe('retrying as the server said, with ky and axios', () => {
  it("ky's retry keeps its own rules with the hooks: a 404 is not retried", async () => {
    const out = await inKyProcess(`
      const api = ky.create({ prefixUrl: base, hooks: c.kyHooks(), retry: { limit: 2, backoffLimit: 10 } });
      try { await api.get('api/missing'); } catch (e) { return summarise(e).narrowsTo; }
    `);
    expect(out).toEqual(['NotFound']);
    expect(api.hits.get('/api/missing')).toBe(1);
  });

  it("ky's retry option waits Retry-After when the server gives one, and does not retry without", async () => {
    const out = (await inKyProcess(`
      // The guide's pattern: retry only what the server said when to retry, and wait that long.
      const api = ky.create({
        prefixUrl: base,
        retry: { limit: 2, delay: () => 0, shouldRetry: ({ error }) => c.retryAfterMs(error) !== undefined },
        hooks: { ...c.kyHooks(), beforeRetry: [({ error }) => new Promise((resolve) => setTimeout(resolve, c.retryAfterMs(error)))] },
      });
      const started = Date.now();
      const flaky = await api.get('api/flaky').json();
      const waited = Date.now() - started;
      let busy;
      try { await api.get('api/busy'); } catch (e) { busy = summarise(e); }
      return { flaky, waited, busy: busy.narrowsTo, wait: busy.wait };
    `)) as { flaky: unknown; waited: number; busy: string[]; wait: unknown };
    expect(out.flaky).toEqual({ ok: true });
    expect(out.waited).toBeGreaterThanOrEqual(900);
    expect(out).toMatchObject({ busy: ['ServiceUnavailable'] });
    expect(out.wait).toBeUndefined();
    expect(api.hits.get('/api/flaky')).toBe(2);
    expect(api.hits.get('/api/busy')).toBe(1);
  });

  it('axios-retry waits retryAfterMs() and does not retry without Retry-After', async () => {
    const client = axios.create({ baseURL: base });
    axiosRetry(client, { retries: 2, retryCondition: (error) => retryAfterMs(error) !== undefined, retryDelay: (_count, error) => retryAfterMs(error) ?? 0 });
    axiosInterceptor(client);
    const started = Date.now();
    expect((await client.get('/api/flaky')).data).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(client.get('/api/busy')).rejects.toBeInstanceOf(ServiceUnavailable);
    expect(api.hits.get('/api/flaky')).toBe(2);
    expect(api.hits.get('/api/busy')).toBe(1);
  });
});
