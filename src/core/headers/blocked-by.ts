/** `Link: <uri>; rel="blocked-by"` (RFC 7725 §4): on 451, who demanded the block. */
import { keepAsIs, whenPresent } from './spec';
import type { HeaderOpenApi, HeaderSpec } from './spec';

// A URI-reference never contains these; refusing them keeps the `<...>` unambiguous.
const LINK_TARGET = /^[^\s<>"\\^`{|}\x00-\x1f\x7f]+$/;

/** `Link: <uri>; rel="blocked-by"` naming who demanded the block. */
export function formatBlockedBy(uri: unknown): string | undefined {
  return typeof uri === 'string' && LINK_TARGET.test(uri) ? `<${uri}>; rel="blocked-by"` : undefined;
}

const REL = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i;

// RFC 8288: `<uri>; rel="blocked-by"` among other links; `rel` may list several types. One
// pass: each link's parameters run to the next `<`, so no part of the text is read twice.
function readBlockedBy(value: string): string | undefined {
  let open = value.indexOf('<');
  while (open !== -1) {
    const close = value.indexOf('>', open + 1);
    // Without a `>` after it, no later `<` can start a link either.
    if (close === -1) return undefined;
    const next = value.indexOf('<', close + 1);
    const rel = REL.exec(value.slice(close + 1, next === -1 ? value.length : next));
    const types = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (types.includes('blocked-by')) return value.slice(open + 1, close);
    open = next;
  }
  return undefined;
}

export const blockedBy = {
  header: 'Link',
  property: 'blockedBy',
  required: false,
  format: formatBlockedBy,
  keep: keepAsIs,
  parse: whenPresent(readBlockedBy),
} as const satisfies HeaderSpec;

export function blockedByOpenApi(): HeaderOpenApi {
  return {
    description: 'Who demanded the block (RFC 7725 §4).',
    schema: { type: 'string', pattern: '^<[^>]*>; rel="blocked-by"$' },
    sample: 'https://authority.example/notice',
  };
}
