import { createLanguageNegotiator } from '../../src/i18n/negotiate';

const SUPPORTED = ['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant', 'pt-BR'];

describe('createLanguageNegotiator with hostile headers', () => {
  const negotiate = createLanguageNegotiator(SUPPORTED, 'en');

  it.each([
    [`ko-${'x-'.repeat(100)}y`, 'ko'],
    [`zh-Hant-${'abcdefgh-'.repeat(20)}z`, 'zh-Hant'],
    [`${'a'.repeat(200)}, ja`, 'ja'],
  ])('still reaches the supported prefix of a range far longer than any tag (%#)', (header, expected) => {
    expect(negotiate(header)).toBe(expected);
  });

  it('answers the same for headers that differ only after the head it reads', () => {
    const head = `ja, ${'x-'.repeat(150)}`;
    expect(negotiate(`${head}${'a'.repeat(20_000)}1`)).toBe('ja');
    expect(negotiate(`${head}${'a'.repeat(20_000)}2, ko;q=1`)).toBe('ja');
  });

  it('gives the same answer from its cache as on first sight for long headers', () => {
    const headers = Array.from({ length: 50 }, (_, i) => `${i % 2 === 0 ? 'ko' : 'pt'}, ${'q'.repeat(17_000)}${i}`);
    const first = headers.map((header) => negotiate(header));
    expect(headers.map((header) => negotiate(header))).toEqual(first);
    expect(first.slice(0, 2)).toEqual(['ko', 'pt-BR']);
  });
});
