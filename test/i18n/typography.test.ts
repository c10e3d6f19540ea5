/**
 * The typography of each script: French apostrophes and narrow no-break spaces, and numbers
 * set off by a space from Chinese and Japanese text, in every status and rendered phrase.
 */
import { renderCatalog, STRINGS } from '../helpers/phrases';

const NNBSP = '\u202f';

describe('French typography', () => {
  const texts = renderCatalog('fr');

  it('uses the typographic apostrophe and French quotation marks only', () => {
    // The allowed values of zodInvalidValue are code, quoted as JSON.
    expect(texts.filter(({ text }) => /['"]/.test(text.replace(STRINGS.values as string, '')))).toEqual([]);
  });

  it('puts a narrow no-break space before ; ! ? and a colon, so no line breaks before them', () => {
    // A colon inside code (an HTTP field, hh:mm) is no punctuation of the sentence.
    const prose = texts.map(({ where, text }) => ({ where, text: text.replace(/\b[A-Z][\w-]*: (?=[a-z])/g, '').replace(/\d:\d|h:m|m:s/g, '') }));
    expect(prose.filter(({ text }) => new RegExp(`[^${NNBSP}][;!?:]`).test(text))).toEqual([]);
    expect(texts.some(({ text }) => text.includes(`${NNBSP};`))).toBe(true);
  });

  it('puts a narrow no-break space inside « »', () => {
    const quoted = texts.filter(({ text }) => text.includes('«'));
    expect(quoted.length).toBeGreaterThan(5);
    for (const { text } of quoted) {
      expect(text).not.toMatch(new RegExp(`«[^${NNBSP}]|[^${NNBSP}]»`));
    }
  });
});

describe.each(['ja', 'zh-Hans', 'zh-Hant'] as const)('%s spacing', (locale) => {
  it('sets every number off by a space from the text around it, dates aside', () => {
    const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
    const touching = new RegExp(`\\d[${CJK}]|[${CJK}]\\d`, 'u');
    // CLDR writes a date as one word: 2030年1月5日.
    const undated = renderCatalog(locale).map(({ where, text }) => ({ where, text: text.replace(/\d{4}年\d{1,2}月\d{1,2}日/gu, '') }));
    expect(undated.filter(({ text }) => touching.test(text))).toEqual([]);
  });
});

describe('Korean', () => {
  it('attaches a count to its counter, as Korean writes it', () => {
    const counted = renderCatalog('ko').filter(({ text }) => /102,400/.test(text));
    expect(counted.length).toBeGreaterThan(5);
    for (const { text } of counted) expect(text).toMatch(/102,400(?:자|개|바이트)/u);
  });

  it('titles 414 and 408 alike, as a limit passed (초과), not with a rare noun form of 길다', () => {
    const title = (where: string): string | undefined => renderCatalog('ko').find((entry) => entry.where === where)?.text;
    expect([title('408.title'), title('414.title')]).toEqual(['요청 시간 초과', 'URI 길이 초과']);
  });
});
