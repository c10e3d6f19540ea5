import fc from 'fast-check';
import { createLanguageNegotiator } from '../src';

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
