/**
 * The itemised problems of any producer read into one shape: ours (`errors: [{ pointer,
 * detail }]`), Spring's (`errors: [{ field, message }]`), Zalando problem's (`violations:
 * [{ field, message }]`) and ASP.NET Core's `ValidationProblemDetails` (`errors: { field:
 * [messages] }`) all become `{ pointer | parameter, detail }`.
 */
import type { ProblemItem } from '../core/http-error';
import { toJsonPointer } from '../core/pointer';

type Body = Readonly<Record<string, unknown>>;

/** The body's items, or `undefined` when it has none of these members. */
export function readItems(body: Body): ProblemItem[] | undefined {
  const { errors, violations } = body;
  if (errors === undefined && violations === undefined) return undefined;
  const items: ProblemItem[] = [];
  for (const list of [errors, violations]) {
    if (Array.isArray(list)) {
      for (const item of list) {
        const read = readItem(item);
        if (read !== undefined) items.push(read);
      }
    } else if (typeof list === 'object' && list !== null) {
      // ASP.NET Core: each field's messages, an array or (from some serialisers) a single string.
      for (const [field, messages] of Object.entries(list)) {
        for (const detail of [messages].flat()) if (typeof detail === 'string') items.push(withPlace({ detail }, field));
      }
    }
  }
  return items;
}

// An item of ours keeps its members; one with `field` and `message` (Spring, Zalando) or
// Spring's `defaultMessage` is translated; a bare string is its own detail; anything else is dropped.
function readItem(item: unknown): ProblemItem | undefined {
  if (typeof item === 'string') return { detail: item };
  if (typeof item !== 'object' || item === null) return undefined;
  const { field, message, defaultMessage, ...rest } = item as Body;
  if (typeof rest.detail === 'string') return item as ProblemItem;
  const detail = typeof message === 'string' ? message : defaultMessage;
  return typeof detail === 'string' ? withPlace({ ...rest, detail }, field) : undefined;
}

// A field path (`address.city`, `items[0].name`, ASP.NET's `$.items[0]`) as a JSON Pointer
// (RFC 6901); a path that already is one is kept, an empty one (the whole body) gives none.
function withPlace(item: ProblemItem, field: unknown): ProblemItem {
  if (typeof field !== 'string') return item;
  if (field.startsWith('/')) return { ...item, pointer: field };
  const parts = field.replace(/^\$\.?/, '').split(/\.|\[(\d+)\]\.?/).filter(Boolean);
  return parts.length === 0 ? item : { ...item, pointer: toJsonPointer(parts) };
}
