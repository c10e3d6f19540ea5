/** Sequelize errors, recognised by their `name` (every class's starts with `Sequelize`). */
import { message } from '../../core/message';
import type { ProblemItem } from '../../core/http-error';
import { conflict, duplicate, fieldItems, invalid, INVALID_VALUE, notFound, safeName, unavailable } from './database';
import { isRecord } from './reader';
import type { ForeignReading, InteropReader } from './reader';

// ConnectionError and its subclasses, and a query that timed out.
const UNAVAILABLE = new Set([
  'SequelizeConnectionError',
  'SequelizeConnectionRefusedError',
  'SequelizeAccessDeniedError',
  'SequelizeHostNotFoundError',
  'SequelizeHostNotReachableError',
  'SequelizeInvalidConnectionError',
  'SequelizeConnectionTimedOutError',
  'SequelizeConnectionAcquireTimeoutError',
  'SequelizeTimeoutError',
]);
// Validator keys that mean "missing" (`allowNull: false`, `notEmpty`) or "not a string".
const REQUIRED = new Set(['is_null', 'notEmpty', 'notNull']);
const WRONG_TYPE = new Set(['not_a_string']);

export const sequelize: InteropReader<'sequelize'> = {
  name: 'sequelize',
  read(source) {
    const name = source.name;
    if (typeof name !== 'string' || !name.startsWith('Sequelize')) return undefined;
    switch (name) {
      case 'SequelizeUniqueConstraintError':
        // `fields` maps each field to the value that clashed: only the names are read.
        return duplicate(Array.isArray(source.fields) ? source.fields : isRecord(source.fields) ? Object.keys(source.fields) : [], false);
      case 'SequelizeValidationError':
        return Array.isArray(source.errors) ? validation(source.errors) : undefined;
      case 'SequelizeForeignKeyConstraintError':
        return conflict('dbRelationConflict');
      case 'SequelizeEmptyResultError':
        return notFound();
      default:
        return UNAVAILABLE.has(name) ? unavailable() : undefined;
    }
  },
};

// One item per ValidationErrorItem: its `path`, and its `validatorKey` as the `kind`.
function validation(errors: readonly unknown[]): ForeignReading {
  const items: ProblemItem[] = fieldItems(
    errors.map((item) => (isRecord(item) ? item.path : undefined)),
    false,
    (index) => {
      const item = errors[index] as Readonly<Record<string, unknown>>;
      const kind = safeName(item.validatorKey);
      const detail = message(kind !== undefined && REQUIRED.has(kind) ? 'dbRequired' : kind !== undefined && WRONG_TYPE.has(kind) ? 'dbWrongType' : INVALID_VALUE);
      return kind === undefined ? { detail } : { detail, kind };
    },
  );
  return invalid(items);
}
