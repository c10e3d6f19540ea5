/**
 * `problemTypeDocs()`: what a problem type URI resolves to (RFC 9457 §3.1.1), a localised
 * page for people and the type's JSON Schema for programs. Written with Node's response
 * methods only; pages are built once per type and language, on first request.
 */
import type { Request, RequestHandler } from 'express';
import Negotiator from 'negotiator';
import { NotFound } from '../core/errors';
import { ERROR_STATUSES, STATUS_REFERENCES, STATUSES } from '../core/status';
import type { ErrorStatus, HeaderContract } from '../core/status';
import { createLocalization } from '../i18n/localize';
import type { CatalogsOption } from '../i18n/localize';
import type { Catalog, Locale, PhraseKey } from '../i18n/locales';
import { escapeHtml, STYLE } from '../render/html';
import { handlerOptionsOf } from './handler-options';
import type { ErrorHandlerLike } from './handler-options';
import { problemTypes } from './problem-types';
import { baseSchema, problemJsonSchema, typeSchema } from './schema';
import { statusHeaders } from './status-headers';
import type { JsonSchema, ProblemTypeSpec } from './schema';

/** Options of {@link problemTypeDocs}: the handler's own, or the handler itself as `handler`. */
export interface ProblemTypeDocsOptions<L extends string = Locale> {
  /** The same `typeBaseUri` as given to `errorHandler()`; required unless `handler` has one. */
  readonly typeBaseUri?: string;
  /** The app's own problem types; those under `typeBaseUri` get a page too. */
  readonly types?: readonly ProblemTypeSpec[];
  /** The handler's `catalogs`: its languages are offered on the pages too. */
  readonly catalogs?: CatalogsOption<L>;
  /** The handler's `defaultLocale`. Default: `'en'`. */
  readonly defaultLocale?: Locale | NoInfer<L>;
  /** An `errorHandler()` whose `typeBaseUri`, `catalogs` and `defaultLocale` are read first. */
  readonly handler?: ErrorHandlerLike<L>;
}

/** What one page describes. */
interface TypePage {
  readonly type: string;
  readonly status: ErrorStatus;
  readonly spec: ProblemTypeSpec | undefined;
  /** The JSON Schema, as sent. */
  readonly schema: string;
}

const HTML = 'text/html; charset=utf-8';
const SCHEMA = 'application/schema+json';
const OFFERED = [HTML, SCHEMA];
const CSP = "default-src 'none'; style-src 'unsafe-inline'";
// Which phrase describes each header contract on the page.
const HEADER_PHRASES = {
  'retry-after': 'docsHeaderRetryAfter',
  allow: 'docsHeaderAllow',
  'www-authenticate': 'docsHeaderWwwAuthenticate',
  'proxy-authenticate': 'docsHeaderProxyAuthenticate',
  upgrade: 'docsHeaderUpgrade',
  'content-range': 'docsHeaderContentRange',
  'blocked-by': 'docsHeaderBlockedBy',
} as const satisfies Readonly<Record<HeaderContract, PhraseKey>>;
const FIXED_PHRASES = { 'no-store': 'docsHeaderNoStore', close: 'docsHeaderConnectionClose', Upgrade: 'docsHeaderConnectionUpgrade' } as const satisfies Readonly<Record<string, PhraseKey>>;

/**
 * A router to mount at `typeBaseUri`'s path: `GET <base>/<slug>` answers with a localised
 * HTML page for that problem type (title, description, status, the headers it carries, its
 * extension members), or with its JSON Schema for `Accept: application/schema+json`. An
 * unknown slug is passed on as a 404 `NotFound`; other methods are passed on.
 *
 * @example
 * app.use('/problems', problemTypeDocs({ typeBaseUri: 'https://api.example.com/problems' }));
 */
export function problemTypeDocs<L extends string = Locale>(options: ProblemTypeDocsOptions<L>): RequestHandler {
  const fromHandler = options.handler === undefined ? undefined : handlerOptionsOf(options.handler);
  if (options.handler !== undefined && fromHandler === undefined) throw new TypeError('problemTypeDocs: handler is not an errorHandler()');
  const base = options.typeBaseUri ?? fromHandler?.typeBaseUri;
  if (base === undefined) throw new TypeError('problemTypeDocs: typeBaseUri is required (the same as errorHandler() has)');
  const defaults = problemTypes(base);
  const localization = createLocalization({
    catalogs: (options.catalogs ?? fromHandler?.catalogs) as Readonly<Record<string, unknown>> | undefined,
    defaultLocale: options.defaultLocale ?? fromHandler?.defaultLocale,
  });
  const root = base.replace(/\/+$/, '');
  const types = options.types ?? [];
  const pages = new Map<string, TypePage>();
  for (const status of ERROR_STATUSES) {
    pages.set(STATUS_REFERENCES[status].slug, { type: defaults[status] as string, status, spec: undefined, schema: JSON.stringify(problemJsonSchema({ status, typeBaseUri: base })) });
  }
  for (const spec of types) {
    if (!spec.type.startsWith(`${root}/`)) continue;
    const schema = typeSchema(spec);
    const shared = baseSchema();
    const whole = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...shared, description: schema.description, required: [...new Set([...(shared.required as string[]), ...(schema.required as string[])])], properties: { ...(shared.properties as JsonSchema), ...(schema.properties as JsonSchema) } };
    pages.set(spec.type.slice(root.length + 1), { type: spec.type, status: spec.status, spec, schema: JSON.stringify(whole) });
  }
  const rendered = new Map<string, string>();

  return function problemTypeDocsRouter(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const page = pages.get(slugOf(req));
    if (page === undefined) {
      next(new NotFound());
      return;
    }
    const wantsSchema = new Negotiator({ headers: { accept: req.headers.accept } }).mediaType(OFFERED) === SCHEMA;
    let body: string;
    if (wantsSchema) {
      body = page.schema;
      res.setHeader('Content-Type', SCHEMA);
    } else {
      const { locale, catalog } = localization.select(req);
      const key = `${locale} ${page.type}`;
      let html = rendered.get(key);
      if (html === undefined) {
        html = renderPage(page, locale, catalog);
        rendered.set(key, html);
      }
      body = html;
      res.setHeader('Content-Type', HTML);
      res.setHeader('Content-Language', locale);
      res.setHeader('Content-Security-Policy', CSP);
    }
    res.statusCode = 200;
    res.setHeader('Vary', 'Accept, Accept-Language');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  };
}

// The path under the mount point, without its slash; a malformed escape matches no slug.
function slugOf(req: Request): string {
  const path = typeof req.path === 'string' ? req.path.replace(/^\/+|\/+$/g, '') : '';
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

function renderPage(page: TypePage, locale: string, catalog: Catalog): string {
  const phrases = catalog.phrases;
  const entry = catalog.statuses[page.status];
  const title = escapeHtml(page.spec?.title ?? entry.title);
  const parts = [
    '<!doctype html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<p class="status">${page.status}</p>`,
    `<h1>${title}</h1>`,
    `<p class="description">${escapeHtml(page.spec?.description ?? entry.detail)}</p>`,
    `<p>${escapeHtml(phrases.docsType)}: <code>${escapeHtml(page.type)}</code></p>`,
    `<p>${escapeHtml(phrases.docsStatus)}: <code>${page.status}</code> ${escapeHtml(entry.title)}</p>`,
  ];
  const headers = headersOf(page.status, catalog);
  if (headers.length > 0) {
    parts.push(`<h2>${escapeHtml(phrases.docsHeaders)}</h2>`, '<ul class="errors">');
    for (const [name, text] of headers) parts.push(`<li><code>${escapeHtml(name)}</code> ${escapeHtml(text)}</li>`);
    parts.push('</ul>');
  }
  const extensions = Object.entries(page.spec?.extensions ?? {});
  if (extensions.length > 0) {
    parts.push(`<h2>${escapeHtml(phrases.docsExtensions)}</h2>`, '<ul class="errors">');
    for (const [name, schema] of extensions) {
      const type = typeof schema === 'string' ? schema : typeof schema.type === 'string' ? schema.type : undefined;
      const about = typeof schema === 'object' && typeof schema.description === 'string' ? ` ${escapeHtml(schema.description)}` : '';
      parts.push(`<li><code>${escapeHtml(name)}</code>${type === undefined ? '' : ` <code>${escapeHtml(type)}</code>`}${about}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push(`<p class="retry">${escapeHtml(phrases.docsSchemaHint)}</p>`, '</main>', '</body>', '</html>', '');
  return parts.join('\n');
}

/** The headers a status's answers carry besides the ones every answer has, each with its sentence. */
function headersOf(status: ErrorStatus, catalog: Catalog): [string, string][] {
  return statusHeaders(status).map((header) => [header.name, catalog.phrases['contract' in header ? HEADER_PHRASES[header.contract] : FIXED_PHRASES[header.value]]]);
}
