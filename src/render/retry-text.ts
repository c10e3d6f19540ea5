/**
 * `Retry-After` in words: "Please try again in 2 minutes or so." in the response's
 * language, for the HTML page of a 503 or 429.
 */
import type { IntlMessageFormat } from 'intl-messageformat';
import { parseRetryAfter } from '../core/headers/retry-after';
import { compileMessage } from '../i18n/formats';
import type { Phrases } from '../i18n/locales/types';
import { createNumberSpacing } from '../i18n/spacing';

/** The localised retry sentence for a `Retry-After` value at the moment `now` (ms), or `undefined`. */
export type RetryDescriber = (retryAfter: string | undefined, now: number) => string | undefined;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Builds the retry sentence of one language. `retryIn` gets `{when}`, a relative time from
 * `Intl.RelativeTimeFormat`; `retryAt` gets `{date}`, the moment, which it formats itself
 * (`{date, date, utc}`, `{date, time, utc}`: UTC and a 24-hour clock in every language). The
 * formatters are created here, once, because constructing them costs far more than using them.
 */
export function createRetryDescriber(locale: string, phrases: Pick<Phrases, 'retryIn' | 'retryAt'>): RetryDescriber {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const soon = compile(phrases.retryIn, locale);
  const later = compile(phrases.retryAt, locale);
  const spaced = createNumberSpacing(locale);

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
      if (seconds > DAY) return render(later, { date: parsed });
    }
    // Nothing to wait for: the page's description already says "try again".
    if (!(seconds >= 1) || !Number.isFinite(seconds)) return undefined;
    const sentence = render(soon, { when: inWords(relative, seconds) });
    return sentence === undefined ? undefined : spaced(sentence);
  };
}

/**
 * "in 45 seconds", "in 2 minutes", "in 3 hours", "in 2 days": rounded first, then the largest
 * unit that fits, so 59.6 s reads "in 1 minute", never "in 60 seconds".
 */
function inWords(format: Intl.RelativeTimeFormat, seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < MINUTE) return format.format(whole, 'second');
  const minutes = Math.round(whole / MINUTE);
  if (minutes < 60) return format.format(minutes, 'minute');
  const hours = Math.round(whole / HOUR);
  if (hours < 24) return format.format(hours, 'hour');
  return format.format(Math.round(whole / DAY), 'day');
}

function compile(text: string, locale: string): IntlMessageFormat | undefined {
  try {
    return compileMessage(text, locale);
  } catch {
    // errorHandler() has already refused such a phrase; a direct caller gets no sentence.
    return undefined;
  }
}

function render(message: IntlMessageFormat | undefined, values: Readonly<Record<string, string | Date>>): string | undefined {
  try {
    const text = message?.format(values);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}
