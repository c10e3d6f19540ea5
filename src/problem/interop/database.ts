/**
 * What the database readers (Prisma, Mongoose, Sequelize, TypeORM, pg, mysql2) share: the
 * few answers a data layer's errors become, and the driver codes behind them. A reading
 * carries our own localised detail and, at most, the names of the fields involved: never a
 * driver message, SQL, table, constraint name or value (a duplicate is often an e-mail address).
 */
import type { ProblemItem } from '../../core/http-error';
import { message } from '../../core/message';
import type { PhraseKey } from '../../i18n/locales/types';
import { toJsonPointer } from '../../core/pointer';
import type { ForeignReading } from './reader';

/** The longest field name (or validator kind) sent; a longer one is left out. */
export const MAX_FIELD_NAME_LENGTH = 64;
/** Fields listed for one error; the rest are left out. */
export const MAX_FIELDS = 100;
/** "This value is not valid.": the generic item phrase, the one zod's items use too. */
export const INVALID_VALUE: PhraseKey = 'zodInvalid';
/** Seconds sent in `Retry-After` when the database is unreachable, busy or timed out. */
export const DATABASE_RETRY_AFTER = 5;

// A name as schemas write them: letters, digits and `_ $ . - [ ]` (a kind may hold a space:
// Mongoose's "user defined"). Anything else is left out rather than escaped.
const NAME = new RegExp(`^[\\p{L}\\p{N}_$.\\-\\[\\] ]{1,${MAX_FIELD_NAME_LENGTH}}$`, 'u');
// Identifiers some drivers quote: "teamId", `teamId`.
const QUOTED = /^(["`])(.*)\1$/;

/** A field name or validator kind that is safe to send, else `undefined`. */
export function safeName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.replace(QUOTED, '$2');
  return NAME.test(name) ? name : undefined;
}

/** A JSON Pointer to a field; a dotted path (`address.city`) is a nested member when `dotted`. */
export function fieldPointer(name: string, dotted: boolean): string {
  return toJsonPointer(dotted ? name.split('.') : [name]);
}

/** A record not found: 404 with the status's own description. */
export function notFound(): ForeignReading {
  return { status: 404, expose: true, detail: undefined, headers: undefined };
}

/** A conflict with stored data (a relation, a version): 409 with its detail. */
export function conflict(key: PhraseKey): ForeignReading {
  return { status: 409, expose: true, detail: message(key), headers: undefined };
}

/** A unique violation: 409, one item per field that is safe to name. */
export function duplicate(fields: readonly unknown[], dotted: boolean): ForeignReading {
  const errors = fieldItems(fields, dotted, () => ({ detail: message('dbUniqueField') }));
  return { status: 409, expose: true, detail: message('dbUniqueViolation'), headers: undefined, errors: errors.length > 0 ? errors : undefined };
}

/** Values the client sent that the data layer refused: 422 with the items given. */
export function invalid(errors: readonly ProblemItem[]): ForeignReading {
  return { status: 422, expose: true, detail: message('dbInvalidValues'), headers: undefined, errors: errors.length > 0 ? errors : undefined };
}

/** The database is unreachable, busy or too slow: 503 with a short `Retry-After`. */
export function unavailable(): ForeignReading {
  return { status: 503, expose: false, detail: undefined, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER) } };
}

/** One item per field that is safe to name, at most {@link MAX_FIELDS}; `item` gives the rest of each. */
export function fieldItems(fields: readonly unknown[], dotted: boolean, item: (index: number) => { readonly detail: ProblemItem['detail']; readonly kind?: string }): ProblemItem[] {
  const items: ProblemItem[] = [];
  const count = Math.min(fields.length, MAX_FIELDS);
  for (let index = 0; index < count; index++) {
    const name = safeName(fields[index]);
    if (name !== undefined) items.push({ pointer: fieldPointer(name, dotted), ...item(index) });
  }
  return items;
}

// What the SQL drivers' codes mean, for pg (SQLSTATE), mysql2 (`code`) and better-sqlite3.
// A CHECK constraint states a rule on the values stored, so its violation is a 422, as
// Prisma's data validation errors are.
type DriverAnswer = 'unique' | 'relation' | 'check' | 'unavailable';
const DRIVER_CODES: Readonly<Record<string, DriverAnswer>> = {
  // PostgreSQL: unique_violation, foreign_key_violation, check_violation, query_canceled (a
  // statement timeout), too_many_connections, admin_shutdown, crash_shutdown, cannot_connect_now.
  '23505': 'unique',
  '23503': 'relation',
  '23514': 'check',
  '57014': 'unavailable',
  '53300': 'unavailable',
  '57P01': 'unavailable',
  '57P02': 'unavailable',
  '57P03': 'unavailable',
  // MySQL and MariaDB (1062, 1451, 1452, 1216, 1217, 3819, 1040).
  ER_DUP_ENTRY: 'unique',
  ER_ROW_IS_REFERENCED_2: 'relation',
  ER_NO_REFERENCED_ROW_2: 'relation',
  ER_NO_REFERENCED_ROW: 'relation',
  ER_ROW_IS_REFERENCED: 'relation',
  ER_CHECK_CONSTRAINT_VIOLATED: 'check',
  ER_CON_COUNT_ERROR: 'unavailable',
  // SQLite, with the extended codes better-sqlite3 reports.
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'relation',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_BUSY: 'unavailable',
};
// PostgreSQL class 08: connection exceptions.
const PG_CONNECTION_CLASS = /^08[0-9A-Z]{3}$/;

/** The reading of a SQL driver's error by its `code`, or `undefined` for a code that says nothing we answer. */
export function readDriverCode(code: unknown): ForeignReading | undefined {
  if (typeof code !== 'string') return undefined;
  const answer = Object.hasOwn(DRIVER_CODES, code) ? DRIVER_CODES[code] : PG_CONNECTION_CLASS.test(code) ? 'unavailable' : undefined;
  if (answer === 'unique') return duplicate([], false);
  if (answer === 'relation') return conflict('dbRelationConflict');
  if (answer === 'check') return invalid([]);
  return answer === 'unavailable' ? unavailable() : undefined;
}
