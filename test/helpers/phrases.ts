/**
 * Every text of a catalog as a reader sees it: the status titles and descriptions, and each
 * phrase compiled as the handler compiles it and rendered with representative parameters
 * found from its own ICU arguments (one rendering per branch of a select).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { ERROR_STATUSES } from '../../src/core/status';
import { NAMED_FORMATS } from '../../src/i18n/formats';
import { CATALOGS } from '../../src/i18n/locales';
import { createNumberSpacing } from '../../src/i18n/spacing';
import type { Catalog, Locale } from '../../src/i18n/locales';

/** A number with grouping and decimals: shown unformatted it would read "12345.678". */
export const SAMPLE_NUMBER = 12_345.678;
/** A count that needs grouping in every language. */
export const SAMPLE_COUNT = 102_400;
/** A moment with a time of day, in UTC. */
export const SAMPLE_DATE = new Date(Date.UTC(2030, 0, 5, 16, 5));

// Plain {name} arguments, as the readers fill them.
export const STRINGS: Readonly<Record<string, string>> = {
  encoding: 'br',
  charset: 'koi8-r',
  field: 'avatar',
  path: 'userId',
  values: '"admin", "user"',
  name: 'ULID',
};

/** One text of a catalog: where it comes from and what the reader sees. */
export interface Rendered {
  /** `404.title`, `zodTooLong`, `zodInvalidFormat[email]`, ... */
  readonly where: string;
  readonly text: string;
}

// intl-messageformat's element types (TYPE in @formatjs/icu-messageformat-parser).
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;

interface Arguments {
  readonly values: Record<string, unknown>;
  readonly selects: Map<string, string[]>;
  readonly plurals: Map<string, string[]>;
}

/** The arguments of an ICU text, with sample values; selects and plurals with their branch keys. */
export function argumentsOf(text: string, locale: string): Arguments {
  const found: Arguments = { values: {}, selects: new Map(), plurals: new Map() };
  walk(new IntlMessageFormat(text, locale, NAMED_FORMATS, { ignoreTag: true }).getAst(), found, locale);
  return found;
}

function walk(elements: readonly MessageFormatElement[], into: Arguments, locale: string): void {
  for (const element of elements) {
    switch (element.type as number) {
      case ARGUMENT: {
        const name = (element as { value: string }).value;
        // {when}: the relative time as the retry sentence gives it, spaced for its script.
        into.values[name] ??= name === 'when' ? createNumberSpacing(locale)(new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(2, 'minute')) : (STRINGS[name] ?? 'sample');
        break;
      }
      case NUMBER:
        into.values[(element as { value: string }).value] = SAMPLE_NUMBER;
        break;
      case DATE:
      case TIME:
        into.values[(element as { value: string }).value] = SAMPLE_DATE;
        break;
      case SELECT:
      case PLURAL: {
        const { value, options } = element as unknown as { value: string; options: Record<string, { value: MessageFormatElement[] }> };
        (element.type === SELECT ? into.selects : into.plurals).set(value, Object.keys(options));
        if (element.type === PLURAL) into.values[value] = SAMPLE_COUNT;
        for (const option of Object.values(options)) walk(option.value, into, locale);
        break;
      }
      default:
    }
  }
}

/** Renders a phrase once per branch of its select (if any), with the sample values. */
export function renderPhrase(text: string, locale: string, key: string): Rendered[] {
  const { values, selects } = argumentsOf(text, locale);
  const format = new IntlMessageFormat(text, locale, NAMED_FORMATS, { ignoreTag: true });
  const [select] = [...selects];
  if (select === undefined) return [{ where: key, text: String(format.format(values)) }];
  const [name, branches] = select;
  return branches.map((branch) => ({ where: `${key}[${branch}]`, text: String(format.format({ ...values, [name]: branch })) }));
}

/** Every status title and description, and every phrase rendered, of one built-in language. */
export function renderCatalog(locale: Locale): Rendered[] {
  return renderTexts(CATALOGS[locale], locale);
}

export function renderTexts(catalog: Catalog, locale: string): Rendered[] {
  const texts: Rendered[] = [];
  for (const status of ERROR_STATUSES) {
    texts.push({ where: `${status}.title`, text: catalog.statuses[status].title }, { where: `${status}.detail`, text: catalog.statuses[status].detail });
  }
  for (const [key, value] of Object.entries(catalog.phrases as unknown as Record<string, unknown>)) {
    if (typeof value === 'string') texts.push(...renderPhrase(value, locale, key));
    else {
      const entry = value as { title: string; detail: string };
      texts.push({ where: `${key}.title`, text: entry.title }, { where: `${key}.detail`, text: entry.detail });
    }
  }
  return texts;
}
