/**
 * csrf-csrf's and csurf's invalid-token error: an http-errors error with `code`
 * `EBADCSRFTOKEN` (403 unless the app chose another status). Its status, our own detail.
 */
import { message } from '../../core/message';
import { isErrorRange } from '../../core/status';
import type { InteropReader } from './reader';

export const csrf: InteropReader<'csrf'> = {
  name: 'csrf',
  read(source) {
    const status = source.status ?? source.statusCode;
    if (source.code !== 'EBADCSRFTOKEN' || !isErrorRange(status)) return undefined;
    return { status, expose: status < 500, detail: status < 500 ? message('csrfInvalidToken') : undefined, headers: undefined };
  },
};
