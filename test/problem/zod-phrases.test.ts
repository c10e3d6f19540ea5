/**
 * zod's real issues, mapped by mapZodError and rendered in every language: a string format
 * gets its own sentence and never its raw name, an unknown format a neutral sentence, a bound
 * its count, number or date formatted for the reader.
 */
import type { Request } from 'express';
import { z } from 'zod';
import type { Message } from '../../src/core/message';
import { createLocalization } from '../../src/i18n/localize';
import { CATALOGS, LOCALES } from '../../src/i18n/locales';
import type { Locale } from '../../src/i18n/locales';
import { mapZodError } from '../../src/zod';
import { renderPhrase } from '../helpers/phrases';

const { select } = createLocalization();
const contexts = new Map(LOCALES.map((locale) => [locale, select({ headers: { 'accept-language': locale } } as Request)]));

function detailsOf(schema: z.ZodType, value: unknown, locale: Locale): string[] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  const context = contexts.get(locale);
  return (mapZodError(result.error)?.errors ?? []).map(({ detail }) => (typeof detail === 'string' ? detail : (context?.resolve(detail as Message) ?? '')));
}

function detailOf(schema: z.ZodType, value: unknown, locale: Locale): string {
  const [detail] = detailsOf(schema, value, locale);
  return detail ?? '';
}

function neutral(locale: Locale): string {
  const rendered = renderPhrase(CATALOGS[locale].phrases.zodInvalidFormat, locale, 'format');
  return rendered.find(({ where }) => where === 'format[other]')?.text ?? '';
}

// Format names that are also ordinary words of a language ("email address", "une date").
const WORDS: Partial<Record<Locale, readonly string[]>> = { en: ['email', 'emoji', 'date', 'time', 'duration'], fr: ['date'], vi: ['email', 'emoji'] };

const FORMATS: readonly [string, z.ZodType, unknown][] = [
  ['email', z.email(), 'x'],
  ['url', z.url(), 'x'],
  ['emoji', z.emoji(), 'x'],
  ['uuid', z.uuid(), 'x'],
  ['guid', z.guid(), 'x'],
  ['nanoid', z.nanoid(), '!'],
  ['cuid', z.cuid(), '!'],
  ['cuid2', z.cuid2(), '!'],
  ['ulid', z.ulid(), '!'],
  ['xid', z.xid(), '!'],
  ['ksuid', z.ksuid(), '!'],
  ['datetime', z.iso.datetime(), 'x'],
  ['date', z.iso.date(), 'x'],
  ['time', z.iso.time(), 'x'],
  ['duration', z.iso.duration(), 'x'],
  ['ipv4', z.ipv4(), 'x'],
  ['ipv6', z.ipv6(), 'x'],
  ['cidrv4', z.cidrv4(), 'x'],
  ['cidrv6', z.cidrv6(), 'x'],
  ['mac', z.mac(), 'x'],
  ['base64', z.base64(), '!'],
  ['base64url', z.base64url(), '!'],
  ['hex', z.hex(), 'x'],
  ['hostname', z.hostname(), '-'],
  ['jwt', z.jwt(), 'x'],
  ['e164', z.e164(), 'x'],
  ['lowercase', z.string().lowercase(), 'X'],
  ['uppercase', z.string().uppercase(), 'x'],
];

describe('zod issues in every language', () => {
  describe.each(LOCALES)('%s', (locale) => {
    it.each(FORMATS)('names the %s format in its own words', (format, schema, value) => {
      const text = detailOf(schema, value, locale);
      expect(text).not.toBe(neutral(locale));
      if (!(WORDS[locale] ?? []).includes(format)) expect(text).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}_])${format}(?![\\p{L}\\p{N}_])`, 'u'));
      expect(text).not.toMatch(/[{}]/);
    });

    it.each<[string, z.ZodType, unknown]>([
      ['a pattern', z.string().regex(/^x$/), 'y'],
      ['a prefix', z.string().startsWith('ab'), 'x'],
      ['a suffix', z.string().endsWith('ab'), 'x'],
      ['an inclusion', z.string().includes('ab'), 'x'],
      ['a format of its own', z.stringFormat('constructor', () => false), 'x'],
    ])('gives %s the neutral sentence', (_what, schema, value) => {
      expect(detailOf(schema, value, locale)).toBe(neutral(locale));
    });

    it('groups a numeric bound and keeps all its decimals', () => {
      const group = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
      expect(detailOf(z.number().min(10_000), 1, locale)).toContain(group.format(10_000));
      expect(detailOf(z.number().max(0.0001), 1, locale)).toContain(group.format(0.0001));
      expect(detailOf(z.bigint().max(2n ** 64n), 2n ** 65n, locale)).toContain(group.format(2n ** 64n));
      expect(detailOf(z.number().multipleOf(1_000_000), 5, locale)).toContain(group.format(1_000_000));
    });

    it('words a date bound as a day in UTC, or a day and a 24-hour time', () => {
      const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
      const early = detailOf(z.date().min(new Date(Date.UTC(2030, 0, 1))), new Date(0), locale);
      expect(early).toContain(day.format(Date.UTC(2030, 0, 1)));
      expect(early).not.toMatch(/\d{1,2}:\d{2}/);
      // 12:30:15 is rounded to 12:30, where every time the sentence allows is allowed.
      const late = detailOf(z.date().max(new Date(Date.UTC(2030, 0, 1, 12, 30, 15))), new Date(Date.UTC(2031, 0, 1)), locale);
      expect(late).toContain(day.format(Date.UTC(2030, 0, 1)));
      expect(late).toContain('12:30');
      expect(late).toContain('UTC');
      expect(`${early} ${late}`).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z\b/);
    });

    it('counts characters, items and bytes in the forms of the language', () => {
      const count = new Intl.NumberFormat(locale);
      expect(detailOf(z.string().max(10_000), 'x'.repeat(10_001), locale)).toContain(count.format(10_000));
      expect(detailOf(z.array(z.number()).length(2), [1], locale)).toContain('2');
      expect(detailOf(z.file().max(100_000), new File(['x'.repeat(100_001)], 'a.txt'), locale)).toContain(count.format(100_000));
    });
  });

  it.each<[string, z.ZodType, unknown, string]>([
    ['an email', z.email(), 'x', 'Must be a valid email address.'],
    ['a ULID', z.ulid(), '!', 'Must be a valid ULID.'],
    ['an IPv6 address', z.ipv6(), 'x', 'Must be a valid IPv6 address.'],
    ['a too short string', z.string().min(1), '', 'Must be at least 1 character long.'],
    ['a string of a fixed length', z.string().length(5), 'abc', 'Must be exactly 5 characters long.'],
    ['a set with too few items', z.set(z.number()).min(2), new Set([1]), 'Must contain at least 2 items.'],
    ['an early date', z.date().min(new Date(Date.UTC(2030, 0, 1))), new Date(0), 'Must be on or after January 1, 2030.'],
    ['a late date', z.date().max(new Date(Date.UTC(2030, 0, 1))), new Date(Date.UTC(2031, 0, 1)), 'Must be on or before January 1, 2030.'],
    ['a date after an exclusive bound', z.date().check(z.gt(new Date(Date.UTC(2030, 0, 1)))), new Date(0), 'Must be no earlier than January 1, 2030, 00:01 UTC.'],
    ['a large file', z.file().max(1000), new File(['x'.repeat(2000)], 'a.txt'), 'The file must not be larger than 1,000 bytes.'],
    ['a number for a string', z.string(), 5, 'Must be a string.'],
    ['a missing member', z.object({ name: z.string() }), {}, 'This value is required.'],
    ['an integer', z.int(), 1.5, 'Must be an integer.'],
  ])('says it in English for %s', (_what, schema, value, expected) => {
    expect(detailOf(schema, value, 'en')).toBe(expected);
  });

  it.each<[Locale, z.ZodType, unknown, string]>([
    ['fr', z.email(), 'x', 'Doit être une adresse e-mail valide.'],
    ['fr', z.iso.date(), 'x', 'Doit être une date au format ISO 8601 (AAAA-MM-JJ).'],
    ['ko', z.email(), 'x', '올바른 이메일 주소여야 합니다.'],
    ['ja', z.iso.date(), 'x', 'ISO 8601 形式の日付（YYYY-MM-DD）を指定してください。'],
    ['de', z.number().min(10_000), 1, 'Muss mindestens 10.000 sein.'],
    ['fr', z.string().min(1), '', 'Doit comporter au moins 1 caractère.'],
    ['zh-Hant', z.date().min(new Date(Date.UTC(2030, 0, 1))), new Date(0), '必須是 2030年1月1日當天或之後的日期。'],
    ['es', z.date().max(new Date(Date.UTC(2030, 0, 1))), new Date(Date.UTC(2031, 0, 1)), 'Debe ser el 1 de enero de 2030 o una fecha anterior.'],
  ])('says it in %s as a native reader expects', (locale, schema, value, expected) => {
    expect(detailOf(schema, value, locale)).toBe(expected);
  });
});
