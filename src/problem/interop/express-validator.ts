/**
 * express-validator: the error `validationResult(req).throw()` raises and a `Result` passed
 * to `next()`, both known by the `Result` methods they carry next to the raw `errors`.
 * A 422 with one item per failed field; the values the client sent are never read.
 */
import type { ProblemItem } from '../../core/http-error';
import { message } from '../../core/message';
import { MAX_AGGREGATE_ITEMS } from './aggregate';
import { fieldItem, locationOf, ownText } from './fields';
import type { InteropReader } from './reader';
import { isRecord } from './reader';

// Its default English messages; anything else was written by the app for its users.
const STOCK = new Set(['Invalid value', 'Invalid value(s)', 'Unknown field(s)']);
// `foo.bar`, `items[0]`, `["dotted.key"]`, as express-validator writes a field's path.
const SEGMENT = /\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g;

export const expressValidator: InteropReader<'expressValidator'> = {
  name: 'expressValidator',
  read(source) {
    // The methods first: `errors` is read only from a value that is a Result.
    if (typeof source.array !== 'function' || typeof source.mapped !== 'function' || typeof source.formatWith !== 'function') return undefined;
    const errors = source.errors;
    if (!Array.isArray(errors)) return undefined;
    const items: ProblemItem[] = [];
    for (const error of errors.slice(0, MAX_AGGREGATE_ITEMS)) collect(error, items, 0);
    if (items.length === 0) return undefined;
    return { status: 422, expose: true, detail: undefined, headers: undefined, errors: items.slice(0, MAX_AGGREGATE_ITEMS) };
  },
};

function collect(error: unknown, into: ProblemItem[], depth: number): void {
  if (Array.isArray(error) && depth < 3) {
    for (const nested of error.slice(0, MAX_AGGREGATE_ITEMS)) collect(nested, into, depth + 1);
    return;
  }
  if (!isRecord(error) || into.length >= MAX_AGGREGATE_ITEMS) return;
  switch (error.type) {
    case 'field':
      into.push(fieldItem(locationOf(error.location), pathOf(error.path), ownText(error.msg, STOCK, 'zodInvalid')));
      return;
    case 'unknown_fields':
      if (!Array.isArray(error.fields)) return;
      for (const field of error.fields.slice(0, MAX_AGGREGATE_ITEMS)) {
        if (isRecord(field)) into.push(fieldItem(locationOf(field.location), pathOf(field.path), message('zodUnrecognizedKey')));
      }
      return;
    case 'alternative':
    case 'alternative_grouped':
      // `oneOf()`: every alternative failed, so each failure is listed.
      if (depth < 3) collect(error.nestedErrors, into, depth + 1);
      return;
    default:
  }
}

function pathOf(path: unknown): string[] {
  if (typeof path !== 'string') return [];
  const segments: string[] = [];
  for (const match of path.matchAll(SEGMENT)) segments.push(match[1] ?? match[2] ?? match[3] ?? '');
  return segments;
}
