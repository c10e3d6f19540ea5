/** axios errors (`isAxiosError`): the upstream's response, a timeout, or no answer at all. */
import type { InteropReader } from './reader';
import { isRecord } from './reader';
import { headerOf, timedOut, unreachable, upstreamAnswered } from './upstream';

// The app's own request was wrong or cancelled: not the upstream's failure.
const OWN_MISTAKES = new Set(['ERR_CANCELED', 'ERR_BAD_OPTION', 'ERR_BAD_OPTION_VALUE', 'ERR_INVALID_URL', 'ERR_NOT_SUPPORT', 'ERR_DEPRECATED']);

export const axios: InteropReader<'axios'> = {
  name: 'axios',
  read(source) {
    if (source.isAxiosError !== true) return undefined;
    const response = source.response;
    if (isRecord(response)) return upstreamAnswered(response.status, headerOf(response.headers, 'retry-after'));
    const code = source.code;
    // ECONNABORTED is axios's timeout; ETIMEDOUT with `transitional.clarifyTimeoutError`.
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return timedOut();
    return typeof code === 'string' && OWN_MISTAKES.has(code) ? undefined : unreachable();
  },
};
