/**
 * Error + catalog -> problem document (RFC 9457) + headers. Pure: no request, no
 * response, no I/O, and it never throws, whatever it is given.
 */
import { formatChallenges, mergeChallenges } from '../core/headers/challenges';
import type { Challenge } from '../core/headers/challenges';
import { isValidHeaderName, isValidHeaderValue } from '../core/headers/field';
import { forwarded } from '../core/headers/forwarded';
import { isMessage } from '../core/message';
import type { Message } from '../core/message';
import { STANDARD_MEMBERS } from '../core/members';
import { statusRow } from '../core/status';
import { toUriReference } from '../core/uri';
import type { Catalog, CatalogEntry } from '../i18n/locales/types';
import { causesOf, errorData } from './error-data';
import type { InteropReader } from './interop';
import { normalizeError } from './normalize';
import type { NormalizedError } from './normalize';
import { toData, walkBudget } from './walk';
import type { WalkBudget } from './walk';

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
  /** The request path, used when the error names no `instance`; percent-encoded where it is not a URI reference. */
  readonly instance?: string;
  /** Add `stack` and the `cause` chain as extension members. */
  readonly debug?: boolean;
  /** Renders a {@link Message} in the response's language; `undefined` when it has no text. */
  readonly resolve?: (message: Message) => string | undefined;
  /** The default `type` per status (see `typeBaseUri`); a status missing here gets `about:blank`. */
  readonly types?: Readonly<Record<number, string>>;
  /** Sent as the `traceId` extension member, so a report can be matched to the log line. */
  readonly traceId?: string;
  /** The interop readers to try (default: all built-in ones). */
  readonly readers?: readonly InteropReader[];
  /** The app's default challenge (the `challenge` option of `errorHandler()`), prepared. */
  readonly challenge?: DefaultChallenge;
}

/** A default challenge, prepared once: its challenges as parts, and their header value. */
export interface DefaultChallenge {
  readonly challenges: readonly Challenge[];
  readonly header: string;
}

// The response describes and frames itself with these; no error may set them. `Trailer`
// announces fields a body with a Content-Length cannot carry (Node refuses to end it).
const PROTECTED_HEADERS = new Set(['content-type', 'content-length', 'content-language', 'transfer-encoding', 'trailer']);

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
  const normalized = normalizeError(error, context.readers);
  const { status } = normalized;
  const entry = entryFor(context.catalog, status);
  const budget = walkBudget();
  const body: Record<string, unknown> = {
    type: normalized.type ?? context.types?.[status] ?? 'about:blank',
    title: entry.title,
    status,
    detail: render(normalized.detail, context) ?? entry.detail,
  };
  const instance = normalized.instance ?? context.instance;
  // The raw path may hold characters a URI may not (`/users/a\b`, a stray `%`): sent encoded.
  if (instance !== undefined) body.instance = toUriReference(instance);
  if (normalized.errors !== undefined) body.errors = renderItems(normalized.errors, context, budget);
  if (normalized.items !== undefined) body.errors = normalized.items.map((item) => aggregateItem(item, context));
  if (normalized.extensions !== undefined) addExtensions(body, normalized.extensions, budget);
  if (context.traceId !== undefined) body.traceId = context.traceId;
  if (context.debug === true) addDebug(body, error);

  const headers: Record<string, string> = {};
  const dropped: string[] = [];
  if (normalized.headers !== undefined) copySafeHeaders(normalized, headers, dropped);
  if (normalized.refused !== undefined) dropped.push(...normalized.refused);
  setChallenge(normalized, context.challenge, headers);
  const row = statusRow(status);
  if (row?.noStore === true || status >= 500) headers['Cache-Control'] = 'no-store';
  // RFC 9110 §15.5.9: after a 408 the server closes the connection.
  if (status === 408) headers.Connection = 'close';
  return { status, headers, body: body as unknown as ProblemDocument, dropped };
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

// Each item keeps its members as data; a message `detail` is rendered, a missing text left out.
function renderItems(items: readonly unknown[], context: ProblemContext, budget: WalkBudget): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (budget.values <= 0) break;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      out.push(toData(item, budget) ?? null);
      continue;
    }
    const copy: Record<string, unknown> = {};
    try {
      for (const name of Object.keys(item)) {
        if (name === '__proto__') continue;
        const value: unknown = (item as Record<string, unknown>)[name];
        const data = name === 'detail' && isMessage(value) ? render(value, context) : toData(value, budget);
        if (data !== undefined) copy[name] = data;
      }
    } catch {
      // An unreadable item keeps what was read of it.
    }
    out.push(copy);
  }
  return out;
}

function addExtensions(body: Record<string, unknown>, extensions: Readonly<Record<string, unknown>>, budget: WalkBudget): void {
  try {
    for (const name of Object.keys(extensions)) {
      // `__proto__` would set the body's prototype instead of adding a member.
      if (STANDARD_MEMBERS.has(name) || name === '__proto__') continue;
      if (budget.values <= 0) break;
      const data = toData(extensions[name], budget);
      if (data !== undefined) body[name] = data;
    }
  } catch {
    // A hostile extensions object (throwing getter, revoked proxy) adds nothing more.
  }
}

function addDebug(body: Record<string, unknown>, error: unknown): void {
  try {
    const own = errorData(error);
    if (typeof own !== 'string' && own.stack !== undefined) body.stack = own.stack.split('\n');
    const chain = causesOf(error).map((cause) => {
      const data = errorData(cause);
      return typeof data === 'string' ? data : { name: data.name, message: data.message, stack: data.stack?.split('\n') };
    });
    if (chain.length > 0) body.cause = chain;
  } catch {
    // Debug output is a courtesy; it must never cost the response.
  }
}

// RFC 9110 §15.5.2: a 401 carries a challenge. The one a source implies is completed with the
// app's default; a 401 that brings none of its own gets the default as it is.
function setChallenge(normalized: NormalizedError, fallback: DefaultChallenge | undefined, headers: Record<string, string>): void {
  const own = normalized.challenges;
  if (own !== undefined && own.length > 0) {
    const value = formatChallenges(fallback === undefined ? own : mergeChallenges(fallback.challenges, own));
    if (value === undefined || !isValidHeaderValue(value)) return;
    for (const name of challengeFields(headers)) delete headers[name];
    headers['WWW-Authenticate'] = value;
  } else if (normalized.status === 401 && fallback !== undefined && challengeFields(headers).length === 0) {
    headers['WWW-Authenticate'] = fallback.header;
  }
}

// The names under which the error's own headers already set `WWW-Authenticate`, in any case.
function challengeFields(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers).filter((name) => name.toLowerCase() === 'www-authenticate');
}

// Each value is read once; a name or value Node would refuse, a protected field, or a foreign
// field outside the allow-list is left out and named for the log.
function copySafeHeaders(normalized: NormalizedError, to: Record<string, string>, dropped: string[]): void {
  const from = normalized.headers as Readonly<Record<string, unknown>>;
  try {
    for (const name of Object.keys(from)) {
      const raw = from[name];
      const value = typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
      const sendable = value !== undefined && isValidHeaderName(name) && !PROTECTED_HEADERS.has(name.toLowerCase()) && isValidHeaderValue(value);
      const field = !sendable ? undefined : normalized.ownHeaders ? ([name, value] as const) : forwarded(normalized.status, name, value);
      if (field === undefined) dropped.push(name);
      else to[field[0]] = field[1];
    }
  } catch {
    dropped.push('(unreadable headers)');
  }
}
