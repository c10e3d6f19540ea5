/**
 * The branches of the phrases that name a kind of value: a catalog writes one whole sentence
 * per string format and per type, so each language gets its own grammar (gender, articles,
 * particles) instead of a name dropped into a frame. Typed: a missing branch does not compile.
 */

/**
 * The `{format}` branches of `zodInvalidFormat`. `id`, `ip`, `cidr` and `base64` also take
 * `{name}`, the scheme's proper name (`UUID`, `ULID`, `IPv4`, `Base64url`, ...).
 */
export const FORMAT_KINDS = ['email', 'url', 'hostname', 'emoji', 'id', 'datetime', 'date', 'time', 'duration', 'ip', 'cidr', 'mac', 'base64', 'hex', 'jwt', 'json', 'phone', 'lowercase', 'uppercase'] as const;

/** The `{expected}` branches of `zodInvalidType`: the JSON and JavaScript types a validator names. */
export const TYPE_KINDS = ['string', 'number', 'int', 'bigint', 'boolean', 'date', 'array', 'object', 'null', 'file'] as const;

export type FormatKind = (typeof FORMAT_KINDS)[number];
export type TypeKind = (typeof TYPE_KINDS)[number];

/** One sentence per branch, and `other` for a kind no branch names. */
export type Sentences<K extends string> = { readonly [B in K | 'other']: string };

/** `{argument, select, key {sentence} ... other {sentence}}`, one branch per line. */
export function select<K extends string>(argument: string, sentences: Sentences<K>): string {
  const branches = Object.entries<string>(sentences).map(([key, sentence]) => `  ${key} {${sentence}}`);
  return `{${argument}, select,\n${branches.join('\n')}\n}`;
}
