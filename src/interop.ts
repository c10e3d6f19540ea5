/**
 * Readers for errors thrown by other libraries: body-parser, Boom, NestJS-style
 * exceptions, and `AggregateError` or arrays of errors. Each reads its shape defensively
 * and says what the response should be; it never changes the error it reads.
 */
import statuses from 'statuses';
import { TCHAR } from './headers';
import { message } from './message';
import type { Message } from './message';
import type { PhraseKey } from './locales/types';
import { isErrorRange } from './status';

/** What a foreign error says about its response, before our own defaults are applied. */
export interface ForeignReading {
  readonly status: number;
  readonly expose: boolean;
  readonly detail: string | Message | undefined;
  readonly headers: Readonly<Record<string, unknown>> | undefined;
}

// A token (RFC 9110 §5.6.2) of sane length: only such values are echoed in a detail.
const SAFE_PARAM = new RegExp(`^${TCHAR}{1,40}$`);

type BodyParserRule = readonly [status: number, key: PhraseKey | undefined, param?: 'limit' | 'charset' | 'encoding'];

// body-parser / raw-body error types. Their messages are English and sometimes echo the
// request, so the detail always comes from our catalog instead.
const BODY_PARSER: Readonly<Record<string, BodyParserRule>> = {
  'entity.parse.failed': [400, 'bodyParseFailed'],
  'entity.too.large': [413, 'bodyTooLarge', 'limit'],
  'encoding.unsupported': [415, 'bodyEncodingUnsupported', 'encoding'],
  'charset.unsupported': [415, 'bodyCharsetUnsupported', 'charset'],
  'request.aborted': [400, 'bodyAborted'],
  'request.size.invalid': [400, 'bodySizeInvalid'],
  'parameters.too.many': [413, 'bodyTooManyParameters'],
  'querystring.parse.rangeError': [400, 'bodyTooDeep'],
  // The server's own misuse of the stream: a 500 with nothing but the default description.
  'stream.encoding.set': [500, undefined],
  'stream.not.readable': [500, undefined],
};

/** A body-parser error (recognised by its `type`), or `undefined`. */
export function readBodyParserError(source: Readonly<Record<string, unknown>>): ForeignReading | undefined {
  const type = source.type;
  if (typeof type !== 'string' || !Object.hasOwn(BODY_PARSER, type)) return undefined;
  // Only an http-errors-shaped error carries these types; a plain `{ type }` is not one.
  if (!isErrorRange(source.status) && !isErrorRange(source.statusCode)) return undefined;
  const [status, key, param] = BODY_PARSER[type] as BodyParserRule;
  let detail: Message | undefined;
  if (key !== undefined) {
    if (param === undefined) {
      detail = message(key);
    } else {
      const value = source[param];
      const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value : '';
      // Without a value that is safe to show, the status's default description is used.
      if (SAFE_PARAM.test(text)) detail = message(key, { [param]: text });
    }
  }
  return { status, expose: status < 500, detail, headers: undefined };
}

/** A Boom error (`isBoom`, `output.statusCode`, `output.headers`), or `undefined`. */
export function readBoomError(source: Readonly<Record<string, unknown>>): ForeignReading | undefined {
  if (source.isBoom !== true) return undefined;
  const output = source.output;
  if (typeof output !== 'object' || output === null) return undefined;
  const { statusCode, headers } = output as { statusCode?: unknown; headers?: unknown };
  if (!isErrorRange(statusCode)) return undefined;
  // Boom itself shows the message of a 4xx and hides that of a 5xx.
  return { status: statusCode, expose: statusCode < 500, detail: ownMessage(source, statusCode), headers: isRecord(headers) ? headers : undefined };
}

/** A NestJS-style exception (`getStatus()` returning 400..599), or `undefined`. */
export function readStatusGetterError(source: Readonly<Record<string, unknown>>): ForeignReading | undefined {
  const getStatus = source.getStatus;
  if (typeof getStatus !== 'function') return undefined;
  const status: unknown = getStatus.call(source);
  if (!isErrorRange(status)) return undefined;
  return { status, expose: status < 500, detail: ownMessage(source, status), headers: undefined };
}

/** The members of an `AggregateError` or a thrown array, or `undefined` for anything else. */
export function aggregateItems(error: unknown): readonly unknown[] | undefined {
  if (Array.isArray(error)) return error;
  if (error instanceof AggregateError && Array.isArray(error.errors)) return error.errors as unknown[];
  return undefined;
}

/**
 * The status that speaks for several: the highest code, so that any 5xx (a failure the
 * client cannot fix) wins over every 4xx.
 */
export function aggregateStatus(statusesOfItems: readonly number[]): number {
  return statusesOfItems.reduce((highest, status) => (status > highest ? status : highest), 0) || 500;
}

function ownMessage(source: Readonly<Record<string, unknown>>, status: number): string | undefined {
  return status >= 500 ? undefined : shownMessage(source.message, status);
}

/** A thrower's message worth sending: a non-empty string that is more than the English reason phrase. */
export function shownMessage(text: unknown, status: number): string | undefined {
  // The bare English reason phrase says nothing a localised description does not.
  return typeof text === 'string' && text !== '' && text !== statuses.message[status] ? text : undefined;
}

/** A plain object (not `null`, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
