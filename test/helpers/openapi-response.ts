/**
 * Checks a real response against the operation an OpenAPI 3.1 document gives it: the status
 * is documented (or its 4XX/5XX range), the content type is one of the response's, every
 * required header is there, every documented header present matches its schema, and the
 * body validates against the media type's schema with ajv.
 */
import type { ValidateFunction } from 'ajv/dist/2020';
import { createAjv } from './ajv';

interface Received {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

type Json = Readonly<Record<string, unknown>>;
const ID = 'https://example.invalid/openapi';

/** Validates responses against one document; the schemas are compiled once each. */
export function responseChecker(doc: Json): (method: string, template: string, res: Received) => string[] {
  const ajv = createAjv();
  // The document is not a schema: only its `components` are reached, through $ref.
  ajv.addKeyword({ keyword: 'components' });
  ajv.addSchema({ $id: ID, components: (doc as { components: Json }).components });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (schema: unknown): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.compile(rebase(schema));
      compiled.set(key, validate);
    }
    return validate;
  };
  const resolve = (value: unknown): Json => {
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string') return value as Json;
    const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
    return ((doc.components as Record<string, Json>)[section as string] as Json)[name as string] as Json;
  };

  return (method, template, res) => {
    const problems: string[] = [];
    const operation = ((doc.paths as Record<string, Json>)[template] ?? {})[method.toLowerCase()] as { responses: Json } | undefined;
    if (operation === undefined) return [`no operation ${method} ${template}`];
    const family = `${String(res.status)[0]}XX`;
    const documented = operation.responses[String(res.status)] ?? operation.responses[family] ?? operation.responses.default;
    if (documented === undefined) return [`${res.status} is not documented for ${method} ${template}`];
    const response = resolve(documented) as { headers?: Record<string, Json>; content?: Record<string, { schema: unknown }> };
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = res.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required === true) problems.push(`header ${name} is required but missing`);
        continue;
      }
      const validate = validator(header.schema);
      if (!validate(Array.isArray(value) ? value.join(', ') : value)) problems.push(`header ${name}: ${JSON.stringify(value)} ${ajv.errorsText(validate.errors)}`);
    }
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    const media = response.content?.[mediaType];
    if (media === undefined) {
      problems.push(`content type ${mediaType} is not documented (${Object.keys(response.content ?? {}).join(', ')})`);
      return problems;
    }
    const body: unknown = /json$/.test(mediaType) ? JSON.parse(res.text) : res.text;
    const validate = validator(media.schema);
    if (!validate(body)) problems.push(`body: ${ajv.errorsText(validate.errors)}`);
    return problems;
  };
}

// Local $refs of the document, made absolute so that ajv finds them in the added schema.
function rebase(schema: unknown): object {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${ID}${value}` : value)) as object;
}
