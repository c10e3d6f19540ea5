/**
 * The interop readers, in the order they are tried. Each recognises one source's errors by
 * a few properties; the first that recognises a value decides its reading. A source whose
 * error also carries a plain `status` (NestJS keeps one) is read here before the generic
 * `status`/`statusCode` reading in `../normalize`, so that the generic one does not hide it.
 */
import { bodyParser } from './body-parser';
import { boom } from './boom';
import { getStatus } from './get-status';
import type { InteropReader } from './reader';

/** Every built-in reader, in the order they are tried. */
export const READERS: readonly InteropReader[] = [bodyParser, boom, getStatus];

export type { ForeignReading, InteropReader } from './reader';
