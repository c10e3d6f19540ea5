/** Problem type URIs: the `<base>/<slug>` identifiers of the `typeBaseUri` option. */
import { ERROR_STATUSES, STATUS_REFERENCES } from '../core/status';
import { isAbsoluteUri } from '../core/uri';

/**
 * The `type` of every registered status under `base`: `{ 503: '<base>/service-unavailable', ... }`.
 * Throws a `TypeError` when `base` is not an absolute URI, so a typo fails at start-up.
 */
export function problemTypes(base: string): Readonly<Record<number, string>> {
  if (!isAbsoluteUri(base)) throw new TypeError(`typeBaseUri "${String(base)}" is not an absolute URI such as https://example.com/problems`);
  const root = base.replace(/\/+$/, '');
  const types: Record<number, string> = {};
  for (const status of ERROR_STATUSES) types[status] = `${root}/${STATUS_REFERENCES[status].slug}`;
  return types;
}
