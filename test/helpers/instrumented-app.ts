/**
 * Run as a child process (`ts-node test/helpers/instrumented-app.ts <express module>`): the
 * OpenTelemetry HTTP and Express instrumentations hook Node's own `require`, which Jest
 * replaces with its own. Starts tracing as examples/logging/tracing.ts does, then an app;
 * asks it for a 503 and a 404 and prints the responses, the onError routes and the exported
 * spans as JSON.
 */
import type { AddressInfo } from 'node:net';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import type Express from 'express';
import { startTracing } from '../../examples/logging/tracing';
import type * as Api from '../../src';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const exporter = new InMemorySpanExporter();
startTracing(exporter);
// Loaded only now, so that the instrumentations see them load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require(process.argv[2] ?? 'express') as typeof Express;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { errorHandler, NotFound, ServiceUnavailable } = require('../../src') as typeof Api;

const routes: (string | undefined)[] = [];
const app = express();
const api = express.Router();
api.get('/users/:id', () => {
  throw new ServiceUnavailable(120, { cause: new Error('replica lag') });
});
app.use('/api', api);
app.get('/items/:id', (req) => {
  throw new NotFound(`No item ${req.params.id}`);
});
app.use(errorHandler({ log: false, onError: (event) => void routes.push(event.route) }));

const server = app.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const responses: unknown[] = [];
  for (const path of ['/api/users/42', '/items/7']) {
    const res = await fetch(base + path, { headers: { traceparent: TRACEPARENT } });
    responses.push({ path, status: res.status, body: await res.json() });
  }
  // A server span ends when its response closes.
  const servers = (): number => exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER).length;
  for (let i = 0; i < 400 && servers() < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  const spans = exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    kind: span.kind,
    traceId: span.spanContext().traceId,
    status: span.status,
    attributes: span.attributes,
    events: span.events.map((event) => ({ name: event.name, attributes: event.attributes })),
  }));
  process.stdout.write(JSON.stringify({ responses, routes, spans }));
  server.close();
});
