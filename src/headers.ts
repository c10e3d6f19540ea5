/**
 * Builders for the headers that statuses carry, and the checks that keep a bad
 * header value from ever reaching `res.setHeader` (where Node would throw).
 */

/** Seconds to wait (whole, non-negative) or the moment after which to retry. */
export type RetryAfter = number | Date;

/**
 * An authentication challenge (RFC 9110 §11.6.1): a ready-made string such as
 * `'Basic realm="api"'`, or its parts, which are quoted and escaped for you.
 */
export type Challenge =
  | string
  | {
      readonly scheme: string;
      readonly realm?: string;
      readonly params?: Readonly<Record<string, string>>;
    };

/** RFC 9110 §5.6.2 tchar, as a regular-expression class; every token check builds on it. */
export const TCHAR = "[!#$%&'*+.^_`|~0-9A-Za-z-]";
// token = 1*tchar.
const TOKEN = new RegExp(`^${TCHAR}+$`);
// Visible ASCII, space and tab: stricter than Node (which allows Latin-1) so that what
// we send reads the same in every client.
const SAFE_VALUE = /^[\t\x20-\x7e]*$/;

/** True for a header field name Node and RFC 9110 accept. */
export function isValidHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** True for a header value with no control characters (CR, LF, NUL) and no non-ASCII. */
export function isValidHeaderValue(value: string): boolean {
  return SAFE_VALUE.test(value);
}

/** `Retry-After` as delta-seconds for a number, as an IMF-fixdate for a `Date`. */
export function formatRetryAfter(value: unknown): string | undefined {
  if (typeof value === 'number') {
    // A fractional wait is rounded up: retrying early would only fail again.
    return Number.isFinite(value) && value >= 0 ? String(Math.ceil(value)) : undefined;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    // toUTCString() is exactly IMF-fixdate (RFC 9110 §5.6.7) in every supported Node.
    return Number.isNaN(time) ? undefined : value.toUTCString();
  }
  return undefined;
}

const DELTA_SECONDS = /^\d+$/;
// RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, or the obsolete RFC 850 and asctime forms.
// Checked before Date.parse, which would also read "1 2" or "2030" as a date.
const HTTP_DATE = /^[A-Za-z]{3,9},? [\w -]+ \d{2}:\d{2}:\d{2}(?: GMT| \d{4})$/;

/** A received `Retry-After`: seconds for delta-seconds, a `Date` for an HTTP-date, else `undefined`. */
export function parseRetryAfter(value: string): number | Date | undefined {
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) return Number(text);
  // asctime names no zone, yet means GMT; Date.parse would read it as local time.
  const time = HTTP_DATE.test(text) ? Date.parse(text.endsWith(' GMT') ? text : `${text} GMT`) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** A comma-separated list field (`Allow`, `Upgrade`) from tokens; invalid items are left out. */
export function formatTokenList(value: unknown, isItem: (item: string) => boolean = (item) => TOKEN.test(item)): string | undefined {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (items === undefined) return undefined;
  const seen: string[] = [];
  for (const raw of items) {
    if (typeof raw !== 'string') continue;
    const item = raw.trim();
    if (item !== '' && isItem(item) && !seen.includes(item)) seen.push(item);
  }
  return seen.join(', ');
}

// RFC 9110 §7.8: protocol-name ["/" protocol-version], both tokens.
const PROTOCOL = new RegExp(`^${TCHAR}+(?:/${TCHAR}+)?$`);

/** `Upgrade: h2c, websocket`. */
export function formatUpgrade(value: unknown): string | undefined {
  return formatTokenList(value, (item) => PROTOCOL.test(item));
}

/** A quoted-string (RFC 9110 §5.6.4): `"` and `\` are escaped with a backslash. */
export function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function formatOneChallenge(challenge: unknown): string | undefined {
  if (typeof challenge === 'string') return challenge.trim() || undefined;
  if (challenge === null || typeof challenge !== 'object') return undefined;
  const { scheme, realm, params } = challenge as { scheme?: unknown; realm?: unknown; params?: unknown };
  if (typeof scheme !== 'string' || !TOKEN.test(scheme)) return undefined;
  const parts: string[] = [];
  if (typeof realm === 'string') parts.push(`realm=${quote(realm)}`);
  if (params !== null && typeof params === 'object') {
    for (const [name, value] of Object.entries(params)) {
      if (TOKEN.test(name) && name.toLowerCase() !== 'realm' && typeof value === 'string') parts.push(`${name}=${quote(value)}`);
    }
  }
  return parts.length === 0 ? scheme : `${scheme} ${parts.join(', ')}`;
}

/** `WWW-Authenticate` / `Proxy-Authenticate` from one challenge or several, joined with `, `. */
export function formatChallenges(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const challenge of list) {
    const text = formatOneChallenge(challenge);
    if (text !== undefined) out.push(text);
  }
  return out.length === 0 ? undefined : out.join(', ');
}

/** `Content-Range: bytes *\/<complete-length>` for a 416 (RFC 9110 §14.4). */
export function formatUnsatisfiedRange(completeLength: unknown): string | undefined {
  return Number.isSafeInteger(completeLength) && (completeLength as number) >= 0 ? `bytes */${String(completeLength)}` : undefined;
}

// A URI-reference never contains these; refusing them keeps the `<...>` unambiguous.
const LINK_TARGET = /^[^\s<>"\\^`{|}\x00-\x1f\x7f]+$/;

/** `Link: <uri>; rel="blocked-by"` naming who demanded the block (RFC 7725 §4). */
export function formatBlockedBy(uri: unknown): string | undefined {
  return typeof uri === 'string' && LINK_TARGET.test(uri) ? `<${uri}>; rel="blocked-by"` : undefined;
}

/** The argument type each header contract takes in its class's constructor. */
export interface ContractArgument {
  readonly 'retry-after': RetryAfter;
  readonly allow: string | readonly string[];
  readonly 'www-authenticate': Challenge | readonly Challenge[];
  readonly 'proxy-authenticate': Challenge | readonly Challenge[];
  readonly upgrade: string | readonly string[];
  readonly 'content-range': number;
  readonly 'blocked-by': string;
}

/** The property under which an error keeps the value it was given for its header. */
export interface ContractProperty {
  readonly 'retry-after': { readonly retryAfter: RetryAfter | undefined };
  readonly allow: { readonly allow: readonly string[] };
  readonly 'www-authenticate': { readonly challenges: readonly Challenge[] };
  readonly 'proxy-authenticate': { readonly challenges: readonly Challenge[] };
  readonly upgrade: { readonly upgrade: readonly string[] };
  readonly 'content-range': { readonly completeLength: number };
  readonly 'blocked-by': { readonly blockedBy: string | undefined };
}

interface ContractSpec {
  /** The header field, as it is sent. */
  readonly header: string;
  readonly property: string;
  readonly format: (value: unknown) => string | undefined;
  /** What the error keeps: lists become arrays so readers need not split them. */
  readonly keep: (value: unknown) => unknown;
}

const asList = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
const asIs = (value: unknown): unknown => value;
const asChallenges = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** How each header contract of the status table is filled. */
export const CONTRACTS: { readonly [K in keyof ContractArgument]: ContractSpec } = {
  'retry-after': { header: 'Retry-After', property: 'retryAfter', format: formatRetryAfter, keep: asIs },
  allow: { header: 'Allow', property: 'allow', format: formatTokenList, keep: asList },
  'www-authenticate': { header: 'WWW-Authenticate', property: 'challenges', format: formatChallenges, keep: asChallenges },
  'proxy-authenticate': { header: 'Proxy-Authenticate', property: 'challenges', format: formatChallenges, keep: asChallenges },
  upgrade: { header: 'Upgrade', property: 'upgrade', format: formatUpgrade, keep: asList },
  'content-range': { header: 'Content-Range', property: 'completeLength', format: formatUnsatisfiedRange, keep: asIs },
  'blocked-by': { header: 'Link', property: 'blockedBy', format: formatBlockedBy, keep: asIs },
};
