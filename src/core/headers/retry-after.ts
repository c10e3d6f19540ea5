/** `Retry-After` (RFC 9110 §10.2.3): on 503, 429 and 413, how long to wait before retrying. */
import { keepAsIs, whenPresent } from './spec';
import type { HeaderOpenApi, HeaderSpec } from './spec';

/** Seconds to wait (whole, non-negative) or the moment after which to retry. */
export type RetryAfter = number | Date;

/** `Retry-After` as delta-seconds for a number, as an IMF-fixdate for a `Date`. */
export function formatRetryAfter(value: unknown): string | undefined {
  if (typeof value === 'number') {
    // A fractional wait is rounded up: retrying early would only fail again.
    return Number.isFinite(value) && value >= 0 ? String(Math.ceil(value)) : undefined;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    // toUTCString() is exactly IMF-fixdate (RFC 9110 §5.6.7) in every supported Node.
    return Number.isNaN(time) ? undefined : value.toUTCString();
  }
  return undefined;
}

const DELTA_SECONDS = /^\d+$/;
// RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, or the obsolete RFC 850 and asctime forms.
// Checked before Date.parse, which would also read "1 2" or "2030" as a date.
const HTTP_DATE = /^[A-Za-z]{3,9},? [\w -]+ \d{2}:\d{2}:\d{2}(?: GMT| \d{4})$/;

/** A received `Retry-After`: seconds for delta-seconds, a `Date` for an HTTP-date, else `undefined`. */
export function parseRetryAfter(value: string): number | Date | undefined {
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) return Number(text);
  // asctime names no zone, yet means GMT; Date.parse would read it as local time.
  const time = HTTP_DATE.test(text) ? Date.parse(text.endsWith(' GMT') ? text : `${text} GMT`) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** The pattern of an IMF-fixdate, as the OpenAPI document states it. */
export const IMF_FIXDATE_PATTERN = '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$';

export const retryAfter = {
  header: 'Retry-After',
  property: 'retryAfter',
  required: false,
  format: formatRetryAfter,
  keep: keepAsIs,
  parse: whenPresent(parseRetryAfter),
} as const satisfies HeaderSpec;

export function retryAfterOpenApi(): HeaderOpenApi {
  return {
    description: 'How long to wait before retrying: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).',
    schema: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: IMF_FIXDATE_PATTERN }] },
    sample: 120,
  };
}
