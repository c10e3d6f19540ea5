/**
 * JSON Schema (2020-12) of the problem documents `errorHandler()` sends: the RFC 9457
 * members, the `errors` list, our own extension members, and an app's problem types.
 */
import { ERROR_STATUSES, isErrorRange, STATUS_REFERENCES, statusRow, titleOf } from '../core/status';
import type { ErrorStatus } from '../core/status';
import { isUriReference } from '../core/uri';
import { problemTypes } from './problem-types';

/** A JSON Schema as a plain JSON object. */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

/**
 * A problem type of the app: a subclass (or a throw site) that sets its own `type`,
 * e.g. `class OutOfCredit extends PaymentRequired` with `type: 'https://example.com/probs/out-of-credit'`.
 */
export interface ProblemTypeSpec {
  /** The `type` URI the app's error sets. */
  readonly type: string;
  /** The status its error carries. */
  readonly status: ErrorStatus;
  /** What the problem type means, for the reader of the schema. */
  readonly description?: string;
  /**
   * The extension members this type adds, by name: a JSON Schema, or a JSON type name for
   * short (`{ balance: 'number' }`). Every body of the type carries them.
   */
  readonly extensions?: Readonly<Record<string, JsonSchema | JsonTypeName>>;
  /** Its schema's name in the OpenAPI components, before `Problem`. Default: the type URI's last segment in PascalCase (`OutOfCredit`). */
  readonly name?: string;
  /** Its title on the documentation page of `problemTypeDocs()`. Default: the status's title. */
  readonly title?: string;
}

/** The JSON type of an extension member, for short: `'number'` means `{ type: 'number' }`. */
export type JsonTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** Options of {@link problemJsonSchema}, also accepted by `openApiErrorResponses()`. */
export interface ProblemSchemaOptions {
  /** Fix `status` to one code: the schema of that status's responses only. */
  readonly status?: number;
  /** The same `typeBaseUri` as given to `errorHandler()`: `type` is then `<base>/<slug>`. */
  readonly typeBaseUri?: string;
  /** The app's own problem types. */
  readonly types?: readonly ProblemTypeSpec[];
}

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/**
 * The JSON Schema (2020-12) of our problem bodies; with `status`, of one status's bodies.
 *
 * `type` is any URI reference unless the app has declared its vocabulary (`typeBaseUri`
 * or `types`); then it is one of the declared values.
 *
 * @example
 * const schema = problemJsonSchema({ status: 503, typeBaseUri: 'https://example.com/problems' });
 * new Ajv2020().compile(schema)(body);
 */
export function problemJsonSchema(options: ProblemSchemaOptions = {}): JsonSchema {
  const base = baseSchema();
  const variant = variantSchema(options);
  const properties = { ...(base.properties as JsonSchema), ...(variant.properties as JsonSchema) };
  return { $schema: DIALECT, ...base, ...variant, properties };
}

/** The members every problem body has, whatever its status: shared by every status's schema. */
export function baseSchema(): JsonSchema {
  return {
    title: 'Problem Details (RFC 9457)',
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri-reference', description: 'Identifies the problem type; `about:blank` means the status says it all.' },
      title: { type: 'string', description: 'Short summary of the problem type, in the language of `Content-Language`.' },
      status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status code, the same as the response status.' },
      detail: { type: 'string', description: 'Explanation of this occurrence, in the language of `Content-Language`.' },
      instance: { type: 'string', format: 'uri-reference', description: 'Identifies this occurrence: by default the request path.' },
      errors: {
        type: 'array',
        description: 'Itemised problems, e.g. one per invalid field.',
        items: {
          type: 'object',
          required: ['detail'],
          properties: {
            pointer: { type: 'string', format: 'json-pointer', description: 'JSON Pointer (RFC 6901) to the offending member of the request body.' },
            parameter: { type: 'string', description: 'The name of the offending query, path, header or cookie parameter.' },
            in: { type: 'string', enum: ['query', 'path', 'header', 'cookie'], description: 'Where `parameter` is, in OpenAPI terms.' },
            detail: { type: 'string', description: 'What is wrong there.' },
          },
          additionalProperties: true,
        },
      },
      traceId: { type: 'string', description: 'The W3C trace-id or request id of this occurrence, to match a report to the log.' },
      stack: { type: 'array', items: { type: 'string' }, description: 'Only in debug mode: the stack trace, one line per item.' },
      cause: {
        type: 'array',
        description: 'Only in debug mode: the chain of causes.',
        items: {
          anyOf: [
            { type: 'string' },
            { type: 'object', required: ['name', 'message'], properties: { name: { type: 'string' }, message: { type: 'string' }, stack: { type: 'array', items: { type: 'string' } } } },
          ],
        },
      },
    },
    // RFC 9457 §3.2: extension members are allowed; clients ignore the ones they do not know.
    additionalProperties: true,
  };
}

/**
 * What narrows the base schema: `status` fixed, `type` limited to the declared values,
 * and the extension members of the app's problem types.
 */
function variantSchema(options: ProblemSchemaOptions): JsonSchema {
  const { status } = options;
  if (status !== undefined && !isErrorRange(status)) throw new TypeError(`problemJsonSchema: status ${String(status)} is not in 400..599`);
  for (const spec of options.types ?? []) {
    if (!isUriReference(spec.type)) throw new TypeError(`problemJsonSchema: type "${String(spec.type)}" is not a URI reference`);
  }
  const specs = (options.types ?? []).filter((spec) => status === undefined || spec.status === status);
  const properties: Record<string, JsonSchema> = {};
  const out: Record<string, unknown> = { type: 'object', properties };
  if (status !== undefined) {
    out.description = describeStatus(status);
    properties.status = { const: status };
  }
  const declared = declaredTypes(options, status, specs);
  if (declared !== undefined) properties.type = { enum: declared };
  const conditions = specs.filter((spec) => spec.extensions !== undefined).map((spec) => ({
    if: { properties: { type: { const: spec.type } }, required: ['type'] },
    then: extensionMembers(spec),
  }));
  if (conditions.length > 0) out.allOf = conditions;
  return out;
}

/**
 * What narrows the base schema for one status in the OpenAPI components: `status` fixed and,
 * once the app declares its vocabulary, `type` fixed to the status's default. The app's own
 * types of that status are schemas of their own ({@link typeSchema}).
 */
export function statusSchema(options: ProblemSchemaOptions, status: number): JsonSchema {
  const properties: Record<string, JsonSchema> = { status: { const: status } };
  if (options.typeBaseUri !== undefined || (options.types ?? []).length > 0) {
    properties.type = { const: options.typeBaseUri === undefined ? 'about:blank' : (problemTypes(options.typeBaseUri)[status] ?? 'about:blank') };
  }
  // Required here too, so that generated types read `status: 404`, not `status?: 404`.
  return { description: describeStatus(status), type: 'object', required: Object.keys(properties), properties };
}

/** One declared problem type: its `type` and `status` as constants and its extension members, all required. */
export function typeSchema(spec: ProblemTypeSpec): JsonSchema {
  if (!isUriReference(spec.type)) throw new TypeError(`problemJsonSchema: type "${String(spec.type)}" is not a URI reference`);
  const members = extensionMembers(spec);
  return {
    description: spec.description ?? `${spec.type} (${spec.status})`,
    type: 'object',
    required: ['type', 'status', ...(members.required as string[])],
    properties: { type: { const: spec.type }, status: { const: spec.status }, ...(members.properties as JsonSchema) },
  };
}

/** The name of a declared type's schema: its `name`, or its URI's last segment in PascalCase. */
export function typeName(spec: ProblemTypeSpec): string {
  if (spec.name !== undefined) return spec.name;
  const last = spec.type.split(/[/:#?]/).filter(Boolean).pop() ?? '';
  const name = pascal(last);
  return /^[A-Za-z]/.test(name) ? name : `Type${name}`;
}

/** `out-of-credit` as `OutOfCredit`: the words of `text`, each capitalised. */
export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => (word[0] as string).toUpperCase() + word.slice(1))
    .join('');
}

// `404 Not Found (RFC 9110 §15.5.5)`; a code outside the table is only its number.
function describeStatus(status: number): string {
  return statusRow(status) === undefined ? `${status} problem` : `${status} ${titleOf(status)} (${STATUS_REFERENCES[status as ErrorStatus].spec})`;
}

function extensionMembers(spec: ProblemTypeSpec): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, value] of Object.entries(spec.extensions ?? {})) properties[name] = typeof value === 'string' ? { type: value } : value;
  return { properties, required: Object.keys(properties) };
}

// The `type` values a body may carry, or undefined when the app has declared none.
function declaredTypes(options: ProblemSchemaOptions, status: number | undefined, specs: readonly ProblemTypeSpec[]): string[] | undefined {
  if (options.typeBaseUri === undefined && specs.length === 0 && (options.types ?? []).length === 0) return undefined;
  const defaults = options.typeBaseUri === undefined ? undefined : problemTypes(options.typeBaseUri);
  const values: string[] = [];
  const statuses = status === undefined ? ERROR_STATUSES : [status];
  for (const code of statuses) values.push(defaults?.[code] ?? 'about:blank');
  // Unregistered codes (499, 599) keep about:blank.
  if (status === undefined && defaults !== undefined) values.push('about:blank');
  for (const spec of specs) values.push(spec.type);
  return [...new Set(values)];
}
