/**
 * The named ICU formats every built-in phrase and app message may use, on top of ICU's own
 * (`short`, `long`, `integer`, ...). A server does not know its reader's time zone, so dates
 * and times are in UTC, and times use a 24-hour clock in every language.
 */
import type { Formats } from 'intl-messageformat';

/**
 * `{n, number, exact}`: every fraction digit a bound has (ICU's plain `number` stops at three,
 * which would turn a minimum of 0.0001 into "0"). `{d, date, utc}`: the day in UTC, month in
 * words ("5 January 2030"). `{d, time, utc}`: hours and minutes in UTC, 24-hour ("16:05").
 */
export const NAMED_FORMATS = {
  number: { exact: { maximumFractionDigits: 20 } },
  date: { utc: { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' } },
  time: { utc: { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } },
} as const satisfies Partial<Formats>;
