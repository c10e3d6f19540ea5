/**
 * multer's `MulterError`: by its `code`, 413 for the size and count limits and 400 for a
 * form multer will not take, naming the field where multer gives it (cut to a safe length).
 */
import { message } from '../../core/message';
import type { PhraseKey } from '../../i18n/locales/types';
import { cap } from './fields';
import type { InteropReader } from './reader';

type MulterRule = readonly [status: 400 | 413, key: PhraseKey, namesField?: true];

const RULES: Readonly<Record<string, MulterRule>> = {
  LIMIT_PART_COUNT: [413, 'multerTooManyParts'],
  LIMIT_FILE_SIZE: [413, 'multerFileTooLarge', true],
  LIMIT_FILE_COUNT: [413, 'multerTooManyFiles'],
  LIMIT_FIELD_KEY: [413, 'multerFieldNameTooLong'],
  LIMIT_FIELD_VALUE: [413, 'multerFieldValueTooLong', true],
  LIMIT_FIELD_COUNT: [413, 'multerTooManyFields'],
  LIMIT_UNEXPECTED_FILE: [400, 'multerUnexpectedFile', true],
  MISSING_FIELD_NAME: [400, 'multerMissingFieldName'],
  LIMIT_FIELD_NESTING: [400, 'multerInvalidFieldName', true],
  LIMIT_FIELD_ARRAY_INDEX: [400, 'multerInvalidFieldName', true],
  INVALID_FIELD_NAME: [400, 'multerInvalidFieldName', true],
};

export const multer: InteropReader<'multer'> = {
  name: 'multer',
  read(source) {
    const code = source.code;
    if (source.name !== 'MulterError' || typeof code !== 'string' || !Object.hasOwn(RULES, code)) return undefined;
    const [status, key, namesField] = RULES[code] as MulterRule;
    const field = source.field;
    // Without the field's name, the status's own description says as much.
    const detail = namesField !== true ? message(key) : typeof field === 'string' && field !== '' ? message(key, { field: cap(field) }) : undefined;
    return { status, expose: true, detail, headers: undefined };
  },
};
