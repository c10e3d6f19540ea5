import type { LookupFunction } from 'node:net';
import axios from 'axios';
import express from 'express';
import type { Express } from 'express';
import request from 'supertest';
import { Agent, fetch as undiciFetch } from 'undici';
import { asyncHandler, CATALOGS, errorHandler } from '../../../src';
import type { ErrorHandlerOptions, ErrorLogEntry } from '../../../src';
import { got } from '../../helpers/foreign-errors';
import { refusedPort, upstream, UPSTREAM_SECRET } from '../../helpers/upstream';
import type { Upstream } from '../../helpers/upstream';

const en = CATALOGS.en;
const ko = CATALOGS.ko;

let service: Upstream;
let refused: string;

beforeAll(async () => {
  service = await upstream();
  refused = `http://127.0.0.1:${await refusedPort()}`;
});

afterAll(() => service.close());

/** An app whose `/quote` calls another service with `call` and rethrows what it raises. */
function calling(call: () => Promise<unknown>, options: ErrorHandlerOptions = {}): Express {
  const app = express();
  app.get(
    '/quote',
    asyncHandler(async (_req, res) => {
      await call();
      res.json({ ok: true });
    }),
  );
  app.use(errorHandler({ log: false, ...options }));
  return app;
}

const noRetry = { retry: { limit: 0 } } as const;

type Case = [label: string, call: () => Promise<unknown>, status: number, detail: string];

describe('interop: upstream calls', () => {
  it.each<Case>([
    ['fetch refused', () => fetch(`${refused}/rates`), 502, en.phrases.upstreamUnreachable],
    ['fetch to an upstream that hangs up', () => fetch(`${service.url}/hangup`), 502, en.phrases.upstreamUnreachable],
    ['fetch timed out by AbortSignal.timeout()', () => fetch(`${service.url}/slow`, { signal: AbortSignal.timeout(100) }), 504, en.statuses[504].detail],
    // undici's fetch is the one Node ships as its global fetch; its Agent sets the timeouts.
    ["fetch whose upstream sends no head in time (undici's headersTimeout)", () => undiciFetch(`${service.url}/slow`, { dispatcher: new Agent({ headersTimeout: 100 }) }), 504, en.statuses[504].detail],
    ["fetch whose upstream's body stops coming (undici's bodyTimeout)", () => undiciFetch(`${service.url}/stall`, { dispatcher: new Agent({ bodyTimeout: 100 }) }).then((res) => res.text()), 504, en.statuses[504].detail],
    ["fetch whose upstream closes in the middle of its body", () => fetch(`${service.url}/cut`).then((res) => res.text()), 502, en.phrases.upstreamUnreachable],
    ['fetch to a host that does not resolve (ENOTFOUND)', () => fetch('http://upstream.invalid/rates'), 502, en.phrases.upstreamUnreachable],
    ['axios refused', () => axios.get(`${refused}/rates`), 502, en.phrases.upstreamUnreachable],
    ['axios timed out (ECONNABORTED)', () => axios.get(`${service.url}/slow`, { timeout: 100 }), 504, en.statuses[504].detail],
    ['axios timed out (ETIMEDOUT)', () => axios.get(`${service.url}/slow`, { timeout: 100, transitional: { clarifyTimeoutError: true } }), 504, en.statuses[504].detail],
    ["axios rethrowing an upstream's 404", () => axios.get(`${service.url}/missing`), 502, en.statuses[502].detail],
    ["axios rethrowing an upstream's 503 with a Retry-After that is not valid", () => axios.get(`${service.url}/overloaded`), 502, en.statuses[502].detail],
    ['got refused', () => got(`${refused}/rates`, noRetry), 502, en.phrases.upstreamUnreachable],
    ['got TimeoutError', () => got(`${service.url}/slow`, { ...noRetry, timeout: { request: 100 } }), 504, en.statuses[504].detail],
    ["got rethrowing an upstream's 404 (HTTPError)", () => got(`${service.url}/missing`, noRetry), 502, en.statuses[502].detail],
    ['got reading a body that is not JSON (ParseError)', () => got(`${service.url}/plain`, noRetry).json(), 502, en.statuses[502].detail],
  ])('answers %s with its status and nothing of the upstream', async (_label, call, status, detail) => {
    const res = await request(calling(call)).get('/quote');
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status, title: en.statuses[status as 502].title, detail });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['retry-after']).toBeUndefined();
    expect(res.headers['x-upstream-secret']).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${UPSTREAM_SECRET}|/rates|/slow|/missing|ECONN|ETIMEDOUT|fetch failed|timeout of`));
  });

  // Node's fetch names the cause by its code; each code the reader knows, raised by fetch itself.
  // This sandbox has no DNS server to fail for a while nor a route that drops SYNs, so a
  // lookup function reports EAI_AGAIN as getaddrinfo does, and one that never answers
  // lets undici's connect timer fire.
  const failingLookup =
    (code: string): LookupFunction =>
    (hostname, _options, callback) =>
      callback(Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, syscall: 'getaddrinfo', hostname }), '');
  it.each<[code: string, call: () => Promise<unknown>, status: number]>([
    ['ECONNREFUSED', () => fetch(`${refused}/rates`), 502],
    ['ECONNRESET', () => fetch(`${service.url}/reset`), 502],
    ['ENOTFOUND', () => fetch('http://upstream.invalid/rates'), 502],
    ['EAI_AGAIN', () => undiciFetch('http://upstream.example/rates', { dispatcher: new Agent({ connect: { lookup: failingLookup('EAI_AGAIN') } }) }), 502],
    ['UND_ERR_SOCKET', () => fetch(`${service.url}/hangup`), 502],
    ['UND_ERR_CONNECT_TIMEOUT', () => undiciFetch('http://upstream.example/rates', { dispatcher: new Agent({ connect: { timeout: 100, lookup: () => undefined } }) }), 504],
    ['UND_ERR_HEADERS_TIMEOUT', () => undiciFetch(`${service.url}/slow`, { dispatcher: new Agent({ headersTimeout: 100 }) }), 504],
    ['UND_ERR_BODY_TIMEOUT', () => undiciFetch(`${service.url}/stall`, { dispatcher: new Agent({ bodyTimeout: 100 }) }).then((res) => res.text()), 504],
  ])('answers fetch failing with %s as its cause, without naming it', async (code, call, status) => {
    const raised: unknown = await call().then(() => undefined, (error: unknown) => error);
    expect((raised as { cause?: { code?: unknown } } | undefined)?.cause?.code).toBe(code);
    const res = await request(calling(() => Promise.reject(raised))).get('/quote');
    expect(res.status).toBe(status);
    expect(res.body.detail).toBe(status === 502 ? en.phrases.upstreamUnreachable : en.statuses[504].detail);
    expect(res.text).not.toMatch(/127\.0\.0\.1|upstream\.(?:invalid|example)|getaddrinfo|ECONN|EAI_|UND_ERR/);
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ["axios rethrowing an upstream's 503", () => axios.get(`${service.url}/busy`), '120'],
    ["got rethrowing an upstream's 503", () => got(`${service.url}/busy`, noRetry), '120'],
    ["axios rethrowing an upstream's 429", () => axios.get(`${service.url}/limited`), 'Wed, 21 Oct 2099 07:28:00 GMT'],
    ["got rethrowing an upstream's 429", () => got(`${service.url}/limited`, noRetry), 'Wed, 21 Oct 2099 07:28:00 GMT'],
  ])('answers %s with our 503 and its Retry-After, and no other header of it', async (_label, call, retryAfter) => {
    const res = await request(calling(call)).get('/quote');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe(retryAfter);
    expect(res.headers['x-upstream-secret']).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toMatchObject({ title: en.statuses[503].title, detail: en.statuses[503].detail });
    expect(res.text).not.toMatch(new RegExp(`${UPSTREAM_SECRET}|db-7|127\\.0\\.0\\.1`));
  });

  it('answers a refused upstream with a localised 502 and a timed-out one with a localised 504', async () => {
    const unreachable = await request(calling(() => fetch(`${refused}/rates`))).get('/quote').set('Accept-Language', 'ko');
    const slow = await request(calling(() => fetch(`${service.url}/slow`, { signal: AbortSignal.timeout(100) }))).get('/quote').set('Accept-Language', 'ko');
    expect(unreachable.body).toMatchObject({ status: 502, title: ko.statuses[502].title, detail: ko.phrases.upstreamUnreachable });
    expect(slow.body).toMatchObject({ status: 504, title: ko.statuses[504].title, detail: ko.statuses[504].detail });
  });

  it('logs the error as the client raised it, with the URL the response leaves out', async () => {
    const entries: ErrorLogEntry[] = [];
    await request(calling(() => axios.get(`${refused}/rates`), { log: (entry) => entries.push(entry) })).get('/quote');
    expect(entries).toEqual([expect.objectContaining({ level: 'error', status: 502, error: expect.objectContaining({ isAxiosError: true, code: 'ECONNREFUSED', config: expect.objectContaining({ url: `${refused}/rates` }) }) })]);
  });

  it("answers an upstream's status as it did before when the reader is off", async () => {
    // An axios error carries the upstream's status; with its reader off the generic reading applies.
    const res = await request(calling(() => axios.get(`${service.url}/missing`), { interop: { axios: false } })).get('/quote');
    expect(res.status).toBe(404);
    const fetchOff = await request(calling(() => fetch(`${refused}/rates`), { interop: { fetch: false } })).get('/quote');
    expect(fetchOff.status).toBe(500);
  });
});
