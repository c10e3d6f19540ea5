/**
 * express-oauth2-jwt-bearer's errors (`UnauthorizedError`, `InvalidRequestError`,
 * `InvalidTokenError`, `InsufficientScopeError`, `InvalidProofError`): their status, and the
 * challenge they carry in `headers`, read, checked and written again.
 */
import { parseChallenges } from '../../core/headers/challenges';
import { message } from '../../core/message';
import { isErrorRange } from '../../core/status';
import type { PhraseKey } from '../../i18n/locales/types';
import { bearer } from './express-jwt';
import type { ChallengeParts, InteropReader } from './reader';
import { isRecord } from './reader';

const DETAILS: Readonly<Record<string, PhraseKey>> = {
  UnauthorizedError: 'jwtCredentialsRequired',
  InvalidRequestError: 'jwtInvalidRequest',
  InvalidTokenError: 'jwtInvalidToken',
  InsufficientScopeError: 'jwtInsufficientScope',
  InvalidProofError: 'jwtInvalidProof',
};

// RFC 6750 §3: the characters of `error` and of `scope`'s tokens; DPoP's `algs` lists tokens.
// `error_description` is left out: it may quote the token's own header (`alg`).
const PARAMS: Readonly<Record<string, RegExp>> = {
  error: /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,64}$/,
  scope: /^[\x21\x23-\x5b\x5d-\x7e]+(?: [\x21\x23-\x5b\x5d-\x7e]+)*$/,
  algs: /^[A-Za-z0-9._-]+(?: [A-Za-z0-9._-]+)*$/,
};
const REALM = /^[\x20\x21\x23-\x5b\x5d-\x7e]{0,128}$/;
const MAX_PARAM_LENGTH = 1024;
// jose's text for an `exp` in the past, which the library passes on as the message.
const EXPIRED = /"exp" claim timestamp check failed/;

export const oauth2JwtBearer: InteropReader<'oauth2JwtBearer'> = {
  name: 'oauth2JwtBearer',
  read(source) {
    const name = source.name;
    const status = source.status;
    if (typeof name !== 'string' || !Object.hasOwn(DETAILS, name) || !isErrorRange(status) || status >= 500) return undefined;
    const headers = source.headers;
    const carried = isRecord(headers) ? headers['WWW-Authenticate'] : undefined;
    if (typeof carried !== 'string') return undefined;
    const challenges = checked(carried);
    const key = name === 'InvalidTokenError' && typeof source.message === 'string' && EXPIRED.test(source.message) ? 'jwtExpiredToken' : (DETAILS[name] as PhraseKey);
    return { status, expose: true, detail: message(key), headers: undefined, challenges: challenges.length > 0 ? challenges : [bearer(undefined)] };
  },
};

function checked(header: string): ChallengeParts[] {
  const out: ChallengeParts[] = [];
  for (const challenge of parseChallenges(header)) {
    if (typeof challenge === 'string') continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(challenge.params ?? {})) {
      const lower = name.toLowerCase();
      const rule = Object.hasOwn(PARAMS, lower) ? PARAMS[lower] : undefined;
      if (rule !== undefined && value.length <= MAX_PARAM_LENGTH && rule.test(value)) params[lower] = value;
    }
    const realm = challenge.realm !== undefined && REALM.test(challenge.realm) ? challenge.realm : undefined;
    out.push({ scheme: challenge.scheme, ...(realm === undefined ? {} : { realm }), ...(Object.keys(params).length > 0 ? { params } : {}) });
  }
  return out;
}
