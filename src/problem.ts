/**
 * Error + catalog -> problem document (RFC 9457) + headers. Pure: no request, no
 * response, no I/O, and it never throws, whatever it is given.
 */
import { isValidHeaderName, isValidHeaderValue } from './headers';
import { isHttpError, STANDARD_MEMBERS } from './http-error';
import { aggregateItems, aggregateStatus, isRecord, readBodyParserError, readBoomError, readStatusGetterError, shownMessage } from './interop';
import { isMessage } from './message';
import type { Message } from './message';
import type { Catalog, CatalogEntry } from './locales/types';
import { isErrorRange, statusRow } from './status';

/** The body of an error response: the RFC 9457 members and any extension members. */
export interface ProblemDocument {
  /** A URI reference identifying the problem type; `about:blank` means "see the status". */
  readonly type: string;
  /** Short, localised summary of the problem type. */
  readonly title: string;
  /** The HTTP status code, the same as the response's. */
  readonly status: number;
  /** Localised explanation of this occurrence. */
  readonly detail: string;
  /** URI reference of this occurrence: the request path by default. */
  readonly instance?: string;
  /** Extension members. */
  readonly [member: string]: unknown;
}

/** What an error becomes on the wire, before content negotiation. */
export interface ProblemResponse {
  readonly status: number;
  /** The error's own headers (checked) and the ones its status calls for. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ProblemDocument;
  /** Header names that were refused (bad name or value, or a protected field), for the log. */
  readonly dropped: readonly string[];
}

/** What `toProblem` needs besides the error. */
export interface ProblemContext {
  readonly catalog: Catalog;
  /** The request path, used when the error names no `instance`. */
  readonly instance?: string;
  /** Add `stack` and the `cause` chain as extension members. */
  readonly debug?: boolean;
  /** Renders a {@link Message} in the response's language; `undefined` when it has no text. */
  readonly resolve?: (message: Message) => string | undefined;
  /** The default `type` per status (see `typeBaseUri`); a status missing here gets `about:blank`. */
  readonly types?: Readonly<Record<number, string>>;
  /** Sent as the `traceId` extension member, so a report can be matched to the log line. */
  readonly traceId?: string;
}

/** The parts of any thrown value that shape the response, read once and defensively. */
export interface NormalizedError {
  readonly status: number;
  readonly expose: boolean;
  /** The thrower's explanation, only when it may be shown. */
  readonly detail: string | Message | undefined;
  /** Itemised problems (`errors` member), only when they may be shown. */
  readonly errors: readonly unknown[] | undefined;
  readonly headers: Readonly<Record<string, unknown>> | undefined;
  readonly type: string | undefined;
  readonly instance: string | undefined;
  readonly extensions: Readonly<Record<string, unknown>> | undefined;
  /** The members of an `AggregateError` or thrown array, each read on its own. */
  readonly items?: readonly NormalizedError[];
}

// The response describes itself with these; an error may not change them.
const PROTECTED_HEADERS = new Set(['content-type', 'content-length', 'transfer-encoding', 'content-language']);
const INTERNAL: NormalizedError = { status: 500, expose: false, detail: undefined, errors: undefined, headers: undefined, type: undefined, instance: undefined, extensions: undefined };
const MAX_CAUSE_DEPTH = 8;
/** Members of an `AggregateError` (or thrown array) that are read and listed; the rest are ignored. */
export const MAX_AGGREGATE_ITEMS = 100;
/** Longest string sent in an extension member; a longer one is cut and ends in `…`. */
export const MAX_EXTENSION_STRING = 8192;
/** Largest body, in UTF-16 units of its JSON: beyond it extension members, then `errors`, are left out. */
export const MAX_BODY_LENGTH = 65536;

/**
 * Reads a thrown value: our errors, http-errors errors, body-parser errors (by `type`),
 * Boom errors, NestJS-style `getStatus()`, an `AggregateError` or array (see `./interop`)
 * and anything carrying a `status`/`statusCode` in 400..599. Everything else (a plain
 * `Error`, a string, `null`, a `Proxy` that throws) is a 500 whose message is never shown.
 */
export function normalizeError(error: unknown): NormalizedError {
  return normalize(error, 0);
}

function normalize(error: unknown, depth: number): NormalizedError {
  try {
    if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return INTERNAL;
    const items = aggregateItems(error);
    // An aggregate inside an aggregate is read; deeper (or an array holding itself) is a 500.
    if (items !== undefined) return depth >= 2 ? INTERNAL : normalizeAggregate(items, depth + 1);
    const source = error as Record<string, unknown>;
    const ours = isHttpError(error);
    // NestJS's HttpException also keeps its status in a `status` field; its getStatus() reading
    // (message of a 4xx shown) goes first so that the generic one does not hide it.
    const foreign = ours ? undefined : (readBodyParserError(source) ?? readBoomError(source) ?? readStatusGetterError(source));
    if (foreign !== undefined) return { ...INTERNAL, ...foreign };
    const status = readStatus(source.status) ?? readStatus(source.statusCode);
    if (status === undefined) return INTERNAL;
    // A foreign error shows its message only when it says so (http-errors sets expose on
    // 4xx); a message that is just the English reason phrase says nothing worth translating.
    const expose = source.expose === true;
    let detail: string | Message | undefined;
    if (expose) {
      const text = ours ? source.detail : source.message;
      detail = isMessage(text) ? text : shownMessage(text, status);
    }
    return {
      status,
      expose,
      detail,
      errors: expose && Array.isArray(source.errors) ? source.errors : undefined,
      headers: isRecord(source.headers) ? source.headers : undefined,
      type: ours && typeof source.type === 'string' ? source.type : undefined,
      instance: ours && typeof source.instance === 'string' ? source.instance : undefined,
      extensions: ours && isRecord(source.extensions) ? source.extensions : undefined,
    };
  } catch {
    return INTERNAL;
  }
}

/** The catalog entry of a status, or its family's generic one for an unregistered code. */
export function entryFor(catalog: Catalog, status: number): CatalogEntry {
  const entry = (catalog.statuses as Readonly<Record<number, CatalogEntry | undefined>>)[status];
  return entry ?? (status >= 500 ? catalog.phrases.serverError : catalog.phrases.clientError);
}

/**
 * Turns a thrown value into the problem document and headers of its response.
 *
 * @example
 * const { status, headers, body } = toProblem(new ServiceUnavailable(120), { catalog: ko, instance: '/report' });
 */
export function toProblem(error: unknown, context: ProblemContext): ProblemResponse {
  const normalized = normalizeError(error);
  const { status } = normalized;
  const entry = entryFor(context.catalog, status);
  const body: Record<string, unknown> = {
    type: normalized.type ?? context.types?.[status] ?? 'about:blank',
    title: entry.title,
    status,
    detail: render(normalized.detail, context) ?? entry.detail,
  };
  const instance = normalized.instance ?? context.instance;
  if (instance !== undefined) body.instance = instance;
  if (normalized.errors !== undefined) body.errors = normalized.errors.map((item) => renderItem(item, context));
  if (normalized.items !== undefined) body.errors = normalized.items.map((item) => aggregateItem(item, context));
  if (normalized.extensions !== undefined) addExtensions(body, normalized.extensions);
  if (context.traceId !== undefined) body.traceId = context.traceId;
  if (context.debug === true) addDebug(body, error);

  const headers: Record<string, string> = {};
  const dropped: string[] = [];
  if (normalized.headers !== undefined) copySafeHeaders(normalized.headers, headers, dropped);
  const row = statusRow(status);
  if (row?.noStore === true || status >= 500) headers['Cache-Control'] = 'no-store';
  // RFC 9110 §15.5.9: after a 408 the server closes the connection.
  if (status === 408) headers.Connection = 'close';
  return { status, headers, body: body as unknown as ProblemDocument, dropped };
}

/**
 * JSON text of a problem document. Never throws: a circular, BigInt or throwing member
 * is replaced rather than losing the response.
 */
export function serializeProblem(body: ProblemDocument): string {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    text = JSON.stringify(sanitize(body, new WeakSet(), 0));
  }
  return text.length <= MAX_BODY_LENGTH ? text : serializeTrimmed(body);
}

// An oversized body keeps its standard members: extensions go first, then `errors`.
function serializeTrimmed(body: ProblemDocument): string {
  const kept: Record<string, unknown> = {};
  for (const name of ['type', 'title', 'status', 'detail', 'instance', 'errors', 'traceId']) {
    if (body[name] !== undefined) kept[name] = sanitize(body[name], new WeakSet(), 0);
  }
  const text = JSON.stringify(kept);
  if (text.length <= MAX_BODY_LENGTH) return text;
  delete kept.errors;
  return JSON.stringify(kept);
}

function normalizeAggregate(errors: readonly unknown[], depth: number): NormalizedError {
  const items = errors.slice(0, MAX_AGGREGATE_ITEMS).map((item) => normalize(item, depth));
  const status = aggregateStatus(items.map((item) => item.status));
  // The headers (Retry-After, WWW-Authenticate, ...) are those of the item that sets the status.
  const leader = items.find((item) => item.status === status);
  return { ...INTERNAL, status, headers: leader?.headers, items };
}

// One member of an aggregate: its status, title and detail; a 5xx detail stays the default.
function aggregateItem(item: NormalizedError, context: ProblemContext): Record<string, unknown> {
  const entry = entryFor(context.catalog, item.status);
  return { status: item.status, title: entry.title, detail: render(item.detail, context) ?? entry.detail };
}

function render(text: string | Message | undefined, context: ProblemContext): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  try {
    return context.resolve?.(text);
  } catch {
    return undefined;
  }
}

// Each item keeps its members; a message `detail` is rendered, a missing text left out.
function renderItem(item: unknown, context: ProblemContext): unknown {
  if (item === null || typeof item !== 'object') return item;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(item)) {
    if (name !== '__proto__') out[name] = (item as Record<string, unknown>)[name];
  }
  if (isMessage(out.detail)) {
    const text = render(out.detail, context);
    if (text === undefined) delete out.detail;
    else out.detail = text;
  }
  return out;
}

function readStatus(value: unknown): number | undefined {
  if (typeof value === 'string' && /^[45]\d\d$/.test(value)) return Number(value);
  return isErrorRange(value) ? value : undefined;
}

function addExtensions(body: Record<string, unknown>, extensions: Readonly<Record<string, unknown>>): void {
  try {
    for (const name of Object.keys(extensions)) {
      // `__proto__` would set the body's prototype instead of adding a member.
      if (STANDARD_MEMBERS.has(name) || name === '__proto__') continue;
      body[name] = capStrings(extensions[name], new WeakSet(), 0);
    }
  } catch {
    // A hostile extensions object (throwing getter, revoked proxy) adds nothing.
  }
}

function addDebug(body: Record<string, unknown>, error: unknown): void {
  try {
    if (error instanceof Error && typeof error.stack === 'string') body.stack = error.stack.split('\n');
    const chain: unknown[] = [];
    const seen = new Set<unknown>([error]);
    let cause = error instanceof Error ? error.cause : undefined;
    while (cause !== undefined && chain.length < MAX_CAUSE_DEPTH && !seen.has(cause)) {
      seen.add(cause);
      chain.push(describe(cause));
      cause = cause instanceof Error ? cause.cause : undefined;
    }
    if (chain.length > 0) body.cause = chain;
  } catch {
    // Debug output is a courtesy; it must never cost the response.
  }
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack?.split('\n') };
  return typeof value === 'object' ? String(Object.prototype.toString.call(value)) : String(value);
}

function copySafeHeaders(from: Readonly<Record<string, unknown>>, to: Record<string, string>, dropped: string[]): void {
  try {
    for (const name of Object.keys(from)) {
      const raw = from[name];
      const value = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
      if (value !== undefined && isValidHeaderName(name) && !PROTECTED_HEADERS.has(name.toLowerCase()) && isValidHeaderValue(value)) {
        to[name] = value;
      } else {
        dropped.push(name);
      }
    }
  } catch {
    dropped.push('(unreadable headers)');
  }
}

// Long strings are cut wherever they sit; everything else is left for JSON.stringify.
function capStrings(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return value.length > MAX_EXTENSION_STRING ? `${value.slice(0, MAX_EXTENSION_STRING - 1)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 16) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.some((item) => typeof item === 'string' || (typeof item === 'object' && item !== null)) ? value.map((item) => capStrings(item, seen, depth + 1)) : value;
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key !== '__proto__') out[key] = capStrings((value as Record<string, unknown>)[key], seen, depth + 1);
    }
    return out;
  } catch {
    return '[Unserializable]';
  } finally {
    seen.delete(value);
  }
}

function sanitize(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol' || value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 16) return '[Circular]';
  seen.add(value);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (Array.isArray(value)) return value.map((item) => sanitize(item, seen, depth + 1) ?? null);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      try {
        const item = sanitize((value as Record<string, unknown>)[key], seen, depth + 1);
        if (item !== undefined) out[key] = item;
      } catch {
        // An unreadable member is left out.
      }
    }
    return out;
  } catch {
    return '[Unserializable]';
  } finally {
    seen.delete(value);
  }
}
