import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** A JSON Schema 2020-12 validator that also checks `format` (uri-reference, json-pointer). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** Compiles a schema; the returned function's `errors` say why a value failed. */
export function compile(schema: object, ajv: Ajv2020 = createAjv()): ValidateFunction {
  return ajv.compile(schema);
}

/** Validates an OpenAPI document with @seriousme/openapi-schema-validator. */
export function validateOpenApi(doc: unknown): { valid: boolean; version: string; errors: unknown } {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'validate-openapi.mjs')], { input: JSON.stringify(doc), encoding: 'utf8', timeout: 15000 });
  if (result.status !== 0) throw new Error(`validator failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { valid: boolean; version: string; errors: unknown };
}
