/**
 * OpenAPI 3.0 keeps its own dialect of JSON Schema: no `const`, `nullable` instead of a
 * `null` type, no `$schema`. These rewrite the schemas our builders make (and the app's
 * extension schemas) for a 3.0 document.
 */
import type { JsonSchema } from './schema';

/** The OpenAPI version a fragment is built for. */
export type OpenApiVersion = '3.0' | '3.1';

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_VALUES = ['items', 'not', 'additionalProperties', 'contains', 'if', 'then', 'else'];

/** A JSON Schema in OpenAPI 3.0's dialect. */
export function schemaTo30(schema: JsonSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'const') out.enum = [value];
    else if (key === 'examples' && Array.isArray(value)) out.example = value[0];
    else if (key === 'type' && Array.isArray(value)) {
      const types = value.filter((type) => type !== 'null');
      if (types.length < value.length) out.nullable = true;
      if (types.length === 1) out.type = types[0];
      else if (types.length > 1) out.anyOf = types.map((type: unknown) => ({ type }));
    } else if (key === 'type' && value === 'null') out.nullable = true;
    else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'number') {
      out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
      out[key] = true;
    } else if (SCHEMA_MAPS.includes(key) && isSchema(value)) out[key] = mapValues(value, schemaTo30);
    else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map((item: unknown) => (isSchema(item) ? schemaTo30(item) : item));
    else if (SCHEMA_VALUES.includes(key) && isSchema(value)) out[key] = schemaTo30(value);
    else out[key] = value;
  }
  return out;
}

function mapValues(value: JsonSchema, map: (schema: JsonSchema) => JsonSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = isSchema(item) ? map(item) : item;
  return out;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
