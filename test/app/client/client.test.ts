import fc from 'fast-check';
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import statuses from 'statuses';
import { CATALOGS } from '../../../src';
import { ERROR_STATUSES, STATUSES } from '../../../src/core/status';
import type { Challenge, ErrorStatus, HttpError } from '../../../src';
import { MethodNotAllowed, NotFound, ProxyAuthenticationRequired, RangeNotSatisfiable, ServiceUnavailable, TooManyRequests, Unauthorized, UnavailableForLegalReasons, UnprocessableEntity, UpgradeRequired, errorHandler } from '../../../src';
import { parseChallenges, parseProblem, UnknownProblem } from '../../../src/client';
import { CONTRACTS } from '../../../src/core/headers';
import { formatChallenges } from '../../../src/core/headers/challenges';
import { handing } from '../../helpers/app';
import { classOf } from '../../helpers/errors';

const problem = (status: number, more: Record<string, unknown> = {}) => ({ type: 'about:blank', title: 'T', status, detail: 'D', ...more });

describe('parseChallenges()', () => {
  it('reads a scheme alone, with realm and parameters, and several challenges', () => {
    expect(parseChallenges('Basic')).toEqual([{ scheme: 'Basic' }]);
    expect(parseChallenges('Bearer realm="api", error="invalid_token", error_description="The token expired"')).toEqual([
      { scheme: 'Bearer', realm: 'api', params: { error: 'invalid_token', error_description: 'The token expired' } },
    ]);
    expect(parseChallenges('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"')).toEqual([
      { scheme: 'Newauth', realm: 'apps', params: { type: '1', title: 'Login to "apps"' } },
      { scheme: 'Basic', realm: 'simple' },
    ]);
  });

  it('keeps a token68 challenge as its text', () => {
    expect(parseChallenges('Negotiate YIIB8AYGKwYBBQUCoIIB5DCC==, Basic realm="x"')).toEqual(['Negotiate YIIB8AYGKwYBBQUCoIIB5DCC==', { scheme: 'Basic', realm: 'x' }]);
  });

  it('takes realm in any case, spaces around "=", empty list elements and backslash escapes', () => {
    expect(parseChallenges(' , Basic REALM = "a\\\\b" ,, Digest nonce="n\\"1"')).toEqual([
      { scheme: 'Basic', realm: 'a\\b' },
      { scheme: 'Digest', params: { nonce: 'n"1' } },
    ]);
  });

  it('keeps the first of a repeated parameter', () => {
    expect(parseChallenges('Bearer error="a", Error="b"')).toEqual([{ scheme: 'Bearer', params: { error: 'a' } }]);
  });

  it('returns the challenges before a malformed one and never throws', () => {
    expect(parseChallenges('Basic realm="ok", Bearer realm="unterminated')).toEqual([{ scheme: 'Basic', realm: 'ok' }]);
    expect(parseChallenges('"quoted-first"')).toEqual([]);
    expect(parseChallenges('')).toEqual([]);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => Array.isArray(parseChallenges(text))));
  });

  it('reads back whatever our formatter writes', () => {
    const token = fc.stringMatching(/^[A-Za-z][!#$%&'*+.^_`|~0-9A-Za-z-]{0,8}$/);
    const value = fc.stringMatching(/^[\t\x20-\x7e]{0,12}$/);
    const challenge = fc.record({
      scheme: token,
      realm: fc.option(value, { nil: undefined }),
      params: fc.uniqueArray(fc.tuple(token.filter((name) => name.toLowerCase() !== 'realm'), value), { maxLength: 3, selector: ([name]) => name.toLowerCase() }),
    });
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), (list) => {
        const given = list.map(({ scheme, realm, params }) => ({ scheme, ...(realm === undefined ? {} : { realm }), ...(params.length === 0 ? {} : { params: Object.fromEntries(params) }) }));
        expect(parseChallenges(formatChallenges(given) ?? '')).toEqual(given);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseProblem(): a status, headers and a parsed body', () => {
  it('gives a ServiceUnavailable with retryAfter in seconds or as a Date', () => {
    const seconds = parseProblem({ status: 503, headers: { 'retry-after': '120' }, body: problem(503) });
    expect(seconds).toBeInstanceOf(ServiceUnavailable);
    expect((seconds as ServiceUnavailable).retryAfter).toBe(120);
    const date = parseProblem({ status: 429, headers: { 'Retry-After': 'Tue, 01 Jan 2030 06:00:00 GMT' }, body: problem(429) }) as TooManyRequests;
    expect(date).toBeInstanceOf(TooManyRequests);
    expect(date.retryAfter).toEqual(new Date(Date.UTC(2030, 0, 1, 6)));
    expect((parseProblem({ status: 503, headers: { 'retry-after': 'soon' }, body: problem(503) }) as ServiceUnavailable).retryAfter).toBeUndefined();
  });

  it('gives a MethodNotAllowed with allow, an UpgradeRequired with upgrade', () => {
    const notAllowed = parseProblem({ status: 405, headers: { allow: 'GET, HEAD' }, body: problem(405) }) as MethodNotAllowed;
    expect(notAllowed).toBeInstanceOf(MethodNotAllowed);
    expect(notAllowed.allow).toEqual(['GET', 'HEAD']);
    expect(notAllowed.headers).toEqual({ Allow: 'GET, HEAD' });
    const upgrade = parseProblem({ status: 426, headers: { upgrade: 'h2c, websocket' }, body: problem(426) }) as UpgradeRequired;
    expect(upgrade.upgrade).toEqual(['h2c', 'websocket']);
  });

  it('gives an Unauthorized and a ProxyAuthenticationRequired with their challenges parsed', () => {
    const unauthorized = parseProblem({ status: 401, headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' }, body: problem(401) }) as Unauthorized;
    expect(unauthorized).toBeInstanceOf(Unauthorized);
    expect(unauthorized.challenges).toEqual([{ scheme: 'Bearer', realm: 'api', params: { error: 'invalid_token' } }]);
    const proxy = parseProblem({ status: 407, headers: { 'proxy-authenticate': ['Basic realm="p"'] }, body: problem(407) }) as ProxyAuthenticationRequired;
    expect(proxy.challenges).toEqual([{ scheme: 'Basic', realm: 'p' }]);
  });

  it('gives a RangeNotSatisfiable with completeLength and a 451 with blockedBy', () => {
    expect((parseProblem({ status: 416, headers: { 'content-range': 'bytes */1024' }, body: problem(416) }) as RangeNotSatisfiable).completeLength).toBe(1024);
    const legal = parseProblem({
      status: 451,
      headers: { link: '<https://example.com/a>; rel="next", <https://authority.example/notice>; rel="blocked-by"' },
      body: problem(451),
    }) as UnavailableForLegalReasons;
    expect(legal.blockedBy).toBe('https://authority.example/notice');
  });

  it('keeps detail, type, instance, errors and extension members', () => {
    const error = parseProblem({
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: problem(422, { type: 'https://example.com/probs/invalid', instance: '/users', errors: [{ pointer: '/email', detail: 'bad' }], requestId: 'r-1', limits: { max: 3 } }),
    });
    expect(error).toBeInstanceOf(UnprocessableEntity);
    expect(error).toMatchObject({ status: 422, detail: 'D', message: 'D', type: 'https://example.com/probs/invalid', instance: '/users' });
    expect(error.errors).toEqual([{ pointer: '/email', detail: 'bad' }]);
    expect(error.extensions).toEqual({ requestId: 'r-1', limits: { max: 3 } });
  });

  it('reads headers from a Headers object', () => {
    const error = parseProblem({ status: 503, headers: new Headers({ 'Retry-After': '7' }), body: problem(503) });
    expect((error as ServiceUnavailable).retryAfter).toBe(7);
  });

  it('reads a JSON text body and an empty body (a HEAD answer)', () => {
    const text = parseProblem({ status: 404, headers: { 'content-type': 'application/problem+json; charset=utf-8' }, body: JSON.stringify(problem(404)) });
    expect(text).toBeInstanceOf(NotFound);
    expect(text.detail).toBe('D');
    const head = parseProblem({ status: 405, headers: { allow: 'GET' } });
    expect(head).toBeInstanceOf(MethodNotAllowed);
    expect((head as MethodNotAllowed).allow).toEqual(['GET']);
  });

  it('gives an UnknownProblem with the raw body for an unregistered status or a non-problem body', () => {
    const unregistered = parseProblem({ status: 499, headers: {}, body: problem(499, { detail: 'Client closed' }) });
    expect(unregistered).toBeInstanceOf(UnknownProblem);
    expect(unregistered).toMatchObject({ status: 499, detail: 'Client closed', body: problem(499, { detail: 'Client closed' }) });
    const html = parseProblem({ status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad gateway</h1>' });
    expect(html).toBeInstanceOf(UnknownProblem);
    expect(html).toMatchObject({ status: 502, body: '<h1>Bad gateway</h1>' });
    expect(parseProblem({ status: 404, body: { error: 'nope' } })).toMatchObject({ status: 404, body: { error: 'nope' } });
    expect(parseProblem({ status: 404, body: problem(404, { title: 7 }) })).toBeInstanceOf(UnknownProblem);
    expect(parseProblem({ status: 400, headers: { 'content-type': 'application/json' }, body: '{"broken' })).toMatchObject({ body: '{"broken' });
    expect(parseProblem({ status: 302, body: problem(302) })).toMatchObject({ status: 302 });
  });

  it('never throws, whatever it is given', () => {
    const hostile = { status: 404, get headers(): never { throw new Error('boom'); }, body: problem(404) };
    expect(parseProblem(hostile)).toBeInstanceOf(UnknownProblem);
    expect(parseProblem(null as unknown as { status: number })).toMatchObject({ status: 0 });
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (status, headers, body) => {
        const parsed = parseProblem({ status, headers, body } as unknown as { status: number });
        expect(parsed).toBeInstanceOf(Error);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseProblem(): a fetch Response', () => {
  it('reads a Response built in memory', async () => {
    const response = new Response(JSON.stringify(problem(503)), { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' } });
    const error = await parseProblem(response);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as ServiceUnavailable).retryAfter).toBe(30);
  });

  it('resolves with an UnknownProblem when the body was already read', async () => {
    const response = new Response('{}', { status: 404 });
    await response.text();
    const error = await parseProblem(response);
    expect(error).toBeInstanceOf(UnknownProblem);
    expect(error.status).toBe(404);
  });

  it('reads what errorHandler sends over a real connection', async () => {
    const app = express();
    app.get('/me', () => {
      throw new Unauthorized({ scheme: 'Bearer', realm: 'demo', params: { error: 'invalid_token' } }, { detail: 'Token expired', extensions: { hint: 'refresh' } });
    });
    app.use(errorHandler({ log: false }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const error = await parseProblem(await fetch(`http://127.0.0.1:${port}/me`, { headers: { 'Accept-Language': 'ko' } }));
      expect(error).toBeInstanceOf(Unauthorized);
      expect(error).toMatchObject({ detail: 'Token expired', instance: '/me', extensions: { hint: 'refresh' } });
      expect((error as Unauthorized).challenges).toEqual([{ scheme: 'Bearer', realm: 'demo', params: { error: 'invalid_token' } }]);
    } finally {
      server.close();
    }
  });
});

describe('parseProblem(): round trip through errorHandler', () => {
  const token = fc.stringMatching(/^[A-Za-z][!#$%&'*+.^_`|~0-9A-Za-z-]{0,8}$/);
  const quoted = fc.stringMatching(/^[\x20-\x7e]{0,10}$/);
  const challenge = fc.record({ scheme: token, realm: quoted }).map(({ scheme, realm }) => ({ scheme, realm }) as Challenge);
  const wholeSecondDate = fc.integer({ min: 0, max: 4102444800 }).map((seconds) => new Date(seconds * 1000));
  const headerValue: Record<string, fc.Arbitrary<unknown>> = {
    'retry-after': fc.option(fc.oneof(fc.nat(10_000_000), wholeSecondDate), { nil: undefined }),
    allow: fc.uniqueArray(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), { maxLength: 4 }),
    'www-authenticate': fc.array(challenge, { minLength: 1, maxLength: 2 }),
    'proxy-authenticate': fc.array(challenge, { minLength: 1, maxLength: 2 }),
    upgrade: fc.uniqueArray(fc.constantFrom('h2c', 'websocket', 'HTTP/2.0', 'TLS/1.3'), { minLength: 1, maxLength: 3 }),
    'content-range': fc.nat(),
    'blocked-by': fc.option(fc.webUrl().filter((url) => /^[\x21-\x7e]+$/.test(url) && !/[<>"\\^`{|}]/.test(url)), { nil: undefined }),
  };
  const STANDARD = ['type', 'title', 'status', 'detail', 'instance', 'errors'];
  const extensionName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{2,8}$/).filter((name) => !STANDARD.includes(name));
  const statusCase = fc.constantFrom(...ERROR_STATUSES).chain((status) => {
    const contract = (STATUSES[status] as { header?: keyof typeof CONTRACTS }).header;
    return fc.record({
      status: fc.constant(status),
      value: contract === undefined ? fc.constant(undefined) : (headerValue[contract] as fc.Arbitrary<unknown>),
      detail: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
      expose: fc.boolean(),
      type: fc.option(fc.constantFrom('https://example.com/probs/x', '/problems/y'), { nil: undefined }),
      extensions: fc.dictionary(extensionName, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    });
  });

  it('gives back the class, status, header value, detail and extensions of any error', async () => {
    await fc.assert(
      fc.asyncProperty(statusCase, async ({ status, value, detail, expose, type, extensions }) => {
        const Class = classOf(status);
        const options = { detail, expose, type, extensions };
        const contract = (STATUSES[status] as { header?: keyof typeof CONTRACTS }).header;
        const error = contract === undefined ? new Class(options) : new Class(value, options);
        const res = await request(handing(error)).get('/boom');
        const parsed = parseProblem({ status: res.status, headers: res.headers, body: res.body });

        expect(parsed.constructor).toBe(error.constructor);
        expect(parsed.status).toBe(status);
        // A detail that is just the English reason phrase is localised like no detail at all.
        const shown = expose && detail !== undefined && detail !== statuses.message[status];
        expect(parsed.detail).toBe(shown ? detail : CATALOGS.en.statuses[status as ErrorStatus].detail);
        expect(parsed.type).toBe(type ?? 'about:blank');
        expect(parsed.instance).toBe('/boom');
        // The handler drops `__proto__` members at any depth, so they never come back.
        const sent = JSON.parse(JSON.stringify(extensions), (key: string, value: unknown) => (key === '__proto__' ? undefined : value)) as Record<string, unknown>;
        expect(parsed.extensions).toEqual(Object.keys(sent).length === 0 ? undefined : sent);
        if (contract !== undefined) {
          const property = CONTRACTS[contract].property;
          expect((parsed as unknown as Record<string, unknown>)[property]).toEqual((error as unknown as Record<string, unknown>)[property]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps what a 5xx hides hidden: the parsed detail is the localised default', async () => {
    const res = await request(handing(new ServiceUnavailable(5, { detail: 'db password is hunter2' }))).get('/boom');
    const parsed = parseProblem({ status: res.status, headers: res.headers, body: res.body }) as HttpError<503>;
    expect(parsed.detail).toBe(CATALOGS.en.statuses[503].detail);
  });
});

describe('src/client.ts', () => {
  it('imports neither Express, the error handler, nor a Node built-in, directly or through its imports', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm)) {
        const target = specifier as string;
        expect([file, target]).not.toEqual([file, expect.stringMatching(/^(express|node:|vary|negotiator|statuses|fs|http)|error-handler/)]);
        if (target.startsWith('.')) visit(require.resolve(path.resolve(path.dirname(file), target)));
      }
    };
    const src = path.join(__dirname, '..', '..', '..', 'src');
    visit(path.join(src, 'client.ts'));
    const files = [...seen].map((file) => path.relative(src, file).split(path.sep).join('/'));
    expect(files).toEqual(expect.arrayContaining(['client.ts', 'client/parse-problem.ts', 'core/errors.ts', 'core/http-error.ts', 'core/headers/index.ts']));
    // The client bundles no catalog: a browser gets the server's titles in the body.
    expect(files.filter((file) => file.startsWith('i18n/'))).toEqual([]);
  });
});
