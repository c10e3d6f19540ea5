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
