/** NestJS-style exceptions: a `getStatus()` method returning 400..599. */
import { isErrorRange } from '../../core/status';
import { ownMessage } from './reader';
import type { InteropReader } from './reader';

export const getStatus: InteropReader<'getStatus'> = {
  name: 'getStatus',
  read(source) {
    const method = source.getStatus;
    if (typeof method !== 'function') return undefined;
    const status: unknown = method.call(source);
    if (!isErrorRange(status)) return undefined;
    return { status, expose: status < 500, detail: ownMessage(source, status), headers: undefined };
  },
};
