/**
 * A validator's name for a string format or a type, turned into the branch a catalog writes a
 * sentence for. The raw name never reaches a sentence: a format or type with no branch gets
 * the catalog's neutral one ("does not have the expected format").
 */
import { message } from '../../core/message';
import type { Message } from '../../core/message';
import type { FormatKind, TypeKind } from '../../i18n/locales/select';

type FormatRule = readonly [kind: FormatKind, name?: string];

// zod's format names; the proper name of a scheme is spelled as its authors do.
const FORMATS: Readonly<Record<string, FormatRule>> = {
  email: ['email'],
  url: ['url'],
  hostname: ['hostname'],
  emoji: ['emoji'],
  uuid: ['id', 'UUID'],
  guid: ['id', 'GUID'],
  nanoid: ['id', 'Nano ID'],
  cuid: ['id', 'CUID'],
  cuid2: ['id', 'CUID2'],
  ulid: ['id', 'ULID'],
  xid: ['id', 'XID'],
  ksuid: ['id', 'KSUID'],
  datetime: ['datetime'],
  date: ['date'],
  time: ['time'],
  duration: ['duration'],
  ip: ['ip', 'IP'],
  ipv4: ['ip', 'IPv4'],
  ipv6: ['ip', 'IPv6'],
  cidrv4: ['cidr', 'IPv4'],
  cidrv6: ['cidr', 'IPv6'],
  mac: ['mac'],
  base64: ['base64', 'Base64'],
  base64url: ['base64', 'Base64url'],
  hex: ['hex'],
  jwt: ['jwt'],
  json_string: ['json'],
  e164: ['phone'],
  lowercase: ['lowercase'],
  uppercase: ['uppercase'],
};

// zod's `expected` names; a tuple is a JSON array, a record a JSON object.
const TYPES: Readonly<Record<string, TypeKind>> = {
  string: 'string',
  number: 'number',
  int: 'int',
  bigint: 'bigint',
  boolean: 'boolean',
  date: 'date',
  array: 'array',
  tuple: 'array',
  object: 'object',
  record: 'object',
  null: 'null',
  file: 'file',
};

/** The `zodInvalidFormat` message for a format name (zod's, or one mapped to it). */
export function formatMessage(format: unknown): Message {
  const rule = typeof format === 'string' && Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (rule === undefined) return message('zodInvalidFormat', { format: 'other', name: '' });
  const [kind, name] = rule;
  return message('zodInvalidFormat', { format: kind, name: name ?? '' });
}

/** The `zodInvalidType` message for a type name (zod's `expected`, or one mapped to it). */
export function typeMessage(expected: unknown): Message {
  const kind = typeof expected === 'string' && Object.hasOwn(TYPES, expected) ? TYPES[expected] : undefined;
  return message('zodInvalidType', { expected: kind ?? 'other' });
}
