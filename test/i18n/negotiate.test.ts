import fc from 'fast-check';
import { LOCALES } from '../../src';
import { createLanguageLookup, createLanguageNegotiator } from '../../src/i18n/negotiate';

const SUPPORTED = ['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant', 'pt-BR'];

describe('createLanguageNegotiator', () => {
  const negotiate = createLanguageNegotiator(SUPPORTED, 'en');

  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['KO-kr', 'ko'],
    ['fr, ja;q=0.8, ko;q=0.9', 'ko'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['*', 'en'],
    ['en;q=0, *', 'ko'],
    ['ko;q=0', 'en'],
    ['x-klingon, ko', 'ko'],
    ['en-US-x-private', 'en'],
    ['123, ko', 'ko'],
  ])('%p selects %s', (header, expected) => {
    expect(negotiate(header)).toBe(expected);
  });

  it('reads only the head of a huge header', () => {
    const huge = `${Array.from({ length: 1000 }, (_, i) => `x${i % 10}a;q=0.${(i % 9) + 1}`).join(', ')}, ko`;
    expect(huge.length).toBeGreaterThan(10_000);
    expect(negotiate(huge)).toBe('en');
  });

  it('always answers with a supported language, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => SUPPORTED.includes(negotiate(header))),
      { numRuns: 2000 },
    );
    const token = fc.stringMatching(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,2}$/);
    const entry = fc.tuple(fc.oneof(token, fc.constantFrom('*', 'ko', 'ko-KR', 'zh-TW', 'pt')), fc.option(fc.double({ min: 0, max: 1, noNaN: true }))).map(([tag, q]) => (q === null ? tag : `${tag};q=${q.toFixed(3)}`));
    fc.assert(fc.property(fc.array(entry, { maxLength: 40 }), (entries) => SUPPORTED.includes(negotiate(entries.join(', ')))));
  });

  it('prefers the listed language with the highest q-value', () => {
    const tags = fc.constantFrom('en', 'ko', 'ja');
    fc.assert(
      fc.property(fc.uniqueArray(tags, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }), (langs, qs) => {
        const weighted = langs.map((tag, i) => ({ tag, q: qs[i] as number }));
        const header = weighted.map(({ tag, q }) => `${tag};q=0.${q}`).join(', ');
        const best = Math.max(...weighted.map((w) => w.q));
        const firstBest = weighted.find((w) => w.q === best)?.tag;
        return negotiate(header) === firstBest;
      }),
    );
  });
});

describe('createLanguageNegotiator over the ten built-in languages', () => {
  const negotiate = createLanguageNegotiator(LOCALES, 'en');

  it.each(LOCALES)('selects %s by its own tag, in any case, with a region and after unsupported ones', (locale) => {
    expect(negotiate(locale)).toBe(locale);
    expect(negotiate(locale.toUpperCase())).toBe(locale);
    expect(negotiate(`${locale}-x-test`)).toBe(locale);
    expect(negotiate(`it-IT, it;q=0.9, ${locale};q=0.1`)).toBe(locale);
  });

  it.each([
    // q-values: the highest wins, q=0 excludes, order breaks ties.
    ['fr;q=0.5, de;q=0.8, es;q=0.6', 'de'],
    ['vi, ja', 'vi'],
    ['de;q=0, fr;q=0.1', 'fr'],
    ['de;q=0', 'en'],
    ['ko;q=0, ko-KR', 'ko'],
    ['en;q=0, fr;q=0', 'en'],
    // `*` is the default, unless the default is excluded.
    ['*', 'en'],
    ['it, *;q=0.5', 'en'],
    ['en;q=0, *', 'ko'],
    ['en;q=0, ko;q=0, *', 'ja'],
    // Chinese by region or script.
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-tw;q=0.9, zh-cn;q=0.8', 'zh-Hant'],
    // Portuguese: every variant reaches Brazilian Portuguese.
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    // Regions and extensions fall away (RFC 4647 §3.4).
    ['ko-KR', 'ko'],
    ['ja-JP', 'ja'],
    ['es-419', 'es'],
    ['fr-CA', 'fr'],
    ['de-AT-u-co-phonebk', 'de'],
    ['vi-VN', 'vi'],
    // Invalid entries are skipped, never thrown on.
    ['123, de', 'de'],
    ['ko_KR, ja', 'ja'],
    ['toolongsubtag, fr', 'fr'],
    ['ko;q=abc, ja;q=0.5', 'ja'],
    ['\u00ff\u00fe, es', 'es'],
    [';;;,,,', 'en'],
    ['q=1', 'en'],
  ])('%p selects %s', (header, expected) => {
    expect(negotiate(header)).toBe(expected);
  });

  it('includes a language added at run time', () => {
    const withEsperanto = createLanguageNegotiator([...LOCALES, 'eo'], 'en');
    expect(withEsperanto('eo-XX, ko;q=0.5')).toBe('eo');
    expect(withEsperanto('tlh, eo;q=0.2')).toBe('eo');
  });
});

describe('createLanguageLookup', () => {
  const lookup = createLanguageLookup(LOCALES);

  it.each([
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['ZH-tw', 'zh-Hant'],
    ['zh-SG', 'zh-Hans'],
    ['pt', 'pt-BR'],
    ['de-CH', 'de'],
    ['it', undefined],
    ['*', undefined],
    ['', undefined],
    ['ko;q=1', undefined],
    ['ko, ja', undefined],
    [`ko-${'a'.repeat(100)}`, undefined],
  ])('%p finds %p', (tag, expected) => {
    expect(lookup(tag)).toBe(expected);
  });

  it('never throws and answers a supported language or undefined', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (tag) => {
      const found = lookup(tag);
      return found === undefined || (LOCALES as readonly string[]).includes(found);
    }));
  });
});
