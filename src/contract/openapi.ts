/**
 * OpenAPI 3.1 `components` for our error responses: one response per status with its
 * headers, the problem schemas, and example bodies in the requested languages.
 */
import { CONTRACTS, OPEN_API } from '../core/headers';
import type { HeaderOpenApi, HeaderSpec } from '../core/headers';
import { ERROR_STATUSES, STATUSES, statusRow } from '../core/status';
import type { ErrorStatus } from '../core/status';
import { CATALOGS, LOCALES } from '../i18n/locales';
import type { Locale } from '../i18n/locales';
import { toProblem } from '../problem/problem';
import { problemTypes } from './problem-types';
import { baseSchema, variantSchema } from './schema';
import type { JsonSchema, ProblemTypeSpec } from './schema';

/** Options of {@link openApiErrorResponses}. */
export interface OpenApiErrorOptions {
  /** The statuses to describe. Default: every registered status. */
  readonly statuses?: readonly ErrorStatus[];
  /** One example body per language. Default: `['en']`. */
  readonly locales?: readonly Locale[];
  /** The same `typeBaseUri` as given to `errorHandler()`. */
  readonly typeBaseUri?: string;
  /** The app's own problem types (see `problemJsonSchema()`). */
  readonly types?: readonly ProblemTypeSpec[];
  /** Put before every component name, to stay clear of names the document already uses. Default: `''`. */
  readonly prefix?: string;
}

/** What {@link openApiErrorResponses} returns: a document fragment with only `components`. */
export interface OpenApiErrorComponents {
  readonly components: {
    /** `NotFound`, `ServiceUnavailable`, ...: the class names of the statuses. */
    readonly responses: Readonly<Record<string, JsonSchema>>;
    /** `Problem`, the shared schema, and `NotFoundProblem`, ... per status. */
    readonly schemas: Readonly<Record<string, JsonSchema>>;
  };
}

/**
 * OpenAPI 3.1 `components.responses` and `components.schemas` for the chosen statuses:
 * `application/problem+json` content, the headers each status carries, and an example
 * body per language. Combine it with your document through {@link mergeOpenApi}.
 *
 * @example
 * const doc = mergeOpenApi(myDocument, openApiErrorResponses({ statuses: [404, 503], locales: ['en', 'ko'] }));
 * // then in a path: responses: { '404': { $ref: '#/components/responses/NotFound' } }
 */
export function openApiErrorResponses(options: OpenApiErrorOptions = {}): OpenApiErrorComponents {
  const statuses = options.statuses ?? ERROR_STATUSES;
  const locales = options.locales ?? ['en'];
  const prefix = options.prefix ?? '';
  for (const status of statuses) {
    if (!Object.hasOwn(STATUSES, status)) throw new TypeError(`openApiErrorResponses: ${String(status)} is not a registered error status`);
  }
  for (const locale of locales) {
    if (!Object.hasOwn(CATALOGS, locale)) throw new TypeError(`openApiErrorResponses: no catalog for locale "${String(locale)}"; use one of ${LOCALES.join(', ')}`);
  }
  const types = options.typeBaseUri === undefined ? undefined : problemTypes(options.typeBaseUri);
  const shared = `${prefix}Problem`;
  const schemas: Record<string, JsonSchema> = { [shared]: baseSchema() };
  const responses: Record<string, JsonSchema> = {};
  for (const status of statuses) {
    const name = `${prefix}${STATUSES[status].className}`;
    const variant = variantSchema({ ...options, status });
    schemas[`${name}Problem`] = { allOf: [{ $ref: `#/components/schemas/${shared}` }, variant], description: variant.description };
    const examples: Record<string, JsonSchema> = {};
    for (const locale of locales) {
      const { body } = toProblem({ status, expose: false }, { catalog: CATALOGS[locale], types });
      examples[locale] = { summary: `${body.title} (${locale})`, value: body };
    }
    responses[name] = {
      description: variant.description,
      headers: headersOf(status),
      content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${name}Problem` }, examples } },
    };
  }
  return { components: { responses, schemas } };
}

function headersOf(status: ErrorStatus): Record<string, JsonSchema> {
  const row = statusRow(status);
  const headers: Record<string, JsonSchema> = {
    'Content-Language': { description: 'The language of `title` and `detail`, negotiated from `Accept-Language`.', schema: { type: 'string', enum: [...LOCALES] } },
  };
  if (row?.header !== undefined) {
    const contract: HeaderSpec = CONTRACTS[row.header];
    const { description, schema, sample }: HeaderOpenApi = OPEN_API[row.header]();
    headers[contract.header] = { description, required: contract.required, schema, example: contract.format(sample) };
  }
  if (row?.noStore === true) headers['Cache-Control'] = { description: 'The answer must not be stored by caches.', schema: { type: 'string', const: 'no-store' } };
  return headers;
}

/**
 * Adds our components to an existing OpenAPI document and returns the result; the
 * document passed in is not changed. An entry the document already has is kept as it is
 * when it equals ours; a different one throws a `TypeError` rather than being overwritten
 * (use the `prefix` option to choose other names).
 *
 * @example
 * app.get('/openapi.json', (_req, res) => res.json(mergeOpenApi(doc, openApiErrorResponses({ statuses: [404] }))));
 */
export function mergeOpenApi<D extends object>(doc: D, fragment: OpenApiErrorComponents): D & OpenApiErrorComponents {
  const own = (doc as { readonly components?: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> }).components;
  const components: Record<string, unknown> = { ...own };
  for (const section of ['responses', 'schemas'] as const) {
    const existing = own?.[section] ?? {};
    const merged: Record<string, unknown> = { ...existing };
    for (const [name, value] of Object.entries(fragment.components[section])) {
      if (Object.hasOwn(existing, name)) {
        if (JSON.stringify(existing[name]) !== JSON.stringify(value)) {
          throw new TypeError(`mergeOpenApi: components.${section}.${name} already exists and differs; pass a prefix to openApiErrorResponses()`);
        }
        continue;
      }
      merged[name] = value;
    }
    components[section] = merged;
  }
  return { ...doc, components } as D & OpenApiErrorComponents;
}
