/**
 * A bare Node system error of a connection that failed (`ECONNREFUSED`, `ENOTFOUND`, ...,
 * with its `syscall`): what pg and other raw database drivers reject with when the database
 * cannot be reached. fetch, axios and got wrap theirs, and answer 502 or 504 instead.
 */
import { unavailable } from './database';
import type { InteropReader } from './reader';
import { CONNECTION_CODES } from './upstream';

export const connection: InteropReader<'connection'> = {
  name: 'connection',
  read(source) {
    const code = source.code;
    return typeof source.syscall === 'string' && typeof code === 'string' && CONNECTION_CODES.has(code) ? unavailable() : undefined;
  },
};
