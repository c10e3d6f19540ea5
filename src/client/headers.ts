/** Received headers, looked up by name in any case: a `Headers`, axios' headers, Node's or a plain object. */

/** Headers with a `get()` (fetch's `Headers`, axios' `AxiosHeaders`), or a plain object of values. */
export type HeadersLike =
  | { get(name: string): unknown }
  | Readonly<Record<string, string | number | readonly string[] | undefined>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/**
 * A case-insensitive lookup over `headers` by a lower-case name; nothing is found in anything
 * else, and it never throws. A plain object is read when a name is looked up (a response is
 * read for two or three names): its last field of that name with a value counts, a list joined.
 */
export function headerReader(headers: unknown): (name: string) => string | undefined {
  return (name) => {
    try {
      if (typeof headers !== 'object' || headers === null) return undefined;
      const { get } = headers as { get?: unknown };
      if (typeof get === 'function') return text(get.call(headers, name));
      let found: string | undefined;
      for (const [field, value] of Object.entries(headers)) if (field.toLowerCase() === name) found = (Array.isArray(value) ? value.join(', ') : text(value)) ?? found;
      return found;
    } catch {
      return undefined;
    }
  };
}
