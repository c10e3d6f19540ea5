/** `Retry-After` (RFC 9110 §10.2.3): on 503, 429 and 413, how long to wait before retrying. */
import { keepAsIs, whenPresent } from './spec';
import type { HeaderOpenApi, HeaderSpec } from './spec';

// An IMF-fixdate (RFC 9110 §5.6.7), unanchored, for the pattern the OpenAPI document states.
const IMF_FIXDATE = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT';

/** Seconds to wait (whole, non-negative) or the moment after which to retry. */
export type RetryAfter = number | Date;

/**
 * The longest wait sent, in seconds: 2^31 - 1, the largest delta-seconds RFC 9111 §1.2.2
 * asks every recipient to handle. A longer one is not a retry time but a mistake.
 */
export const MAX_DELTA_SECONDS = 2 ** 31 - 1;

/**
 * `Retry-After` as delta-seconds for a number (rounded up, 0 to {@link MAX_DELTA_SECONDS}),
 * as an IMF-fixdate for a `Date` with a four-digit year; `undefined` for anything else.
 */
export function formatRetryAfter(value: unknown): string | undefined {
  if (typeof value === 'number') {
    // A fractional wait is rounded up: retrying early would only fail again.
    const seconds = Math.ceil(value);
    return seconds >= 0 && seconds <= MAX_DELTA_SECONDS ? String(seconds) : undefined;
  }
  if (value instanceof Date) {
    // A copy, so the text is Date's own. toUTCString() is IMF-fixdate (RFC 9110 §5.6.7) for the
    // years 0 to 9999; past them it is not, and an invalid date's year is NaN.
    const date = new Date(value.getTime());
    const year = date.getUTCFullYear();
    return year >= 0 && year <= 9999 ? date.toUTCString() : undefined;
  }
  return undefined;
}

const DELTA_SECONDS = /^\d+$/;
// RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, or the obsolete RFC 850 and asctime forms.
// Checked before Date.parse, which would also read "1 2" or "2030" as a date.
const HTTP_DATE = /^[A-Za-z]{3,9},? [\w -]+ \d{2}:\d{2}:\d{2}(?: GMT| \d{4})$/;

/**
 * A received `Retry-After`: seconds for delta-seconds (a larger one read as
 * {@link MAX_DELTA_SECONDS}, as RFC 9111 §1.2.2 says), a `Date` for an HTTP-date, else `undefined`.
 */
export function parseRetryAfter(value: string): number | Date | undefined {
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) return Math.min(Number(text), MAX_DELTA_SECONDS);
  // asctime names no zone, yet means GMT; Date.parse would read it as local time.
  const time = HTTP_DATE.test(text) ? Date.parse(text.endsWith(' GMT') ? text : `${text} GMT`) : Number.NaN;
  return Number.isNaN(time) ? undefined : new Date(time);
}

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
    // A header value is a string: delta-seconds are digits in it, not a JSON integer. What we
    // send: delta-seconds or an IMF-fixdate.
    schema: { type: 'string', pattern: `^(?:[0-9]+|${IMF_FIXDATE})$` },
    sample: 120,
  };
}
