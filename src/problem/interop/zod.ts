/**
 * zod (`express-typed-errors/zod`): a ready mapper from zod's `ZodError` to a 422 with one
 * localised item per issue. zod is an optional peer dependency: this module never
 * imports it, it recognises a `ZodError` by its shape.
 */
import { UnprocessableContent } from '../../core/errors';
import type { ProblemItem } from '../../core/http-error';
import { message } from '../../core/message';
import type { PhraseKey } from '../../i18n/locales/types';
import { MAX_AGGREGATE_ITEMS } from '../normalize';
import { toJsonPointer } from '../pointer';

/** The parts of a zod (v4) issue this mapper reads. */
interface ZodIssueLike {
  readonly code?: unknown;
  readonly path?: unknown;
  readonly message?: unknown;
  readonly [member: string]: unknown;
}

// zod's own text for an issue nobody described; not worth sending over ours.
const ZOD_DEFAULT_MESSAGE = /^Invalid input\b/;
// Format names that read well in "must be a valid {format}"; the pattern checks do not.
const NAMED_FORMAT = /^[a-z][a-z0-9_]*$/;
const PATTERN_FORMATS = new Set(['regex', 'starts_with', 'ends_with', 'includes']);

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
      return phrase('zodInvalidType', { expected: text(issue.expected) });
    case 'too_big':
      return bound(issue, issue.maximum, 'maximum', ['zodTooLong', 'zodTooManyItems', 'zodTooBig', 'zodTooBigExclusive']);
    case 'too_small':
      return bound(issue, issue.minimum, 'minimum', ['zodTooShort', 'zodTooFewItems', 'zodTooSmall', 'zodTooSmallExclusive']);
    case 'invalid_format': {
      const format = text(issue.format);
      return NAMED_FORMAT.test(format) && !PATTERN_FORMATS.has(format) ? phrase('zodInvalidFormat', { format }) : message('zodInvalid');
    }
    case 'not_multiple_of':
      return phrase('zodNotMultipleOf', { divisor: text(issue.divisor) });
    case 'invalid_value':
      return phrase('zodInvalidValue', { values: Array.isArray(issue.values) ? issue.values.map(literal).join(', ') : '' });
    case 'custom':
      // A refinement's own message was written by the app for its users.
      return typeof issue.message === 'string' && issue.message !== '' && !ZOD_DEFAULT_MESSAGE.test(issue.message) ? issue.message : message('zodInvalid');
    default:
      return message('zodInvalid');
  }
}

type BoundKeys = readonly [text: PhraseKey, items: PhraseKey, inclusive: PhraseKey, exclusive: PhraseKey];

function bound(issue: ZodIssueLike, limit: unknown, name: 'maximum' | 'minimum', [textKey, itemsKey, inclusiveKey, exclusiveKey]: BoundKeys): ProblemItem['detail'] {
  const value = issue.origin === 'date' && (typeof limit === 'number' || typeof limit === 'bigint') ? new Date(Number(limit)).toISOString() : text(limit);
  if (issue.origin === 'string') return phrase(textKey, { [name]: value });
  if (issue.origin === 'array' || issue.origin === 'set') return phrase(itemsKey, { [name]: value });
  return phrase(issue.inclusive === false ? exclusiveKey : inclusiveKey, { [name]: value });
}

function phrase(key: PhraseKey, params: Readonly<Record<string, string>>): ProblemItem['detail'] {
  // A parameter zod did not give would render as an empty hole: say less instead.
  return Object.values(params).every((value) => value !== '') ? message(key, params) : message('zodInvalid');
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' ? String(value) : '';
}

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : value === undefined ? 'undefined' : text(value);
}
