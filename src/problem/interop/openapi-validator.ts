/**
 * express-openapi-validator's `HttpError` family: a reason phrase as `name` (`Bad Request`,
 * `Method Not Allowed`, ...), `status`, `path`, and `errors[{ path, message, errorCode }]`.
 * Its status, the 405's `Allow` (checked), and one item per error, in the client's language
 * for ajv's common keywords (its English message otherwise); a 5xx stays masked.
 */
import { formatTokenList } from '../../core/headers/field';
import type { ProblemItem } from '../../core/http-error';
import { message } from '../../core/message';
import type { Message } from '../../core/message';
import { isErrorRange } from '../../core/status';
import { MAX_AGGREGATE_ITEMS } from './aggregate';
import { cap, fieldItem, locationOf, MAX_TEXT_LENGTH } from './fields';
import type { InteropReader } from './reader';
import { isRecord } from './reader';
import { formatMessage, typeMessage } from './value-kinds';

const NAMES = new Set([
  'Bad Request',
  'Unauthorized',
  'Forbidden',
  'Not Found',
  'Method Not Allowed',
  'Not Acceptable',
  'Request Entity Too Large',
  'Unsupported Media Type',
  'Internal Server Error',
]);
// Its error paths: `/body/...` (a JSON Pointer into the body), or `/<part>/<name>`.
const PATH = /^\/(body|query|path|params|headers|cookies)(?:\/(.*))?$/s;

export const openApiValidator: InteropReader<'openApiValidator'> = {
  name: 'openApiValidator',
  read(source) {
    const { name, status } = source;
    // `errors` is read only from a value whose name and status are already its.
    if (typeof name !== 'string' || !NAMES.has(name) || !isErrorRange(status) || typeof source.path !== 'string') return undefined;
    const errors = source.errors;
    if (!Array.isArray(errors)) return undefined;
    // A response that breaks the API description is the server's failure: nothing of it is shown.
    if (status >= 500) return { status, expose: false, detail: undefined, headers: undefined };
    const allow = status === 405 && isRecord(source.headers) ? source.headers.Allow : undefined;
    const methods = typeof allow === 'string' ? formatTokenList(allow.toUpperCase()) : undefined;
    const items = status === 400 ? errors.slice(0, MAX_AGGREGATE_ITEMS).flatMap(itemOf) : [];
    return {
      status,
      expose: true,
      detail: undefined,
      headers: methods === undefined ? undefined : { Allow: methods },
      ...(items.length > 0 ? { errors: items } : {}),
    };
  },
};

// ajv's `errorCode` is `<keyword>.openapi.validation`; its English message for a keyword is
// fixed, so the number or name it carries is read back and the phrase is ours. A keyword not
// here keeps the validator's own message.
const KEYWORD = /^(\w+)\.openapi\.validation$/;
const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)';
function count(pattern: string, key: Parameters<typeof message>[0], name: string): (text: string) => Message | undefined {
  const expression = new RegExp(pattern.replace('#', NUMBER));
  return (text) => {
    const found = expression.exec(text)?.[1];
    return found === undefined || !Number.isFinite(Number(found)) ? undefined : message(key, { [name]: Number(found) });
  };
}
// ajv's type names where they differ from zod's; its format names likewise.
const AJV_TYPES: Readonly<Record<string, string>> = { integer: 'int' };
const AJV_FORMATS: Readonly<Record<string, string>> = { 'date-time': 'datetime', uri: 'url', 'uri-reference': 'url', byte: 'base64' };
const atLeast = count('^must be >= #', 'zodTooSmall', 'minimum');
const above = count('^must be > #', 'zodTooSmallExclusive', 'minimum');
const atMost = count('^must be <= #', 'zodTooBig', 'maximum');
const below = count('^must be < #', 'zodTooBigExclusive', 'maximum');
const KEYWORDS: Readonly<Record<string, (text: string) => Message | undefined>> = {
  required: () => message('validatorRequired'),
  additionalProperties: () => message('zodUnrecognizedKey'),
  type: (text) => {
    const name = /^must be (\w+)/.exec(text)?.[1];
    return name === undefined ? undefined : typeMessage(AJV_TYPES[name] ?? name);
  },
  format: (text) => {
    const name = /^must match format "([^"]+)"/.exec(text)?.[1];
    return name === undefined ? undefined : formatMessage(AJV_FORMATS[name] ?? name);
  },
  pattern: () => formatMessage(undefined),
  enum: () => message('zodInvalid'),
  minLength: count('^must NOT have fewer than # characters', 'zodTooShort', 'minimum'),
  maxLength: count('^must NOT have more than # characters', 'zodTooLong', 'maximum'),
  minItems: count('^must NOT have fewer than # items', 'zodTooFewItems', 'minimum'),
  maxItems: count('^must NOT have more than # items', 'zodTooManyItems', 'maximum'),
  multipleOf: count('^must be multiple of #', 'zodNotMultipleOf', 'divisor'),
  // OpenAPI 3.0's boolean `exclusiveMinimum` reports as `minimum` with `>`; 3.1's as its own keyword.
  minimum: (text) => atLeast(text) ?? above(text),
  maximum: (text) => atMost(text) ?? below(text),
  exclusiveMinimum: above,
  exclusiveMaximum: below,
};

function detailOf(error: Readonly<Record<string, unknown>>, text: string): string | Message {
  const keyword = typeof error.errorCode === 'string' ? KEYWORD.exec(error.errorCode)?.[1] : undefined;
  const rule = keyword !== undefined && Object.hasOwn(KEYWORDS, keyword) ? KEYWORDS[keyword] : undefined;
  return rule?.(text) ?? cap(text, MAX_TEXT_LENGTH);
}

function itemOf(error: unknown): ProblemItem[] {
  if (!isRecord(error) || typeof error.message !== 'string') return [];
  const detail = detailOf(error, error.message);
  const match = typeof error.path === 'string' ? PATH.exec(error.path) : null;
  if (match === null) return [{ detail }];
  const where = locationOf(match[1]);
  const rest = match[2] ?? '';
  // The body's part is already a JSON Pointer (ajv's instancePath); a parameter is its name.
  if (where === 'body') return [{ pointer: cap(rest === '' ? '' : `/${rest}`), detail }];
  return [fieldItem(where, [rest.split('/')[0] ?? ''], detail)];
}
