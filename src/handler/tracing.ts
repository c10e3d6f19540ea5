/**
 * What ties an error response to its log line (request id, trace id) and what lets a
 * browser read its headers (CORS). Every value read from the request is validated: a
 * malformed header is ignored, never reflected.
 */
import type { Request, Response } from 'express';
import { unlessPromise } from '../core/callback';

// Ids are echoed into the body and the log: a plain token of sane length, nothing else.
const ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;
// W3C Trace Context §3.2: version-traceid-parentid-flags, lower-case hex; version ff is invalid.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_PARENT = '0'.repeat(16);
// A request id sent as `traceId` by default: long enough to be random, not a number.
const MIN_UNGUESSABLE = 16;
const DIGITS = /^\d+$/;
// Readable by any CORS client already (Fetch §3.2.2 CORS-safelisted response-header names).
const SAFELISTED = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);
// Hop-by-hop or forbidden to scripts: listing them would expose nothing.
const NOT_EXPOSABLE = new Set(['connection', 'upgrade', 'keep-alive', 'transfer-encoding', 'set-cookie', 'set-cookie2']);

/** True for an id that may be sent back and logged. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** `req.id` (pino-http), else a well-formed `X-Request-Id` header, else `undefined`. */
export function readRequestId(req: Request): string | undefined {
  const own = (req as { id?: unknown }).id;
  const fromReq = typeof own === 'number' && Number.isSafeInteger(own) ? String(own) : own;
  if (isValidId(fromReq)) return fromReq;
  const header = req.headers['x-request-id'];
  return isValidId(header) ? header : undefined;
}

/** The trace-id of a valid W3C `traceparent` header, else `undefined`. */
export function parseTraceparent(header: unknown): string | undefined {
  if (typeof header !== 'string' || header.length > 512) return undefined;
  const match = TRACEPARENT.exec(header);
  if (match === null) return undefined;
  const [, version, traceId, parentId] = match as unknown as [string, string, string, string];
  // Version 00 has exactly four fields; a later version may add more after a dash.
  if (version === 'ff' || (version === '00' && header.length !== 55)) return undefined;
  return traceId === ZERO_TRACE || parentId === ZERO_PARENT ? undefined : traceId;
}

/**
 * True for a request id that cannot be guessed (a UUID, a ULID, a proxy's random id): 16
 * characters or more, not all digits. A counter (pino-http's default `1`, `2`, ...), a
 * timestamp or a snowflake would tell anyone how many requests the server handles.
 */
export function isUnguessableId(id: string): boolean {
  return id.length >= MIN_UNGUESSABLE && !DIGITS.test(id);
}

/**
 * The `traceId` member of a response: the app's pick; else the active OpenTelemetry
 * span's trace id (`active`), a W3C traceparent's trace-id, or a request id that cannot be
 * guessed.
 */
export function readTraceId(req: Request, requestId: string | undefined, pick?: (req: Request) => string | undefined, active?: string): string | undefined {
  if (pick !== undefined) {
    try {
      const picked = unlessPromise(pick(req));
      return isValidId(picked) ? picked : undefined;
    } catch {
      return undefined;
    }
  }
  if (active !== undefined) return active;
  return parseTraceparent(req.headers.traceparent) ?? (requestId !== undefined && isUnguessableId(requestId) ? requestId : undefined);
}

/**
 * Appends `names` to `Access-Control-Expose-Headers` when the response is a CORS one
 * (it carries `Access-Control-Allow-Origin`), so a browser script can read them.
 */
export function exposeHeaders(res: Response, names: readonly string[]): void {
  if (!res.hasHeader('Access-Control-Allow-Origin')) return;
  const current = res.getHeader('Access-Control-Expose-Headers');
  const listed = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const seen = new Set(listed.map((name) => name.toLowerCase()));
  for (const name of names) {
    const lower = name.toLowerCase();
    if (seen.has(lower) || SAFELISTED.has(lower) || NOT_EXPOSABLE.has(lower)) continue;
    seen.add(lower);
    listed.push(name);
  }
  if (listed.length > 0) res.setHeader('Access-Control-Expose-Headers', listed.join(', '));
}
