/**
 * Any thrown value to a {@link NormalizedError}: the few facts that shape its response,
 * each read once and defensively. Pure, and it never throws, whatever it is given.
 */
import { isHttpError } from '../core/http-error';
import { isMessage } from '../core/message';
import type { Message } from '../core/message';
import { specOf } from '../core/headers';
import { fieldNamed } from '../core/headers/field';
import { isErrorRange } from '../core/status';
import { aggregateItems, aggregateStatus, MAX_AGGREGATE_ITEMS } from './interop/aggregate';
import { READERS } from './interop';
import type { InteropReader } from './interop';
import { isRecord, shownMessage } from './interop/reader';
import type { ChallengeParts } from './interop/reader';

/** The parts of any thrown value that shape the response. */
export interface NormalizedError {
  readonly status: number;
  readonly expose: boolean;
  /** The thrower's explanation, only when it may be shown. */
  readonly detail: string | Message | undefined;
  /** Itemised problems (`errors` member), only when they may be shown. */
  readonly errors: readonly unknown[] | undefined;
  readonly headers: Readonly<Record<string, unknown>> | undefined;
  /**
   * Whether `headers` are the app's own (one of our errors, or a reading our code made): they
   * go out minus framing. A foreign error's go through the allow-list of `core/headers/forwarded`.
   */
  readonly ownHeaders: boolean;
  /** Contract headers whose value was given but cannot be sent (e.g. `Retry-After` of 1e21), for the log. */
  readonly refused?: readonly string[];
  /** The challenges a foreign source implies, to be completed with the handler's default `challenge`. */
  readonly challenges?: readonly ChallengeParts[];
  readonly type: string | undefined;
  readonly instance: string | undefined;
  readonly extensions: Readonly<Record<string, unknown>> | undefined;
  /** The members of an `AggregateError` or thrown array, each read on its own. */
  readonly items?: readonly NormalizedError[];
}

// An aggregate inside an aggregate is read; deeper (or an array holding itself) is a 500.
const MAX_AGGREGATE_DEPTH = 2;

/** What every value that says nothing usable becomes: a 500 whose message is never shown. */
export const INTERNAL: NormalizedError = { status: 500, expose: false, detail: undefined, errors: undefined, headers: undefined, ownHeaders: false, type: undefined, instance: undefined, extensions: undefined };

/**
 * Reads a thrown value: our errors, the sources of `readers` (body-parser, Boom,
 * NestJS-style `getStatus()`, ...), an `AggregateError` or array, and anything carrying a
 * `status`/`statusCode` in 400..599 (http-errors and the like). Everything else (a plain
 * `Error`, a string, `null`, a `Proxy` that throws) is a 500 whose message is never shown.
 */
export function normalizeError(error: unknown, readers: readonly InteropReader[] = READERS): NormalizedError {
  return normalize(error, readers, 0);
}

function normalize(error: unknown, readers: readonly InteropReader[], depth: number): NormalizedError {
  try {
    if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return INTERNAL;
    const items = aggregateItems(error);
    if (items !== undefined) return depth >= MAX_AGGREGATE_DEPTH ? INTERNAL : normalizeAggregate(items, readers, depth + 1);
    const source = error as Record<string, unknown>;
    const ours = isHttpError(error);
    if (!ours) {
      for (const reader of readers) {
        const reading = reader.read(source);
        if (reading !== undefined) return { ...INTERNAL, ...reading };
      }
    }
    const status = readStatus(source.status) ?? readStatus(source.statusCode);
    if (status === undefined) return INTERNAL;
    // A foreign error shows its message only when it says so (http-errors sets expose on
    // 4xx); a message that is just the English reason phrase says nothing worth translating.
    const expose = source.expose === true;
    let detail: string | Message | undefined;
    let errors: readonly unknown[] | undefined;
    if (expose) {
      const text = ours ? source.detail : source.message;
      detail = isMessage(text) ? text : shownMessage(text, status);
      const list = source.errors;
      errors = Array.isArray(list) ? list : undefined;
    }
    // An error that carries another server's response (undici, axios, got, a fetch wrapper)
    // holds that server's headers: none of them is ours to send.
    const headers = ours || !carriesResponse(source) ? source.headers : undefined;
    const own = ours ? ownMembers(source, status, headers) : undefined;
    return {
      status,
      expose,
      detail,
      errors,
      headers: isRecord(headers) ? headers : undefined,
      ownHeaders: ours,
      ...(own?.refused === undefined ? {} : { refused: own.refused }),
      type: own?.type,
      instance: own?.instance,
      extensions: own?.extensions,
    };
  } catch {
    return INTERNAL;
  }
}

// Only our own errors name their problem type, occurrence and extension members, and keep
// the value their header was made from, so that one that could not be sent is reported.
function ownMembers(source: Readonly<Record<string, unknown>>, status: number, headers: unknown): Pick<NormalizedError, 'type' | 'instance' | 'extensions' | 'refused'> {
  const { type, instance, extensions } = source;
  const spec = specOf(status);
  let refused: string[] | undefined;
  if (spec !== undefined && given(source[spec.property]) && !hasField(headers, spec.header)) refused = [spec.header];
  return {
    type: typeof type === 'string' ? type : undefined,
    instance: typeof instance === 'string' ? instance : undefined,
    extensions: isRecord(extensions) ? extensions : undefined,
    refused,
  };
}

function hasField(headers: unknown, name: string): boolean {
  return isRecord(headers) && fieldNamed(headers, name) !== undefined;
}

function given(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

/** Whether an error holds another server's response: `response` (axios, got, ky, ofetch) or undici's status error. */
function carriesResponse(source: Readonly<Record<string, unknown>>): boolean {
  const response = source.response;
  return (typeof response === 'object' && response !== null) || source.code === 'UND_ERR_RESPONSE_STATUS_CODE';
}

function normalizeAggregate(errors: readonly unknown[], readers: readonly InteropReader[], depth: number): NormalizedError {
  const items = errors.slice(0, MAX_AGGREGATE_ITEMS).map((item) => normalize(item, readers, depth));
  const status = aggregateStatus(items.map((item) => item.status));
  // The headers (Retry-After, WWW-Authenticate, ...) are those of the item that sets the status.
  const leader = items.find((item) => item.status === status);
  return { ...INTERNAL, status, headers: leader?.headers, ownHeaders: leader?.ownHeaders ?? false, challenges: leader?.challenges, items };
}

function readStatus(value: unknown): number | undefined {
  if (typeof value === 'string' && /^[45]\d\d$/.test(value)) return Number(value);
  return isErrorRange(value) ? value : undefined;
}
