/**
 * Every phrase that takes a count pluralises it with the language's CLDR categories: rendered
 * with 0, 1, 2 and 5, it shows the count grouped by Intl and the noun form of the category
 * Intl.PluralRules chooses (French and Brazilian Portuguese say "0 caractère"; Korean,
 * Japanese, Chinese and Vietnamese have one form).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { NAMED_FORMATS } from '../../src/i18n/formats';
import { CATALOGS, LOCALES } from '../../src/i18n/locales';
import type { Locale, PhraseKey } from '../../src/i18n/locales';
import { argumentsOf } from '../helpers/phrases';

type Noun = 'character' | 'item' | 'byte';
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

// The counted noun of each phrase with a count, and its forms in each language. The gap is
// what sits between the count and the noun: Korean attaches its counter ("5자").
const COUNTED: Readonly<Record<string, Noun>> = {
  bodyTooLarge: 'byte',
  zodTooLong: 'character',
  zodTooShort: 'character',
  zodTooManyItems: 'item',
  zodTooFewItems: 'item',
  zodExactLength: 'character',
  zodExactItems: 'item',
  zodFileTooLarge: 'byte',
  zodFileTooSmall: 'byte',
};

const NOUNS: { readonly [L in Locale]: { readonly gap: string } & Readonly<Record<Noun, Forms>> } = {
  en: { gap: ' ', character: { one: 'character', other: 'characters' }, item: { one: 'item', other: 'items' }, byte: { one: 'byte', other: 'bytes' } },
  ko: { gap: '', character: { other: '자' }, item: { other: '개' }, byte: { other: '바이트' } },
  ja: { gap: ' ', character: { other: '文字' }, item: { other: '個' }, byte: { other: 'バイト' } },
  'zh-Hans': { gap: ' ', character: { other: '个字符' }, item: { other: '项' }, byte: { other: '字节' } },
  'zh-Hant': { gap: ' ', character: { other: '個字元' }, item: { other: '個項目' }, byte: { other: '位元組' } },
  es: { gap: ' ', character: { one: 'carácter', other: 'caracteres' }, item: { one: 'elemento', other: 'elementos' }, byte: { one: 'byte', other: 'bytes' } },
  fr: { gap: ' ', character: { one: 'caractère', other: 'caractères' }, item: { one: 'élément', other: 'éléments' }, byte: { one: 'octet', other: 'octets' } },
  de: { gap: ' ', character: { one: 'Zeichen', other: 'Zeichen' }, item: { one: 'Eintrag', other: 'Einträge' }, byte: { one: 'Byte', other: 'Bytes' } },
  'pt-BR': { gap: ' ', character: { one: 'caractere', other: 'caracteres' }, item: { one: 'item', other: 'itens' }, byte: { one: 'byte', other: 'bytes' } },
  vi: { gap: ' ', character: { other: 'ký tự' }, item: { other: 'mục' }, byte: { other: 'byte' } },
};

const COUNTS = [0, 1, 2, 5, 102_400];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function phrase(locale: Locale, key: string): string {
  return (CATALOGS[locale].phrases as unknown as Record<string, string>)[key] as string;
}

describe('plural forms', () => {
  it('covers every phrase whose English text takes a count', () => {
    const counted = Object.keys(CATALOGS.en.phrases).filter((key) => {
      const text = phrase('en', key);
      return typeof text === 'string' && argumentsOf(text, 'en').plurals.size > 0;
    });
    expect(counted.sort()).toEqual(Object.keys(COUNTED).sort());
  });

  describe.each(LOCALES)('%s', (locale) => {
    const rules = new Intl.PluralRules(locale);
    const categories = rules.resolvedOptions().pluralCategories;
    const group = new Intl.NumberFormat(locale);

    it.each(Object.keys(COUNTED))('writes %s with the CLDR categories of the language', (key) => {
      const { plurals } = argumentsOf(phrase(locale, key), locale);
      expect(plurals.size).toBe(1);
      const [branches] = [...plurals.values()] as [string[]];
      // Each branch is a CLDR category of the language; `many` (French, Spanish, Portuguese
      // millions) reads as `other` when written in digits, so it may fall back to it.
      expect(branches.every((branch) => (categories as readonly string[]).includes(branch))).toBe(true);
      expect([...categories].filter((category) => category !== 'many' && !branches.includes(category))).toEqual([]);
      if (['ko', 'ja', 'zh-Hans', 'zh-Hant', 'vi'].includes(locale)) expect(branches).toEqual(['other']);
    });

    it.each(Object.entries(COUNTED))('renders %s with 0, 1, 2, 5 and a large count in the chosen category', (key, noun) => {
      const format = new IntlMessageFormat(phrase(locale, key), locale, NAMED_FORMATS, { ignoreTag: true });
      const [name] = [...argumentsOf(phrase(locale, key), locale).plurals.keys()] as [string];
      const forms = NOUNS[locale][noun];
      for (const count of COUNTS) {
        const category = rules.select(count);
        const form = forms[category] ?? forms.other;
        const text = String(format.format({ [name]: count }));
        expect({ count, category, text }).toEqual({ count, category, text: expect.stringMatching(new RegExp(`${escape(group.format(count))}${NOUNS[locale].gap}${escape(form)}(?!\\p{Script=Latin})`, 'u')) });
      }
    });
  });

  it.each([
    ['fr', 0, 'Doit comporter au moins 0 caractère.'],
    ['fr', 2, 'Doit comporter au moins 2 caractères.'],
    ['pt-BR', 0, 'Deve ter no mínimo 0 caractere.'],
    ['pt-BR', 1, 'Deve ter no mínimo 1 caractere.'],
    ['en', 0, 'Must be at least 0 characters long.'],
    ['en', 1, 'Must be at least 1 character long.'],
    ['de', 1, 'Muss mindestens 1 Zeichen lang sein.'],
    ['es', 1, 'Debe tener como mínimo 1 carácter.'],
    ['ko', 1, '1자 이상이어야 합니다.'],
    ['ja', 5, '5 文字以上で指定してください。'],
    ['zh-Hans', 5, '长度不能少于 5 个字符。'],
    ['vi', 1, 'Phải có ít nhất 1 ký tự.'],
  ] as const)('says it in %s for %i as a native reader expects', (locale, count, expected) => {
    const format = new IntlMessageFormat(phrase(locale, 'zodTooShort' satisfies PhraseKey), locale, NAMED_FORMATS, { ignoreTag: true });
    expect(format.format({ minimum: count })).toBe(expected);
  });
});
