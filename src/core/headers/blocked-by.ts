/** `Link: <uri>; rel="blocked-by"` (RFC 7725 §4): on 451, who demanded the block. */
import { keepAsIs, whenPresent } from './spec';
import type { HeaderOpenApi, HeaderSpec } from './spec';

// A URI-reference never contains these; refusing them keeps the `<...>` unambiguous.
const LINK_TARGET = /^[^\s<>"\\^`{|}\x00-\x1f\x7f]+$/;

/** `Link: <uri>; rel="blocked-by"` naming who demanded the block. */
export function formatBlockedBy(uri: unknown): string | undefined {
  return typeof uri === 'string' && LINK_TARGET.test(uri) ? `<${uri}>; rel="blocked-by"` : undefined;
}

// RFC 8288: `<uri>; rel="blocked-by"` among other links; `rel` may list several types.
function readBlockedBy(value: string): string | undefined {
  for (const match of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,<]*)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const types = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (types.includes('blocked-by')) return match[1];
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
