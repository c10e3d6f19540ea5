/**
 * The request path as `notFound()` reads it: the path Express dispatched, and the shape
 * under which every path that the app's routes cannot tell apart shares one cache entry.
 */
import type { Request } from 'express';
import parseurl from 'parseurl';

/**
 * A key shared by every path that the app's routes cannot tell apart: a segment that is
 * no literal of any pattern can only meet parameters and wildcards, so `/users/1` and
 * `/users/2` share `/users/\0`. With a pattern we cannot read (a RegExp, `:id(\\d+)`,
 * `file-:name`), every path is its own key.
 */
export function shapeOf(path: string, literals: ReadonlySet<string> | undefined): string {
  if (literals === undefined) return path;
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    // A segment Express cannot decode gets a 400, not the parameter's methods: its own key.
    if (segment !== '' && !literals.has(segment.toLowerCase()) && decodes(segment)) segments[i] = '\0';
  }
  return segments.join('/');
}

/** Mount paths compared by shape: `/orgs/acme` and `/orgs/ACME` both passed `/orgs/:org`. */
export function mountShape(baseUrl: string, literals: ReadonlySet<string> | undefined): string {
  return baseUrl === '' ? '' : shapeOf(baseUrl.toLowerCase(), literals);
}

/** The path of the request as the app it reached sees it (any mount path cut off). */
export function requestPath(req: Request): string {
  return parseurl(req)?.pathname ?? '/';
}

/** The path the client asked for, before any mount path was cut off or rewrite made. */
export function originalPath(req: Request): string {
  return parseurl.original(req)?.pathname ?? '/';
}

/**
 * The path the outer router matched: `req.baseUrl` + `req.url`, except where Express's
 * cutting of a mount path changed the rest (a mount that used up the whole path leaves `/`;
 * Express 4 also drops one slash of `//`): there the original URL, which nothing rewrote.
 */
export function dispatchedPath(req: Request, baseUrl: string, url: string): string {
  if (baseUrl === '') return url;
  const joined = `${baseUrl}${url}`;
  const original = parseurl.original(req)?.pathname;
  if (typeof original !== 'string' || original === joined || !original.startsWith(baseUrl)) return joined;
  const rest = original.slice(baseUrl.length);
  if ((rest === '' && url === '/') || (rest.startsWith('//') && rest.slice(1) === url)) return original;
  return joined;
}

function decodes(segment: string): boolean {
  if (!segment.includes('%')) return true;
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
