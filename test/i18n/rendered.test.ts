/**
 * Every status and phrase of every language, rendered with representative parameters, as a
 * reader sees it: numbers grouped by Intl, dates in words in UTC with a 24-hour time, no raw
 * identifier, no ISO timestamp, no ICU syntax left over.
 */
import { NAMED_FORMATS } from '../../src/i18n/formats';
import { CATALOGS, LOCALES } from '../../src/i18n/locales';
import { FORMAT_KINDS, TYPE_KINDS } from '../../src/i18n/locales/select';
import { argumentsOf, renderCatalog, renderPhrase, SAMPLE_COUNT, SAMPLE_DATE, SAMPLE_NUMBER } from '../helpers/phrases';

const phrases = (locale: (typeof LOCALES)[number]): Record<string, unknown> => CATALOGS[locale].phrases as unknown as Record<string, unknown>;

describe.each(LOCALES)('%s, as rendered', (locale) => {
  const texts = renderCatalog(locale);

  it('leaves no ICU syntax, no hole and no JavaScript value in any text', () => {
    const broken = texts.filter(({ text }) => /[{}]|undefined|NaN|Invalid Date|\[object/.test(text));
    expect(broken).toEqual([]);
  });

  it('shows no ISO timestamp and no number of five digits or more without grouping', () => {
    const raw = texts.filter(({ text }) => /\d{4}-\d{2}-\d{2}T\d{2}|\d{5,}/.test(text));
    expect(raw).toEqual([]);
  });

  it('formats every number, count and date of a phrase through Intl', () => {
    const number = new Intl.NumberFormat(locale, NAMED_FORMATS.number.exact).format(SAMPLE_NUMBER);
    const count = new Intl.NumberFormat(locale).format(SAMPLE_COUNT);
    const day = new Intl.DateTimeFormat(locale, NAMED_FORMATS.date.utc).format(SAMPLE_DATE);
    for (const [key, value] of Object.entries(phrases(locale))) {
      if (typeof value !== 'string') continue;
      const { values, plurals } = argumentsOf(value, locale);
      const expected = [
        ...(Object.values(values).includes(SAMPLE_NUMBER) ? [number] : []),
        ...(plurals.size > 0 ? [count] : []),
        ...(Object.values(values).includes(SAMPLE_DATE) ? [day] : []),
        ...(/, time, utc\}/.test(value) ? ['16:05'] : []),
      ];
      for (const { text } of renderPhrase(value, locale, key)) for (const part of expected) expect({ key, text }).toEqual({ key, text: expect.stringContaining(part) });
    }
  });

  it('writes a time of day on a 24-hour clock, never with AM or PM', () => {
    const dated = texts.filter(({ text }) => text.includes('16:05'));
    expect(dated.length).toBeGreaterThan(0);
    for (const { text } of dated) expect(text).not.toMatch(/\b[AP]M\b|上午|下午|午後|오후/u);
  });

  it('has one sentence of its own for every string format, and a neutral one for the rest', () => {
    const rendered = renderPhrase(phrases(locale).zodInvalidFormat as string, locale, 'format');
    expect(rendered.map(({ where }) => where)).toEqual([...FORMAT_KINDS, 'other'].map((kind) => `format[${kind}]`));
    const sentences = new Set(rendered.map(({ text }) => text));
    expect(sentences.size).toBe(FORMAT_KINDS.length + 1);
  });

  it('has a sentence for every type a validator names', () => {
    const rendered = renderPhrase(phrases(locale).zodInvalidType as string, locale, 'type');
    expect(rendered.map(({ where }) => where)).toEqual([...TYPE_KINDS, 'other'].map((kind) => `type[${kind}]`));
  });
});

describe.each(LOCALES.filter((locale) => locale !== 'en'))('%s, against English', (locale) => {
  it('writes every format and type sentence in its own words', () => {
    for (const key of ['zodInvalidFormat', 'zodInvalidType']) {
      const own = renderPhrase(phrases(locale)[key] as string, locale, key);
      const english = renderPhrase(phrases('en')[key] as string, 'en', key);
      own.forEach(({ text }, index) => expect(text).not.toBe(english[index]?.text));
    }
  });
});
