import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import createError from 'http-errors';
import request from 'supertest';
import { CATALOGS, errorHandler, NotFound, ServiceUnavailable, Unauthorized } from '../../../src';
import { WALK_LIMITS } from '../../../src/problem/walk';
import { MAX_BODY_LENGTH } from '../../../src/problem/json';
import type { ErrorLogEntry } from '../../../src';
import { construct } from '../../helpers/errors';
import { handing, throwing } from '../../helpers/app';

const internal = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: CATALOGS.en.statuses[500].detail, instance: '/boom' };

describe('hostile thrown values (beyond error-handler.test.ts)', () => {
  const circularCause: Record<string, unknown> = { message: 'x' };
  circularCause.cause = circularCause;
  const throwingMessage = new Error('x');
  Object.defineProperty(throwingMessage, 'message', {
    get() {
      throw new Error('trap');
    },
  });

  const revoked = Proxy.revocable({}, {});
  revoked.revoke();

  it.each([
    ['a BigInt', 10n],
    ['a frozen object', Object.freeze({ status: 'x', message: 'frozen secret' })],
    ['an object with a circular cause', circularCause],
    ['an error whose message getter throws', throwingMessage],
    ['an error with status 600', Object.assign(new Error('secret'), { status: 600 })],
    ["an error with status '404abc'", Object.assign(new Error('secret'), { status: '404abc' })],
    ['a revoked proxy', revoked.proxy],
  ])('answers %s with a clean 500', async (_name, value) => {
    const res = await request(handing(value)).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual(internal);
  });

  it('answers an object with a circular cause in debug mode without looping', async () => {
    const error = Object.assign(new Error('outer'), { cause: circularCause });
    const res = await request(handing(error, { debug: true })).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.cause).toEqual(['[object Object]']);
  });

  it('answers an exposed 4xx whose message getter throws with its default detail', async () => {
    const error = createError(404, 'x');
    Object.defineProperty(error, 'message', {
      get() {
        throw new Error('trap');
      },
    });
    const res = await request(handing(error)).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.detail).toBe(CATALOGS.en.statuses[500].detail);
  });
});

describe('hostile extensions', () => {
  it('ignores constructor and __proto__ members and pollutes no prototype', async () => {
    const extensions = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "ok": 1}') as Record<string, unknown>;
    const res = await request(throwing(new NotFound({ extensions }))).get('/boom');
    expect(res.status).toBe(404);
    expect(res.body.ok).toBe(1);
    expect(Object.getPrototypeOf(res.body)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`cuts a 1 MB string to ${WALK_LIMITS.string} characters, wherever it sits`, async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const res = await request(throwing(new NotFound({ extensions: { note: huge, nested: { list: [huge] } } }))).get('/boom');
    expect(res.status).toBe(404);
    expect(res.body.note).toHaveLength(WALK_LIMITS.string);
    expect(res.body.note.endsWith('…')).toBe(true);
    expect(res.body.nested.list[0]).toHaveLength(WALK_LIMITS.string);
  });

  it(`keeps the body under ${MAX_BODY_LENGTH} characters by leaving extensions out`, async () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'y'.repeat(WALK_LIMITS.string)]));
    const res = await request(throwing(new NotFound('kept', { extensions: many }))).get('/boom');
    expect(res.status).toBe(404);
    expect(res.text.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(res.body).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'kept', instance: '/boom' });
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
  });

  it('writes valid JSON for a function, a symbol and a getter that throws', async () => {
    const extensions = { fn: () => 1, sym: Symbol('s'), nested: {} as Record<string, unknown> };
    Object.defineProperty(extensions.nested, 'bad', {
      enumerable: true,
      get() {
        throw new Error('trap');
      },
    });
    const res = await request(throwing(new NotFound({ extensions }))).get('/boom');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, nested: {} });
    expect(res.body).not.toHaveProperty('fn');
  });
});

describe('hostile headers', () => {
  it('drops a Korean realm, logs it, and still answers 401', async () => {
    const entries: ErrorLogEntry[] = [];
    const res = await request(throwing(new Unauthorized({ scheme: 'Basic', realm: '관리자' }), { log: (entry) => entries.push(entry) })).get('/boom');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBeUndefined();
    // Strict mode also reports the 401 that lost its challenge; the drop is logged on its own.
    expect(entries).toContainEqual(expect.objectContaining({ level: 'warn', droppedHeaders: ['WWW-Authenticate'] }));
  });

  it('drops an empty header name, logs it, and keeps the good ones', async () => {
    const entries: ErrorLogEntry[] = [];
    const res = await request(throwing(new NotFound({ headers: { '': 'x', 'X-Ok': 'y' } }), { log: (entry) => entries.push(entry) })).get('/boom');
    expect(res.status).toBe(404);
    expect(res.headers['x-ok']).toBe('y');
    expect(entries[0]?.droppedHeaders).toEqual(['']);
  });
});

describe('hostile Accept-Language', () => {
  it.each([
    ['20 kB', `${'x-'.repeat(10_000)}ko`],
    ['1,000 entries', Array.from({ length: 1000 }, (_, i) => `l${i};q=0.${i % 10}`).join(', ')],
    ['binary garbage', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => 0x80 + (i % 0x80)))],
    ['1,000 entries ending in ko', `${Array.from({ length: 999 }, () => 'xx').join(',')},ko`],
  ])('answers an Accept-Language of %s in the default language', async (_name, header) => {
    // Node's default limit (16 kB) would refuse 20 kB before Express sees it.
    const server = http.createServer({ maxHeaderSize: 64 * 1024 }, throwing(new NotFound()));
    const res = await request(server).get('/boom').set('Accept-Language', header);
    expect(res.status).toBe(404);
    expect(res.headers['content-language']).toBe('en');
    expect(res.body.title).toBe('Not Found');
  });
});

describe('a response that cannot be answered normally', () => {
  async function listen(app: express.Express): Promise<{ port: number; close: () => Promise<void> }> {
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  it('survives a destroyed socket and keeps serving', async () => {
    const handled: unknown[] = [];
    const app = express();
    app.get('/destroy', (req) => {
      req.socket.destroy();
      throw new ServiceUnavailable(5);
    });
    app.get('/ok', () => {
      throw new NotFound();
    });
    const handle = errorHandler({ log: false });
    app.use((err: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
      handled.push(err);
      handle(err, req, res, next);
    });
    const { port, close } = await listen(app);
    try {
      await expect(fetch(`http://127.0.0.1:${port}/destroy`)).rejects.toThrow();
      const after = await fetch(`http://127.0.0.1:${port}/ok`);
      expect(after.status).toBe(404);
      expect(handled).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('answers into the void when the client went away, and keeps serving', async () => {
    let closed!: () => void;
    const gone = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const app = express();
    app.get('/slow', (req, _res, next) => {
      req.on('close', () => {
        next(new ServiceUnavailable(5));
        closed();
      });
    });
    app.get('/ok', () => {
      throw new NotFound();
    });
    app.use(errorHandler({ log: false }));
    const { port, close } = await listen(app);
    try {
      const controller = new AbortController();
      const pending = fetch(`http://127.0.0.1:${port}/slow`, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toThrow();
      await gone;
      const after = await fetch(`http://127.0.0.1:${port}/ok`);
      expect(after.status).toBe(404);
    } finally {
      await close();
    }
  });
});

describe('property: any thrown value, any Accept and Accept-Language, production mode', () => {
  const SECRET = 'SECRET-c0ffee';
  // What Node lets a client put in a header value: tab, visible ASCII, space, obs-text.
  const headerChar = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09)).map((code) => String.fromCharCode(code));
  const headerValue = fc.oneof(
    fc.string({ unit: headerChar, maxLength: 300 }),
    fc.constantFrom('ko', 'ko-KR,en;q=0.5', '*', 'en;q=0, *', 'application/json', 'application/problem+json', '*/*;q=0'),
  );
  const status = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(Number.NaN, Infinity, 0, 599, 600), fc.string({ maxLength: 5 }), fc.constantFrom('404', '503', '404abc'));
  const thrown: fc.Arbitrary<unknown> = fc.oneof(
    fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }),
    status.map((code) => Object.assign(new Error(SECRET), { status: code })),
    status.map((code) => Object.assign(new Error(SECRET), { statusCode: code, headers: { 'X-A': SECRET } })),
    fc.integer({ min: 400, max: 599 }).map((code) => createError(code, SECRET)),
    fc.constantFrom(400, 404, 413, 422, 429, 500, 502, 503).map((code) => construct(code, { detail: SECRET, extensions: { note: 'n' } })),
    fc.constantFrom(500, 503).map((code) => ({ isBoom: true, message: SECRET, output: { statusCode: code, headers: { 'Retry-After': '1' } } })),
    fc.array(fc.oneof(fc.constantFrom(404, 409, 500, 503).map((code) => construct(code, { detail: code < 500 ? 'ok' : SECRET })), fc.constant(new Error(SECRET))), { maxLength: 5 }).map((items) => new AggregateError(items, SECRET)),
    fc.constant(
      new Proxy(new Error(SECRET), {
        get() {
          throw new Error(SECRET);
        },
      }),
    ),
  );

  let current: unknown;
  const handle = errorHandler({ log: false, debug: false });
  const app = express();
  app.all('/boom', (req, res, next) => handle(current, req, res, next));
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers 400..599 with a problem document and no stack or 5xx message', async () => {
    await fc.assert(
      fc.asyncProperty(thrown, headerValue, headerValue, async (value, accept, acceptLanguage) => {
        current = value;
        const res = await request(server).get('/boom').set('Accept', accept).set('Accept-Language', acceptLanguage);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThanOrEqual(599);
        const type = String(res.headers['content-type']);
        expect(['application/problem+json', 'application/json', 'text/html', 'text/plain'].map((t) => `${t}; charset=utf-8`)).toContain(type);
        // Every JSON answer, whichever of the two JSON types was negotiated, is a problem document.
        if (type.includes('json')) {
          const body = JSON.parse(res.text) as Record<string, unknown>;
          expect(typeof body.type).toBe('string');
          expect(typeof body.title).toBe('string');
          expect(body.status).toBe(res.status);
          expect(typeof body.detail).toBe('string');
          expect(body).not.toHaveProperty('stack');
          expect(body).not.toHaveProperty('cause');
        } else {
          expect(res.text.toLowerCase().startsWith(type.startsWith('text/html') ? '<!doctype html>' : String(res.status))).toBe(true);
        }
        expect(res.text).not.toMatch(/\n\s+at /);
        if (res.status >= 500) expect(res.text).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });
});
