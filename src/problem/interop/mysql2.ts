/**
 * mysql2 (and mysql) server errors, recognised by `errno` and `sqlState`, and the fatal
 * error of a lost connection.
 */
import { readDriverCode, unavailable } from './database';
import type { InteropReader } from './reader';

export const mysql2: InteropReader<'mysql2'> = {
  name: 'mysql2',
  read(source) {
    // TypeORM copies the driver error's fields onto its QueryFailedError: that one is TypeORM's.
    if ('driverError' in source) return undefined;
    if (source.fatal === true && source.code === 'PROTOCOL_CONNECTION_LOST') return unavailable();
    if (typeof source.errno !== 'number' || typeof source.sqlState !== 'string') return undefined;
    return readDriverCode(source.code);
  },
};
