/**
 * The client side of the contract: a response (ours or any RFC 9457 server's) read back
 * into the error class of its status. No Express, no Node built-ins: safe in a browser.
 */
import * as errors from '../core/errors';
import { CONTRACTS } from '../core/headers';
import type { HeaderSpec } from '../core/headers';
import { HttpError } from '../core/http-error';
import type { HttpErrorOptions, ProblemItem } from '../core/http-error';
import { STANDARD_MEMBERS, STRING_MEMBERS } from '../core/members';
import { statusRow } from '../core/status';

/** A fetch `Response`, or anything shaped like one. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A response already read: status, headers (any case; Node's or a plain object) and the parsed body. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers?: { get(name: string): string | null } | Readonly<Record<string, string | number | readonly string[] | undefined>>;
  /** The parsed JSON body, or its text. */
  readonly body?: unknown;
}

/**
 * An error response that is not one of ours to rebuild: an unregistered status, a status
 * outside 400..599, or a body that is not a problem document. It keeps the body as received.
 */
export class UnknownProblem extends HttpError<number> {
  /** The body as received: the parsed JSON, the text, or `undefined` when there was none. */
  readonly body: unknown;

  constructor(status: number, body: unknown, options?: HttpErrorOptions) {
    // No header value: whatever the status, this error is built from the body alone.
    super(status, undefined, options);
    this.body = body;
  }
}

const classes = errors as unknown as Readonly<Record<string, (new (...args: unknown[]) => HttpError<number>) | undefined>>;

/**
 * Reads an error response back into the class of its status: `ServiceUnavailable` with
 * `retryAfter` (seconds or a `Date`) from `Retry-After`, `MethodNotAllowed` with `allow`,
 * `Unauthorized` with its parsed `challenges`, and `detail`, `type`, `instance`, `errors`
 * and extension members from the body. An unregistered status or a body that is not a
 * problem document gives an {@link UnknownProblem} holding the raw body. Never throws
 * (the promise never rejects).
 *
 * @example
 * const res = await fetch('/report');
 * if (!res.ok) {
 *   const error = await parseProblem(res);
 *   if (error instanceof ServiceUnavailable) setTimeout(retry, Number(error.retryAfter ?? 60) * 1000);
 * }
 */
export function parseProblem(input: FetchResponseLike): Promise<HttpError<number>>;
export function parseProblem(input: ReceivedResponse): HttpError<number>;
export function parseProblem(input: FetchResponseLike | ReceivedResponse): HttpError<number> | Promise<HttpError<number>>;
export function parseProblem(input: FetchResponseLike | ReceivedResponse): HttpError<number> | Promise<HttpError<number>> {
  try {
    if (isFetchResponse(input)) {
      const { status, headers } = input;
      return Promise.resolve()
        .then(() => input.text())
        .then(
          (text) => build(status, headerReader(headers), text),
          // A body that cannot be read (already used, network error) is not a problem document.
          () => new UnknownProblem(readStatus(status), undefined),
        );
    }
    return build(input?.status, headerReader(input?.headers), input?.body);
  } catch {
    // Only a hostile input (a throwing getter) gets here.
    return new UnknownProblem(0, undefined);
  }
}

// A status the error can carry: 100..599, else 0 (what fetch reports for an opaque response).
function readStatus(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599 ? value : 0;
}

function build(rawStatus: unknown, header: (name: string) => string | undefined, rawBody: unknown): HttpError<number> {
  const status = readStatus(rawStatus);
  try {
    const body = readBody(rawBody, header('content-type'));
    if (body === NOT_A_PROBLEM) return new UnknownProblem(status, rawBody);
    const options = optionsOf(body);
    const row = statusRow(status);
    const Class = row === undefined ? undefined : classes[row.className];
    if (row === undefined || Class === undefined) return new UnknownProblem(status, rawBody, options);
    if (row.header === undefined) return new Class(options);
    const spec: HeaderSpec = CONTRACTS[row.header];
    return new Class(spec.parse(header(spec.header.toLowerCase())), options);
  } catch {
    // A class constructor or a hostile body must not turn reading an error into throwing one.
    return new UnknownProblem(status, rawBody);
  }
}

const NOT_A_PROBLEM = Symbol('not a problem');
type ProblemBody = Readonly<Record<string, unknown>>;

// An empty body (a HEAD answer) is a problem with no members; JSON text is parsed when the
// content type allows it; anything else must look like a problem document.
function readBody(raw: unknown, contentType: string | undefined): ProblemBody | typeof NOT_A_PROBLEM {
  if (raw === undefined || raw === null || raw === '') return {};
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (contentType !== undefined && !/[/+]json\s*(;|$)/i.test(contentType.trim())) return NOT_A_PROBLEM;
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return NOT_A_PROBLEM;
    }
  }
  return isProblemBody(value) ? value : NOT_A_PROBLEM;
}

// RFC 9457 makes every member optional, so a problem is an object whose standard members,
// where present, have their types, and which has at least one of them.
function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const body = value as ProblemBody;
  const typed =
    STRING_MEMBERS.every((name) => body[name] === undefined || typeof body[name] === 'string') &&
    (body.status === undefined || typeof body.status === 'number') &&
    (body.errors === undefined || Array.isArray(body.errors));
  return typed && (body.type !== undefined || body.title !== undefined || body.status !== undefined);
}

function optionsOf(body: ProblemBody): HttpErrorOptions {
  const extensions: Record<string, unknown> = {};
  let found = false;
  for (const name of Object.keys(body)) {
    if (STANDARD_MEMBERS.has(name) || name === '__proto__') continue;
    extensions[name] = body[name];
    found = true;
  }
  return {
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(typeof body.type === 'string' ? { type: body.type } : {}),
    ...(typeof body.instance === 'string' ? { instance: body.instance } : {}),
    ...(Array.isArray(body.errors) ? { errors: body.errors as ProblemItem[] } : {}),
    ...(found ? { extensions } : {}),
  };
}

function isFetchResponse(input: unknown): input is FetchResponseLike {
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as { text?: unknown }).text === 'function' &&
    typeof (input as { headers?: { get?: unknown } }).headers?.get === 'function'
  );
}

/** A case-insensitive header lookup over a `Headers`, Node's headers or a plain object. */
function headerReader(headers: ReceivedResponse['headers']): (name: string) => string | undefined {
  try {
    if (headers === undefined || headers === null || typeof headers !== 'object') return () => undefined;
    if (typeof headers.get === 'function') {
      const get = headers.get.bind(headers) as (name: string) => string | null;
      return (name) => get(name) ?? undefined;
    }
    const map = new Map<string, string>();
    for (const [name, value] of Object.entries(headers)) {
      const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
      if (text !== undefined) map.set(name.toLowerCase(), text);
    }
    return (name) => map.get(name);
  } catch {
    return () => undefined;
  }
}
