/**
 * The reproductions of the attack pass (issue 20), each as it was reported, on a real app:
 * nothing forwarded that the app did not mean to send, and nothing that can crash or hang
 * the process.
 */
import express from 'express';
import type { Express, RequestHandler } from 'express';
import fc from 'fast-check';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import request from 'supertest';
import { request as undiciRequest } from 'undici';
import { asyncHandler, BadRequest, errorHandler, NotFound, ServiceUnavailable } from '../../../src';
import type { ErrorHandlerOptions, ErrorLogEntry } from '../../../src';

/** An app whose route `/boom` runs `route`, with our handler after it. */
function appWith(route: RequestHandler, options: ErrorHandlerOptions = {}): Express {
  const app = express();
  app.all('/boom', route);
  app.get('/ok', (_req, res) => {
    res.send('ok');
  });
  app.use(errorHandler({ log: false, ...options }));
  return app;
}

async function listen(app: Express | ReturnType<typeof createServer>): Promise<{ server: Server; url: string }> {
  const server = 'listen' in app && typeof (app as Express).set === 'function' ? (app as Express).listen(0, '127.0.0.1') : (app as Server).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The raw response head and body of a request, read from the socket, or `'closed'` when the server cut it. */
async function raw(url: string, target: string, method = 'GET'): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.write(`${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  let text = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  await once(socket, 'close');
  return text;
}

const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => {
  rejections.push(reason);
};
beforeAll(() => process.on('unhandledRejection', onRejection));
afterAll(() => process.off('unhandledRejection', onRejection));
beforeEach(() => {
  rejections.length = 0;
});

describe('1. headers of foreign errors', () => {
  let upstream: { server: Server; url: string };
  beforeAll(async () => {
    // An upstream an attacker controls, answering 503 with every header it can think of.
    upstream = await listen(
      createServer((_req, res) => {
        res.writeHead(503, {
          'Set-Cookie': 'sid=attacker; Path=/',
          Refresh: '0; url=https://evil.example/',
          'Content-Encoding': 'gzip',
          'X-Internal-Host': 'db-7.internal',
          'Access-Control-Allow-Origin': '*',
          'Keep-Alive': 'timeout=600',
          'Cache-Control': 'public, max-age=86400',
          'Retry-After': '30',
        });
        res.end('down');
      }),
    );
  });
  afterAll(() => upstream.server.close());

  it("forwards none of an undici ResponseStatusCodeError's upstream headers", async () => {
    const app = appWith(
      asyncHandler(async () => {
        await undiciRequest(upstream.url, { throwOnError: true });
      }),
    );
    const res = await request(app).get('/boom');
    expect(res.status).toBe(503);
    for (const name of ['set-cookie', 'refresh', 'content-encoding', 'x-internal-host', 'access-control-allow-origin', 'keep-alive', 'retry-after']) expect(res.headers[name]).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
  });

  it('lets an object with a status send only its contract header and rate-limit fields', async () => {
    const thrown = { status: 429, headers: { 'Retry-After': '5', RateLimit: 'limit=10, remaining=0, reset=5', 'Set-Cookie': 'a=b', Location: '/x', 'Content-Type': 'text/html', Trailer: 'X-Sum' } };
    const res = await request(appWith((_req, _res, next) => next(thrown))).get('/boom');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers.ratelimit).toBe('limit=10, remaining=0, reset=5');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  });

  it('keeps the headers option of our own errors, minus framing and Trailer', async () => {
    const res = await request(appWith((_req, _res, next) => next(new NotFound({ headers: { 'X-Shard': 'eu-1', Trailer: 'X-Sum', 'Transfer-Encoding': 'chunked' } })))).get('/boom');
    expect(res.status).toBe(404);
    expect(res.headers['x-shard']).toBe('eu-1');
    expect(res.headers.trailer).toBeUndefined();
  });
});

describe('2. a hostile value after the response started', () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const hostile: [string, () => unknown][] = [
    ['a Proxy whose every read throws', () => new Proxy({}, { get: () => { throw new Error('trap'); } })],
    ['a revoked Proxy', () => revoked.proxy],
    ['throwing status and stack getters', () => Object.defineProperties(new Error('x'), { status: { get: () => { throw new Error('status'); } }, stack: { get: () => { throw new Error('stack'); } } })],
    ['a null-prototype object', () => Object.create(null) as object],
    ['an object whose toString throws', () => ({ toString: () => { throw new Error('toString'); } })],
  ];

  it.each(hostile)('cuts the started response on %s and the process goes on', async (_name, make) => {
    const entries: ErrorLogEntry[] = [];
    const app = appWith(
      (_req, res, next) => {
        res.write('partial');
        next(make());
      },
      { log: (entry) => entries.push(entry) },
    );
    const { server, url } = await listen(app);
    try {
      const text = await raw(url, '/boom');
      // The connection is cut: whatever of the head and first chunk got out, the chunked
      // body never gets its last chunk, so no client can take it for complete.
      expect(text === '' || text.startsWith('HTTP/1.1 200')).toBe(true);
      expect(text.endsWith('0\r\n\r\n')).toBe(false);
      expect(entries.map((entry) => entry.level)).toEqual(['error']);
      expect((await fetch(`${url}/ok`)).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it('logs an error that arrives after the response ended, and leaves it alone', async () => {
    const entries: ErrorLogEntry[] = [];
    const app = appWith(
      (_req, res, next) => {
        res.end('done');
        next(new Error('too late'));
      },
      { log: (entry) => entries.push(entry) },
    );
    const res = await request(app).get('/boom');
    expect(res.status).toBe(200);
    expect(res.text).toBe('done');
    expect(entries).toHaveLength(1);
  });

  it('survives any hostile value after the response started (property)', async () => {
    // The property draws a way to make the value: fast-check itself must not touch a hostile one.
    const makeHostile = fc.oneof(
      // Express takes a falsy value, 'route' and 'router' for "no error": no error handler sees them.
      fc
        .anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true })
        .filter((value) => Boolean(value) && value !== 'route' && value !== 'router')
        .map((value) => () => value),
      fc.constantFrom(...hostile.map(([, make]) => make)),
      fc.string().map((message) => () => new Proxy(new Error(message), { get: (target, key) => (key === 'status' ? { valueOf: () => { throw new Error('v'); } } : Reflect.get(target, key)) })),
    );
    let value: unknown;
    const app = appWith((_req, res, next) => {
      res.write('x');
      next(value);
    });
    const { server, url } = await listen(app);
    try {
      await fc.assert(
        fc.asyncProperty(makeHostile, async (make) => {
          value = make();
          await raw(url, '/boom');
          expect((await fetch(`${url}/ok`)).status).toBe(200);
        }),
        { numRuns: 40 },
      );
    } finally {
      server.close();
    }
  });
});

describe('3. callbacks that throw or reject', () => {
  const propfind = (app: Express) => request(app).propfind('/boom');
  const fails = (): never => {
    throw new Error('sink down');
  };
  const rejects = async (): Promise<never> => {
    throw new Error('sink down');
  };

  it.each<[string, ErrorHandlerOptions]>([
    ['an async log that rejects', { log: rejects }],
    ['a log that throws', { log: fails }],
    ['an async locale that rejects', { locale: rejects as unknown as () => string }],
    ['an async renderHtml that rejects', { renderHtml: rejects as unknown as () => string, formats: ['html'] }],
    ['an async map that rejects', { map: rejects as unknown as () => undefined }],
    ['an async traceId that rejects', { traceId: rejects as unknown as () => string }],
  ])('answers with %s, and no rejection goes unhandled', async (_name, options) => {
    const res = await propfind(appWith((_req, _res, next) => next(new Error('boom')), options));
    await new Promise((resolve) => setImmediate(resolve));
    expect(res.status).toBe(500);
    expect(rejections).toEqual([]);
  });

  it('falls back to the built-in page and to Accept-Language when renderHtml and locale are async', async () => {
    const app = appWith((_req, _res, next) => next(new NotFound()), { formats: ['html'], renderHtml: (async () => '<p>late</p>') as unknown as () => string, locale: (async () => 'ko') as unknown as () => string });
    const res = await request(app).get('/boom').set('Accept-Language', 'de');
    expect(res.status).toBe(404);
    expect(res.headers['content-language']).toBe('de');
    expect(res.text).toContain('<!doctype html>');
  });
});

describe('4 and 8. framing', () => {
  it('answers an error that asks for Trailer, and closes nothing it should not', async () => {
    const { server, url } = await listen(appWith((_req, _res, next) => next(Object.assign(new Error('x'), { status: 400, headers: { Trailer: 'X-Checksum' } }))));
    try {
      const res = await fetch(`${url}/boom`, { signal: AbortSignal.timeout(5000) });
      expect(res.status).toBe(400);
      expect(res.headers.get('trailer')).toBeNull();
    } finally {
      server.close();
    }
  });

  it('answers a route that set Trailer and Transfer-Encoding before it threw with Content-Length alone', async () => {
    const app = appWith((_req, res) => {
      res.setHeader('Transfer-Encoding', 'chunked');
      res.setHeader('Trailer', 'X-Checksum');
      throw new BadRequest('no');
    });
    const { server, url } = await listen(app);
    try {
      const head = (await raw(url, '/boom')).split('\r\n\r\n')[0]?.toLowerCase() ?? '';
      expect(head).toMatch(/^http\/1\.1 400/);
      expect(head).toContain('content-length:');
      expect(head).not.toContain('transfer-encoding');
      expect(head).not.toContain('trailer');
    } finally {
      server.close();
    }
  });
});

describe('6, 7 and 11. extension members', () => {
  it('keeps the body when an extension is named toJSON', async () => {
    const res = await request(appWith((_req, _res, next) => next(new BadRequest({ extensions: { toJSON: () => ({ status: 200, title: 'pwned' }), hint: 'x' } })))).get('/boom');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request', hint: 'x' });
  });

  it('drops __proto__ nested inside a class instance', async () => {
    class Details {
      inner = JSON.parse('{"__proto__": {"admin": true}, "ok": 1}') as object;
    }
    const res = await request(appWith((_req, _res, next) => next(new BadRequest({ extensions: { details: new Details() } })))).get('/boom');
    expect(res.text).not.toContain('__proto__');
    expect(res.body.details).toEqual({ inner: { ok: 1 } });
  });

  it('answers at once with a huge sparse array as an extension', async () => {
    const res = await request(appWith((_req, _res, next) => next(new BadRequest({ extensions: { list: new Array(5e8) } })))).get('/boom');
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThanOrEqual(65536);
  });

  it('reads the headers and errors getters of a thrown value once each', async () => {
    const reads = { headers: 0, errors: 0 };
    const thrown = {
      status: 422,
      expose: true,
      get headers() {
        reads.headers++;
        return {};
      },
      get errors() {
        reads.errors++;
        return [{ pointer: '/a', detail: 'bad' }];
      },
    };
    const res = await request(appWith((_req, _res, next) => next(thrown))).get('/boom');
    expect(res.body.errors).toEqual([{ pointer: '/a', detail: 'bad' }]);
    expect(reads).toEqual({ headers: 1, errors: 1 });
  });
});

describe('9. Retry-After out of range', () => {
  it.each<[string, () => ServiceUnavailable]>([
    ['1e21 seconds', () => new ServiceUnavailable(1e21)],
    ['a date in year 275760', () => new ServiceUnavailable(new Date(8.64e15))],
  ])('leaves out a Retry-After of %s and names it in the log', async (_name, make) => {
    const entries: ErrorLogEntry[] = [];
    const res = await request(appWith((_req, _res, next) => next(make()), { log: (entry) => entries.push(entry) })).get('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(entries.map((entry) => entry.droppedHeaders)).toEqual([['Retry-After']]);
  });
});

describe('10. control characters in text/plain', () => {
  it('replaces ESC, VT, FF and NEL that a path puts into the detail', async () => {
    const app = express();
    app.get('/users/:id', (req) => {
      throw new NotFound(`No user ${req.params.id}`);
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/users/%1B%5B2J%0B%0C%C2%85x').set('Accept', 'text/plain');
    expect(res.status).toBe(404);
    expect(res.text).toBe('404 Not Found: No user \uFFFD[2J\uFFFD\uFFFD\uFFFDx\n');
  });
});

