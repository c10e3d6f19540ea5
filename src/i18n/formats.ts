/**
 * The named ICU formats every built-in phrase and app message may use, on top of ICU's own
 * (`short`, `long`, `integer`, ...). A server does not know its reader's time zone, so dates
 * and times are in UTC, and times use a 24-hour clock in every language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Formats, Formatters } from 'intl-messageformat';

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

type Locales = string | readonly string[] | undefined;

/** The formatters of one language: the one without options, and one per options object. */
interface ByOptions<F> {
  plain?: F;
  readonly styled: WeakMap<object, F>;
}

/**
 * `Intl` formatters for compiled messages, cached by language and by the options object
 * itself: a compiled message passes the same options object on every call, so a lookup is a
 * map read and a weak-map read (intl-messageformat's own cache serialises the arguments on
 * every call, several times the cost). Options are held weakly: a handler's compiled
 * messages take their formatters with them when they go.
 */
export function createFormatters(): Formatters {
  const numbers = new Map<string, ByOptions<Intl.NumberFormat>>();
  const dates = new Map<string, ByOptions<Intl.DateTimeFormat>>();
  const plurals = new Map<string, Intl.PluralRules>();
  return {
    getNumberFormat: (locales, options) => cached(numbers, locales, options, () => new Intl.NumberFormat(locales, options)),
    getDateTimeFormat: (locales, options) => cached(dates, locales as Locales, options, () => new Intl.DateTimeFormat(locales, options)),
    getPluralRules(locales, options) {
      // Its options are a fresh `{ type }` on every call: keyed by their content.
      const key = `${keyOf(locales as Locales)}\u0000${options?.type ?? 'cardinal'}`;
      let rules = plurals.get(key);
      if (rules === undefined) plurals.set(key, (rules = new Intl.PluralRules(locales, options)));
      return rules;
    },
  };
}

function cached<F>(cache: Map<string, ByOptions<F>>, locales: Locales, options: object | undefined, make: () => F): F {
  const key = keyOf(locales);
  let entry = cache.get(key);
  if (entry === undefined) cache.set(key, (entry = { styled: new WeakMap() }));
  if (options === undefined) return (entry.plain ??= make());
  let formatter = entry.styled.get(options);
  if (formatter === undefined) entry.styled.set(options, (formatter = make()));
  return formatter;
}

function keyOf(locales: Locales): string {
  return typeof locales === 'string' ? locales : (locales ?? []).join(',');
}

/** The formatters every compiled phrase and message of the process shares. */
export const FORMATTERS = createFormatters();

/**
 * Compiles an ICU message as every phrase and app message is compiled: the named formats, the
 * shared formatters, and tags kept literal (an error message may well say "< 10"). Throws a
 * `SyntaxError` on a malformed text.
 */
export function compileMessage(text: string, locale: string): IntlMessageFormat {
  return new IntlMessageFormat(text, locale, NAMED_FORMATS, { ignoreTag: true, formatters: FORMATTERS });
}
