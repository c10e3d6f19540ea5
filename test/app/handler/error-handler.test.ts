import express from 'express';
import createError from 'http-errors';
import request from 'supertest';
import { CATALOGS, errorHandler, InternalServerError, MethodNotAllowed, NotFound, PayloadTooLarge, ProxyAuthenticationRequired, RangeNotSatisfiable, RequestTimeout, ServiceUnavailable, TooManyRequests, Unauthorized, UnavailableForLegalReasons, UpgradeRequired } from '../../../src';
import { ERROR_STATUSES } from '../../../src/core/status';
import type { ErrorLogEntry, ErrorStatus } from '../../../src';
import * as api from '../../../src';
import { construct } from '../../helpers/errors';
import { handing, throwing } from '../../helpers/app';

const noStore = (status: ErrorStatus) => status >= 500 || [408, 425, 429].includes(status);

describe('errorHandler: every status in both languages', () => {
  const cases = ERROR_STATUSES.flatMap((status) => (['en', 'ko'] as const).map((locale) => [status, locale] as const));

  it.each(cases)('%i answers with its status, headers and a %s problem body', async (status, locale) => {
    const res = await request(throwing(construct(status))).get('/boom').set('Accept-Language', locale);
    const entry = CATALOGS[locale].statuses[status];
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['content-language']).toBe(locale);
    expect(res.headers.vary).toBe('Accept-Language, Accept');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe(noStore(status) ? 'no-store' : undefined);
    expect(res.body).toEqual({ type: 'about:blank', title: entry.title, status, detail: entry.detail, instance: '/boom' });
  });
});

describe('errorHandler: the example of the issue', () => {
  it('answers GET /report in Korean with Retry-After and no-store', async () => {
    const app = express();
    app.get('/report', () => {
      throw new ServiceUnavailable(120);
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/report?x=1').set('Accept-Language', 'ko');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('120');
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['content-language']).toBe('ko');
    expect(res.headers.vary).toBe('Accept-Language, Accept');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toBe(
      JSON.stringify({ type: 'about:blank', title: CATALOGS.ko.statuses[503].title, status: 503, detail: CATALOGS.ko.statuses[503].detail, instance: '/report' }),
    );
  });

  it('shows the detail of a 4xx thrown from an async route', async () => {
    const app = express();
    // Express 4 needs asyncHandler for a rejected promise; on Express 5 it changes nothing.
    app.get('/users/:id', api.asyncHandler(async (req) => {
      throw new NotFound(`No user ${req.params.id}`);
    }));
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/users/42');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ title: 'Not Found', detail: 'No user 42', instance: '/users/42' });
  });

  it('sends Allow for MethodNotAllowed on any method', async () => {
    const app = express();
    app.all('/items', () => {
      throw new MethodNotAllowed(['GET', 'HEAD']);
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).delete('/items');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});

describe('errorHandler: header contracts', () => {
  it.each([
    ['503 carries Retry-After as delta-seconds', new ServiceUnavailable(120), 'retry-after', '120'],
    ['503 carries Retry-After as an HTTP-date for a Date', new ServiceUnavailable(new Date(Date.UTC(2030, 0, 2, 3, 4, 5))), 'retry-after', 'Wed, 02 Jan 2030 03:04:05 GMT'],
    ['429 carries Retry-After', new TooManyRequests(30), 'retry-after', '30'],
    ['413 carries Retry-After', new PayloadTooLarge(60), 'retry-after', '60'],
    ['405 carries Allow', new MethodNotAllowed(['GET', 'HEAD', 'PUT']), 'allow', 'GET, HEAD, PUT'],
    ['405 with no methods sends an empty Allow', new MethodNotAllowed([]), 'allow', ''],
    ['401 carries WWW-Authenticate with quoted params', new Unauthorized({ scheme: 'Bearer', realm: 'api', params: { error: 'invalid_token' } }), 'www-authenticate', 'Bearer realm="api", error="invalid_token"'],
    ['401 joins several challenges', new Unauthorized([{ scheme: 'Basic', realm: 'x' }, 'Bearer']), 'www-authenticate', 'Basic realm="x", Bearer'],
    ['407 carries Proxy-Authenticate', new ProxyAuthenticationRequired({ scheme: 'Basic', realm: 'proxy' }), 'proxy-authenticate', 'Basic realm="proxy"'],
    ['426 carries Upgrade', new UpgradeRequired(['HTTP/2.0']), 'upgrade', 'HTTP/2.0'],
    ['426 lists upgrade in Connection on HTTP/1.1', new UpgradeRequired('websocket'), 'connection', 'Upgrade'],
    ['416 carries Content-Range for the complete length', new RangeNotSatisfiable(47022), 'content-range', 'bytes */47022'],
    ['451 links to who blocked it', new UnavailableForLegalReasons('https://authority.example/order/1'), 'link', '<https://authority.example/order/1>; rel="blocked-by"'],
    ['408 closes the connection', new RequestTimeout(), 'connection', 'close'],
  ] as const)('%s', async (_name, error, header, value) => {
    const res = await request(throwing(error)).get('/boom');
    expect(res.status).toBe(error.status);
    expect(res.headers[header]).toBe(value);
  });

  it('sends neither Upgrade nor Connection on HTTP/2, which forbids connection-specific fields', async () => {
    const app = express();
    // Stands in for an HTTP/2 request: the handler decides on httpVersionMajor alone.
    app.use((req, _res, next) => {
      Object.defineProperty(req, 'httpVersionMajor', { value: 2 });
      next();
    });
    app.get('/boom', () => {
      throw new UpgradeRequired('h2c');
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(426);
    expect(res.headers.upgrade).toBeUndefined();
    expect(res.headers.connection).not.toBe('Upgrade');
  });

  it('still answers a clean 500 with nosniff when writing the response fails', async () => {
    const app = express();
    app.get('/boom', (_req, res) => {
      const setHeader = res.setHeader.bind(res);
      // A response whose Content-Language cannot be set: the last-resort path must answer.
      res.setHeader = ((name: string, value: string | number | readonly string[]) => {
        if (name === 'Content-Language') throw new Error('refused');
        return setHeader(name, value);
      }) as typeof res.setHeader;
      throw new NotFound();
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });

  it('sends no Retry-After when none was given', async () => {
    const res = await request(throwing(new ServiceUnavailable())).get('/boom');
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('sends the error own headers too', async () => {
    const res = await request(throwing(new NotFound({ headers: { 'X-Trace': 'abc' } }))).get('/boom');
    expect(res.headers['x-trace']).toBe('abc');
  });

  it('applies the headers of an http-errors error', async () => {
    const res = await request(throwing(createError(503, { headers: { 'Retry-After': '90' } }))).get('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('90');
  });
});

describe('errorHandler: what the client may see', () => {
  it('sends the thrower detail of a 4xx', async () => {
    const res = await request(throwing(new NotFound('No user 42'))).get('/boom').set('Accept-Language', 'ko');
    expect(res.body.detail).toBe('No user 42');
  });

  it('never sends the message of a 5xx; the localised description instead', async () => {
    const res = await request(throwing(new InternalServerError('password=hunter2 at db.internal'))).get('/boom').set('Accept-Language', 'ko');
    expect(res.status).toBe(500);
    expect(res.body.detail).toBe(CATALOGS.ko.statuses[500].detail);
    expect(res.text).not.toContain('hunter2');
  });

  it('sends a 5xx detail when the error sets expose: true', async () => {
    const res = await request(throwing(new ServiceUnavailable(60, { detail: 'Back at 10:00 UTC', expose: true }))).get('/boom');
    expect(res.body.detail).toBe('Back at 10:00 UTC');
  });

  it('answers a plain Error with a 500 and hides its message', async () => {
    const res = await request(throwing(new Error('secret connection string'))).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: CATALOGS.en.statuses[500].detail, instance: '/boom' });
    expect(res.text).not.toContain('secret');
  });

  it('shows an http-errors 4xx message and hides an http-errors 5xx message', async () => {
    const shown = await request(throwing(createError(404, 'No such page'))).get('/boom');
    const hidden = await request(throwing(createError(502, 'upstream 10.0.0.3 refused'))).get('/boom');
    expect(shown.body.detail).toBe('No such page');
    expect(hidden.status).toBe(502);
    expect(hidden.text).not.toContain('10.0.0.3');
  });

  it('localises an http-errors error that only carries its English reason phrase', async () => {
    const res = await request(throwing(createError(404))).get('/boom').set('Accept-Language', 'ko');
    expect(res.body.detail).toBe(CATALOGS.ko.statuses[404].detail);
  });

  it('maps a foreign error carrying status or statusCode', async () => {
    const withStatus = Object.assign(new Error('nope'), { status: 409 });
    const withStatusCode = Object.assign(new Error('nope'), { statusCode: 410 });
    expect((await request(throwing(withStatus)).get('/boom')).status).toBe(409);
    expect((await request(throwing(withStatusCode)).get('/boom')).status).toBe(410);
    // A foreign message is shown only when the error says expose: true.
    expect((await request(throwing(withStatus)).get('/boom')).body.detail).toBe(CATALOGS.en.statuses[409].detail);
  });

  it('adds extensions without letting them replace the standard members', async () => {
    const error = new NotFound('No user', { extensions: { userId: 42, status: 200, title: 'hijack', type: 'x', detail: 'y', instance: 'z' } });
    const res = await request(throwing(error)).get('/boom');
    expect(res.body).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No user', instance: '/boom', userId: 42 });
  });

  it('uses the error type and instance when given', async () => {
    const res = await request(throwing(new NotFound({ type: 'https://errors.example/no-user', instance: '/users/7' }))).get('/boom');
    expect(res.body.type).toBe('https://errors.example/no-user');
    expect(res.body.instance).toBe('/users/7');
  });
});

describe('errorHandler: debug', () => {
  const cause = new Error('connect ECONNREFUSED 10.1.2.3:5432');
  const error = new InternalServerError('query failed', { cause });

  it('adds the stack and the cause chain when debug is on', async () => {
    const res = await request(throwing(error, { debug: true })).get('/boom');
    expect(res.body.stack[0]).toBe('InternalServerError: query failed');
    expect(res.body.cause[0]).toMatchObject({ name: 'Error', message: 'connect ECONNREFUSED 10.1.2.3:5432' });
  });

  it('shows no stack, cause or message anywhere when debug is off', async () => {
    const res = await request(throwing(error, { debug: false })).get('/boom');
    expect(res.body.stack).toBeUndefined();
    expect(res.body.cause).toBeUndefined();
    expect(res.text).not.toMatch(/ECONNREFUSED|query failed|at .*\.ts/);
    expect(JSON.stringify(res.headers)).not.toMatch(/ECONNREFUSED|query failed/);
  });

  it('turns debug on by default only when NODE_ENV is development', async () => {
    const saved = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'development';
      const dev = await request(throwing(error)).get('/boom');
      process.env.NODE_ENV = 'production';
      const prod = await request(throwing(error)).get('/boom');
      expect(dev.body.stack).toBeDefined();
      expect(prod.body.stack).toBeUndefined();
    } finally {
      process.env.NODE_ENV = saved;
    }
  });

  it('survives a cause chain that loops', async () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    const res = await request(throwing(new InternalServerError({ cause: a }), { debug: true })).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.cause.map((c: { message: string }) => c.message)).toEqual(['a', 'b']);
  });
});

describe('errorHandler: HEAD and late errors', () => {
  it('answers HEAD with status and headers but no body', async () => {
    const app = express();
    app.head('/boom', () => {
      throw new ServiceUnavailable(5);
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).head('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.text).toBeUndefined();
  });

  it('logs an error that arrives after the response started and cuts the unfinished body', async () => {
    const entries: ErrorLogEntry[] = [];
    const seen: unknown[] = [];
    const error = new ServiceUnavailable();
    const app = express();
    app.get('/boom', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
      throw error;
    });
    app.use(errorHandler({ log: (entry) => entries.push(entry) }));
    app.use((err: unknown, _req: express.Request, _res: express.Response, next: express.NextFunction) => {
      seen.push(err);
      next(err);
    });
    await expect(request(app).get('/boom')).rejects.toThrow(/socket hang up|aborted|ECONNRESET/);
    expect(entries).toMatchObject([{ level: 'error', status: 200, method: 'GET', path: '/boom', error }]);
    // The value goes no further: no later handler (nor Express's) reads it.
    expect(seen).toEqual([]);
  });

  it('drops content headers a route set for the body it meant to send', async () => {
    const app = express();
    app.get('/boom', (_req, res) => {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('ETag', '"abc"');
      throw new NotFound();
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
    expect(res.body.status).toBe(404);
  });
});

describe('errorHandler: bad input never crashes or leaks', () => {
  const circular: Record<string, unknown> = { message: 'loop' };
  circular.self = circular;
  const internal = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: CATALOGS.en.statuses[500].detail, instance: '/boom' };

  it.each([
    ['a thrown string', 'database password leaked'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a plain object', { message: 'db down' }],
    ['a circular object', circular],
    ['an error with status 200', Object.assign(new Error('ok?'), { status: 200 })],
    ['an error with status 302', Object.assign(new Error('moved'), { status: 302 })],
    ['an error with status 999', Object.assign(new Error('huh'), { status: 999 })],
    ['an error with status -1', Object.assign(new Error('neg'), { status: -1 })],
    ['an error with status NaN', Object.assign(new Error('nan'), { status: Number.NaN })],
    ['a symbol', Symbol('s')],
    ['a function', () => 'x'],
    [
      'a proxy whose getters throw',
      new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
        },
      ),
    ],
  ])('answers %s with a clean 500', async (_name, value) => {
    const res = await request(handing(value)).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual(internal);
  });

  it('drops a header value with CR/LF and still answers', async () => {
    const error = new NotFound({ headers: { 'X-Evil': 'a\r\nSet-Cookie: pwned=1', 'X-Good': 'ok' } });
    const res = await request(throwing(error)).get('/boom');
    expect(res.status).toBe(404);
    expect(res.headers['x-evil']).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-good']).toBe('ok');
  });

  it('drops a non-ASCII header value and still answers', async () => {
    const res = await request(throwing(new Unauthorized({ scheme: 'Basic', realm: '관리자' }))).get('/boom');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('drops and logs invalid header names, CR/LF included, and still answers', async () => {
    const entries: ErrorLogEntry[] = [];
    const error = new NotFound({ headers: { '': 'x', 'Bad Name': 'y', 'X\r\nY': 'z', 'X-Good': 'ok' } });
    const res = await request(throwing(error, { log: (entry) => entries.push(entry) })).get('/boom');
    expect(res.status).toBe(404);
    expect(res.headers['x-good']).toBe('ok');
    expect(entries).toContainEqual(expect.objectContaining({ level: 'warn', droppedHeaders: ['', 'Bad Name', 'X\r\nY'] }));
  });

  it('does not let an error override the protected content headers', async () => {
    const error = new NotFound({ headers: { 'Content-Type': 'text/html', 'Content-Length': '1', 'Transfer-Encoding': 'chunked', 'Content-Language': 'fr' } });
    const res = await request(throwing(error)).get('/boom');
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(res.body.status).toBe(404);
  });

  it('writes valid JSON for circular or BigInt extensions without polluting prototypes', async () => {
    const loop: Record<string, unknown> = {};
    loop.loop = loop;
    const extensions = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    Object.assign(extensions, { big: 10n, loop, fn: () => 1 });
    const res = await request(throwing(new NotFound({ extensions }))).get('/boom');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, big: '10', loop: { loop: '[Circular]' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('logs refused headers as a warning', async () => {
    const entries: ErrorLogEntry[] = [];
    const res = await request(throwing(new NotFound({ headers: { 'X-Evil': 'a\nb' } }), { log: (entry) => entries.push(entry) })).get('/boom');
    expect(res.status).toBe(404);
    expect(entries).toEqual([expect.objectContaining({ level: 'warn', status: 404, droppedHeaders: ['X-Evil'] })]);
  });
});

describe('errorHandler: language', () => {
  it.each([
    ['ko-KR,ko;q=0.9,en;q=0.8', 'ko'],
    ['en;q=0.5, ko;q=0.9', 'ko'],
    ['fr-CH, fr;q=0.9, ko;q=0.1', 'fr'],
    ['it-CH, it;q=0.9, ko;q=0.1', 'ko'],
    ['*', 'en'],
    ['ko;q=0, *', 'en'],
    ['en;q=0, *', 'ko'],
    ['de', 'de'],
    ['it', 'en'],
    [';;;,,,=q', 'en'],
    ['\u00ff\u00fe garbage', 'en'],
  ])('Accept-Language "%s" answers in %s', async (header, locale) => {
    const res = await request(throwing(new NotFound())).get('/boom').set('Accept-Language', header);
    expect(res.headers['content-language']).toBe(locale);
    expect(res.body.title).toBe(CATALOGS[locale as keyof typeof CATALOGS].statuses[404].title);
  });

  it('answers in the default locale without Accept-Language', async () => {
    const res = await request(throwing(new NotFound(), { defaultLocale: 'ko' })).get('/boom');
    expect(res.headers['content-language']).toBe('ko');
  });

  it('appends Accept-Language to an existing Vary', async () => {
    const app = express();
    app.get('/boom', (_req, res) => {
      res.setHeader('Vary', 'Origin');
      throw new NotFound();
    });
    app.use(errorHandler({ log: false }));
    const res = await request(app).get('/boom');
    expect(res.headers.vary).toBe('Origin, Accept-Language, Accept');
  });

  it('refuses an unknown defaultLocale when it is created', () => {
    expect(() => errorHandler({ defaultLocale: 'xx' as 'en' })).toThrow(/defaultLocale "xx"/);
  });
});

describe('errorHandler: logging', () => {
  it('logs a 5xx with status, method, path and the error', async () => {
    const entries: ErrorLogEntry[] = [];
    const error = new Error('boom');
    await request(throwing(error, { log: (entry) => entries.push(entry) })).post('/boom?q=1');
    expect(entries).toEqual([{ level: 'error', status: 500, method: 'POST', path: '/boom', error }]);
  });

  it('does not log a 4xx', async () => {
    const entries: ErrorLogEntry[] = [];
    await request(throwing(new NotFound(), { log: (entry) => entries.push(entry) })).get('/boom');
    expect(entries).toEqual([]);
  });

  it('calls error() on a logger object', async () => {
    const logger = { error: jest.fn(), warn: jest.fn() };
    await request(throwing(new Error('x'), { log: logger })).get('/boom');
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ status: 500, method: 'GET', path: '/boom' }), '500 GET /boom');
  });

  it('still answers when the logger throws', async () => {
    const res = await request(
      throwing(new Error('x'), {
        log: () => {
          throw new Error('logger down');
        },
      }),
    ).get('/boom');
    expect(res.status).toBe(500);
  });
});

describe('errorHandler: messages and itemised errors', () => {
  it('falls back to the default description when a message has no text', async () => {
    const res = await request(throwing(new api.NotFound({ detail: api.message('no.such.key') }))).get('/boom');
    expect(res.body.detail).toBe(CATALOGS.en.statuses[404].detail);
    expect(res.text).not.toContain('no.such.key');
  });

  it('sends itemised errors of an exposed error as the errors member', async () => {
    const error = new api.UnprocessableContent({ errors: [{ pointer: '/email', detail: 'must be an email' }] });
    const res = await request(throwing(error)).get('/boom');
    expect(res.body.errors).toEqual([{ pointer: '/email', detail: 'must be an email' }]);
  });

  it('never sends itemised errors of a 5xx', async () => {
    const res = await request(throwing(new InternalServerError({ errors: [{ detail: 'db host 10.0.0.1' }] }))).get('/boom');
    expect(res.body.errors).toBeUndefined();
  });
});
