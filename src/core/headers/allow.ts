/** `Allow` (RFC 9110 §10.2.1): on 405, the methods the resource supports. */
import { formatTokenList, TCHAR } from './field';
import { keepList, splitList } from './spec';
import type { HeaderOpenApi, HeaderSpec } from './spec';

export const allow = {
  header: 'Allow',
  property: 'allow',
  required: true,
  format: (value: unknown): string | undefined => formatTokenList(value),
  keep: keepList,
  parse: splitList,
} as const satisfies HeaderSpec;

export function allowOpenApi(): HeaderOpenApi {
  return {
    description: 'The methods the resource supports (RFC 9110 §10.2.1).',
    schema: { type: 'string', pattern: `^(${TCHAR}+(, ${TCHAR}+)*)?$` },
    sample: ['GET', 'HEAD'],
  };
}
