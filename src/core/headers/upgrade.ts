/** `Upgrade` (RFC 9110 §7.8): on 426, the protocols the client must switch to. */
import { formatTokenList, TCHAR } from './field';
import { keepList, splitList } from './spec';
import type { HeaderOpenApi, HeaderSpec } from './spec';

// RFC 9110 §7.8: protocol-name ["/" protocol-version], both tokens.
const PROTOCOL = new RegExp(`^${TCHAR}+(?:/${TCHAR}+)?$`);

/** `Upgrade: h2c, websocket`. */
export function formatUpgrade(value: unknown): string | undefined {
  return formatTokenList(value, (item) => PROTOCOL.test(item));
}

export const upgrade = {
  header: 'Upgrade',
  property: 'upgrade',
  required: true,
  format: formatUpgrade,
  keep: keepList,
  parse: splitList,
} as const satisfies HeaderSpec;

export function upgradeOpenApi(): HeaderOpenApi {
  return { description: 'The protocols to switch to (RFC 9110 §7.8).', schema: { type: 'string' }, sample: ['h2c'] };
}
