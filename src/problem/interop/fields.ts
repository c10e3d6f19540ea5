/**
 * The `errors` items the validation readers build: where in the request (a JSON Pointer into
 * the body, or a named parameter and where it was) and what is wrong there. Names a client
 * chose are cut to {@link MAX_NAME_LENGTH}; values it sent are never read.
 */
import type { ProblemItem } from '../../core/http-error';
import { isMessage, message } from '../../core/message';
import type { Message } from '../../core/message';
import type { PhraseKey } from '../../i18n/locales/types';
import { toJsonPointer } from '../../core/pointer';

/** Longest name (field, file field, parameter, pointer) sent back; a longer one is cut and ends in `…`. */
export const MAX_NAME_LENGTH = 128;
/** Longest message of a foreign validator sent as an item's `detail`. */
export const MAX_TEXT_LENGTH = 300;

/** Where a parameter was, in OpenAPI's words (`in`). */
export type ParameterIn = 'query' | 'path' | 'header' | 'cookie';

// The names validators give the parts of a request, to OpenAPI's `in`; the body gets a pointer.
const LOCATIONS: Readonly<Record<string, ParameterIn | 'body'>> = {
  body: 'body',
  query: 'query',
  params: 'path',
  path: 'path',
  headers: 'header',
  header: 'header',
  cookies: 'cookie',
  signedCookies: 'cookie',
  cookie: 'cookie',
};

/** The part of the request a validator's location names; an unknown one counts as the body. */
export function locationOf(location: unknown): ParameterIn | 'body' {
  return typeof location === 'string' && Object.hasOwn(LOCATIONS, location) ? (LOCATIONS[location] as ParameterIn | 'body') : 'body';
}

/** `text` cut to `limit` characters, ending in `…` when it was longer. */
export function cap(text: string, limit: number = MAX_NAME_LENGTH): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * One item: `{ pointer, detail }` for the body (`/address/zip`), `{ parameter, in, detail }`
 * for the query, path, headers and cookies.
 */
export function fieldItem(location: ParameterIn | 'body', path: readonly unknown[], detail: string | Message): ProblemItem {
  if (location === 'body') return { pointer: cap(toJsonPointer(path)), detail };
  return { parameter: cap(path.map(String).join('.')), in: location, detail };
}

/** A validator's own message when the app wrote it (or a {@link message}); its stock English text becomes `fallback`. */
export function ownText(value: unknown, stock: ReadonlySet<string>, fallback: PhraseKey): string | Message {
  if (isMessage(value)) return value;
  return typeof value === 'string' && value.trim() !== '' && !stock.has(value) ? cap(value, MAX_TEXT_LENGTH) : message(fallback);
}
