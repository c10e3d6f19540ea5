/**
 * Which header fields a foreign error (http-errors, Boom, a NestJS exception, any object
 * with a status) may put on our response: its status's contract header, re-written through
 * that contract's spec so only a well-formed value goes out, and the rate-limit fields. Never
 * `Set-Cookie`, `Refresh`, `Location`, `Content-*`, caching, CORS, framing or hop-by-hop fields.
 */
import { ERROR_STATUSES, statusRow } from '../status';
import type { HeaderContract } from '../status';
import { CONTRACTS } from './index';
import type { HeaderSpec } from './spec';

// draft-ietf-httpapi-ratelimit-headers (`RateLimit`, `RateLimit-Policy`) and the older
// `X-RateLimit-Limit`, `-Remaining`, `-Reset` family: they describe the limit, nothing else.
const RATE_LIMIT_FIELD = /^(?:ratelimit|ratelimit-policy|x-ratelimit-[a-z0-9-]{1,32})$/i;
// RFC 6750 §3.1: a 403 for a token without the needed scope carries its Bearer challenge too.
const ALSO: Readonly<Record<number, readonly HeaderContract[]>> = { 403: ['www-authenticate'] };

// Per status, the lower-cased contract field names it accepts, with their spec.
const BY_STATUS = new Map<number, ReadonlyMap<string, HeaderSpec>>();
for (const status of ERROR_STATUSES) {
  const contracts = [statusRow(status)?.header, ...(ALSO[status] ?? [])].filter((name): name is HeaderContract => name !== undefined);
  if (contracts.length > 0) BY_STATUS.set(status, new Map(contracts.map((name): [string, HeaderSpec] => [CONTRACTS[name].header.toLowerCase(), CONTRACTS[name]])));
}

/**
 * The name and value under which a foreign error's header goes out on a response of
 * `status`, or `undefined` when it must not: a contract field is read and written again by
 * its spec (a value the spec cannot read is refused), a rate-limit field passes as it is.
 */
export function forwarded(status: number, name: string, value: string): readonly [name: string, value: string] | undefined {
  const lower = name.toLowerCase();
  const spec = BY_STATUS.get(status)?.get(lower);
  if (spec !== undefined) {
    const rewritten = spec.format(spec.parse(value));
    return rewritten === undefined || rewritten === '' ? undefined : [spec.header, rewritten];
  }
  return RATE_LIMIT_FIELD.test(lower) ? [name, value] : undefined;
}
