/**
 * TypeORM errors: `EntityNotFoundError` (from `findOneOrFail()` and the like), and
 * `QueryFailedError` read by the `code` of the driver error it wraps.
 */
import { notFound, readDriverCode } from './database';
import { isRecord } from './reader';
import type { InteropReader } from './reader';

export const typeorm: InteropReader<'typeorm'> = {
  name: 'typeorm',
  read(source) {
    if (source.name === 'EntityNotFoundError') return 'criteria' in source && 'entityClass' in source ? notFound() : undefined;
    if (source.name !== 'QueryFailedError' || !isRecord(source.driverError)) return undefined;
    return readDriverCode(source.driverError.code);
  },
};
