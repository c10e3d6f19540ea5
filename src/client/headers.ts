/** Received headers, looked up by name in any case: a `Headers`, axios' headers, Node's or a plain object. */

/** Headers with a `get()` (fetch's `Headers`, axios' `AxiosHeaders`), or a plain object of values. */
export type HeadersLike =
  | { get(name: string): unknown }
  | Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** A case-insensitive lookup over `headers`; nothing is found in anything else, and it never throws. */
export function headerReader(headers: unknown): (name: string) => string | undefined {
  try {
    if (typeof headers !== 'object' || headers === null) return () => undefined;
    const { get } = headers as { get?: unknown };
    if (typeof get === 'function') {
      return (name) => {
        try {
          const value: unknown = get.call(headers, name);
          return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
        } catch {
          return undefined;
        }
      };
    }
    const map = new Map<string, string>();
    for (const [name, value] of Object.entries(headers)) {
      const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
      if (text !== undefined) map.set(name.toLowerCase(), text);
    }
    return (name) => map.get(name);
  } catch {
    return () => undefined;
  }
}
