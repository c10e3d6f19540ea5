/**
 * Micro benchmarks (mitata): constructing errors, negotiating a language, serialising a
 * problem body. Each case reports nanoseconds per operation (median of mitata's samples).
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import Boom from '@hapi/boom';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import createError from 'http-errors';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { CATALOGS, LOCALES, NotFound, ServiceUnavailable, errorHandler, notFound, throws } from '../src';
import type { ErrorHandlerOptions } from '../src';
import { message } from '../src/core/message';
import { createLocalization } from '../src/i18n/localize';
import { createLanguageNegotiator } from '../src/i18n/negotiate';
import { createRetryDescriber } from '../src/render/retry-text';
import { serializeProblem } from '../src/problem/json';
import { toProblem } from '../src/problem/problem';
import { normalizeError } from '../src/problem/normalize';
import { MulterError } from 'multer';
import { READERS } from '../src/problem/interop';
import type { InteropOption } from '../src/problem/interop';
import { serializeProblemFor } from '../src/problem/json';
import { addRoutes } from '../examples/unmatched';
import { errorTypeOf } from '../src/handler/on-error';
import { loadTracing } from '../src/handler/opentelemetry';
import { routeOf } from '../src/handler/route';

/** One micro case's timing. */
export interface MicroResult {
  readonly group: string;
  readonly name: string;
  /** Median nanoseconds per operation. */
  readonly p50: number;
  readonly avg: number;
}

interface Case {
  readonly group: string;
  readonly name: string;
  /** Builds the measured function, with its data, right before it runs. */
  readonly make: () => () => unknown;
}

// 1,000 distinct hostile values: more than the negotiator's cache holds, so every call parses.
function distinct(make: (i: number) => string): () => string {
  const values = Array.from({ length: 1000 }, (_, i) => make(i));
  let next = 0;
  return () => values[(next = (next + 1) % values.length)] as string;
}

// A request as Express hands it to the error handler; the response is a real one with no socket
// (its bytes stay in memory), so a case measures everything the handler does but the syscall.
function fakeRequest(path: string, acceptLanguage: string): Request {
  const req = new IncomingMessage(new Socket()) as Request;
  req.method = 'GET';
  req.url = path;
  req.originalUrl = path;
  req.headers = { 'accept-language': acceptLanguage };
  return req;
}

// Every built-in reader turned off.
const NO_READERS = Object.fromEntries(READERS.map((reader) => [reader.name, false])) as InteropOption;

// A middleware called as Express calls it, with a request and response it does not read.
function passing(middleware: (req: Request, res: Response, next: NextFunction) => void): () => unknown {
  const req = fakeRequest('/users/42', 'en');
  const res = new ServerResponse(req) as unknown as Response;
  let calls = 0;
  const next: NextFunction = () => {
    calls += 1;
  };
  return () => {
    middleware(req, res, next);
    return calls;
  };
}

// Strict mode finds the route's declaration in an app with a few routes: what it adds per error.
function strictDeclared(): () => unknown {
  const app = express();
  app.get('/health', (_req, res) => res.end());
  app.get('/users/:id', throws(NotFound), (_req, res) => res.end());
  const handle = errorHandler({ log: false, strict: true });
  const error = new NotFound('No user 42');
  const req = fakeRequest('/users/42', 'en');
  (req as unknown as { app: unknown }).app = app;
  const next: NextFunction = () => undefined;
  return () => {
    const res = new ServerResponse(req) as unknown as Response;
    handle(error, req, res, next);
    return res;
  };
}

function responding(error: unknown, req: Request, options: ErrorHandlerOptions = {}): () => unknown {
  const handle = errorHandler({ log: false, ...options });
  const next: NextFunction = () => undefined;
  return () => {
    const res = new ServerResponse(req) as unknown as Response;
    handle(error, req, res, next);
    return res;
  };
}

/**
 * A request as it reaches the error handler from `GET /api/users/:id`, a route of a router
 * mounted at `/api/users`: `req.app` and `req.route` are the real ones, as Express leaves them.
 */
function routedRequest(twice = false): Request {
  const app = express();
  const users = express.Router();
  users.get('/:id', () => undefined);
  app.use('/api/users', users);
  // Mounted again, the route's pattern depends on the path: each lookup walks it.
  if (twice) app.use('/v2/users', users);
  const req = fakeRequest('/api/users/42', 'en-US,en;q=0.9');
  (req as { app: unknown }).app = app;
  (req as { route: unknown }).route = (users.stack[0] as unknown as { route: unknown }).route;
  return req;
}

/**
 * One `notFound()` decision (or its OPTIONS companion's) for a request whose path shape is
 * already cached, as every request after the first of its shape is: the error is built, the
 * response stub only records the OPTIONS answer. The app is examples/unmatched.ts's.
 */
function unmatchedDecision(method: string, path: string, part: 'notFound' | 'options'): () => () => unknown {
  return () => {
    const unmatched = notFound();
    const app = express();
    addRoutes(app, unmatched.answerOptions);
    app.use(unmatched);
    const req = fakeRequest(path, 'en');
    req.method = method;
    (req as { app: unknown }).app = app;
    const res = { statusCode: 200, setHeader: () => res, end: () => res } as unknown as Response;
    let raised: unknown;
    const next: NextFunction = (error?: unknown) => {
      raised = error;
    };
    const handle = part === 'options' ? unmatched.answerOptions : unmatched;
    handle(req, res, next); // the first request reads the app and fills the cache
    return () => {
      handle(req, res, next);
      return raised;
    };
  };
}

/** One built-in phrase rendered in French, as `errorHandler()` renders a thrown `message()`. */
function localised(reference: ReturnType<typeof message>): () => () => unknown {
  return () => {
    const context = createLocalization().select(fakeRequest('/users', 'fr-FR,fr;q=0.9'));
    return () => context.resolve(reference);
  };
}

function cases(): Case[] {
  const language = (): ReturnType<typeof createLanguageNegotiator> => createLanguageNegotiator(LOCALES, 'en');
  // Each case gets its own negotiator (an empty cache) and builds its values when it runs.
  const cold = (make: (i: number) => string) => (): (() => unknown) => {
    const negotiate = language();
    const next = distinct(make);
    return () => negotiate(next());
  };
  // Distinct within the head the negotiator reads (its first 256 characters), so each one is new to it.
  const letters = (i: number): string => String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + (Math.floor(i / 676) % 26));
  const catalog = CATALOGS.en;
  const error503 = new ServiceUnavailable(120);
  const error404 = new NotFound('No user 42');
  const body503 = toProblem(error503, { catalog, instance: '/report' }).body;
  const body404 = toProblem(error404, { catalog, instance: '/users/42' }).body;
  const en = fakeRequest('/report', 'en-US,en;q=0.9');
  const ko = fakeRequest('/report', 'ko-KR,ko;q=0.9,en-US;q=0.8');
  const filter = process.env.BENCH_MICRO_FILTER === undefined ? undefined : new RegExp(process.env.BENCH_MICRO_FILTER, 'i');
  const all: Case[] = [
    { group: 'construct', name: 'new Error(message)', make: () => () => new Error('Service Unavailable') },
    { group: 'construct', name: 'new ServiceUnavailable(120)', make: () => () => new ServiceUnavailable(120) },
    { group: 'construct', name: "new NotFound('No user 42')", make: () => () => new NotFound('No user 42') },
    { group: 'construct', name: "new NotFound('No user 42', { captureStack: true }): with a stack", make: () => () => new NotFound('No user 42', { captureStack: true }) },
    { group: 'construct', name: 'createError(503) (http-errors)', make: () => () => createError(503) },
    { group: 'construct', name: "createError(404, 'No user 42') (http-errors)", make: () => () => createError(404, 'No user 42') },
    { group: 'construct', name: 'Boom.serverUnavailable()', make: () => () => Boom.serverUnavailable() },
    { group: 'construct', name: "Boom.notFound('No user 42')", make: () => () => Boom.notFound('No user 42') },
    { group: 'negotiate', name: "'en-US,en;q=0.9' (cached)", make: () => { const negotiate = language(); return () => negotiate('en-US,en;q=0.9'); } },
    { group: 'negotiate', name: "'ko-KR,ko;q=0.9,en-US;q=0.8' (cached)", make: () => { const negotiate = language(); return () => negotiate('ko-KR,ko;q=0.9,en-US;q=0.8'); } },
    { group: 'negotiate', name: 'typical, 1,000 distinct values (cache misses)', make: cold((i) => `fr-CA,fr;q=0.9,ko;q=0.8,en;q=0.${String(i).padStart(3, '0')}`) },
    { group: 'negotiate', name: 'hostile: 20 kB value (cache misses)', make: cold((i) => `${letters(i)}-${'x-'.repeat(10_000)}${i}`) },
    { group: 'negotiate', name: 'hostile: 200 ranges (cache misses)', make: cold((i) => Array.from({ length: 200 }, (_, j) => `l${(i + j) % 997}-r${j};q=0.${(j % 9) + 1}`).join(',')) },
    { group: 'negotiate', name: 'hostile: malformed (cache misses)', make: cold((i) => `;;;q=,=,${i}\u0000\u00ff,,,*;q=abc`) },
    { group: 'serialise', name: 'toProblem(ServiceUnavailable)', make: () => () => toProblem(error503, { catalog, instance: '/report' }) },
    { group: 'serialise', name: 'toProblem(NotFound)', make: () => () => toProblem(error404, { catalog, instance: '/users/42' }) },
    { group: 'serialise', name: 'serializeProblem(503 body): JSON.stringify', make: () => () => serializeProblem(body503) },
    { group: 'serialise', name: 'serializeProblemFor(503 body, en): prepared, as errorHandler() does', make: () => () => serializeProblemFor(body503, catalog) },
    { group: 'serialise', name: 'serializeProblem(404 body with detail): JSON.stringify', make: () => () => serializeProblem(body404) },
    { group: 'serialise', name: 'serializeProblemFor(404 body with detail, en): prepared', make: () => () => serializeProblemFor(body404, catalog) },
    // What recognising foreign errors costs a value that is none of them: every reader vs none.
    { group: 'interop', name: 'normalizeError(new Error()): all readers', make: () => { const error = new Error('boom'); return () => normalizeError(error); } },
    { group: 'interop', name: 'normalizeError(new Error()): no reader', make: () => { const error = new Error('boom'); return () => normalizeError(error, []); } },
    { group: 'interop', name: "normalizeError(NotFound): all readers (ours skip them)", make: () => () => normalizeError(error404) },
    { group: 'interop', name: 'normalizeError(NotFound): no reader', make: () => () => normalizeError(error404, []) },
    { group: 'interop', name: 'errorHandler(): new Error(), all readers', make: () => responding(new Error('boom'), en) },
    { group: 'interop', name: 'errorHandler(): new Error(), interop all off', make: () => responding(new Error('boom'), en, { interop: NO_READERS }) },
    { group: 'interop', name: 'errorHandler(): NotFound, all readers', make: () => responding(error404, en) },
    { group: 'interop', name: 'errorHandler(): NotFound, interop all off', make: () => responding(error404, en, { interop: NO_READERS }) },
    { group: 'handler', name: 'new ServerResponse() alone (baseline of this group)', make: () => () => new ServerResponse(en) },
    { group: 'handler', name: 'errorHandler(): ServiceUnavailable(120), en', make: () => responding(error503, en) },
    { group: 'handler', name: 'errorHandler(): ServiceUnavailable(120), ko', make: () => responding(error503, ko) },
    { group: 'handler', name: "errorHandler(): NotFound('No user 42'), en", make: () => responding(error404, fakeRequest('/users/42', 'en-US,en;q=0.9')) },
    // Observability (issue 16): nothing configured, OpenTelemetry's API present without an SDK (its no-op), an onError hook.
    { group: 'handler', name: 'errorHandler({ openTelemetry: false }): 503, en: none of it', make: () => responding(error503, en, { openTelemetry: false }) },
    { group: 'handler', name: 'errorHandler(): 503, en, @opentelemetry/api present, no SDK', make: () => responding(error503, en) },
    { group: 'handler', name: 'errorHandler({ onError }): 503, en, no route matched', make: () => responding(error503, en, { openTelemetry: false, onError: () => undefined }) },
    { group: 'handler', name: 'errorHandler({ onError }): 503, route /api/users/:id (cached)', make: () => responding(error503, routedRequest(), { openTelemetry: false, onError: () => undefined }) },
    { group: 'handler', name: 'errorHandler({ openTelemetry: false }): 503, route /api/users/:id, no hook', make: () => responding(error503, routedRequest(), { openTelemetry: false }) },
    { group: 'observe', name: 'activeSpan(): @opentelemetry/api present, no SDK', make: () => { const tracing = loadTracing(); return () => tracing?.activeSpan(); } },
    { group: 'observe', name: 'SDK span: startSpan() + end() alone (baseline of the next)', make: () => { const tracer = new BasicTracerProvider().getTracer('bench'); return () => tracer.startSpan('GET /report').end(); } },
    { group: 'observe', name: 'SDK span: startSpan() + record(503) + end()', make: () => { const tracer = new BasicTracerProvider().getTracer('bench'); const tracing = loadTracing(); return () => { const span = tracer.startSpan('GET /report'); tracing?.record(span, 503, 'ServiceUnavailable', error503); span.end(); }; } },
    { group: 'observe', name: 'errorTypeOf(ServiceUnavailable)', make: () => () => errorTypeOf(error503) },
    { group: 'observe', name: 'routeOf(req): /api/users/:id, cached', make: () => { const req = routedRequest(); return () => routeOf(req); } },
    { group: 'observe', name: 'routeOf(req): a router mounted twice, walked', make: () => { const req = routedRequest(true); return () => routeOf(req); } },
    // Every reader is tried for a foreign error: a plain Error passes all of them.
    { group: 'read', name: "normalizeError(new Error('boom')): no reader claims it", make: () => { const error = new Error('boom'); return () => normalizeError(error); } },
    { group: 'read', name: "normalizeError(MulterError('LIMIT_FILE_SIZE'))", make: () => { const error = new MulterError('LIMIT_FILE_SIZE', 'avatar'); return () => normalizeError(error); } },
    { group: 'read', name: 'normalizeError(EBADCSRFTOKEN, http-errors): the last reader', make: () => { const error = createError(403, 'invalid csrf token', { code: 'EBADCSRFTOKEN' }); return () => normalizeError(error); } },
    { group: 'unmatched', name: 'notFound(): GET /nope, 404 (cached shape)', make: unmatchedDecision('GET', '/nope', 'notFound') },
    { group: 'unmatched', name: 'notFound(): POST /api/users/7, 405 + Allow (cached shape)', make: unmatchedDecision('POST', '/api/users/7', 'notFound') },
    { group: 'unmatched', name: 'notFound(): PATCH /api/users/7, 501 (cached shape)', make: unmatchedDecision('PATCH', '/api/users/7', 'notFound') },
    { group: 'unmatched', name: 'unmatched.answerOptions: OPTIONS /api/users/7, 204 (cached shape)', make: unmatchedDecision('OPTIONS', '/api/users/7', 'options') },
    { group: 'unmatched', name: 'unmatched.answerOptions: GET, passed on', make: unmatchedDecision('GET', '/api/users/7', 'options') },
    { group: 'contract', name: 'a middleware that only calls next() (baseline of this group)', make: () => passing((_req, _res, next) => next()) },
    { group: 'contract', name: 'throws(NotFound, ServiceUnavailable): per request', make: () => passing(throws(NotFound, ServiceUnavailable)) },
    { group: 'contract', name: "errorHandler({ strict: true }): NotFound on a throws() route (cached lookup)", make: strictDeclared },
    // Localisation (issue 19): a phrase as one item of a 422 renders it, once per item.
    { group: 'localise', name: "resolve(zodTooShort): a plural, fr", make: localised(message('zodTooShort', { minimum: 3 })) },
    { group: 'localise', name: 'resolve(zodInvalidFormat): a select of 20 sentences, fr', make: localised(message('zodInvalidFormat', { format: 'email', name: '' })) },
    { group: 'localise', name: 'resolve(zodTooSmall): a number, fr', make: localised(message('zodTooSmall', { minimum: 10_000.5 })) },
    { group: 'localise', name: 'resolve(zodDateTooEarly): a UTC date, fr', make: localised(message('zodDateTooEarly', { minimum: new Date(Date.UTC(2030, 0, 1)) })) },
    { group: 'localise', name: 'retry sentence: Retry-After 120, zh-Hans (spaced)', make: () => { const describe = createRetryDescriber('zh-Hans', CATALOGS['zh-Hans'].phrases); return () => describe('120', Date.now()); } },
    { group: 'localise', name: 'retry sentence: an HTTP-date days away, fr', make: () => { const describe = createRetryDescriber('fr', CATALOGS.fr.phrases); const later = new Date(Date.now() + 5 * 86_400_000).toUTCString(); return () => describe(later, Date.now()); } },
  ];
  return all.filter((item) => filter === undefined || filter.test(`${item.group} ${item.name}`));
}

/** Runs every micro case; `minCpuMs` bounds the time spent on each. */
export async function runMicro(minCpuMs: number, log: (line: string) => void): Promise<MicroResult[]> {
  const { measure } = await import('mitata');
  const results: MicroResult[] = [];
  const collect = (globalThis as { gc?: () => void }).gc;
  for (const item of cases()) {
    // No case pays for the garbage of the one before (with node --expose-gc, as `npm run bench` runs).
    collect?.();
    const stats = await measure(item.make(), { min_cpu_time: minCpuMs * 1e6 });
    results.push({ group: item.group, name: item.name, p50: stats.p50, avg: stats.avg });
    log(`${item.group.padEnd(10)} ${item.name.padEnd(70)} ${stats.p50.toFixed(1).padStart(9)} ns`);
  }
  return results;
}
