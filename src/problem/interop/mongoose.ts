/**
 * Mongoose and MongoDB driver errors, recognised by `name` and a property each class
 * always has (`_message`, `stringValue`, `numAffected`, `modifiedPaths`, the driver's
 * `hasErrorLabel()`).
 */
import { message } from '../../core/message';
import type { ProblemItem } from '../../core/http-error';
import { conflict, duplicate, fieldPointer, invalid, INVALID_VALUE, MAX_FIELDS, notFound, safeName, unavailable } from './database';
import { isRecord } from './reader';
import type { ForeignReading, InteropReader } from './reader';

// The driver's errors of a database it cannot reach, and Mongoose's own for server selection.
const UNAVAILABLE = new Set(['MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError', 'MongooseServerSelectionError', 'MongoTopologyClosedError', 'MongoNotConnectedError']);

export const mongoose: InteropReader<'mongoose'> = {
  name: 'mongoose',
  read(source) {
    switch (source.name) {
      case 'ValidationError':
        return isRecord(source.errors) && typeof source._message === 'string' ? validation(source.errors) : undefined;
      case 'CastError':
        return typeof source.kind === 'string' && 'stringValue' in source ? cast(source.path) : undefined;
      case 'DocumentNotFoundError':
        return 'numAffected' in source ? notFound() : undefined;
      case 'VersionError':
        return Array.isArray(source.modifiedPaths) ? conflict('dbVersionConflict') : undefined;
      case 'MongoServerError':
      case 'MongoBulkWriteError':
        // E11000 duplicate key; `keyPattern` names the index's fields (`keyValue` holds the values).
        return typeof source.hasErrorLabel === 'function' && (source.code === 11000 || source.code === 11001) ? duplicate(isRecord(source.keyPattern) ? Object.keys(source.keyPattern) : [], true) : undefined;
      default:
        return typeof source.name === 'string' && UNAVAILABLE.has(source.name) && 'errorLabelSet' in source ? unavailable() : undefined;
    }
  },
};

// One item per invalid path, with the validator's `kind` (`required`, `enum`, `min`, a cast's type).
function validation(errors: Readonly<Record<string, unknown>>): ForeignReading {
  const items: ProblemItem[] = [];
  for (const key of Object.keys(errors).slice(0, MAX_FIELDS)) {
    const error = errors[key];
    if (!isRecord(error)) continue;
    const path = safeName(error.path);
    if (path === undefined) continue;
    const kind = safeName(error.kind);
    const detail = message(error.kind === 'required' ? 'dbRequired' : error.name === 'CastError' ? 'dbWrongType' : INVALID_VALUE);
    items.push(kind === undefined ? { pointer: fieldPointer(path, true), detail } : { pointer: fieldPointer(path, true), detail, kind });
  }
  return invalid(items);
}

// A value that does not cast to the path's type (often an id in the URL): 400 naming the path.
function cast(path: unknown): ForeignReading {
  const name = safeName(path);
  return { status: 400, expose: true, detail: name === undefined ? undefined : message('dbCast', { path: name }), headers: undefined };
}
