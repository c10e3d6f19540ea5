/**
 * Prisma Client errors, recognised by `name` and `clientVersion`; a known request error
 * by its `code` (https://www.prisma.io/docs/orm/reference/error-reference).
 */
import { message } from '../../core/message';
import { conflict, duplicate, fieldItems, invalid, INVALID_VALUE, notFound, unavailable } from './database';
import { isRecord } from './reader';
import type { ForeignReading, InteropReader } from './reader';

const NOT_FOUND = new Set(['P2025', 'P2001']);
const RELATION = new Set(['P2003', 'P2014']);
// A value the client sent that the column refuses: too long, invalid, out of range.
const INVALID = new Set(['P2000', 'P2005', 'P2006', 'P2007']);
// Database unreachable, timed out, closed the connection; the connection pool timed out.
const UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

export const prisma: InteropReader<'prisma'> = {
  name: 'prisma',
  read(source) {
    if (typeof source.clientVersion !== 'string') return undefined;
    if (source.name === 'PrismaClientInitializationError') return unavailable();
    // PrismaClientValidationError (a query the code got wrong) and the unknown errors stay 500.
    if (source.name !== 'PrismaClientKnownRequestError' || typeof source.code !== 'string') return undefined;
    return readCode(source.code, isRecord(source.meta) ? source.meta : {});
  },
};

function readCode(code: string, meta: Readonly<Record<string, unknown>>): ForeignReading | undefined {
  if (code === 'P2002') return duplicate(uniqueFields(meta), false);
  if (NOT_FOUND.has(code)) return notFound();
  if (RELATION.has(code)) return conflict('dbRelationConflict');
  if (INVALID.has(code)) {
    const detail = message(code === 'P2000' ? 'dbTooLong' : INVALID_VALUE);
    return invalid(fieldItems([meta.column_name ?? meta.field_name], false, () => ({ detail })));
  }
  return UNAVAILABLE.has(code) ? unavailable() : undefined;
}

// `meta.target` lists the fields (a string there is an index or constraint name, never
// sent); with a driver adapter (Prisma 7) they are in the adapter error's constraint.
function uniqueFields(meta: Readonly<Record<string, unknown>>): readonly unknown[] {
  if (Array.isArray(meta.target)) return meta.target;
  const adapter = meta.driverAdapterError;
  const cause = isRecord(adapter) ? adapter.cause : undefined;
  const constraint = isRecord(cause) ? cause.constraint : undefined;
  const fields = isRecord(constraint) ? constraint.fields : undefined;
  return Array.isArray(fields) ? fields : [];
}
