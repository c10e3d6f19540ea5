/**
 * OpenTelemetry tracing for an Express app. Load it before anything else, so that the
 * instrumentations see `http` and `express` load:
 *   node --require ./tracing.js server.js
 * errorHandler() needs no option: it finds the active span through @opentelemetry/api.
 * A real service exports to a collector (@opentelemetry/exporter-trace-otlp-http) instead.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export function startTracing(exporter: SpanExporter = new ConsoleSpanExporter()): NodeTracerProvider {
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register();
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new HttpInstrumentation(), new ExpressInstrumentation()] });
  return provider;
}
