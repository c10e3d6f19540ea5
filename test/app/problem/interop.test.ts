import Boom from '@hapi/boom';
import express from 'express';
import createError from 'http-errors';
import request from 'supertest';
import { BadRequest, CATALOGS, Conflict, errorHandler, InternalServerError, NotFound, ServiceUnavailable } from '../../../src';
import type { ErrorLogEntry, ErrorMapper } from '../../../src';
import { handing, throwing } from '../../helpers/app';

const en = CATALOGS.en;
const ko = CATALOGS.ko;

/** An app that parses bodies with `parser` and answers with our handler. */
function parsing(parser: express.RequestHandler): express.Express {
  const app = express();
  app.post('/body', parser, (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler({ log: false }));
  return app;
}

describe('interop: body-parser', () => {
  it('answers a malformed JSON body with 400 and a localised detail, never the parser message', async () => {
    const res = await request(parsing(express.json())).post('/body').set('Content-Type', 'application/json').set('Accept-Language', 'ko').send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(ko.phrases.bodyParseFailed);
    expect(res.text).not.toMatch(/Unexpected|JSON\.parse|position/);
  });

  it('answers a body over the limit with 413 and the limit in the detail', async () => {
    const res = await request(parsing(express.json({ limit: 10 }))).post('/body').set('Content-Type', 'application/json').send('{"name":"a long enough value"}');
    expect(res.status).toBe(413);
    expect(res.body.detail).toBe('The request body is larger than the limit of 10 bytes.');
  });

  it.each([
    ['en', 'The request body is larger than the limit of 102,400 bytes.'],
    ['fr', 'Le corps de la requête dépasse la limite de 102\u202f400 octets.'],
    ['de', 'Der Anfrageinhalt überschreitet die Grenze von 102.400 Bytes.'],
    ['ko', '요청 본문이 허용 한도인 102,400바이트보다 큽니다.'],
    ['ja', 'リクエスト本文が上限の 102,400 バイトを超えています。'],
  ])('groups the default 100 kB limit and pluralises its bytes in %s', async (locale, detail) => {
    const res = await request(parsing(express.json())).post('/body').set('Content-Type', 'application/json').set('Accept-Language', locale).send(`{"a":"${'x'.repeat(110_000)}"}`);
    expect(res.status).toBe(413);
    expect(res.body.detail).toBe(detail);
  });

  it('says "1 byte" for a limit of one byte', async () => {
    const res = await request(parsing(express.json({ limit: 1 }))).post('/body').set('Content-Type', 'application/json').send('{"a":1}');
    expect(res.body.detail).toBe('The request body is larger than the limit of 1 byte.');
  });

  it('answers an unsupported charset with 415 and names the charset', async () => {
    const res = await request(parsing(express.json())).post('/body').set('Content-Type', 'application/json; charset=klingon').send('{}');
    expect(res.status).toBe(415);
    expect(res.body.detail).toBe('The charset "klingon" of the request body is not supported.');
  });

  it('answers an unsupported content encoding with 415 and names the encoding', async () => {
    const res = await request(parsing(express.json())).post('/body').set('Content-Type', 'application/json').set('Content-Encoding', 'x-zip').send('{}');
    expect(res.status).toBe(415);
    expect(res.body.detail).toBe('The content encoding "x-zip" of the request body is not supported.');
  });

  it('answers too many urlencoded parameters with 413', async () => {
    const res = await request(parsing(express.urlencoded({ extended: false, parameterLimit: 2 }))).post('/body').type('form').send('a=1&b=2&c=3');
    expect(res.status).toBe(413);
    expect(res.body.detail).toBe(en.phrases.bodyTooManyParameters);
  });

  it.each([
    ['entity.parse.failed', 400, 'Unexpected token } in JSON at position 7', en.phrases.bodyParseFailed],
    ['request.aborted', 400, 'request aborted', en.phrases.bodyAborted],
    ['request.size.invalid', 400, 'request size did not match content length', en.phrases.bodySizeInvalid],
    ['parameters.too.many', 413, 'too many parameters', en.phrases.bodyTooManyParameters],
    ['querystring.parse.rangeError', 400, 'The input exceeded the depth', en.phrases.bodyTooDeep],
    ['stream.encoding.set', 500, 'stream encoding should not be set', en.statuses[500].detail],
    ['stream.not.readable', 500, 'stream is not readable', en.statuses[500].detail],
  ] as const)('maps type %s to %i with its own detail', async (type, status, raw, detail) => {
    const res = await request(throwing(createError(status, raw, { type }))).post('/boom');
    expect(res.status).toBe(status);
    expect(res.body.detail).toBe(detail);
    expect(res.text).not.toContain(raw);
  });

  it('falls back to the status description when the charset is not safe to show', async () => {
    const res = await request(throwing(createError(415, 'x', { type: 'charset.unsupported', charset: '"><script>' }))).post('/boom');
    expect(res.status).toBe(415);
    expect(res.body.detail).toBe(en.statuses[415].detail);
  });

  it('does not treat a plain object with a body-parser type as a body-parser error', async () => {
    const res = await request(handing({ type: 'entity.parse.failed', message: 'x' })).post('/boom');
    expect(res.status).toBe(500);
  });
});

describe('interop: http-errors', () => {
  it('sends a 5xx message when the error says expose: true', async () => {
    const res = await request(throwing(createError(503, 'Back at noon', { expose: true }))).get('/boom');
    expect(res.status).toBe(503);
    expect(res.body.detail).toBe('Back at noon');
  });

  it('reads a status given as a numeric string', async () => {
    const res = await request(handing(Object.assign(new Error('x'), { status: '404' }))).get('/boom');
    expect(res.status).toBe(404);
  });
});

describe('interop: Boom', () => {
  it('applies the status, message and WWW-Authenticate of a Boom 401', async () => {
    const res = await request(throwing(Boom.unauthorized('Token expired', 'Bearer', { realm: 'api' }))).get('/boom');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api", error="Token expired"');
    expect(res.body).toMatchObject({ title: 'Unauthorized', status: 401, detail: 'Token expired' });
  });

  it('applies the Retry-After of a Boom 429 and localises its reason phrase', async () => {
    const error = Boom.tooManyRequests();
    error.output.headers['Retry-After'] = '30';
    const res = await request(throwing(error)).get('/boom').set('Accept-Language', 'ko');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body.detail).toBe(ko.statuses[429].detail);
  });

  it('hides the message of a Boom 5xx', async () => {
    const res = await request(throwing(Boom.badImplementation('db at 10.0.0.7 down'))).get('/boom');
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('10.0.0.7');
  });
});

describe('interop: NestJS-style getStatus()', () => {
  class HttpException extends Error {
    constructor(
      message: string,
      private readonly code: number,
    ) {
      super(message);
    }
    getStatus(): number {
      return this.code;
    }
  }

  it('shows the 4xx message of an exception that also keeps its status in a status field, as NestJS does', async () => {
    class NestLikeException extends Error {
      constructor(
        message: string,
        readonly status: number,
      ) {
        super(message);
      }
      getStatus(): number {
        return this.status;
      }
    }
    const res = await request(throwing(new NestLikeException('Cart is empty', 409))).get('/boom');
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('Cart is empty');
  });

  it('answers with the status getStatus() returns and shows a 4xx message', async () => {
    const res = await request(throwing(new HttpException('Cart is empty', 409))).get('/boom');
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('Cart is empty');
  });

  it('answers 500 when getStatus() returns something outside 400..599 or throws', async () => {
    const outside = await request(throwing(new HttpException('weird', 302))).get('/boom');
    const throwing500 = Object.assign(new Error('x'), {
      getStatus() {
        throw new Error('trap');
      },
    });
    const thrown = await request(throwing(throwing500)).get('/boom');
    expect(outside.status).toBe(500);
    expect(thrown.status).toBe(500);
  });
});

describe('interop: AggregateError and arrays', () => {
  it('answers with the highest status, its headers, and lists every item with 5xx masked', async () => {
    const error = new AggregateError([new NotFound('No user 7'), new ServiceUnavailable(30, { detail: 'replica 10.0.0.9 lagging' }), new Error('secret')], 'several');
    const res = await request(throwing(error)).get('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body.detail).toBe(en.statuses[503].detail);
    expect(res.body.errors).toEqual([
      { status: 404, title: 'Not Found', detail: 'No user 7' },
      { status: 503, title: 'Service Unavailable', detail: en.statuses[503].detail },
      { status: 500, title: 'Internal Server Error', detail: en.statuses[500].detail },
    ]);
    expect(res.text).not.toMatch(/10\.0\.0\.9|secret|several/);
  });

  it('answers a thrown array of 4xx with the highest 4xx, in the client language', async () => {
    const res = await request(handing([new BadRequest('Bad date'), new Conflict()])).get('/boom').set('Accept-Language', 'ko');
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([
      { status: 400, title: ko.statuses[400].title, detail: 'Bad date' },
      { status: 409, title: ko.statuses[409].title, detail: ko.statuses[409].detail },
    ]);
  });

  it('answers an empty AggregateError with a 500 and an empty list', async () => {
    const res = await request(throwing(new AggregateError([]))).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body.errors).toEqual([]);
  });

  it('lists at most 100 items of a huge aggregate', async () => {
    const res = await request(handing(Array.from({ length: 5000 }, () => new NotFound()))).get('/boom');
    expect(res.status).toBe(404);
    expect(res.body.errors).toHaveLength(100);
  });
});

describe('interop: map', () => {
  class RecordNotFound extends Error {}
  const toNotFound: ErrorMapper = (error) => (error instanceof RecordNotFound ? new NotFound({ detail: 'No such record', cause: error }) : undefined);

  it('answers with what a mapper returns', async () => {
    const res = await request(throwing(new RecordNotFound('row 7'), { map: toNotFound })).get('/boom');
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('No such record');
  });

  it('tries an array of mappers in order, skipping one that throws or returns undefined', async () => {
    const calls: string[] = [];
    const map: ErrorMapper[] = [
      () => {
        calls.push('broken');
        throw new Error('mapper bug');
      },
      () => {
        calls.push('none');
        return undefined;
      },
      (error) => {
        calls.push('toNotFound');
        return toNotFound(error);
      },
      () => {
        calls.push('never');
        return new Conflict();
      },
    ];
    const res = await request(throwing(new RecordNotFound(), { map })).get('/boom');
    expect(res.status).toBe(404);
    expect(calls).toEqual(['broken', 'none', 'toNotFound']);
  });

  it('leaves errors no mapper knows to the defaults', async () => {
    const res = await request(throwing(new NotFound('kept'), { map: toNotFound })).get('/boom');
    expect(res.body.detail).toBe('kept');
  });

  it('logs the error as it was thrown, not the mapped one', async () => {
    const entries: ErrorLogEntry[] = [];
    const original = new Error('db down');
    await request(throwing(original, { map: () => new InternalServerError({ cause: original }), log: (entry) => entries.push(entry) })).get('/boom');
    expect(entries).toEqual([expect.objectContaining({ level: 'error', status: 500, error: original })]);
  });
});

describe('interop: cause', () => {
  const foreign = Object.freeze(Object.assign(new Error('connect ECONNREFUSED 10.9.9.9:5432'), { code: 'ECONNREFUSED' }));
  const snapshot = { message: foreign.message, code: foreign.code, keys: Object.keys(foreign), stack: foreign.stack };

  it('wraps a frozen foreign error without changing it', () => {
    const error = new ServiceUnavailable(10, { cause: foreign });
    expect(error.cause).toBe(foreign);
    expect({ message: foreign.message, code: foreign.code, keys: Object.keys(foreign), stack: foreign.stack }).toEqual(snapshot);
  });

  it('shows the cause chain in debug mode only', async () => {
    const error = new ServiceUnavailable(10, { cause: foreign });
    const debug = await request(throwing(error, { debug: true })).get('/boom');
    const production = await request(throwing(error, { debug: false })).get('/boom');
    expect(debug.body.cause).toEqual([expect.objectContaining({ name: 'Error', message: 'connect ECONNREFUSED 10.9.9.9:5432' })]);
    expect(production.body.cause).toBeUndefined();
    expect(production.text).not.toContain('ECONNREFUSED');
  });
});

describe('CORS', () => {
  function cors(error: unknown, expose?: string): express.Express {
    const app = express();
    app.get('/boom', (_req, res) => {
      res.setHeader('Access-Control-Allow-Origin', 'https://app.example');
      if (expose !== undefined) res.setHeader('Access-Control-Expose-Headers', expose);
      throw error;
    });
    app.use(errorHandler({ log: false }));
    return app;
  }

  it('exposes the status headers of a CORS response, not the safelisted ones', async () => {
    const res = await request(cors(new ServiceUnavailable(120))).get('/boom');
    expect(res.headers['retry-after']).toBe('120');
    expect(res.headers['access-control-expose-headers']).toBe('Retry-After');
  });

  it('appends to an existing Access-Control-Expose-Headers without repeating a name', async () => {
    const res = await request(cors(new NotFound({ headers: { 'X-Trace': 'a', 'x-request-id': 'b' } }), 'X-Request-Id')).get('/boom');
    expect(res.headers['access-control-expose-headers']).toBe('X-Request-Id, X-Trace');
  });

  it('adds no Access-Control-Expose-Headers without Access-Control-Allow-Origin', async () => {
    const res = await request(throwing(new ServiceUnavailable(120))).get('/boom');
    expect(res.headers['access-control-expose-headers']).toBeUndefined();
  });
});

describe('interop: nested aggregates', () => {
  it('reads an aggregate inside an aggregate and answers a self-containing array quickly', async () => {
    const nested = await request(handing([[new NotFound()], new Conflict()])).get('/boom');
    const self: unknown[] = [];
    for (let i = 0; i < 100; i++) self.push(self);
    const started = Date.now();
    const looping = await request(handing(self)).get('/boom');
    expect(nested.status).toBe(409);
    expect(nested.body.errors.map((item: { status: number }) => item.status)).toEqual([404, 409]);
    expect(looping.status).toBe(500);
    expect(looping.body.errors).toHaveLength(100);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
