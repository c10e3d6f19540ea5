/**
 * The client side of the contract: a response (ours or any RFC 9457 server's) read back
 * into the error class of its status. No Express, no Node built-ins: safe in a browser.
 */
import { CLASSES } from '../core/classes';
import { specOf } from '../core/headers';
import { HttpError, markClass } from '../core/http-error';
import type { HttpErrorOptions } from '../core/http-error';
import { STANDARD_MEMBERS, STRING_MEMBERS } from '../core/members';
import { headerReader } from './headers';
import type { HeadersLike } from './headers';
import { readItems } from './items';

/** A fetch `Response`, or anything shaped like one. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A response already read: status, headers (any case; a `Headers`, axios', Node's or a plain object) and the body. */
export interface ReceivedResponse {
  /** The HTTP status; a numeric string such as `"404"` is read as the number. */
  readonly status: number | string;
  readonly headers?: HeadersLike;
  /** The parsed JSON body, or its text. */
  readonly body?: unknown;
}

/**
 * An error response that is not one of ours to rebuild: an unregistered status, a status
 * outside 400..599, or a body that is not a problem document. It keeps the body as received.
 */
export class UnknownProblem extends HttpError<number> {
  /** The body as received: the parsed JSON, the text, or `undefined` when there was none. */
  declare readonly body: unknown;

  constructor(status: number, body: unknown, options?: HttpErrorOptions) {
    // No header value: whatever the status, this error is built from the body alone.
    super(status, undefined, options);
    this.body = body;
  }
}
markClass(UnknownProblem, 'UnknownProblem');

type ErrorConstructor = new (...args: unknown[]) => HttpError<number>;
const classes: Readonly<Record<number, ErrorConstructor | undefined>> = CLASSES as never;

/**
 * Reads an error response back into the class of its status: `ServiceUnavailable` with
 * `retryAfter` (seconds or a `Date`) from `Retry-After`, `MethodNotAllowed` with `allow`,
 * `Unauthorized` with its parsed `challenges`; `title`, `detail`, `type` (`about:blank`
 * when absent), `instance`, the itemised `errors` and the extension members from the body.
 * Any RFC 9457 producer is read: the items of ASP.NET Core, Spring and Zalando's problem
 * library become `{ pointer, detail }` like ours. Given a fetch `Response` it returns a
 * promise; given `{ status, headers, body }` already read, the error itself. An unregistered
 * status or a body that is not a problem document gives an {@link UnknownProblem} holding
 * the raw body. Never throws (the promise never rejects).
 *
 * @example
 * const res = await fetch('/report');
 * if (!res.ok) {
 *   const error = await parseProblem(res);
 *   if (error instanceof ServiceUnavailable) setTimeout(retry, retryAfterMs(error) ?? 60_000);
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
          (text) => build(status, headers, text),
          // A body that cannot be read (already used, network error) is not a problem document.
          () => new UnknownProblem(readStatus(status), undefined),
        );
    }
    return build(input?.status, input?.headers, input?.body);
  } catch {
    // Only a hostile input (a throwing getter) gets here.
    return new UnknownProblem(0, undefined);
  }
}

// A status the error can carry: 100..599 (also as a numeric string), else 0 (what fetch reports for an opaque response).
function readStatus(value: unknown): number {
  const status = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : 0;
}

function build(rawStatus: unknown, headers: unknown, rawBody: unknown): HttpError<number> {
  const status = readStatus(rawStatus);
  const header = headerReader(headers);
  try {
    const body = readBody(rawBody, header('content-type'));
    if (body === undefined) return new UnknownProblem(status, rawBody);
    const options = optionsOf(body);
    const Class = classes[status];
    const spec = specOf(status);
    // A class without a header takes `undefined` for it, as it takes no value there.
    const error = Class === undefined ? new UnknownProblem(status, rawBody, options) : new Class(spec?.parse(header(spec.header.toLowerCase())), options);
    // The server's own words, where it sent some; the response's status is the one the error carries.
    const { title } = body;
    const bodyStatus = readStatus(body.status);
    const define = (name: string, value: unknown): unknown => Object.defineProperty(error, name, { value, enumerable: true });
    if (typeof title === 'string') {
      define('title', title);
      if (options.detail === undefined) error.message = title;
    }
    if (bodyStatus !== 0 && bodyStatus !== status) define('bodyStatus', bodyStatus);
    return error;
  } catch {
    // A class constructor or a hostile body must not turn reading an error into throwing one.
    return new UnknownProblem(status, rawBody);
  }
}

type ProblemBody = Readonly<Record<string, unknown>>;

// An empty body (a HEAD answer) is a problem with no members; JSON text is parsed when the
// content type allows it; anything else must look like a problem document.
function readBody(raw: unknown, contentType: string | undefined): ProblemBody | undefined {
  if (raw === undefined || raw === null || raw === '') return {};
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (contentType !== undefined && !/[/+]json\s*(;|$)/i.test(contentType.trim())) return undefined;
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  }
  return isProblemBody(value) ? value : undefined;
}

// RFC 9457 makes every member optional, so a problem is an object whose standard members,
// where present, have their types (a status may be a numeric string), and which has at
// least one of `type`, `title` and `status`.
function isProblemBody(value: unknown): value is ProblemBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const body = value as ProblemBody;
  return (
    STRING_MEMBERS.every((name) => body[name] === undefined || typeof body[name] === 'string') &&
    (body.status === undefined || readStatus(body.status) !== 0) &&
    (body.errors === undefined || typeof body.errors === 'object') &&
    (body.type !== undefined || body.title !== undefined || body.status !== undefined)
  );
}

function optionsOf(body: ProblemBody): HttpErrorOptions {
  // RFC 9457 §4.2.1: a problem without a type is `about:blank`.
  const options: { -readonly [K in keyof HttpErrorOptions]: HttpErrorOptions[K] } = { type: typeof body.type === 'string' ? body.type : 'about:blank' };
  if (typeof body.detail === 'string') options.detail = body.detail;
  if (typeof body.instance === 'string') options.instance = body.instance;
  const errors = readItems(body);
  if (errors !== undefined) options.errors = errors;
  let extensions: Record<string, unknown> | undefined;
  for (const name of Object.keys(body)) {
    // `violations` (Zalando) is read into `errors`; every other unknown member is an extension.
    if (!STANDARD_MEMBERS.has(name) && name !== 'violations' && name !== '__proto__') (extensions ??= {})[name] = body[name];
  }
  if (extensions !== undefined) options.extensions = extensions;
  return options;
}

function isFetchResponse(input: unknown): input is FetchResponseLike {
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as { text?: unknown }).text === 'function' &&
    typeof (input as { headers?: { get?: unknown } }).headers?.get === 'function'
  );
}
