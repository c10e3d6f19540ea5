/**
 * The interop readers, in the order they are tried. Each recognises one source's errors by
 * a few properties; the first that recognises a value decides its reading. A source whose
 * error also carries a plain `status` (NestJS keeps one) is read here before the generic
 * `status`/`statusCode` reading in `../normalize`, so that the generic one does not hide it.
 */
import { bodyParser } from './body-parser';
import { boom } from './boom';
import { busboy } from './busboy';
import { celebrate } from './celebrate';
import { csrf } from './csrf';
import { expressJwt } from './express-jwt';
import { expressValidator } from './express-validator';
import { getStatus } from './get-status';
import { multer } from './multer';
import { oauth2JwtBearer } from './oauth2-jwt-bearer';
import { openApiValidator } from './openapi-validator';
import type { InteropReader } from './reader';

/** Every built-in reader, in the order they are tried. */
export const READERS: readonly InteropReader[] = [
  bodyParser,
  boom,
  getStatus,
  expressJwt,
  oauth2JwtBearer,
  multer,
  busboy,
  expressValidator,
  openApiValidator,
  celebrate,
  csrf,
];

export type { ForeignReading, InteropReader } from './reader';
