/**
 * celebrate's `CelebrateError` (what `isCelebrateError` checks: its own `celebrated` symbol,
 * and `details`, a Map of request part to joi error) and joi's own `ValidationError`
 * (`isJoi`, `details[{ path, message, type, context }]`). 422 for the body, 400 when the
 * query, path, headers or cookies fail; one item per detail. joi's messages quote the
 * value the client sent, so each detail is our own phrase, chosen by joi's `type`.
 */
import type { ProblemItem } from '../../core/http-error';
import { message } from '../../core/message';
import type { Message } from '../../core/message';
import type { PhraseKey } from '../../i18n/locales/types';
import { MAX_AGGREGATE_ITEMS } from './aggregate';
import { fieldItem, locationOf } from './fields';
import type { ParameterIn } from './fields';
import type { InteropReader } from './reader';
import { isRecord } from './reader';
import { formatMessage, typeMessage } from './value-kinds';

// joi `type` to phrase, and the `context` member that fills it in.
const PHRASES: Readonly<Record<string, readonly [PhraseKey, param?: string, from?: string]>> = {
  'any.required': ['validatorRequired'],
  'object.unknown': ['zodUnrecognizedKey'],
  'string.min': ['zodTooShort', 'minimum', 'limit'],
  'string.max': ['zodTooLong', 'maximum', 'limit'],
  'number.min': ['zodTooSmall', 'minimum', 'limit'],
  'number.max': ['zodTooBig', 'maximum', 'limit'],
  'number.greater': ['zodTooSmallExclusive', 'minimum', 'limit'],
  'number.less': ['zodTooBigExclusive', 'maximum', 'limit'],
  'array.min': ['zodTooFewItems', 'minimum', 'limit'],
  'array.max': ['zodTooManyItems', 'maximum', 'limit'],
};
// joi's string rules, by the zod format name whose sentence says the same.
const FORMATS: Readonly<Record<string, string>> = {
  'string.email': 'email',
  'string.uri': 'url',
  'string.guid': 'uuid',
  'string.isoDate': 'date',
  'string.isoDuration': 'duration',
  'string.ip': 'ip',
  'string.ipVersion': 'ip',
  'string.hostname': 'hostname',
  'string.domain': 'hostname',
  'string.base64': 'base64',
  'string.hex': 'hex',
  'string.lowercase': 'lowercase',
  'string.uppercase': 'uppercase',
};
const BASE = /^(string|number|boolean|object|array|date|binary)\.base$/;

export const celebrate: InteropReader<'celebrate'> = {
  name: 'celebrate',
  read(source) {
    if (isCelebrated(source)) {
      const items: ProblemItem[] = [];
      let body = true;
      for (const [segment, error] of source.details as Map<unknown, unknown>) {
        const where = locationOf(segment);
        if (where !== 'body') body = false;
        if (isRecord(error)) items.push(...itemsOf(error, where));
      }
      return { status: body ? 422 : 400, expose: true, detail: undefined, headers: undefined, errors: items.slice(0, MAX_AGGREGATE_ITEMS) };
    }
    if (source.name === 'ValidationError' && source.isJoi === true && Array.isArray(source.details)) {
      return { status: 422, expose: true, detail: undefined, headers: undefined, errors: itemsOf(source, 'body') };
    }
    return undefined;
  },
};

// isCelebrateError() reads a symbol celebrate keeps to itself; its description is what shows.
function isCelebrated(source: Readonly<Record<string, unknown>>): boolean {
  if (!(source.details instanceof Map)) return false;
  return Object.getOwnPropertySymbols(source).some((symbol) => symbol.description === 'celebrated' && (source as Record<symbol, unknown>)[symbol] === true);
}

function itemsOf(error: Readonly<Record<string, unknown>>, where: ParameterIn | 'body'): ProblemItem[] {
  const details = error.details;
  if (error.isJoi !== true || !Array.isArray(details)) return [];
  const items: ProblemItem[] = [];
  for (const detail of details.slice(0, MAX_AGGREGATE_ITEMS)) {
    if (!isRecord(detail)) continue;
    const path = Array.isArray(detail.path) ? detail.path : [];
    items.push(fieldItem(where, path, phraseOf(detail.type, isRecord(detail.context) ? detail.context : {})));
  }
  return items;
}

function phraseOf(type: unknown, context: Readonly<Record<string, unknown>>): Message {
  if (typeof type !== 'string') return message('zodInvalid');
  const base = BASE.exec(type);
  if (base !== null) return typeMessage(base[1]);
  if (Object.hasOwn(FORMATS, type)) return formatMessage(FORMATS[type]);
  if (type === 'any.only' && Array.isArray(context.valids) && context.valids.every((value) => typeof value === 'string' || typeof value === 'number')) {
    return message('zodInvalidValue', { values: context.valids.map((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value))).join(', ') });
  }
  const rule = Object.hasOwn(PHRASES, type) ? PHRASES[type] : undefined;
  if (rule === undefined) return message('zodInvalid');
  const [key, param, from] = rule;
  if (param === undefined || from === undefined) return message(key);
  const bound = context[from];
  // A number, for the catalog to pluralise and format in the reader's language.
  return typeof bound === 'number' && Number.isFinite(bound) ? message(key, { [param]: bound }) : message('zodInvalid');
}
