import { specOf } from './headers';
import type { ContractArgument, ContractProperty, RequiredContractStatus } from './headers';
import { isMessage } from './message';
import type { Message } from './message';
import { statusRow, titleOf } from './status';
import type { ClientErrorStatus, ContractOf, ErrorStatus, ServerErrorStatus } from './status';

/** What every error class accepts as its last argument. */
export interface HttpErrorOptions {
  /**
   * A human-readable explanation of this occurrence, sent as `detail` when the error is
   * exposed: a string, or a {@link message} rendered in the client's language.
   */
  readonly detail?: string | Message;
  /** Itemised problems (RFC 9457 §3, e.g. one per invalid field), sent as the `errors` member. */
  readonly errors?: readonly ProblemItem[];
  /** The error that led to this one; logged, and shown only in debug mode. */
  readonly cause?: unknown;
  /** Extra response headers. Values Node would reject (CR/LF, non-ASCII) are dropped when sending. */
  readonly headers?: Readonly<Record<string, string | number | readonly string[]>>;
  /** Whether `detail` may be sent to the client. Default: true for 4xx, false for 5xx. */
  readonly expose?: boolean;
  /** A URI reference identifying the problem type. Default: `about:blank`. */
  readonly type?: string;
  /** A URI reference identifying this occurrence. Default: the request path. */
  readonly instance?: string;
  /** Extra members of the problem body (RFC 9457 §3.2); they never replace the standard ones. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /**
   * Capture a stack trace for this error. Default: always for 5xx and unexposed errors; for
   * exposed 4xx only when {@link HttpError.captureStack} is on.
   */
  readonly captureStack?: boolean;
}

/** One item of the `errors` member: where the problem is and what it is. */
export interface ProblemItem {
  /** JSON Pointer (RFC 6901) to the offending member of the request body, e.g. `/email`. */
  readonly pointer?: string;
  /** The query, path or header parameter at fault, when the problem is not in the body. */
  readonly parameter?: string;
  /** What is wrong there: a string or a {@link message}. */
  readonly detail: string | Message;
  /** Further members, sent as given. */
  readonly [member: string]: unknown;
}

// Registered, so that two installed copies of the package know each other's errors (isHttpError).
const BRAND = Symbol.for('express-typed-errors.HttpError');
// The name of one of our classes, kept where a minifier cannot rename it: on the class itself
// (UnknownProblem), or on the base that defineError() made for a status class.
const KIND = Symbol('kind');
const CHILD_KIND = Symbol('childKind');
// Skipping a stack means setting the limit to 0 for one construction; a realm that froze
// it (e.g. a hardened runtime) keeps full stacks rather than throwing.
const CAN_SKIP_STACK = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable === true;

/**
 * The base of every error this library throws. Abstract: throw one of its subclasses
 * (`NotFound`, `ServiceUnavailable`, ...) or create one with `createHttpError(status)`.
 *
 * Carries the same fields as an http-errors error (`status`, `statusCode`, `expose`,
 * `headers`), so middleware written for http-errors understands it.
 */
export abstract class HttpError<S extends number = ErrorStatus> extends Error {
  /**
   * Whether exposed 4xx errors (`NotFound`, `Unauthorized`, `TooManyRequests`, ...) capture a
   * stack trace. Off by default outside `NODE_ENV=development`: nobody reads the stack of an
   * expected client error, and a flood of them should not pay for one. Set it yourself to see 4xx
   * frames in `debug` output outside development, or on one class (`NotFound.captureStack = true`).
   * No factory changes it. 5xx and unexposed errors always capture theirs, for the log.
   */
  // `process` is guarded: the client entry (and so this class) also runs in browsers.
  static captureStack: boolean = typeof process !== 'undefined' && process.env?.NODE_ENV === 'development';

  // The fields are `declare`d and set by the constructor, in this order: a bundle carries no
  // class-field definitions for them, and the error's own keys read the same.
  /** The HTTP status code. */
  declare readonly status: S;
  /** The same as `status`, for code written against http-errors or Node. */
  declare readonly statusCode: S;
  /** Whether the thrower's `detail` may be sent to the client. */
  declare expose: boolean;
  /** Headers sent with the response: the status's own (e.g. `Retry-After`) and `options.headers`. */
  declare headers: Record<string, string>;
  /** The thrower's explanation, if any. Sent only when `expose` is true. */
  declare readonly detail: string | Message | undefined;
  /** Itemised problems, sent as the `errors` member. */
  declare readonly errors: readonly ProblemItem[] | undefined;
  /** The problem type URI, if set. */
  declare readonly type: string | undefined;
  /** The occurrence URI, if set. */
  declare readonly instance: string | undefined;
  /** Extra members of the problem body. */
  declare readonly extensions: Readonly<Record<string, unknown>> | undefined;
  /** The `title` a server sent, on an error read back by `parseProblem()`; unset on an error thrown here. */
  declare readonly title?: string;
  /**
   * The `status` a problem body stated when it differs from the response's own, on an error
   * read back by `parseProblem()` (the response's status is the one the error carries).
   */
  declare readonly bodyStatus?: number;

  protected constructor(status: S, first?: unknown, second?: unknown) {
    const contract = specOf(status);
    let detail: string | Message | undefined;
    let value: unknown;
    let options: HttpErrorOptions | undefined;
    if (contract === undefined) {
      if (typeof first === 'string') {
        detail = first;
        options = asOptions(second);
      } else {
        options = asOptions(first) ?? asOptions(second);
      }
    } else if (!contract.required && isOptionsObject(first)) {
      // An optional header value may be skipped: `new ServiceUnavailable({ detail })`.
      options = first;
    } else {
      value = first;
      options = asOptions(second);
    }
    detail = detail ?? (typeof options?.detail === 'string' || isMessage(options?.detail) ? options.detail : undefined);
    const message = typeof detail === 'string' ? detail : titleOf(status);
    const expose = typeof options?.expose === 'boolean' ? options.expose : status < 500;
    const skipStack = CAN_SKIP_STACK && !wantsStack(new.target, status, expose, options);
    const limit = Error.stackTraceLimit;
    if (skipStack) Error.stackTraceLimit = 0;
    try {
      super(message, options !== undefined && 'cause' in options ? { cause: options.cause } : undefined);
    } finally {
      if (skipStack) Error.stackTraceLimit = limit;
    }
    this.status = status;
    this.statusCode = status;
    this.expose = expose;
    this.headers = {};
    this.detail = detail;
    this.errors = Array.isArray(options?.errors) ? options.errors : undefined;
    this.type = options?.type;
    this.instance = options?.instance;
    this.extensions = options?.extensions;
    if (contract !== undefined) {
      const formatted = contract.format(value);
      if (formatted !== undefined) this.headers[contract.header] = formatted;
      (this as Record<string, unknown>)[contract.property] = contract.keep(value);
    }
    if (options?.headers !== undefined) copyHeaders(options.headers, this.headers);
  }
}

// The stack's first line reads `NotFound: ...` and subclasses get their own name, with
// no per-instance write: V8 reads `name` through the prototype when it formats the stack.
// Our classes take theirs from the status table, so a minified bundle still says `NotFound`.
Object.defineProperty(HttpError.prototype, 'name', {
  configurable: true,
  get(this: object): string {
    return kindOf(this.constructor) ?? this.constructor.name;
  },
  set(this: object, name: unknown) {
    Object.defineProperty(this, 'name', { value: name, writable: true, configurable: true });
  },
});
// A brand that two installed copies of this package in one process share: `instanceof` follows
// the prototype chain only, so an error of the other copy is known by isHttpError() alone.
Object.defineProperty(HttpError.prototype, BRAND, { value: true });

/** Base of the 4xx classes: the client can fix the request. `detail` is exposed by default. */
export abstract class ClientError<S extends number = ClientErrorStatus> extends HttpError<S> {}

/** Base of the 5xx classes: the server failed. The thrower's `detail` is never sent unless `expose: true`. */
export abstract class ServerError<S extends number = ServerErrorStatus> extends HttpError<S> {}

/** Names one of our classes for `name`, so a minified bundle keeps it; a subclass of it is not included. */
export function markClass(target: object, name: string): void {
  Object.defineProperty(target, KIND, { value: name });
}

// The name a class of ours carries: its own mark, or the status class name its defineError() base holds.
function kindOf(target: unknown): string | undefined {
  if (typeof target !== 'function') return undefined;
  if (Object.hasOwn(target, KIND)) return (target as { [KIND]?: string })[KIND];
  const base: unknown = Object.getPrototypeOf(target);
  return typeof base === 'function' && Object.hasOwn(base, CHILD_KIND) ? (base as { [CHILD_KIND]?: string })[CHILD_KIND] : undefined;
}

/**
 * True for an error of this library, also one created by another installed copy of it (two
 * versions in one `node_modules` tree), whose classes `instanceof` rightly tells apart.
 */
export function isHttpError(value: unknown): value is HttpError<number> {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/** The arguments a status's constructor takes: its header's value first where it has one. */
export type ConstructorArgs<S extends ErrorStatus> = [ContractOf<S>] extends [never]
  ? [detail?: string | HttpErrorOptions, options?: HttpErrorOptions]
  : S extends RequiredContractStatus
    ? [value: ContractArgument[ContractOf<S>], options?: HttpErrorOptions]
    : [value?: ContractArgument[ContractOf<S>] | HttpErrorOptions, options?: HttpErrorOptions];

/** An instance of a status's class: its base, its literal status, and the value of its header. */
export type ErrorInstance<S extends ErrorStatus> = (S extends ClientErrorStatus ? ClientError<S> : ServerError<S>) &
  ([ContractOf<S>] extends [never] ? unknown : ContractProperty[ContractOf<S>]);

/** The constructor of a status's class. */
export interface ErrorClass<S extends ErrorStatus> {
  new (...args: ConstructorArgs<S>): ErrorInstance<S>;
  readonly prototype: ErrorInstance<S>;
  /** The status code of every instance. */
  readonly status: S;
  /** Set on one class to make its exposed 4xx capture a stack; see {@link HttpError.captureStack}. */
  captureStack?: boolean;
}

type BaseConstructor = abstract new (status: number, first?: unknown, second?: unknown) => HttpError<number>;

/**
 * The base of one status's class: `export class NotFound extends defineError(404) {}`.
 * The status is written once; constructor arguments and properties follow from the table.
 */
export function defineError<S extends ErrorStatus>(status: S): ErrorClass<S> {
  const Base = (status >= 500 ? ServerError : ClientError) as unknown as BaseConstructor;
  class Defined extends Base {
    static readonly status = status;
    constructor(first?: unknown, second?: unknown) {
      super(status, first, second);
    }
  }
  // The class that extends this base is the status's own: `class NotFound extends defineError(404) {}`.
  Object.defineProperty(Defined, CHILD_KIND, { value: statusRow(status)?.className });
  return Defined as unknown as ErrorClass<S>;
}

// 5xx and unexposed errors are logged, so they keep their stack; an exposed 4xx only when asked.
function wantsStack(target: unknown, status: number, expose: boolean, options: HttpErrorOptions | undefined): boolean {
  if (typeof options?.captureStack === 'boolean') return options.captureStack;
  return status >= 500 || !expose || (target as { captureStack?: unknown }).captureStack === true;
}

function isOptionsObject(value: unknown): value is HttpErrorOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function asOptions(value: unknown): HttpErrorOptions | undefined {
  return isOptionsObject(value) ? value : undefined;
}

function copyHeaders(from: Readonly<Record<string, unknown>>, to: Record<string, string>): void {
  for (const name of Object.keys(from)) {
    const value = from[name];
    if (typeof value === 'string') to[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) to[name] = String(value);
    else if (Array.isArray(value)) to[name] = value.filter((item) => typeof item === 'string').join(', ');
  }
}
