/**
 * node-postgres (`pg`) `DatabaseError`s, recognised by their shape: the server's
 * `severity`, a five-character SQLSTATE `code` and the `routine` that raised it.
 */
import { readDriverCode } from './database';
import type { InteropReader } from './reader';

const SQLSTATE = /^[0-9A-Z]{5}$/;

export const pg: InteropReader<'pg'> = {
  name: 'pg',
  read(source) {
    const code = source.code;
    if (typeof source.severity !== 'string' || typeof code !== 'string' || !SQLSTATE.test(code) || typeof source.routine !== 'string') return undefined;
    // TypeORM copies the driver error's fields onto its QueryFailedError: that one is TypeORM's.
    return 'driverError' in source ? undefined : readDriverCode(code);
  },
};
