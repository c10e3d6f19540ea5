import express from 'express';
import createError from 'http-errors';
import request from 'supertest';
import { errorHandler, MethodNotAllowed, NotFound, NotImplemented, StrictViolationError } from '../../../src';
import type { HeaderContract } from '../../../src';
import { CONTRACTS } from '../../../src/core/headers';
import { ERROR_STATUSES, STATUSES } from '../../../src/core/status';
import type { ErrorHandlerOptions, ErrorLogEntry } from '../../../src';
import { checkResponse } from '../../../src/handler/strict';
import { construct } from '../../helpers/errors';
import { throwing } from '../../helpers/app';

/** Sends `value` through a handler with strict on, and returns the response and the violations logged. */
async function violationsOf(value: unknown, method: 'get' | 'head' | 'post' = 'post', options: ErrorHandlerOptions = {}) {
  const entries: ErrorLogEntry[] = [];
  const res = await request(throwing(value, { strict: true, log: (entry) => entries.push(entry), ...options }))[method]('/boom');
  return { res, violations: entries.flatMap((entry) => entry.violations ?? []), entries };
}

const REQUIRED: ReadonlyArray<readonly [number, string]> = [
  [401, 'WWW-Authenticate'],
  [405, 'Allow'],
  [407, 'Proxy-Authenticate'],
  [416, 'Content-Range'],
  [426, 'Upgrade'],
];

describe('strict: headers the RFCs require', () => {
  it('covers exactly the statuses whose header contract the spec marks as required', () => {
    const marked = ERROR_STATUSES.filter((status) => {
      const header: HeaderContract | undefined = (STATUSES[status] as { header?: HeaderContract }).header;
      return header !== undefined && CONTRACTS[header].required;
    });
    expect(REQUIRED.map(([status]) => status)).toEqual(marked);
  });

  it.each(REQUIRED)('reports an http-errors %i without %s, and still sends it', async (status, header) => {
    const { res, violations, entries } = await violationsOf(createError(status));
    expect(res.status).toBe(status);
    expect(violations).toEqual([{ rule: 'missing-header', message: `${status} is sent without the ${header} header its RFC requires` }]);
    expect(entries.find((entry) => entry.violations !== undefined)).toMatchObject({ level: 'warn', status, method: 'POST', path: '/boom' });
  });

  it.each(REQUIRED)('accepts our %i, which carries %s', async (status) => {
    expect((await violationsOf(construct(status))).violations).toEqual([]);
  });

  it('accepts a header the route set before passing the error on', async () => {
    const entries: ErrorLogEntry[] = [];
    const app = express();
    app.post('/items', (_req, res, next) => {
      res.set('Allow', 'GET');
      next(createError(405));
    });
    app.use(errorHandler({ strict: true, log: (entry) => entries.push(entry) }));
    const res = await request(app).post('/items');
    expect(res.headers.allow).toBe('GET');
    expect(entries).toEqual([]);
  });

  it('does not count a Content-Range the route set for its own body', async () => {
    const entries: ErrorLogEntry[] = [];
    const app = express();
    app.post('/file', (_req, res, next) => {
      res.set('Content-Range', 'bytes 0-9/100');
      next(createError(416));
    });
    app.use(errorHandler({ strict: true, log: (entry) => entries.push(entry) }));
    await request(app).post('/file');
    expect(entries.flatMap((entry) => entry.violations ?? []).map((violation) => violation.rule)).toEqual(['missing-header']);
  });
});

describe('strict: the other rules', () => {
  it.each([
    [405, 'get'],
    [405, 'head'],
    [501, 'get'],
    [501, 'head'],
  ] as const)('reports %i answered to %s', async (status, method) => {
    const error = status === 405 ? new MethodNotAllowed(['POST']) : new NotImplemented();
    const { violations } = await violationsOf(error, method);
    expect(violations).toEqual([{ rule: 'method-status', message: `${status} is sent to ${method.toUpperCase()}, which every server must support` }]);
  });

  it('reports a type that is not a URI reference', async () => {
    const { violations } = await violationsOf(new NotFound({ type: 'no such type' }));
    expect(violations).toEqual([{ rule: 'type-not-uri', message: 'type "no such type" is not a URI reference' }]);
  });

  it('reports extension names RFC 9457 advises against, and only those', async () => {
    const { res, violations } = await violationsOf(new NotFound({ extensions: { ab: 1, 'trace-id': 'x', _private: 2, requestId: 'r', retry_count: 3 } }));
    expect(res.body).toMatchObject({ ab: 1, 'trace-id': 'x', requestId: 'r' });
    expect(violations.map((violation) => violation.message)).toEqual([
      'extension member "ab" should match ^[A-Za-z][A-Za-z0-9_]{2,}$ (RFC 9457 §3.2)',
      'extension member "trace-id" should match ^[A-Za-z][A-Za-z0-9_]{2,}$ (RFC 9457 §3.2)',
      'extension member "_private" should match ^[A-Za-z][A-Za-z0-9_]{2,}$ (RFC 9457 §3.2)',
    ]);
  });

  it('reports a body whose status differs from the response', () => {
    const body = { type: 'about:blank', title: 'Not Found', status: 410, detail: 'x' };
    expect(checkResponse({ method: 'POST', status: 404, header: () => undefined, body })).toEqual([{ rule: 'status-mismatch', message: 'the body says status 410 but the response is 404' }]);
    expect(checkResponse({ method: 'POST', status: 404, header: () => undefined, body: { ...body, status: 404 } })).toEqual([]);
  });

  it('reports a custom HTML renderer that changes the status of the document it renders', async () => {
    const { res, violations } = await violationsOf(new NotFound(), 'post', {
      formats: ['html'],
      renderHtml: (problem) => {
        (problem as { status: number }).status = 200;
        return '<!doctype html><title>ok</title>';
      },
    });
    expect(res.status).toBe(404);
    expect(violations).toEqual([{ rule: 'status-mismatch', message: 'the body says status 200 but the response is 404' }]);
  });

  it('reports a response whose status a wrapper keeps from being set', async () => {
    const entries: ErrorLogEntry[] = [];
    const app = express();
    app.use((_req, res, next) => {
      // What a wrapper that pins the status (say, to 200) would do.
      Object.defineProperty(res, 'statusCode', { get: () => 200, set: () => undefined, configurable: true });
      next();
    });
    app.post('/boom', () => {
      throw new NotFound();
    });
    app.use(errorHandler({ strict: true, log: (entry) => entries.push(entry) }));
    const res = await request(app).post('/boom');
    expect(res.status).toBe(200);
    expect(entries.flatMap((entry) => entry.violations ?? [])).toEqual([{ rule: 'status-mismatch', message: 'the body says status 404 but the response is 200' }]);
  });

  it.each(ERROR_STATUSES)('finds nothing wrong with our %i sent to POST', async (status) => {
    expect((await violationsOf(construct(status))).violations).toEqual([]);
  });
});

describe('strict: modes and defaults', () => {
  it("throws a StrictViolationError in 'throw' mode, which the next error handler receives", async () => {
    let caught: unknown;
    const original = createError(405);
    const app = express();
    app.post('/boom', () => {
      throw original;
    });
    app.use(errorHandler({ strict: 'throw', log: false }));
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      caught = error;
      res.status(500).send('strict');
    });
    const res = await request(app).post('/boom');
    expect(res.status).toBe(500);
    expect(res.text).toBe('strict');
    expect(caught).toBeInstanceOf(StrictViolationError);
    expect((caught as StrictViolationError).violations.map((violation) => violation.rule)).toEqual(['missing-header']);
    expect((caught as Error).message).toBe('errorHandler strict mode: 405 is sent without the Allow header its RFC requires');
    expect((caught as Error).cause).toBe(original);
  });

  it("lets Express answer 500 in 'throw' mode when nothing follows, and the process goes on", async () => {
    const res = await request(throwing(createError(401), { strict: 'throw' })).post('/boom');
    expect(res.status).toBe(500);
    expect(res.text).toContain('StrictViolationError');
  });

  it("sends a correct response as usual in 'throw' mode", async () => {
    const res = await request(throwing(new NotFound(), { strict: 'throw' })).get('/boom');
    expect(res.status).toBe(404);
  });

  it('checks nothing with strict: false', async () => {
    expect((await violationsOf(createError(405), 'get', { strict: false })).violations).toEqual([]);
  });

  it('is on by default under NODE_ENV=test and off under production', async () => {
    const onEntries: ErrorLogEntry[] = [];
    await request(throwing(createError(405), { log: (entry) => onEntries.push(entry) })).post('/boom');
    expect(onEntries).toHaveLength(1);
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const offEntries: ErrorLogEntry[] = [];
    try {
      const app = throwing(createError(405), { log: (entry) => offEntries.push(entry) });
      process.env.NODE_ENV = saved;
      await request(app).post('/boom');
    } finally {
      process.env.NODE_ENV = saved;
    }
    expect(offEntries).toEqual([]);
  });

  it('calls warn() with the violations on a logger object', async () => {
    const logger = { error: jest.fn(), warn: jest.fn() };
    await request(throwing(createError(405), { strict: true, log: logger })).post('/boom');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ status: 405, violations: [expect.objectContaining({ rule: 'missing-header' })] }),
      '405 POST /boom',
    );
  });
});
