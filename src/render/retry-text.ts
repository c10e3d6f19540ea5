/**
 * `Retry-After` in words: "Please try again in 2 minutes or so." in the response's
 * language, for the HTML page of a 503 or 429.
 */
import { parseRetryAfter } from '../core/headers/retry-after';
import type { Phrases } from '../i18n/locales/types';

/** The localised retry sentence for a `Retry-After` value at the moment `now` (ms), or `undefined`. */
export type RetryDescriber = (retryAfter: string | undefined, now: number) => string | undefined;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Builds the retry sentence of one language; the `Intl` formatters are created here, once,
 * because constructing them costs far more than using them.
 */
export function createRetryDescriber(locale: string, phrases: Pick<Phrases, 'retryIn' | 'retryAt'>): RetryDescriber {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  // The server does not know the reader's time zone, so the date says UTC out loud.
  const absolute = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });

  return (retryAfter, now) => {
    if (retryAfter === undefined) return undefined;
    const parsed = parseRetryAfter(retryAfter);
    if (parsed === undefined) return undefined;
    let seconds: number;
    if (typeof parsed === 'number') {
      seconds = parsed;
    } else {
      const at = parsed.getTime();
      seconds = (at - now) / 1000;
      // A date days away reads better as a date than as "in 9 days".
      if (seconds > DAY) return fill(phrases.retryAt, '{date}', absolute.format(at));
    }
    // Nothing to wait for: the page's description already says "try again".
    if (!(seconds >= 1) || !Number.isFinite(seconds)) return undefined;
    return fill(phrases.retryIn, '{when}', inWords(relative, seconds));
  };
}

/** "in 45 seconds", "in 2 minutes", "in 3 hours", "in 2 days": the largest unit that fits, rounded. */
function inWords(format: Intl.RelativeTimeFormat, seconds: number): string {
  if (seconds < MINUTE) return format.format(Math.round(seconds), 'second');
  const minutes = Math.round(seconds / MINUTE);
  if (minutes < 60) return format.format(minutes, 'minute');
  const hours = Math.round(seconds / HOUR);
  if (hours < 24) return format.format(hours, 'hour');
  return format.format(Math.round(seconds / DAY), 'day');
}

function fill(template: string, slot: string, value: string): string {
  // split/join rather than replace(): a `$` in the value must stay a `$`.
  return template.split(slot).join(value);
}
