/**
 * express-openapi-validator's `HttpError` family: a reason phrase as `name` (`Bad Request`,
 * `Method Not Allowed`, ...), `status`, `path`, and `errors[{ path, message, errorCode }]`.
 * Its status, the 405's `Allow` (checked), and one item per error; a 5xx stays masked.
 */
import { formatTokenList } from '../../core/headers/field';
import type { ProblemItem } from '../../core/http-error';
import { isErrorRange } from '../../core/status';
import { MAX_AGGREGATE_ITEMS } from './aggregate';
import { cap, fieldItem, locationOf, MAX_TEXT_LENGTH } from './fields';
import type { InteropReader } from './reader';
import { isRecord } from './reader';

const NAMES = new Set([
  'Bad Request',
  'Unauthorized',
  'Forbidden',
  'Not Found',
  'Method Not Allowed',
  'Not Acceptable',
  'Request Entity Too Large',
  'Unsupported Media Type',
  'Internal Server Error',
]);
// Its error paths: `/body/...` (a JSON Pointer into the body), or `/<part>/<name>`.
const PATH = /^\/(body|query|path|params|headers|cookies)(?:\/(.*))?$/s;

export const openApiValidator: InteropReader<'openApiValidator'> = {
  name: 'openApiValidator',
  read(source) {
    const { name, status } = source;
    // `errors` is read only from a value whose name and status are already its.
    if (typeof name !== 'string' || !NAMES.has(name) || !isErrorRange(status) || typeof source.path !== 'string') return undefined;
    const errors = source.errors;
    if (!Array.isArray(errors)) return undefined;
    // A response that breaks the API description is the server's failure: nothing of it is shown.
    if (status >= 500) return { status, expose: false, detail: undefined, headers: undefined };
    const allow = status === 405 && isRecord(source.headers) ? source.headers.Allow : undefined;
    const methods = typeof allow === 'string' ? formatTokenList(allow.toUpperCase()) : undefined;
    const items = status === 400 ? errors.slice(0, MAX_AGGREGATE_ITEMS).flatMap(itemOf) : [];
    return {
      status,
      expose: true,
      detail: undefined,
      headers: methods === undefined ? undefined : { Allow: methods },
      ...(items.length > 0 ? { errors: items } : {}),
    };
  },
};

function itemOf(error: unknown): ProblemItem[] {
  if (!isRecord(error) || typeof error.message !== 'string') return [];
  const detail = cap(error.message, MAX_TEXT_LENGTH);
  const match = typeof error.path === 'string' ? PATH.exec(error.path) : null;
  if (match === null) return [{ detail }];
  const where = locationOf(match[1]);
  const rest = match[2] ?? '';
  // The body's part is already a JSON Pointer (ajv's instancePath); a parameter is its name.
  if (where === 'body') return [{ pointer: cap(rest === '' ? '' : `/${rest}`), detail }];
  return [fieldItem(where, [rest.split('/')[0] ?? ''], detail)];
}
