/** got errors, recognised by their class `name` and the `options` every one of them keeps. */
import { isRecord } from './reader';
import type { InteropReader } from './reader';
import { failedConnection, headerOf, invalidAnswer, timedOut, upstreamAnswered } from './upstream';

// An upstream answer that could not be used: too many redirects, a body that does not parse or read.
const BAD_ANSWER = new Set(['MaxRedirectsError', 'ParseError', 'ReadError']);

export const got: InteropReader<'got'> = {
  name: 'got',
  read(source) {
    const name = source.name;
    if (typeof name !== 'string' || !isRecord(source.options)) return undefined;
    if (name === 'TimeoutError') return timedOut();
    if (name === 'HTTPError') {
      const response = source.response;
      return isRecord(response) ? upstreamAnswered(response.statusCode, headerOf(response.headers, 'retry-after')) : invalidAnswer();
    }
    if (BAD_ANSWER.has(name)) return invalidAnswer();
    return name === 'RequestError' ? failedConnection(source.code) : undefined;
  },
};
