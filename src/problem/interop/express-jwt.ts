/**
 * express-jwt's `UnauthorizedError`: `status` 401 and one of its `code`s, with the error it
 * wraps in `inner`. Answered with the Bearer challenge RFC 6750 §3 gives each case.
 */
import { message } from '../../core/message';
import type { PhraseKey } from '../../i18n/locales/types';
import type { ChallengeParts, InteropReader } from './reader';
import { isRecord } from './reader';

// RFC 6750 §3.1: no `error` when the request carries no Bearer credentials (none at all, or
// another scheme); `invalid_request` for a malformed header; `invalid_token` for a bad token.
const CODES: Readonly<Record<string, readonly [PhraseKey, error?: string]>> = {
  credentials_required: ['jwtCredentialsRequired'],
  credentials_bad_scheme: ['jwtBadScheme'],
  credentials_bad_format: ['jwtBadFormat', 'invalid_request'],
  invalid_token: ['jwtInvalidToken', 'invalid_token'],
  revoked_token: ['jwtRevokedToken', 'invalid_token'],
};

/** The Bearer challenge of an RFC 6750 error code, or the bare scheme without one. */
export function bearer(error: string | undefined): ChallengeParts {
  return error === undefined ? { scheme: 'Bearer' } : { scheme: 'Bearer', params: { error } };
}

export const expressJwt: InteropReader<'expressJwt'> = {
  name: 'expressJwt',
  read(source) {
    const code = source.code;
    if (source.name !== 'UnauthorizedError' || source.status !== 401 || typeof code !== 'string' || !Object.hasOwn(CODES, code) || !('inner' in source)) return undefined;
    const [key, error] = CODES[code] as readonly [PhraseKey, string?];
    // jsonwebtoken says why a token failed in the error it wraps.
    const expired = code === 'invalid_token' && isRecord(source.inner) && source.inner.name === 'TokenExpiredError';
    return { status: 401, expose: true, detail: message(expired ? 'jwtExpiredToken' : key), headers: undefined, challenges: [bearer(error)] };
  },
};
