/**
 * Per-header-value memo for negotiations (`Accept-Language`, `Accept`): real traffic repeats
 * a few dozen values, so each is parsed once; hostile values cost a bounded amount.
 */

// Distinct values remembered; the map is emptied when full rather than tracking recency.
const CACHE_SIZE = 500;

/**
 * Wraps `negotiate` so that an absent value gives `fallback`, a value longer than `maxLength`
 * is decided by its head (cut at the last comma inside the limit: clients list their
 * preferences first), and anything `negotiate` throws gives `fallback`.
 */
export function cachedByHeader<T>(maxLength: number, fallback: T, negotiate: (head: string) => T): (header: string | undefined) => T {
  const cache = new Map<string, T>();
  const safely = (head: string): T => {
    try {
      return negotiate(head);
    } catch {
      return fallback;
    }
  };
  return (header) => {
    if (header === undefined || header === '') return fallback;
    // A cut header is parsed, not cached: as a key its slice would keep the whole header in
    // memory, and V8 hashes strings over 16,383 characters by length alone, so long keys
    // would collide. Parsing the head costs microseconds.
    if (header.length > maxLength) return safely(header.slice(0, header.lastIndexOf(',', maxLength) + 1 || maxLength));
    let value = cache.get(header);
    if (value === undefined) {
      value = safely(header);
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(header, value);
    }
    return value;
  };
}
