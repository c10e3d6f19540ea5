/**
 * OpenAPI `components` for our error responses (one response per status with the headers,
 * content types and languages the handler really sends), `paths` read from the app's routes,
 * and the merge of both into the app's own document.
 */
import { OPEN_API } from '../core/headers';
import { ERROR_STATUSES, STATUSES } from '../core/status';
import type { ErrorStatus } from '../core/status';
import { createLocalization } from '../i18n/localize';
import type { CatalogsOption } from '../i18n/localize';
import type { Locale } from '../i18n/locales';
import { toProblem } from '../problem/problem';
import { checkFormats } from '../render/formats';
import type { Format } from '../render/formats';
import { handlerOptionsOf } from './handler-options';
import type { ErrorHandlerLike } from './handler-options';
import { schemaTo30 } from './openapi30';
import type { OpenApiVersion } from './openapi30';
import { problemTypes } from './problem-types';
import { readOperations } from './routes';
import { baseSchema, pascal, statusSchema, typeName, typeSchema } from './schema';
import { statusHeaders } from './status-headers';
import type { JsonSchema, ProblemTypeSpec } from './schema';

export type { OpenApiVersion } from './openapi30';
export type { ErrorHandlerLike } from './handler-options';


/**
 * Options of {@link openApiErrorResponses} and {@link openApiPaths}. Give them the options
 * your `errorHandler()` has (or the handler itself as `handler`), so that the document
 * describes what it sends. `L` is the set of languages added through `catalogs`.
 */
export interface OpenApiErrorOptions<L extends string = Locale> {
  /** The statuses to describe. Default: every registered status. */
  readonly statuses?: readonly ErrorStatus[];
  /** One example body per language. Default: the default language. */
  readonly locales?: readonly (Locale | NoInfer<L>)[];
  /** The same `typeBaseUri` as given to `errorHandler()`. */
  readonly typeBaseUri?: string;
  /** The app's own problem types (see `problemJsonSchema()`): each becomes a schema of its own. */
  readonly types?: readonly ProblemTypeSpec[];
  /** Put before every component name, to stay clear of names the document already uses. Default: `''`. */
  readonly prefix?: string;
  /** The handler's `formats`: the content types documented, in its order. Default: all four. */
  readonly formats?: readonly Format[];
  /** The handler's `catalogs`: its added languages are offered, and documented, too. */
  readonly catalogs?: CatalogsOption<L>;
  /** The handler's `defaultLocale`. Default: `'en'`. */
  readonly defaultLocale?: Locale | NoInfer<L>;
  /** An `errorHandler()` whose options are read first; the options given here win. */
  readonly handler?: ErrorHandlerLike<L>;
  /** The OpenAPI version of the document the fragment goes into. Default: `'3.1'`. */
  readonly openapi?: OpenApiVersion;
  /** Also describe `ClientError` and `ServerError`, for the `4XX` and `5XX` fallbacks of `openApiPaths()`. Default: `true`. */
  readonly fallbacks?: boolean;
}

/** What {@link openApiErrorResponses} returns: a document fragment with only `components`. */
export interface OpenApiErrorComponents {
  /** The OpenAPI version it was built for; {@link mergeOpenApi} checks it against the document's. */
  readonly openapi: OpenApiVersion;
  readonly components: {
    /** `NotFound`, `ServiceUnavailable`, ...: the class names of the statuses. */
    readonly responses: Readonly<Record<string, JsonSchema>>;
    /** `Problem`, the shared schema, and `NotFoundProblem`, ... per status. */
    readonly schemas: Readonly<Record<string, JsonSchema>>;
  };
}

/** What {@link openApiPaths} returns: a document fragment with only `paths`. */
export interface OpenApiPathsFragment {
  /** The OpenAPI version it was built for; {@link mergeOpenApi} checks it against the document's. */
  readonly openapi: OpenApiVersion;
  /** Path template to method to operation. */
  readonly paths: Readonly<Record<string, Readonly<Record<string, JsonSchema>>>>;
}

/** A fragment {@link mergeOpenApi} takes. */
export type OpenApiFragment = OpenApiErrorComponents | OpenApiPathsFragment;

/** What the handler sends, read once from the options (and the handler's own). */
interface Sent {
  readonly statuses: readonly ErrorStatus[];
  readonly examples: readonly string[];
  readonly offered: readonly string[];
  readonly localization: ReturnType<typeof createLocalization>;
  readonly formats: readonly Format[];
  readonly typeBaseUri: string | undefined;
  /** The `type` of each status under `typeBaseUri`, when it is given. */
  readonly typeUris: Readonly<Record<number, string>> | undefined;
  readonly types: readonly ProblemTypeSpec[];
  readonly prefix: string;
  readonly version: OpenApiVersion;
  readonly fallbacks: boolean;
}

const FIXED_DESCRIPTIONS = {
  'no-store': 'The answer must not be stored by caches.',
  close: 'On HTTP/1.1 the server closes the connection after this answer (RFC 9110 §15.5.9).',
  Upgrade: 'On HTTP/1.1 it lists `Upgrade`, as whoever sends `Upgrade` must (RFC 9110 §7.8).',
} as const;
const MEDIA_TYPES: Readonly<Record<Format, string>> = { 'problem+json': 'application/problem+json', json: 'application/json', html: 'text/html', text: 'text/plain' };
// Stands for a 4xx or 5xx outside the table in the fallback examples.
const FALLBACK_EXAMPLES = { ClientError: 499, ServerError: 599 } as const;

/**
 * OpenAPI `components.responses` and `components.schemas` for the chosen statuses: the
 * content types of the handler's `formats`, the headers each status carries (and `Vary`,
 * `Content-Language` on every one), an example body per language, and a schema per
 * declared problem type. Combine it with your document through {@link mergeOpenApi}.
 *
 * @example
 * const handler = errorHandler({ typeBaseUri });
 * const doc = mergeOpenApi(myDocument, openApiErrorResponses({ handler, locales: ['en', 'ko'] }), openApiPaths(app, { handler }));
 */
export function openApiErrorResponses<L extends string = Locale>(options?: OpenApiErrorOptions<L>): OpenApiErrorComponents;
export function openApiErrorResponses<L extends string = Locale>(handler: ErrorHandlerLike<L>): OpenApiErrorComponents;
export function openApiErrorResponses<L extends string = Locale>(options: OpenApiErrorOptions<L> | ErrorHandlerLike<L> = {}): OpenApiErrorComponents {
  const sent = readOptions(options, 'openApiErrorResponses');
  const { prefix } = sent;
  const shared = `${prefix}Problem`;
  const schemas: Record<string, JsonSchema> = { [shared]: baseSchema() };
  const responses: Record<string, JsonSchema> = {};
  const vocabulary = { typeBaseUri: sent.typeBaseUri, types: sent.types };
  for (const status of sent.statuses) {
    const name = `${prefix}${STATUSES[status].className}`;
    const own = statusSchema(vocabulary, status);
    const declared = sent.types.filter((spec) => spec.status === status);
    const problem = { allOf: [{ $ref: `#/components/schemas/${shared}` }, own] };
    const variants = declared.map((spec) => {
      const schemaName = `${prefix}${typeName(spec)}Problem`;
      if (Object.hasOwn(schemas, schemaName) || Object.values(STATUSES).some((row) => `${prefix}${row.className}Problem` === schemaName)) {
        throw new TypeError(`openApiErrorResponses: the schema name ${schemaName} of type "${spec.type}" is taken; give the type a name`);
      }
      const schema = typeSchema(spec);
      schemas[schemaName] = { allOf: [{ $ref: `#/components/schemas/${shared}` }, schema], description: schema.description };
      return { $ref: `#/components/schemas/${schemaName}` };
    });
    schemas[`${name}Problem`] = variants.length === 0 ? { ...problem, description: own.description } : { description: own.description, anyOf: [problem, ...variants] };
    responses[name] = response(sent, status, own.description as string, `${name}Problem`);
  }
  if (sent.fallbacks) {
    for (const [family, example] of Object.entries(FALLBACK_EXAMPLES)) {
      const name = `${prefix}${family}`;
      const range = example >= 500 ? { minimum: 500, maximum: 599 } : { minimum: 400, maximum: 499 };
      const description = example >= 500 ? 'Any other 5xx status' : 'Any other 4xx status';
      schemas[`${name}Problem`] = { allOf: [{ $ref: `#/components/schemas/${shared}` }, { type: 'object', properties: { status: { type: 'integer', ...range } } }], description };
      responses[name] = response(sent, example, description, `${name}Problem`);
    }
  }
  const fragment = { openapi: sent.version, components: { responses, schemas } };
  return sent.version === '3.0' ? to30(fragment) : fragment;
}

/**
 * OpenAPI `paths` read from the app's routes (Express 4 or 5, nested routers, parameters
 * as `{id}`): one operation per route and method, whose `responses` refer to the
 * components of {@link openApiErrorResponses}: the statuses declared with `throws()`, those
 * recognised middleware on the way can produce (body parsers 400/413/415, rate limiters
 * 429, authentication 401), 500, and the `4XX`/`5XX` fallbacks. Given `types`, a problem type
 * a route throws must be among them.
 *
 * @example
 * app.get('/users/:id', throws(NotFound), getUser);
 * const doc = mergeOpenApi(myDocument, openApiErrorResponses(), openApiPaths(app));
 */
export function openApiPaths<L extends string = Locale>(app: unknown, options?: OpenApiErrorOptions<L>): OpenApiPathsFragment;
export function openApiPaths<L extends string = Locale>(app: unknown, handler: ErrorHandlerLike<L>): OpenApiPathsFragment;
export function openApiPaths<L extends string = Locale>(app: unknown, options: OpenApiErrorOptions<L> | ErrorHandlerLike<L> = {}): OpenApiPathsFragment {
  const sent = readOptions(options, 'openApiPaths');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const ids = new Set<string>();
  const declaredTypes = new Set(sent.types.map((spec) => spec.type));
  for (const operation of readOperations(app)) {
    // A type a route throws but the document does not describe would be drift from day one.
    const undeclared = options !== undefined && typeof options === 'object' && options.types !== undefined ? operation.types.find((spec) => !declaredTypes.has(spec.type)) : undefined;
    if (undeclared !== undefined) throw new TypeError(`openApiPaths: ${operation.method.toUpperCase()} ${operation.path} throws the problem type "${undeclared.type}", which types does not declare`);
    const item = (paths[operation.path] ??= {});
    // The first route for a method and path is the one Express dispatches to.
    if (Object.hasOwn(item, operation.method)) continue;
    const statuses = new Set<number>([...operation.declared, ...operation.middleware, 500]);
    const responses: Record<string, JsonSchema> = {};
    for (const status of [...statuses].sort()) responses[String(status)] = { $ref: `#/components/responses/${sent.prefix}${STATUSES[status as ErrorStatus].className}` };
    if (sent.fallbacks) {
      responses['4XX'] = { $ref: `#/components/responses/${sent.prefix}ClientError` };
      responses['5XX'] = { $ref: `#/components/responses/${sent.prefix}ServerError` };
    }
    const entry: Record<string, unknown> = { summary: `${operation.method.toUpperCase()} ${operation.path}`, operationId: uniqueId(operation.method, operation.path, ids) };
    if (operation.parameters.length > 0) entry.parameters = operation.parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    entry.responses = responses;
    item[operation.method] = entry;
  }
  return { openapi: sent.version, paths };
}

/**
 * Adds our fragments (components, paths) to an existing OpenAPI document and returns the
 * result; the document passed in is not changed. A component the document already has is
 * kept when it equals ours; a different one throws a `TypeError` rather than being
 * overwritten (use the `prefix` option). An operation the document already has keeps its
 * own responses and gains ours for the other statuses. A 3.0 document takes only fragments
 * built with `openapi: '3.0'`, and a 3.1 document only 3.1 ones.
 *
 * @example
 * app.get('/openapi.json', (_req, res) => res.json(mergeOpenApi(doc, openApiErrorResponses({ statuses: [404] }))));
 */
export function mergeOpenApi<D extends object>(doc: D, ...fragments: readonly OpenApiFragment[]): D & { readonly components: OpenApiErrorComponents['components']; readonly paths: OpenApiPathsFragment['paths'] } {
  const version = versionOf(doc);
  const own = doc as { readonly components?: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>; readonly paths?: Readonly<Record<string, unknown>> };
  const components: Record<string, Record<string, unknown>> = {};
  for (const [section, entries] of Object.entries(own.components ?? {})) components[section] = { ...entries };
  let paths: Readonly<Record<string, unknown>> | undefined = own.paths;
  for (const fragment of fragments) {
    const built = fragment.openapi ?? '3.1';
    if (built !== version) {
      throw new TypeError(`mergeOpenApi: the document is OpenAPI ${version} but a fragment was built for ${built}; build it with { openapi: '${version}' }`);
    }
    if ('components' in fragment) {
      for (const section of ['responses', 'schemas'] as const) {
        const merged = (components[section] ??= {});
        for (const [name, value] of Object.entries(fragment.components[section])) {
          if (Object.hasOwn(merged, name)) {
            if (JSON.stringify(merged[name]) !== JSON.stringify(value)) {
              throw new TypeError(`mergeOpenApi: components.${section}.${name} already exists and differs; pass a prefix to openApiErrorResponses()`);
            }
            continue;
          }
          merged[name] = value;
        }
      }
    }
    if ('paths' in fragment) paths = mergePaths(paths ?? {}, fragment.paths);
  }
  const result = { ...doc, components, ...(paths === undefined ? {} : { paths }) };
  checkReferences(result, fragments);
  return result as unknown as D & { readonly components: OpenApiErrorComponents['components']; readonly paths: OpenApiPathsFragment['paths'] };
}

function readOptions<L extends string>(given: OpenApiErrorOptions<L> | ErrorHandlerLike<L>, where: string): Sent {
  const direct = typeof given === 'function' ? { handler: given } : given;
  const handler = direct.handler;
  const fromHandler = handler === undefined ? undefined : handlerOptionsOf(handler);
  if (handler !== undefined && fromHandler === undefined) throw new TypeError(`${where}: handler is not an errorHandler()`);
  const options = { ...fromHandler, ...definedOf(direct) } as OpenApiErrorOptions<string>;
  const localization = createLocalization({ catalogs: options.catalogs as Readonly<Record<string, unknown>> | undefined, defaultLocale: options.defaultLocale });
  const statuses = options.statuses ?? ERROR_STATUSES;
  for (const status of statuses) {
    if (!Object.hasOwn(STATUSES, status)) throw new TypeError(`${where}: ${String(status)} is not a registered error status`);
  }
  const examples = options.locales ?? [localization.defaultLocale];
  for (const locale of examples) {
    if (!localization.catalogs.has(locale)) throw new TypeError(`${where}: no catalog for locale "${String(locale)}"; use one of ${localization.locales.join(', ')} or add it with the catalogs option`);
  }
  const version = options.openapi ?? '3.1';
  if (version !== '3.0' && version !== '3.1') throw new TypeError(`${where}: openapi must be '3.0' or '3.1'`);
  // Built here, so that a bad typeBaseUri throws before anything else is.
  const typeUris = options.typeBaseUri === undefined ? undefined : problemTypes(options.typeBaseUri);
  return {
    statuses,
    examples,
    offered: localization.locales,
    localization,
    formats: checkFormats(options.formats),
    typeBaseUri: options.typeBaseUri,
    typeUris,
    types: options.types ?? [],
    prefix: options.prefix ?? '',
    version,
    fallbacks: options.fallbacks ?? true,
  };
}

// An option given as `undefined` leaves the handler's in place.
function definedOf(options: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function response(sent: Sent, status: number, description: string, schemaName: string): JsonSchema {
  const examples: Record<string, JsonSchema> = {};
  for (const locale of sent.examples) {
    const catalog = sent.localization.catalogs.get(locale);
    if (catalog === undefined) continue;
    const { body } = toProblem({ status, expose: false }, { catalog, types: sent.typeUris });
    examples[locale] = { summary: `${body.title} (${locale})`, value: body };
  }
  const content: Record<string, JsonSchema> = {};
  for (const format of sent.formats) {
    const json = format === 'problem+json' || format === 'json';
    content[MEDIA_TYPES[format]] = json ? { schema: { $ref: `#/components/schemas/${schemaName}` }, examples } : { schema: { type: 'string' } };
  }
  return { description, headers: headersOf(sent, status), content };
}

function headersOf(sent: Sent, status: number): Record<string, JsonSchema> {
  const headers: Record<string, JsonSchema> = {
    'Content-Language': {
      description: 'The language of `title` and `detail`, negotiated from `Accept-Language`.',
      required: true,
      schema: { type: 'string', enum: [...sent.offered] },
      example: sent.localization.defaultLocale,
    },
    Vary: {
      description: sent.formats.length > 1 ? 'The answer depends on `Accept-Language` and `Accept` (and on what the route adds).' : 'The answer depends on `Accept-Language` (and on what the route adds).',
      required: true,
      schema: { type: 'string' },
      example: sent.formats.length > 1 ? 'Accept-Language, Accept' : 'Accept-Language',
    },
  };
  for (const header of statusHeaders(status)) {
    if ('contract' in header) {
      const { description, schema, sample } = OPEN_API[header.contract]();
      headers[header.name] = { description, required: header.spec.required, schema, example: header.spec.format(sample) };
    } else {
      headers[header.name] = { description: FIXED_DESCRIPTIONS[header.value], schema: { type: 'string', const: header.value } };
    }
  }
  return headers;
}

/** A 3.1 fragment's schemas in 3.0's dialect. */
function to30(fragment: OpenApiErrorComponents): OpenApiErrorComponents {
  const schemas = Object.fromEntries(Object.entries(fragment.components.schemas).map(([name, schema]) => [name, schemaTo30(schema)]));
  const responses = Object.fromEntries(
    Object.entries(fragment.components.responses).map(([name, value]) => {
      const { headers, content } = value as { headers: Record<string, JsonSchema>; content: Record<string, JsonSchema> };
      return [
        name,
        {
          ...value,
          headers: Object.fromEntries(Object.entries(headers).map(([header, object]) => [header, { ...object, schema: schemaTo30(object.schema as JsonSchema) }])),
          content: Object.fromEntries(Object.entries(content).map(([media, object]) => [media, { ...object, schema: schemaTo30(object.schema as JsonSchema) }])),
        },
      ];
    }),
  );
  return { openapi: '3.0', components: { responses, schemas } };
}

function versionOf(doc: object): OpenApiVersion {
  const declared = (doc as { openapi?: unknown }).openapi;
  if (declared === undefined) return '3.1';
  if (typeof declared === 'string' && /^3\.0(?:\.|$)/.test(declared)) return '3.0';
  if (typeof declared === 'string' && /^3\.1(?:\.|$)/.test(declared)) return '3.1';
  throw new TypeError(`mergeOpenApi: the document's openapi is ${JSON.stringify(declared)}; only OpenAPI 3.0 and 3.1 documents are supported`);
}

// `/users/{id}` and `/users/{userId}` are one path to OpenAPI: the document's own name wins.
function shapeOf(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function mergePaths(given: Readonly<Record<string, unknown>>, ours: OpenApiPathsFragment['paths']): Record<string, unknown> {
  const own: Record<string, unknown> = { ...given };
  const byShape = new Map(Object.keys(own).map((path) => [shapeOf(path), path]));
  const ids = new Set<string>();
  for (const item of Object.values(own)) {
    for (const operation of Object.values((item ?? {}) as Record<string, { operationId?: unknown }>)) {
      if (typeof operation?.operationId === 'string') ids.add(operation.operationId);
    }
  }
  for (const [path, operations] of Object.entries(ours)) {
    const key = byShape.get(shapeOf(path)) ?? path;
    byShape.set(shapeOf(path), key);
    const item: Record<string, unknown> = { ...(own[key] as Record<string, unknown> | undefined) };
    for (const [method, operation] of Object.entries(operations)) {
      const existing = item[method] as Record<string, unknown> | undefined;
      const theirs = operation as { operationId?: string; parameters?: unknown; responses: Record<string, unknown> };
      if (existing === undefined) {
        const { operationId, ...rest } = theirs;
        item[method] = operationId === undefined || ids.has(operationId) ? rest : { operationId, ...rest };
        if (operationId !== undefined) ids.add(operationId);
        // Parameters named by the document's own path, not by Express's.
        if (key !== path && theirs.parameters !== undefined) item[method] = { ...(item[method] as object), parameters: renamed(theirs.parameters, path, key) };
        continue;
      }
      const merged: Record<string, unknown> = { ...existing, responses: withOwnFirst(existing.responses as Record<string, unknown> | undefined, theirs.responses) };
      const named = existing.parameters !== undefined || item.parameters !== undefined;
      if (!named && theirs.parameters !== undefined) merged.parameters = renamed(theirs.parameters, path, key);
      item[method] = merged;
    }
    own[key] = item;
  }
  return own;
}

// The document's own responses, then ours for the statuses it does not describe.
function withOwnFirst(own: Record<string, unknown> | undefined, ours: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...own };
  for (const [status, value] of Object.entries(ours)) if (!Object.hasOwn(merged, status)) merged[status] = value;
  return merged;
}

function renamed(parameters: unknown, from: string, to: string): unknown {
  const names = [...to.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const old = [...from.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  return (parameters as { name: string }[]).map((parameter) => ({ ...parameter, name: names[old.indexOf(parameter.name)] ?? parameter.name }));
}

// Every component a fragment's $ref names must be in the result, or the document is broken.
function checkReferences(doc: { readonly components: Record<string, Record<string, unknown>> }, fragments: readonly OpenApiFragment[]): void {
  const text = JSON.stringify(fragments);
  for (const match of text.matchAll(/"#\/components\/(responses|schemas)\/([^"]+)"/g)) {
    const [, section, name] = match as unknown as [string, string, string];
    if (!Object.hasOwn(doc.components[section] ?? {}, name)) {
      throw new TypeError(`mergeOpenApi: the paths refer to components.${section}.${name}, which the document lacks; merge openApiErrorResponses() with that status (and the same prefix and fallbacks)`);
    }
  }
}

function uniqueId(method: string, path: string, ids: Set<string>): string {
  const words = path.split('/').filter(Boolean).map((segment) => (segment.startsWith('{') ? `By${pascal(segment.slice(1, -1))}` : pascal(segment)));
  const base = method + words.join('');
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}${n}`;
  ids.add(id);
  return id;
}
