/**
 * The grammar every header contract builds on (RFC 9110 §5.5, §5.6), and the checks that
 * keep a bad header value from ever reaching `res.setHeader`, where Node would throw.
 */

/** RFC 9110 §5.6.2 tchar, as a regular-expression class; every token check builds on it. */
export const TCHAR = "[!#$%&'*+.^_`|~0-9A-Za-z-]";
/** token = 1*tchar. */
export const TOKEN = new RegExp(`^${TCHAR}+$`);
// Visible ASCII, space and tab: stricter than Node (which allows Latin-1) so that what
// we send reads the same in every client.
const SAFE_VALUE = /^[\t\x20-\x7e]*$/;

/** True for a header field name Node and RFC 9110 accept. */
export function isValidHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** True for a header value with no control characters (CR, LF, NUL) and no non-ASCII. */
export function isValidHeaderValue(value: string): boolean {
  return SAFE_VALUE.test(value);
}

/** A quoted-string (RFC 9110 §5.6.4): `"` and `\` are escaped with a backslash. */
export function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The own key of `headers` that names the field `name` (any case), or `undefined`. */
export function fieldNamed(headers: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/** A comma-separated list field (`Allow`, `Upgrade`) from tokens: each valid item once, in the order given. */
export function formatTokenList(value: unknown, isItem: (item: string) => boolean = (item) => TOKEN.test(item)): string | undefined {
  const items: unknown[] | undefined = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (items === undefined) return undefined;
  const trimmed = items.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  // A Set keeps the first of each; an empty item is no token, nor a protocol.
  return [...new Set(trimmed)].filter((item) => isItem(item)).join(', ');
}
