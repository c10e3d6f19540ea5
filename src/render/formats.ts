/**
 * Content negotiation of error responses: which formats exist, which one a request's
 * `Accept` selects, and how a problem is written in each.
 */
import type { Request } from 'express';
import Negotiator from 'negotiator';
import { unlessPromise } from '../core/callback';
import { fieldNamed } from '../core/headers/field';
import type { Catalog } from '../i18n/locales';
import { cachedByHeader } from '../i18n/header-cache';
import { serializeProblemFor } from '../problem/json';
import { entryFor } from '../problem/problem';
import type { ProblemDocument, ProblemResponse } from '../problem/problem';
import { renderHtmlPage } from './html';
import { renderText } from './text';
import { createRetryDescriber } from './retry-text';
import type { RetryDescriber } from './retry-text';

/** A representation `errorHandler()` can answer with. */
export type Format = 'problem+json' | 'json' | 'html' | 'text';

/** Every format, in the default order of preference: the first is the default. */
export const FORMATS: readonly Format[] = ['problem+json', 'json', 'html', 'text'];

/** What a custom HTML renderer gets besides the problem document. */
export interface RenderHtmlContext {
  /** The negotiated language of the response (also sent as `Content-Language`). */
  readonly locale: string;
  /** The request being answered, e.g. to link back to its host. */
  readonly req: Request;
}

/**
 * Writes the `text/html` page of a problem. The page is sent with
 * `Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'`, so it must be
 * self-contained; escape every value with `escapeHtml`.
 *
 * @example
 * errorHandler({ renderHtml: (problem, { locale }) => `<!doctype html><html lang="${locale}"><title>${escapeHtml(problem.title)}</title><h1>${escapeHtml(problem.title)}</h1></html>` });
 */
export type RenderHtml = (problem: ProblemDocument, context: RenderHtmlContext) => string;

/** A problem written in one format: its `Content-Type`, body and format-specific headers. */
export interface Representation {
  readonly contentType: string;
  readonly body: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

/** Picks the format for an `Accept` value; the default for a missing, `*\/*` or unsatisfiable one. */
export type FormatNegotiator = (accept: string | undefined) => Format;

const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  'problem+json': 'application/problem+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};
const NO_HEADERS: Representation['headers'] = [];
const HTML_HEADERS: Representation['headers'] = [['Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'"]];
// Browsers send ~150 characters; the head of a longer header decides just as well.
const MAX_HEADER_LENGTH = 512;

/** The `formats` option checked: a non-empty list of known formats without repeats. */
export function checkFormats(value: unknown): readonly Format[] {
  if (value === undefined) return FORMATS;
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`errorHandler: formats must be a non-empty array of ${FORMATS.join(', ')}`);
  }
  for (const [index, format] of value.entries()) {
    if (!FORMATS.includes(format as Format)) throw new TypeError(`errorHandler: unknown format "${String(format)}"; use ${FORMATS.join(', ')}`);
    if (value.indexOf(format) !== index) throw new TypeError(`errorHandler: format "${String(format)}" is listed twice`);
  }
  return [...(value as Format[])];
}

/**
 * Builds the `Accept` negotiator over the enabled formats: q-values and specificity decide,
 * then the order of `formats`. An error handler must answer, so a request that accepts none
 * of them gets the first, never a 406. Results are cached per header value (bounded).
 */
export function createFormatNegotiator(formats: readonly Format[]): FormatNegotiator {
  const fallback = formats[0] ?? 'problem+json';
  // Offered with their charset, so that `text/plain; charset=utf-8` matches too.
  const available = formats.map((format) => CONTENT_TYPES[format]);
  const byMediaType = new Map(formats.map((format) => [CONTENT_TYPES[format], format]));

  function negotiate(head: string): Format {
    const chosen = new Negotiator({ headers: { accept: head } }).mediaType(available);
    return (chosen !== undefined ? byMediaType.get(chosen) : undefined) ?? fallback;
  }

  if (formats.length === 1) return () => fallback;
  return cachedByHeader(MAX_HEADER_LENGTH, fallback, negotiate);
}

/** Writes a problem in a negotiated format and language (`catalog` is that language's). */
export type Representer = (format: Format, problem: ProblemResponse, locale: string, catalog: Catalog, req: Request) => Representation;

/**
 * Prepares, once, everything the enabled formats need (the retry wording of each
 * language for the HTML page) and returns the per-request writer.
 */
export function createRepresenter(formats: readonly Format[], catalogs: ReadonlyMap<string, Catalog>, renderHtml?: RenderHtml): Representer {
  const retry = new Map<string, RetryDescriber>();
  if (formats.includes('html') && renderHtml === undefined) {
    for (const [locale, catalog] of catalogs) retry.set(locale, createRetryDescriber(locale, catalog.phrases));
  }

  function builtInPage(problem: ProblemResponse, locale: string, catalog: Catalog): string {
    // Built lazily only when a custom renderer failed and the built-in page stands in.
    let describe = retry.get(locale);
    if (describe === undefined) {
      describe = createRetryDescriber(locale, catalog.phrases);
      retry.set(locale, describe);
    }
    return renderHtmlPage(problem.body, {
      locale,
      description: entryFor(catalog, problem.status).detail,
      retry: describe(headerValue(problem.headers, 'retry-after'), Date.now()),
    });
  }

  function html(problem: ProblemResponse, locale: string, catalog: Catalog, req: Request): string {
    if (renderHtml === undefined) return builtInPage(problem, locale, catalog);
    try {
      const page = unlessPromise(renderHtml(problem.body, { locale, req }));
      if (typeof page === 'string') return page;
    } catch {
      // The app's renderer failed; the client still deserves a page.
    }
    return builtInPage(problem, locale, catalog);
  }

  return (format, problem, locale, catalog, req) => {
    switch (format) {
      case 'html':
        return { contentType: CONTENT_TYPES.html, body: html(problem, locale, catalog, req), headers: HTML_HEADERS };
      case 'text':
        return { contentType: CONTENT_TYPES.text, body: renderText(problem.body), headers: NO_HEADERS };
      default:
        return { contentType: CONTENT_TYPES[format], body: serializeProblemFor(problem.body, catalog), headers: NO_HEADERS };
    }
  };
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = fieldNamed(headers, name);
  return key === undefined ? undefined : headers[key];
}
