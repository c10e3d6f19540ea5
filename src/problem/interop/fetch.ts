/**
 * Node's `fetch` (undici): `TypeError: fetch failed` (no answer) or `TypeError: terminated`
 * (the body stopped coming) read by its `cause`'s `code`, and the `TimeoutError` that
 * `AbortSignal.timeout()` rejects with.
 */
import { isRecord } from './reader';
import type { InteropReader } from './reader';
import { failedConnection, timedOut } from './upstream';

// DOMException's legacy code for a TimeoutError.
const TIMEOUT_ERR = 23;

export const fetch: InteropReader<'fetch'> = {
  name: 'fetch',
  read(source) {
    if (source.name === 'TimeoutError' && source.code === TIMEOUT_ERR) return timedOut();
    if (source.name !== 'TypeError' || (source.message !== 'fetch failed' && source.message !== 'terminated')) return undefined;
    const cause = source.cause;
    return isRecord(cause) ? failedConnection(cause.code) : undefined;
  },
};
