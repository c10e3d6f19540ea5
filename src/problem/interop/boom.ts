/** @hapi/boom errors: `isBoom`, with the response in `output` (`statusCode`, `headers`). */
import { isErrorRange } from '../../core/status';
import { isRecord, ownMessage } from './reader';
import type { InteropReader } from './reader';

export const boom: InteropReader<'boom'> = {
  name: 'boom',
  read(source) {
    if (source.isBoom !== true) return undefined;
    const output = source.output;
    if (typeof output !== 'object' || output === null) return undefined;
    const { statusCode, headers } = output as { statusCode?: unknown; headers?: unknown };
    if (!isErrorRange(statusCode)) return undefined;
    // Boom itself shows the message of a 4xx and hides that of a 5xx.
    return { status: statusCode, expose: statusCode < 500, detail: ownMessage(source, statusCode), headers: isRecord(headers) ? headers : undefined };
  },
};
