/**
 * OpenTelemetry with the real SDK: a provider with an in-memory exporter, a server span
 * started around each request as an HTTP instrumentation would, and the spans it exports.
 * (The HTTP and Express instrumentations themselves are in instrumented.test.ts.)
 */
import express from 'express';
import type { Express } from 'express';
import createError from 'http-errors';
import request from 'supertest';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { AlwaysOffSampler, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { errorHandler, InternalServerError, NotFound, ServiceUnavailable } from '../../../src';
import type { ErrorHandlerOptions } from '../../../src';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
const tracer = trace.getTracer('test');
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

afterEach(() => exporter.reset());
afterAll(() => provider.shutdown());

/** An app whose every request runs in a server span, ended when the response finishes. */
function traced(value: unknown, options: ErrorHandlerOptions = {}, start = (name: string, fn: (span: Span) => void) => tracer.startActiveSpan(name, { kind: SpanKind.SERVER }, fn)): Express {
  const app = express();
  app.use((req, res, next) => {
    start(`${req.method} /boom`, (span) => {
      res.on('finish', () => span.end());
      next();
    });
  });
  app.get('/boom', () => {
    throw value;
  });
  app.use(errorHandler({ log: false, ...options }));
  return app;
}

async function serverSpan(): Promise<ReadableSpan> {
  for (let i = 0; i < 100 && exporter.getFinishedSpans().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  const spans = exporter.getFinishedSpans();
  expect(spans).toHaveLength(1);
  return spans[0] as ReadableSpan;
}

describe('errorHandler() with OpenTelemetry', () => {
  it('records a 5xx on the active span: the exception, ERROR with the status title, the status code and error type', async () => {
    const res = await request(traced(new ServiceUnavailable(120, { cause: new Error('pool exhausted') }))).get('/boom');
    const span = await serverSpan();
    expect(res.status).toBe(503);
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Service Unavailable' });
    expect(span.attributes).toMatchObject({ 'http.response.status_code': 503, 'error.type': 'ServiceUnavailable' });
    expect(span.events).toHaveLength(1);
    expect(span.events[0]?.name).toBe('exception');
    expect(span.events[0]?.attributes).toMatchObject({ 'exception.type': 'ServiceUnavailable', 'exception.message': 'Service Unavailable' });
    expect(String(span.events[0]?.attributes?.['exception.stacktrace'])).toMatch(/^ServiceUnavailable: Service Unavailable\n\s+at /);
  });

  it('leaves the span status of a 4xx unset and records no exception, but sets its status code and error type', async () => {
    await request(traced(new NotFound('No user 42'))).get('/boom').expect(404);
    const span = await serverSpan();
    expect(span.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span.events).toEqual([]);
    expect(span.attributes).toMatchObject({ 'http.response.status_code': 404, 'error.type': 'NotFound' });
  });

  it.each([
    ['a TypeError', new TypeError('x is undefined'), 500, 'TypeError'],
    ['an http-errors 413', createError(413, 'too big'), 413, 'PayloadTooLargeError'],
    ['a subclass of ours', new (class QuotaExhausted extends InternalServerError {})('quota'), 500, 'QuotaExhausted'],
    ['a thrown string', 'boom', 500, '_OTHER'],
    ['a thrown object without a name', { status: 418 }, 418, '_OTHER'],
    ['an error whose name is not an identifier', Object.assign(new Error('x'), { name: 'two words' }), 500, '_OTHER'],
  ])('sets error.type of %s', async (_name, value, status, errorType) => {
    await request(traced(value)).get('/boom').expect(status);
    expect((await serverSpan()).attributes['error.type']).toBe(errorType);
  });

  it('records a thrown string as the exception message', async () => {
    await request(traced('boom')).get('/boom').expect(500);
    expect((await serverSpan()).events[0]?.attributes).toMatchObject({ 'exception.message': 'boom' });
  });

  it('sends the active span trace id as traceId, before a traceparent header and the request id', async () => {
    const res = await request(traced(new ServiceUnavailable(120))).get('/boom').set('traceparent', TRACEPARENT).set('X-Request-Id', '3f1c2a9e-7b4d-4e8a-9c1f-2d6b8e0a4f57');
    const span = await serverSpan();
    expect(res.body.traceId).toBe(span.spanContext().traceId);
    expect(res.body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('leaves the span alone and reads no trace id from it when openTelemetry is false', async () => {
    const res = await request(traced(new ServiceUnavailable(120), { openTelemetry: false })).get('/boom').set('traceparent', TRACEPARENT);
    const span = await serverSpan();
    expect(span.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span.events).toEqual([]);
    expect(span.attributes).not.toHaveProperty('error.type');
    expect(res.body.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('answers as usual, with traceparent trace-id, when no span is active', async () => {
    const res = await request(traced(new ServiceUnavailable(120), {}, (_name, fn) => fn(trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 })))).get('/boom').set('traceparent', TRACEPARENT);
    expect(res.status).toBe(503);
    expect(res.body.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('records nothing on a span that is not sampled, yet sends its trace id', async () => {
    const unsampled = new NodeTracerProvider({ sampler: new AlwaysOffSampler() }).getTracer('off');
    let traceId = '';
    const app = traced(new ServiceUnavailable(120), {}, (name, fn) =>
      unsampled.startActiveSpan(name, (span) => {
        traceId = span.spanContext().traceId;
        expect(span.isRecording()).toBe(false);
        fn(span);
      }),
    );
    const res = await request(app).get('/boom').expect(503);
    expect(res.body.traceId).toBe(traceId);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('answers as usual when the span throws from every method', async () => {
    const broken = new Proxy(trace.wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 }), {
      get(target, key) {
        if (key === 'spanContext') return () => target.spanContext();
        // The test's own middleware ends it.
        if (key === 'end') return () => undefined;
        return () => {
          throw new Error('broken SDK');
        };
      },
    });
    const app = traced(new ServiceUnavailable(120), {}, (_name, fn) => context.with(trace.setSpan(context.active(), broken), () => fn(broken)));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('120');
    expect(res.body).toMatchObject({ status: 503, traceId: 'a'.repeat(32) });
  });
});
