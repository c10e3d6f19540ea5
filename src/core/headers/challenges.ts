/**
 * Authentication challenges (RFC 9110 §11.6.1): `WWW-Authenticate` on 401 and
 * `Proxy-Authenticate` on 407, written from `{ scheme, realm, params }` and read back.
 */
import { quote, TCHAR, TOKEN } from './field';
import type { HeaderOpenApi, HeaderSpec } from './spec';

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

type ChallengeObject = Exclude<Challenge, string>;

/**
 * The app's default challenges completed by a source's own (RFC 6750's `Bearer` with its
 * `error`): a source challenge of a default's scheme keeps the default's realm and gets its
 * parameters on top of the default's; one of another scheme is listed after the defaults.
 */
export function mergeChallenges(defaults: readonly Challenge[], own: readonly ChallengeObject[]): Challenge[] {
  const sameScheme = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const used = new Set<ChallengeObject>();
  const out: Challenge[] = defaults.map((base) => {
    if (typeof base === 'string') return base;
    const match = own.find((challenge) => !used.has(challenge) && sameScheme(challenge.scheme, base.scheme));
    if (match === undefined) return base;
    used.add(match);
    const realm = base.realm ?? match.realm;
    return { scheme: base.scheme, ...(realm === undefined ? {} : { realm }), params: { ...base.params, ...match.params } };
  });
  for (const challenge of own) if (!used.has(challenge)) out.push(challenge);
  return out;
}

// The parts of a challenge list (RFC 9110 §11.6.1 and §5.6), each read with the sticky flag
// where the last one ended. None can match a text in two ways, so a read that fails costs no
// more than the text it looked at, and the whole list is read in linear time.
// The separators before a scheme (empty list elements too), the scheme and the spaces after it.
const SCHEME = new RegExp(`[ \\t,]*(${TCHAR}+)([ \\t]*)`, 'y');
// `token BWS "=" BWS ( token / quoted-string )`, then the end or a comma, after any separators.
const PARAM = new RegExp(`[ \\t,]*(${TCHAR}+)[ \\t]*=[ \\t]*(?:(${TCHAR}+)|"((?:[^"\\\\]|\\\\[^])*)")(?=[ \\t]*(?:,|$))`, 'y');
const TOKEN68 = /([A-Za-z0-9\-._~+/]+=*)[ \t]*(?=,|$)/y;

/**
 * The challenges of a `WWW-Authenticate` or `Proxy-Authenticate` value (RFC 9110 §11.6.1),
 * in the shape the error classes accept: `{ scheme, realm?, params? }`, or `'<scheme> <token68>'`.
 * Stops at the first malformed challenge and returns the ones before it.
 *
 * @example
 * parseChallenges('Bearer realm="api", error="invalid_token"');
 * // [{ scheme: 'Bearer', realm: 'api', params: { error: 'invalid_token' } }]
 */
export function parseChallenges(header: string): Challenge[] {
  const text = String(header);
  const out: Challenge[] = [];
  let at = 0;
  // Each part is read where the last one ended (sticky patterns), so no text is read twice.
  const read = (part: RegExp): RegExpExecArray | null => {
    part.lastIndex = at;
    const found = part.exec(text);
    if (found !== null) at = part.lastIndex;
    return found;
  };
  for (let head = read(SCHEME); head !== null; head = read(SCHEME)) {
    const scheme = head[1] as string;
    // A scheme alone: nothing after it, or a comma.
    if (head[2] === '' || at === text.length || text[at] === ',') {
      out.push({ scheme });
      continue;
    }
    let param = read(PARAM);
    if (param === null) {
      const token68 = read(TOKEN68);
      if (token68 === null) break;
      out.push(`${scheme} ${token68[1] as string}`);
      continue;
    }
    const challenge: { scheme: string; realm?: string; params?: Record<string, string> } = { scheme };
    const params: Record<string, string> = {};
    const seen = new Set<string>();
    // Parameters up to one that is not `name=value`, where the next challenge starts.
    for (; param !== null; param = read(PARAM)) {
      const [, name, token, quoted] = param as unknown as [string, string, string | undefined, string];
      // RFC 9110 §5.6.4: in a quoted-string a backslash takes the next character literally.
      const value = token ?? quoted.replace(/\\([^])/g, '$1');
      // RFC 9110 §11.2: each parameter name occurs once; the first one counts.
      const lower = name.toLowerCase();
      if (lower === 'realm') challenge.realm ??= value;
      else if (!seen.has(lower)) {
        seen.add(lower);
        params[name] = value;
      }
    }
    if (seen.size > 0) challenge.params = params;
    out.push(challenge);
  }
  return out;
}

const keepChallenges = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const parseOrNone = (value: string | undefined): Challenge[] => (value === undefined ? [] : parseChallenges(value));

export const wwwAuthenticate = {
  header: 'WWW-Authenticate',
  property: 'challenges',
  required: true,
  format: formatChallenges,
  keep: keepChallenges,
  parse: parseOrNone,
} as const satisfies HeaderSpec;

export const proxyAuthenticate = { ...wwwAuthenticate, header: 'Proxy-Authenticate' } as const satisfies HeaderSpec;

export function wwwAuthenticateOpenApi(): HeaderOpenApi {
  return {
    description: 'Authentication challenge(s) (RFC 9110 §11.6.1) for the target resource.',
    schema: { type: 'string' },
    sample: { scheme: 'Bearer', realm: 'api' },
  };
}

export function proxyAuthenticateOpenApi(): HeaderOpenApi {
  return {
    ...wwwAuthenticateOpenApi(),
    description: 'Authentication challenge(s) (RFC 9110 §11.6.1) for the proxy.',
  };
}
