import fc from 'fast-check';
import { escapeHtml } from '../../src';
import type { ProblemDocument } from '../../src';
import { FONT_STACKS, renderHtmlPage, STYLE } from '../../src/render/html';
import { renderText } from '../../src/render/text';

const problem: ProblemDocument = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No user 42', instance: '/users/42' };
const context = { locale: 'en', description: 'The requested resource does not exist.' };

/** Decodes exactly the entities escapeHtml writes. */
function unescape(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] as string);
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves no markup character and decodes back to the input, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toContain('&');
        expect(unescape(escaped)).toBe(text);
      }),
    );
  });

  it('writes numbers and other values as text', () => {
    expect(escapeHtml(503)).toBe('503');
    expect(escapeHtml(undefined)).toBe('undefined');
  });
});

describe('renderHtmlPage', () => {
  it('writes a complete page: lang, charset, viewport, title, heading, description and detail', () => {
    const page = renderHtmlPage(problem, context);
    expect(page.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<title>404 Not Found</title>');
    expect(page).toContain('<main>\n<p class="status">404</p>\n<h1>Not Found</h1>\n<p class="description">The requested resource does not exist.</p>\n<p class="detail">No user 42</p>\n</main>');
    expect(page.endsWith('</html>\n')).toBe(true);
  });

  it('shows the description once when the detail is the description', () => {
    const page = renderHtmlPage({ ...problem, detail: context.description }, context);
    expect(page.split(context.description)).toHaveLength(2);
    expect(page).not.toContain('class="detail"');
  });

  it('adds the retry sentence when there is one', () => {
    expect(renderHtmlPage(problem, { ...context, retry: 'Please try again in 2 minutes or so.' })).toContain('<p class="retry">Please try again in 2 minutes or so.</p>');
  });

  it('lists the itemised errors that carry a text detail, escaped, and skips the others', () => {
    const errors = [{ pointer: '/email', detail: 'must contain <@>' }, { detail: 'one field is missing' }, { pointer: '/x' }, null, 'text'];
    const page = renderHtmlPage({ ...problem, errors }, context);
    expect(page).toContain('<ul class="errors">\n<li><code>/email</code> must contain &lt;@&gt;</li>\n<li>one field is missing</li>\n</ul>');
    expect(renderHtmlPage({ ...problem, errors: [] }, context)).not.toContain('<ul');
  });

  it('shows the stack in debug mode only, escaped', () => {
    const page = renderHtmlPage({ ...problem, stack: ['Error: <boom>', '    at x (a.js:1:1)'] }, context);
    expect(page).toContain('<pre>Error: &lt;boom&gt;\n    at x (a.js:1:1)</pre>');
    expect(renderHtmlPage(problem, context)).not.toContain('<pre>');
  });

  it('escapes every value it places, including the language', () => {
    const hostile: ProblemDocument = { type: 'about:blank', title: '<i>t</i>', status: 404, detail: '<script>alert(1)</script>' };
    const page = renderHtmlPage(hostile, { locale: 'en"><script>', description: '<b>d</b>', retry: '<u>r</u>' });
    expect(page).not.toMatch(/<(script|i|b|u)>/);
    expect(page).toContain('<html lang="en&quot;&gt;&lt;script&gt;">');
    expect(page).toContain('<h1>&lt;i&gt;t&lt;/i&gt;</h1>');
  });

  it('keeps any detail inside its paragraph, for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (detail) => {
        const page = renderHtmlPage({ ...problem, detail }, context);
        const body = page.slice(page.indexOf('<main>'));
        expect(body.match(/</g)).toHaveLength(detail === context.description ? 10 : 12);
      }),
    );
  });
});

describe('the page style', () => {
  const CJK_FONTS = /Hiragino|Yu Gothic|Meiryo|PingFang|YaHei|JhengHei|Apple SD Gothic|Malgun|Nanum|CJK|Noto Sans (?:JP|SC|TC|KR)/;

  it.each(Object.entries(FONT_STACKS))('ends the %s font stack with the generic family', (_script, stack) => {
    expect(stack.at(-1)).toBe('sans-serif');
    expect(stack.slice(0, -1)).not.toContain('sans-serif');
  });

  it('names no Chinese, Japanese or Korean font for the other languages', () => {
    expect(FONT_STACKS.default.join(',')).not.toMatch(CJK_FONTS);
    expect(STYLE).toContain(`font:1rem/1.6 ${FONT_STACKS.default.join(',')}}`);
  });

  it.each([
    ['ja', /Hiragino|Yu Gothic|Meiryo|Noto Sans (?:CJK )?JP/, /PingFang|YaHei|JhengHei|Malgun|Nanum|SC"|TC"|KR"/],
    ['zh-Hans', /PingFang SC|Microsoft YaHei|Noto Sans (?:CJK )?SC/, /Hiragino|Yu Gothic|JhengHei|Malgun|Nanum|JP"|TC"|KR"/],
    ['zh-Hant', /PingFang TC|Microsoft JhengHei|Noto Sans (?:CJK )?TC/, /Hiragino|Yu Gothic|YaHei|Malgun|Nanum|JP"|SC"|KR"/],
    ['ko', /Apple SD Gothic Neo|Malgun Gothic|Noto Sans (?:CJK )?KR|NanumGothic/, /Hiragino|Yu Gothic|YaHei|JhengHei|JP"|SC"|TC"/],
  ] as const)('gives :lang(%s) its own region\'s fonts and no other region\'s', (lang, own, others) => {
    const rule = new RegExp(`body:lang\\(${lang}\\)\\{font-family:([^}]+)\\}`).exec(STYLE);
    expect(rule?.[1]).toBe(FONT_STACKS[lang].join(','));
    expect(rule?.[1]).toMatch(own);
    expect(rule?.[1]).not.toMatch(others);
  });
});

describe('renderText', () => {
  it('writes "status title: detail" on one line', () => {
    expect(renderText(problem)).toBe('404 Not Found: No user 42\n');
  });

  it('folds line breaks in the detail into spaces', () => {
    expect(renderText({ ...problem, detail: 'one\r\ntwo\nthree\u2028four' })).toBe('404 Not Found: one two three four\n');
  });

  it('adds one line per itemised error', () => {
    const errors = [{ pointer: '/email', detail: 'is not an email' }, { detail: 'two\nlines' }, { pointer: '/x' }];
    expect(renderText({ ...problem, errors })).toBe('404 Not Found: No user 42\n- /email: is not an email\n- two lines\n');
  });

  it('adds the stack under the line in debug mode', () => {
    expect(renderText({ ...problem, stack: ['Error: x', '    at y'] })).toBe('404 Not Found: No user 42\n\nError: x\n    at y\n');
  });
});
