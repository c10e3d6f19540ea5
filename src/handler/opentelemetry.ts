/**
 * OpenTelemetry, through `@opentelemetry/api` when the app has it installed (an optional
 * peer dependency): the active span gives the `traceId` member, and learns of the error the
 * handler answered. Nothing here imports the package at compile time; it is required once,
 * when the first `errorHandler()` is created, and a missing or broken copy turns it off.
 */
import { createRequire } from 'node:module';
import { titleOf } from '../core/status';

/** The parts of a span's context that are read. */
interface SpanContextLike {
  readonly traceId: string;
}

/** The parts of an `@opentelemetry/api` span that are used. */
export interface SpanLike {
  spanContext(): SpanContextLike;
  isRecording(): boolean;
  setAttribute(key: string, value: string | number): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: unknown): void;
}

/** The parts of `@opentelemetry/api` 1.x that are used. */
interface Api {
  readonly trace: { getActiveSpan(): SpanLike | undefined };
  readonly isSpanContextValid: (context: SpanContextLike) => boolean;
  readonly SpanStatusCode: { readonly ERROR: number };
}

/** What the handler does with the active span, once the API is loaded. */
export interface Tracing {
  /** The active span, or `undefined` when there is none (no SDK registered, no request span). */
  readonly activeSpan: () => SpanLike | undefined;
  /** The span's trace id, when its context is valid. */
  readonly traceIdOf: (span: SpanLike) => string | undefined;
  /** Tells the span of the error answered with `status`, of type `errorType`. */
  readonly record: (span: SpanLike, status: number, errorType: string, error: unknown) => void;
}

// Semantic conventions for HTTP spans (stable since 1.23).
const STATUS_CODE = 'http.response.status_code';
const ERROR_TYPE = 'error.type';

// Replaced by `import.meta.url` in the ES module build; undeclared (so `undefined`) elsewhere.
declare const IMPORT_META_URL: string | undefined;

let loaded: Tracing | null | undefined;

/**
 * The tracing of `@opentelemetry/api` when it is installed, else `undefined`. Loaded on the
 * first call only; later calls reuse it.
 */
export function loadTracing(): Tracing | undefined {
  if (loaded === undefined) loaded = readApi(requireApi());
  return loaded ?? undefined;
}

function requireApi(): unknown {
  try {
    // Resolved from where this package is installed: the ES module build defines
    // IMPORT_META_URL (tsup.config.ts); CommonJS, ts-jest and ts-node have `__filename`.
    return createRequire(typeof IMPORT_META_URL === 'string' ? IMPORT_META_URL : __filename)('@opentelemetry/api');
  } catch {
    return undefined;
  }
}

function readApi(module: unknown): Tracing | null {
  const api = module as Partial<Api> | undefined;
  const getActiveSpan = api?.trace?.getActiveSpan;
  const isSpanContextValid = api?.isSpanContextValid;
  const ERROR = api?.SpanStatusCode?.ERROR;
  if (typeof getActiveSpan !== 'function' || typeof isSpanContextValid !== 'function' || typeof ERROR !== 'number') return null;
  const trace = api?.trace as Api['trace'];
  return {
    activeSpan() {
      try {
        return getActiveSpan.call(trace) ?? undefined;
      } catch {
        return undefined;
      }
    },
    traceIdOf(span) {
      try {
        const context = span.spanContext();
        return isSpanContextValid(context) ? context.traceId : undefined;
      } catch {
        return undefined;
      }
    },
    record(span, status, errorType, error) {
      try {
        if (!span.isRecording()) return;
        span.setAttribute(STATUS_CODE, status);
        span.setAttribute(ERROR_TYPE, errorType);
        // A 4xx is the client's doing: a server span's status stays unset (HTTP semantic conventions).
        if (status < 500) return;
        span.setStatus({ code: ERROR, message: titleOf(status) });
        span.recordException(asException(error));
      } catch {
        // A broken SDK must not cost the response, which is already on its way.
      }
    },
  };
}

// The SDK reads name, message, stack and code from an object or takes a string; anything
// else (null, a number) would be an empty event.
function asException(error: unknown): unknown {
  return (typeof error === 'object' && error !== null) || typeof error === 'string' ? error : String(error);
}
