/**
 * errorHandler() under the real OpenTelemetry HTTP and Express instrumentations, started as
 * examples/logging/tracing.ts starts them. They hook Node's `require`, which Jest replaces,
 * so the app runs in a child process (test/helpers/instrumented-app.ts) that prints what it
 * exported. The Express instrumentation hooks the module named `express`: under the
 * `express4` alias only the HTTP instrumentation sees the app.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import express from 'express';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';

interface Printed {
  readonly responses: { path: string; status: number; body: Record<string, unknown> }[];
  readonly routes: (string | undefined)[];
  readonly spans: { name: string; kind: number; traceId: string; status: { code: number; message?: string }; attributes: Record<string, unknown>; events: { name: string; attributes: Record<string, unknown> }[] }[];
}

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
// Express 5's Router keeps its methods on a prototype, as the Express instrumentation checks too.
const express5 = typeof (express.Router as unknown as { prototype?: { route?: unknown } }).prototype?.route === 'function';

let printed: Printed;

beforeAll(() => {
  const root = path.join(__dirname, '..', '..', '..');
  const out = execFileSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'test/helpers/instrumented-app.ts', express5 ? 'express' : 'express4'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' } });
  printed = JSON.parse(out) as Printed;
}, 60_000);

function serverSpan(status: number): Printed['spans'][number] {
  const found = printed.spans.filter((span) => span.kind === SpanKind.SERVER && span.attributes['http.response.status_code'] === status);
  expect(found).toHaveLength(1);
  return found[0] as Printed['spans'][number];
}

describe('errorHandler() with the OpenTelemetry HTTP and Express instrumentations', () => {
  it('records a 5xx exception on the server span, which ends with ERROR status and the error type', () => {
    const span = serverSpan(503);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('ServiceUnavailable');
    expect(span.events).toEqual([{ name: 'exception', attributes: expect.objectContaining({ 'exception.type': 'ServiceUnavailable', 'exception.message': 'Service Unavailable' }) }]);
  });

  it('leaves the status of a 4xx server span unset, with no exception on it', () => {
    const span = serverSpan(404);
    expect(span.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span.attributes['error.type']).toBe('NotFound');
    expect(span.events).toEqual([]);
  });

  it('sends the trace id of the span the traceparent continued', () => {
    expect(printed.responses.map((res) => [res.status, res.body.traceId])).toEqual([
      [503, TRACE],
      [404, TRACE],
    ]);
    expect(serverSpan(503).traceId).toBe(TRACE);
  });

  it('gives onError the route the Express instrumentation names http.route', () => {
    expect(printed.routes).toEqual(['/api/users/:id', '/items/:id']);
    // Express's own spans (router, request handler) exist exactly where its instrumentation sees the app.
    expect(printed.spans.some((span) => span.attributes['express.type'] !== undefined)).toBe(express5);
    if (express5) expect([serverSpan(503).attributes['http.route'], serverSpan(404).attributes['http.route']]).toEqual(printed.routes);
  });
});
