/**
 * Writing an error response: the status, the problem's headers, the negotiated body, and
 * the headers every error response carries. Only `setHeader`, `removeHeader` and `end`.
 */
import type { Request, Response } from 'express';
import vary from 'vary';
import type { ProblemResponse } from '../problem/problem';
import type { Representation } from '../render/formats';
import { exposeHeaders } from './tracing';

/**
 * Headers a route may have set for the body it meant to send: they would mislabel ours
 * (`Content-*`, validators) or misframe it (`Transfer-Encoding` next to our Content-Length,
 * RFC 9112 §6.2; `Trailer`, which a body with a Content-Length cannot carry).
 */
export const STALE_CONTENT_HEADERS = ['Content-Encoding', 'Content-Range', 'Content-Disposition', 'ETag', 'Last-Modified', 'Transfer-Encoding', 'Trailer'];
// What the last resort removes besides the problem's own headers: everything `send` writes.
const WRITTEN_HEADERS = ['Content-Type', 'Content-Language', 'Content-Length', 'Content-Security-Policy', 'Connection', 'Upgrade'];
// HTTP/2 forbids connection-specific fields (RFC 9113 §8.2.2) and Node throws on them.
const CONNECTION_SPECIFIC = new Set(['connection', 'upgrade', 'keep-alive', 'proxy-connection', 'transfer-encoding']);
const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const LAST_RESORT = '{"type":"about:blank","title":"Internal Server Error","status":500}';

/** Writes `problem` as `output` in `locale`; `varyAccept` when the body depends on `Accept`. */
export function send(req: Request, res: Response, problem: ProblemResponse, locale: string, output: Representation, varyAccept: boolean): void {
  const http2 = req.httpVersionMajor >= 2;
  res.statusCode = problem.status;
  for (const name of STALE_CONTENT_HEADERS) res.removeHeader(name);
  const names = Object.keys(problem.headers);
  for (const name of names) {
    if (http2 && CONNECTION_SPECIFIC.has(name.toLowerCase())) continue;
    res.setHeader(name, problem.headers[name] as string);
  }
  // RFC 9110 §7.8: whoever sends Upgrade lists it in Connection.
  if (!http2 && res.hasHeader('Upgrade')) res.setHeader('Connection', 'Upgrade');
  res.setHeader('Content-Type', output.contentType);
  res.setHeader('Content-Language', locale);
  // vary() parses an existing Vary; most error responses have none to merge with.
  if (res.hasHeader('Vary')) {
    vary(res, 'Accept-Language');
    if (varyAccept) vary(res, 'Accept');
  } else {
    res.setHeader('Vary', varyAccept ? 'Accept-Language, Accept' : 'Accept-Language');
  }
  res.setHeader('X-Content-Type-Options', 'nosniff');
  exposeHeaders(res, names);
  for (const [name, value] of output.headers) res.setHeader(name, value);
  const body = output.body;
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

/**
 * A bare English 500, for when writing the real answer failed, with what that answer had
 * set taken off again. Never throws, and never leaves the connection hanging.
 */
export function sendLastResort(res: Response, problem?: ProblemResponse): void {
  try {
    if (res.headersSent) {
      if (!res.writableEnded) res.destroy();
      return;
    }
    for (const name of [...STALE_CONTENT_HEADERS, ...WRITTEN_HEADERS, ...Object.keys(problem?.headers ?? {})]) res.removeHeader(name);
    res.statusCode = 500;
    res.setHeader('Content-Type', PROBLEM_JSON);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', Buffer.byteLength(LAST_RESORT));
    res.end(LAST_RESORT);
  } catch {
    // Nothing more can be written: close the connection rather than leave the client waiting.
    try {
      res.destroy();
    } catch {
      // The process goes on.
    }
  }
}
