/**
 * What an interop reader is: a pure function that recognises one library's errors by a
 * few properties (never by importing the library) and says what the response should be.
 */
import statuses from 'statuses';
import type { Challenge } from '../../core/headers';
import type { ProblemItem } from '../../core/http-error';
import type { Message } from '../../core/message';

/** A challenge as its parts, which `errorHandler()` can complete with its `challenge` option. */
export type ChallengeParts = Exclude<Challenge, string>;

/** What a foreign error says about its response, before our own defaults are applied. */
export interface ForeignReading {
  readonly status: number;
  readonly expose: boolean;
  readonly detail: string | Message | undefined;
  readonly headers: Readonly<Record<string, unknown>> | undefined;
  /** Itemised problems (`errors` member), each written by the reader: never a value taken from the error. */
  readonly errors?: readonly ProblemItem[];
  /**
   * The `WWW-Authenticate` challenges the source implies (RFC 6750 §3: `Bearer` with its
   * `error`), as parts: the default `challenge` of `errorHandler()` is completed with them.
   */
  readonly challenges?: readonly ChallengeParts[];
}

/**
 * One source of foreign errors: its name (for the docs and for the `interop` option that
 * turns it off) and its reader.
 */
export interface InteropReader<N extends string = string> {
  readonly name: N;
  /** The reading of one of this source's errors, or `undefined` for anything else. */
  readonly read: (source: Readonly<Record<string, unknown>>) => ForeignReading | undefined;
}

/** A thrower's message worth sending: a non-empty string that is more than the English reason phrase. */
export function shownMessage(text: unknown, status: number): string | undefined {
  // The bare English reason phrase says nothing a localised description does not.
  return typeof text === 'string' && text !== '' && text !== statuses.message[status] ? text : undefined;
}

/** The message of a 4xx as the detail; a 5xx's message is never shown. */
export function ownMessage(source: Readonly<Record<string, unknown>>, status: number): string | undefined {
  return status >= 500 ? undefined : shownMessage(source.message, status);
}

/** A plain object (not `null`, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
