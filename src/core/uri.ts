/**
 * URI references (RFC 3986 §4.1): problem `type` and `instance` values, checked by the
 * `typeBaseUri` option, the schema builder and strict mode.
 */

// RFC 3986 §4.1: only unreserved, reserved and `%` may appear; `%` must start a pct-encoded octet.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** True for a URI reference (RFC 3986 §4.1): an absolute URI such as `https://...` or `about:blank`, or a relative one such as `/problems/x`. */
export function isUriReference(value: unknown): value is string {
  if (typeof value !== 'string' || !URI_CHARS.test(value)) return false;
  // A colon before the first `/`, `?` or `#` ends a scheme, which must then be well formed.
  const end = value.search(/[/?#]/);
  const colon = value.indexOf(':');
  return colon === -1 || (end !== -1 && colon > end) || SCHEME.test(value.slice(0, colon));
}

/** True for an absolute URI without query or fragment, to which a path segment can be appended. */
export function isAbsoluteUri(value: unknown): value is string {
  return isUriReference(value) && value.includes(':') && SCHEME.test(value.slice(0, value.indexOf(':'))) && !/[?#]/.test(value);
}

const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;
const PCT_ENCODED = /^%[0-9A-Fa-f]{2}/;

/**
 * `value` as a URI reference: itself when it is one, else with every character RFC 3986
 * does not allow percent-encoded (UTF-8), a `%` that starts no octet as `%25`, and a colon
 * that would start an invalid scheme as `%3A`. `/users/a\b` becomes `/users/a%5Cb`.
 */
export function toUriReference(value: string): string {
  const given: unknown = value;
  if (isUriReference(given)) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    if (char === '%') {
      out += PCT_ENCODED.test(value.slice(i, i + 3)) ? '%' : '%25';
    } else if (URI_CHAR.test(char)) {
      out += char;
    } else {
      const code = value.codePointAt(i) as number;
      const whole = String.fromCodePoint(code);
      if (whole.length === 2) i++;
      // A lone surrogate has no UTF-8 form: U+FFFD stands in for it, as TextEncoder does.
      out += code >= 0xd800 && code <= 0xdfff ? '%EF%BF%BD' : encodeURIComponent(whole);
    }
  }
  const encoded: unknown = out;
  if (isUriReference(encoded)) return out;
  const end = out.search(/[/?#]/);
  const head = end === -1 ? out : out.slice(0, end);
  return head.replace(/:/g, '%3A') + (end === -1 ? '' : out.slice(end));
}
