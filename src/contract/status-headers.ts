/**
 * The headers an answer of one status carries besides those every answer has: its header
 * contract's, `Cache-Control: no-store`, `Connection`. The OpenAPI builder and the problem
 * type pages both describe them from this list, as `toProblem()` and the writer send them.
 */
import { CONTRACTS } from '../core/headers';
import type { HeaderSpec } from '../core/headers';
import { statusRow } from '../core/status';
import type { HeaderContract } from '../core/status';

/** One header of a status: its contract's (`contract`), or a fixed value (`value`). */
export type StatusHeader =
  | { readonly name: string; readonly contract: HeaderContract; readonly spec: HeaderSpec }
  | { readonly name: 'Cache-Control'; readonly value: 'no-store' }
  | { readonly name: 'Connection'; readonly value: 'close' | 'Upgrade' };

/** The headers of `status`, in the order they are documented. */
export function statusHeaders(status: number): StatusHeader[] {
  const row = statusRow(status);
  const out: StatusHeader[] = [];
  if (row?.header !== undefined) out.push({ name: CONTRACTS[row.header].header, contract: row.header, spec: CONTRACTS[row.header] });
  if (row?.noStore === true || status >= 500) out.push({ name: 'Cache-Control', value: 'no-store' });
  // Connection-specific, so sent on HTTP/1.1 only: 408 closes the connection (RFC 9110
  // §15.5.9); whoever sends Upgrade lists it in Connection (§7.8).
  if (status === 408) out.push({ name: 'Connection', value: 'close' });
  if (status === 426) out.push({ name: 'Connection', value: 'Upgrade' });
  return out;
}
