/**
 * busboy's malformed-form errors (through multer, or busboy used on its own): plain `Error`s
 * known by their exact message, with no status of their own. A 400 with our own detail.
 */
import { message } from '../../core/message';
import type { InteropReader } from './reader';

const MALFORMED = new Set([
  'Unexpected end of form',
  'Unexpected end of file',
  'Malformed part header',
  'Malformed urlencoded form',
  'Malformed content type',
  'Multipart: Boundary not found',
  'Missing Content-Type',
]);

export const busboy: InteropReader<'busboy'> = {
  name: 'busboy',
  read(source) {
    const text = source.message;
    if (source.name !== 'Error' || typeof text !== 'string' || !MALFORMED.has(text) || source.status !== undefined || source.statusCode !== undefined) return undefined;
    return { status: 400, expose: true, detail: message('multerMalformedForm'), headers: undefined };
  },
};
