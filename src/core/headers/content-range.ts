/** `Content-Range: bytes *\/<length>` (RFC 9110 §14.4): on 416, the complete length of the resource. */
import { keepAsIs, whenPresent } from './spec';
import type { HeaderOpenApi, HeaderSpec } from './spec';

/** `Content-Range: bytes *\/<complete-length>` for a 416. */
export function formatUnsatisfiedRange(completeLength: unknown): string | undefined {
  return Number.isSafeInteger(completeLength) && (completeLength as number) >= 0 ? `bytes */${String(completeLength)}` : undefined;
}

const UNSATISFIED = /^bytes\s+\*\/(\d+)$/i;

export const contentRange = {
  header: 'Content-Range',
  property: 'completeLength',
  required: true,
  format: formatUnsatisfiedRange,
  keep: keepAsIs,
  parse: whenPresent((value) => {
    const length = UNSATISFIED.exec(value.trim())?.[1];
    return length === undefined ? undefined : Number(length);
  }),
} as const satisfies HeaderSpec;

export function contentRangeOpenApi(): HeaderOpenApi {
  return {
    description: 'The complete length of the resource (RFC 9110 §14.4).',
    schema: { type: 'string', pattern: '^bytes \\*/\\d+$' },
    sample: 1024,
  };
}
