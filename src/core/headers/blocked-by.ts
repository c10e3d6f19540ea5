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
// RFC 8288: `<uri>; rel="blocked-by"` among other links; `rel` may list several types. Each
// link's parameters run to the next `<`, where the next link starts: read with the sticky flag
// from the first `<`, no part of the text is read twice, and a `<` without a `>` ends the list.
const LINK = /<([^>]*)>([^<]*)/y;

function readBlockedBy(value: string): string | undefined {
  // With no `<` at all the text cannot start with one, so the first read fails.
  LINK.lastIndex = Math.max(0, value.indexOf('<'));
  for (let link = LINK.exec(value); link !== null; link = LINK.exec(value)) {
    const rel = REL.exec(link[2] as string);
    if ((rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).includes('blocked-by')) return link[1];
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
