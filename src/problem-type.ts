/**
 * Problem type URIs: the `<base>/<slug>` identifiers of the `typeBaseUri` option, and
 * the URI-reference check shared by the option, the schema and strict mode.
 */
import { ERROR_STATUSES, STATUSES } from './status';

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

/**
 * The `type` of every registered status under `base`: `{ 503: '<base>/service-unavailable', ... }`.
 * Throws a `TypeError` when `base` is not an absolute URI, so a typo fails at start-up.
 */
export function problemTypes(base: string): Readonly<Record<number, string>> {
  if (!isAbsoluteUri(base)) throw new TypeError(`typeBaseUri "${String(base)}" is not an absolute URI such as https://example.com/problems`);
  const root = base.replace(/\/+$/, '');
  const types: Record<number, string> = {};
  for (const status of ERROR_STATUSES) types[status] = `${root}/${STATUSES[status].slug}`;
  return types;
}
