/**
 * The interop readers, in the order they are tried. Each recognises one source's errors by
 * a few properties; the first that recognises a value decides its reading. A source whose
 * error also carries a plain `status` (NestJS keeps one, axios too) is read here before the
 * generic `status`/`statusCode` reading in `../normalize`, so that the generic one does not
 * hide it. No reader claims another's errors (a table test feeds each every source's), so
 * the order decides nothing but cost; wrappers (ORMs, HTTP clients) come before the bare
 * errors they wrap.
 */
import { axios } from './axios';
import { bodyParser } from './body-parser';
import { boom } from './boom';
import { busboy } from './busboy';
import { celebrate } from './celebrate';
import { connection } from './connection';
import { csrf } from './csrf';
import { expressJwt } from './express-jwt';
import { expressValidator } from './express-validator';
import { fetch } from './fetch';
import { getStatus } from './get-status';
import { got } from './got';
import { mongoose } from './mongoose';
import { multer } from './multer';
import { mysql2 } from './mysql2';
import { oauth2JwtBearer } from './oauth2-jwt-bearer';
import { openApiValidator } from './openapi-validator';
import { pg } from './pg';
import { prisma } from './prisma';
import type { InteropReader } from './reader';
import { sequelize } from './sequelize';
import { typeorm } from './typeorm';

/** Every built-in reader, in the order they are tried. */
export const READERS = [
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
  prisma,
  mongoose,
  sequelize,
  typeorm,
  pg,
  mysql2,
  fetch,
  axios,
  got,
  connection,
] as const satisfies readonly InteropReader[];

/** The name of a built-in reader, as the `interop` option of `errorHandler()` takes it. */
export type InteropName = (typeof READERS)[number]['name'];

/** The `interop` option: a built-in reader's name and `false` to turn it off (`{ prisma: false }`). */
export type InteropOption = { readonly [N in InteropName]?: boolean };

/**
 * The readers an `interop` option leaves on, in their order: all of them when it is
 * `undefined`. A name that is no reader's, or a value that is not a boolean, is a mistake
 * worth failing on when the handler is created.
 */
export function selectReaders(option: InteropOption | undefined): readonly InteropReader[] {
  if (option === undefined) return READERS;
  if (typeof option !== 'object' || option === null) throw new TypeError('errorHandler: interop must be an object of reader names and booleans');
  const names = new Set<string>(READERS.map((reader) => reader.name));
  for (const [name, on] of Object.entries(option)) {
    if (!names.has(name)) throw new TypeError(`errorHandler: interop names no reader "${name}"; the readers are ${[...names].join(', ')}`);
    if (typeof on !== 'boolean') throw new TypeError(`errorHandler: interop.${name} must be true or false`);
  }
  const switches = option as Readonly<Record<string, boolean | undefined>>;
  return READERS.filter((reader) => switches[reader.name] !== false);
}

export type { ForeignReading, InteropReader } from './reader';
