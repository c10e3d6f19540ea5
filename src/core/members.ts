/**
 * The members of a problem document: the one list that the problem builder, its JSON
 * writer, strict mode, the schema and the client all read.
 */

/** The members RFC 9457 §3.1 defines, in the order a problem document is written. */
export const RFC_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'] as const;

/** The RFC's members and ours, `errors` (RFC 9457 §3's itemised problems): an extension never takes their place. */
export const STANDARD_MEMBERS: ReadonlySet<string> = new Set<string>([...RFC_MEMBERS, 'errors']);

/** The members whose value is a string when present (all of RFC 9457's but `status`). */
export const STRING_MEMBERS = RFC_MEMBERS.filter((name) => name !== 'status');

/** What an oversized body keeps, in order: the standard members, then the `traceId` that ties it to the log. */
// A call marked pure, so a bundle that never reads it (the client's) leaves it out.
export const KEPT_MEMBERS: readonly string[] = /* @__PURE__ */ (RFC_MEMBERS as readonly string[]).concat('errors', 'traceId');
