/**
 * What the upstream readers (fetch, axios, got) share: a call that could not connect is a
 * 502, one that timed out a 504 (RFC 9110 §15.6.3, §15.6.5), and an upstream's error
 * response that the route rethrows a 502, or a 503 when the upstream said when to retry.
 * Nothing of the upstream (URL, host, body, headers) is read into the response; its
 * `Retry-After` is parsed and written again as ours.
 */
import { formatRetryAfter, parseRetryAfter } from '../../core/headers/retry-after';
import { message } from '../../core/message';
import type { ForeignReading } from './reader';

// A connection that failed before any answer: refused, reset, no such host, a dead socket.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET']);
// A connection, or its answer, that took too long.
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The system error codes of a connection that failed (for the bare errors raw drivers reject with). */
export const CONNECTION_CODES: ReadonlySet<string> = new Set([...UNREACHABLE_CODES, 'ETIMEDOUT']);

/** The upstream could not be reached: 502 saying so. */
export function unreachable(): ForeignReading {
  return { status: 502, expose: false, detail: message('upstreamUnreachable'), headers: undefined };
}

/** The upstream's answer was an error or could not be used: 502 with its own description. */
export function invalidAnswer(): ForeignReading {
  return { status: 502, expose: false, detail: undefined, headers: undefined };
}

/** The upstream did not answer in time: 504 with its own description. */
export function timedOut(): ForeignReading {
  return { status: 504, expose: false, detail: undefined, headers: undefined };
}

/** The reading of a failed connection's `code` (502 or 504), or `undefined` for another code. */
export function failedConnection(code: unknown): ForeignReading | undefined {
  if (typeof code !== 'string') return undefined;
  if (TIMEOUT_CODES.has(code)) return timedOut();
  return UNREACHABLE_CODES.has(code) ? unreachable() : undefined;
}

/**
 * An upstream's error response, rethrown: 502, except a 503 or 429 whose `Retry-After` is
 * valid, which becomes our 503 with that `Retry-After` (the upstream's limit is not the
 * client's fault, and the client can retry then).
 */
export function upstreamAnswered(status: unknown, retryAfter: unknown): ForeignReading {
  if ((status === 503 || status === 429) && typeof retryAfter === 'string') {
    const parsed = parseRetryAfter(retryAfter);
    // A delta too large to write back as digits is no advice.
    const value = typeof parsed === 'number' && !Number.isSafeInteger(parsed) ? undefined : formatRetryAfter(parsed);
    if (value !== undefined) return { status: 503, expose: false, detail: undefined, headers: { 'Retry-After': value } };
  }
  return invalidAnswer();
}

/** A header of a Node-style (lower-case names) or `AxiosHeaders` headers object. */
export function headerOf(headers: unknown, name: string): unknown {
  return typeof headers === 'object' && headers !== null ? (headers as Readonly<Record<string, unknown>>)[name] : undefined;
}
