/**
 * zod (`express-typed-errors/zod`): a ready mapper from zod's `ZodError` to a 422 with one
 * localised item per issue. zod is an optional peer dependency: this module never
 * imports it, it recognises a `ZodError` by its shape.
 */
import { UnprocessableContent } from '../../core/errors';
import type { ProblemItem } from '../../core/http-error';
import { message } from '../../core/message';
import type { PhraseKey } from '../../i18n/locales/types';
import { toJsonPointer } from '../../core/pointer';
import { MAX_AGGREGATE_ITEMS } from './aggregate';
import { formatMessage, typeMessage } from './value-kinds';

/** The parts of a zod (v4) issue this mapper reads. */
interface ZodIssueLike {
  readonly code?: unknown;
  readonly path?: unknown;
  readonly message?: unknown;
  readonly [member: string]: unknown;
}

// zod's own text for an issue nobody described; not worth sending over ours.
const ZOD_DEFAULT_MESSAGE = /^Invalid input\b/;
// zod's own text for a member that is missing altogether, whatever its type.
const MISSING = /received undefined$/;
const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Maps zod's `ZodError` to `UnprocessableContent` (422) whose `errors` list has one item
 * per issue: `pointer`, a JSON Pointer (RFC 6901) to the offending member, and a `detail`
 * rendered in the client's language. Anything else gives `undefined`. The `ZodError` is
 * kept, unchanged, as the `cause`.
 *
 * @example
 * import { mapZodError } from 'express-typed-errors/zod';
 * app.post('/users', (req, res) => { res.json(UserSchema.parse(req.body)); });
 * app.use(errorHandler({ map: mapZodError }));
 */
export function mapZodError(error: unknown): UnprocessableContent | undefined {
  const issues = zodIssues(error);
  if (issues === undefined) return undefined;
  const errors = issues.slice(0, MAX_AGGREGATE_ITEMS).flatMap(itemsOf);
  return new UnprocessableContent({ errors, cause: error });
}

function zodIssues(error: unknown): readonly ZodIssueLike[] | undefined {
  try {
    if (!(error instanceof Error) || (error.name !== 'ZodError' && error.name !== '$ZodError')) return undefined;
    const issues = (error as { issues?: unknown }).issues;
    return Array.isArray(issues) ? issues.filter((issue): issue is ZodIssueLike => typeof issue === 'object' && issue !== null) : undefined;
  } catch {
    return undefined;
  }
}

function itemsOf(issue: ZodIssueLike): ProblemItem[] {
  const path = Array.isArray(issue.path) ? (issue.path as unknown[]) : [];
  const pointer = toJsonPointer(path);
  if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
    return issue.keys.slice(0, MAX_AGGREGATE_ITEMS).map((key) => ({ pointer: toJsonPointer([...path, key]), detail: message('zodUnrecognizedKey') }));
  }
  return [{ pointer, detail: detailOf(issue) }];
}

function detailOf(issue: ZodIssueLike): ProblemItem['detail'] {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'nonoptional' || (typeof issue.message === 'string' && MISSING.test(issue.message))) return message('validatorRequired');
      return typeMessage(issue.expected);
    case 'too_big':
      return bound(issue, issue.maximum, 'maximum');
    case 'too_small':
      return bound(issue, issue.minimum, 'minimum');
    case 'invalid_format':
      return formatMessage(issue.format);
    case 'not_multiple_of': {
      const divisor = numeric(issue.divisor);
      return divisor === undefined ? message('zodInvalid') : message('zodNotMultipleOf', { divisor });
    }
    case 'invalid_value':
      return Array.isArray(issue.values) && issue.values.length > 0 ? message('zodInvalidValue', { values: issue.values.map(literal).join(', ') }) : message('zodInvalid');
    case 'custom':
      // A refinement's own message was written by the app for its users.
      return typeof issue.message === 'string' && issue.message !== '' && !ZOD_DEFAULT_MESSAGE.test(issue.message) ? issue.message : message('zodInvalid');
    default:
      return message('zodInvalid');
  }
}

// Each bound keeps its kind: a count of characters, items or bytes (pluralised), a date, a number.
const COUNTED: Readonly<Record<string, readonly [maximum: PhraseKey, minimum: PhraseKey, exact?: PhraseKey]>> = {
  string: ['zodTooLong', 'zodTooShort', 'zodExactLength'],
  array: ['zodTooManyItems', 'zodTooFewItems', 'zodExactItems'],
  set: ['zodTooManyItems', 'zodTooFewItems', 'zodExactItems'],
  file: ['zodFileTooLarge', 'zodFileTooSmall'],
};

function bound(issue: ZodIssueLike, limit: unknown, name: 'maximum' | 'minimum'): ProblemItem['detail'] {
  const value = numeric(limit);
  if (value === undefined) return message('zodInvalid');
  const origin = typeof issue.origin === 'string' ? issue.origin : '';
  const inclusive = issue.inclusive !== false;
  if (origin === 'date') return typeof value === 'number' ? dateBound(value, name, inclusive) : message('zodInvalid');
  const counted = Object.hasOwn(COUNTED, origin) ? COUNTED[origin] : undefined;
  if (counted !== undefined) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return message('zodInvalid');
    const [most, least, exact] = counted;
    if (issue.exact === true && exact !== undefined) return message(exact, { length: value });
    return message(name === 'maximum' ? most : least, { [name]: value });
  }
  const key = name === 'maximum' ? (inclusive ? 'zodTooBig' : 'zodTooBigExclusive') : inclusive ? 'zodTooSmall' : 'zodTooSmallExclusive';
  return message(key, { [name]: value });
}

/**
 * A midnight (UTC) bound reads as a day, "on or after 1 January 2030"; any other as a day and
 * a time to the minute, rounded toward the allowed side, so a value that meets the sentence
 * always passes (an exclusive bound is one millisecond past itself).
 */
function dateBound(at: number, name: 'maximum' | 'minimum', inclusive: boolean): ProblemItem['detail'] {
  if (inclusive && at % DAY === 0) return message(name === 'maximum' ? 'zodDateTooLate' : 'zodDateTooEarly', { [name]: new Date(at) });
  const edge = inclusive ? at : name === 'maximum' ? at - 1 : at + 1;
  const rounded = name === 'maximum' ? Math.floor(edge / MINUTE) * MINUTE : Math.ceil(edge / MINUTE) * MINUTE;
  const when = new Date(rounded);
  if (Number.isNaN(when.getTime())) return message('zodInvalid');
  return message(name === 'maximum' ? 'zodDateTimeTooLate' : 'zodDateTimeTooEarly', { [name]: when });
}

// A number for ICU to format in the reader's language; a bigint stays one beyond 2^53.
function numeric(value: unknown): number | bigint | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  return undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' ? String(value) : '';
}

// A value the client must send as it is: written as code, never formatted as a quantity.
function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : value === undefined ? 'undefined' : text(value);
}
