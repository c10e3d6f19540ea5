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
  return new ChallengeReader(String(header)).readAll();
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

const TCHAR_CHAR = new RegExp(TCHAR);
// Sticky, so it matches where the cursor stands without copying the rest of the text.
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*/y;

/** A cursor over one challenge list (RFC 9110 §11.6.1 and §5.6). */
class ChallengeReader {
  private at = 0;

  constructor(private readonly text: string) {}

  readAll(): Challenge[] {
    const out: Challenge[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.at >= this.text.length) return out;
      const challenge = this.readChallenge();
      if (challenge === undefined) return out;
      out.push(challenge);
    }
  }

  private readChallenge(): Challenge | undefined {
    const scheme = this.readToken();
    if (scheme === undefined) return undefined;
    const afterScheme = this.at;
    this.skipWhitespace();
    if (this.at === afterScheme || this.at >= this.text.length || this.peek() === ',') return { scheme };
    const params: Record<string, string> = {};
    const seen = new Set<string>();
    let realm: string | undefined;
    const add = (name: string, value: string): void => {
      // RFC 9110 §11.2: each parameter name occurs once; the first one counts.
      const lower = name.toLowerCase();
      if (lower === 'realm') realm ??= value;
      else if (!seen.has(lower)) {
        seen.add(lower);
        params[name] = value;
      }
    };
    const first = this.readParam();
    if (first === undefined) {
      TOKEN68.lastIndex = this.at;
      const token68 = TOKEN68.exec(this.text)?.[0];
      if (token68 === undefined) return undefined;
      this.at += token68.length;
      this.skipWhitespace();
      if (this.at < this.text.length && this.peek() !== ',') return undefined;
      return `${scheme} ${token68}`;
    }
    add(first[0], first[1]);
    for (;;) {
      const before = this.at;
      this.skipSeparators();
      if (this.at === before || this.at >= this.text.length) break;
      const param = this.readParam();
      if (param === undefined) {
        // Not `name=value`: the next challenge starts here.
        this.at = before;
        break;
      }
      add(param[0], param[1]);
    }
    const challenge: { scheme: string; realm?: string; params?: Record<string, string> } = { scheme };
    if (realm !== undefined) challenge.realm = realm;
    if (seen.size > 0) challenge.params = params;
    return challenge;
  }

  /** `token BWS "=" BWS ( token / quoted-string )`, followed by the end or a comma; else nothing is consumed. */
  private readParam(): [string, string] | undefined {
    const start = this.at;
    const name = this.readToken();
    if (name !== undefined) {
      this.skipWhitespace();
      if (this.peek() === '=') {
        this.at++;
        this.skipWhitespace();
        const value = this.peek() === '"' ? this.readQuoted() : this.readToken();
        const end = this.at;
        this.skipWhitespace();
        if (value !== undefined && (this.at >= this.text.length || this.peek() === ',')) {
          this.at = end;
          return [name, value];
        }
      }
    }
    this.at = start;
    return undefined;
  }

  private readToken(): string | undefined {
    const start = this.at;
    while (this.at < this.text.length && TCHAR_CHAR.test(this.peek())) this.at++;
    return this.at === start ? undefined : this.text.slice(start, this.at);
  }

  /** RFC 9110 §5.6.4: a backslash takes the next character literally. */
  private readQuoted(): string | undefined {
    let out = '';
    for (let i = this.at + 1; i < this.text.length; i++) {
      const ch = this.text[i] as string;
      if (ch === '"') {
        this.at = i + 1;
        return out;
      }
      if (ch === '\\') {
        i++;
        if (i >= this.text.length) return undefined;
        out += this.text[i];
      } else {
        out += ch;
      }
    }
    return undefined;
  }

  private skipWhitespace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.at++;
  }

  private skipSeparators(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === ',') this.at++;
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }
}
