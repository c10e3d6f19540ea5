/**
 * The built-in `text/html` error page: small, self-contained (inline CSS, no script, no
 * external asset), readable on a phone, and every value HTML-escaped. Pure.
 */
import type { ProblemDocument } from '../problem/problem';
import { shownItems } from './items';

/** What the page needs besides the problem document. */
export interface HtmlPageContext {
  /** The response's language, for `<html lang>`. */
  readonly locale: string;
  /** The status's localised description; the page shows `detail` under it when they differ. */
  readonly description: string;
  /** The localised retry sentence, when the response carries `Retry-After`. */
  readonly retry?: string | undefined;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

/**
 * Escapes text for an HTML element or a quoted attribute value. Use it on every value a
 * custom `renderHtml` places in its page.
 *
 * @example
 * `<p>${escapeHtml(problem.detail)}</p>`
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(SPECIAL, (char) => ESCAPES[char] as string);
}

/**
 * The font stack of each script, the generic family last. Han characters are drawn differently
 * in Japan, mainland China, Taiwan and Korea, so each CJK language names its own fonts (macOS,
 * Windows, then Noto on Linux and Android) before the generic family; left to the system, a
 * Japanese page on a Korean Windows would draw kanji in Korean shapes.
 */
export const FONT_STACKS = {
  default: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Noto Sans"', 'sans-serif'],
  ja: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Hiragino Sans"', '"Hiragino Kaku Gothic ProN"', '"Yu Gothic UI"', '"Yu Gothic"', 'Meiryo', '"Noto Sans JP"', '"Noto Sans CJK JP"', 'sans-serif'],
  'zh-Hans': ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"PingFang SC"', '"Microsoft YaHei UI"', '"Microsoft YaHei"', '"Noto Sans SC"', '"Noto Sans CJK SC"', 'sans-serif'],
  'zh-Hant': ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"PingFang TC"', '"Microsoft JhengHei UI"', '"Microsoft JhengHei"', '"Noto Sans TC"', '"Noto Sans CJK TC"', 'sans-serif'],
  ko: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Apple SD Gothic Neo"', '"Malgun Gothic"', '"Noto Sans KR"', '"Noto Sans CJK KR"', 'NanumGothic', 'sans-serif'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

const LANGUAGE_FONTS = (Object.keys(FONT_STACKS) as (keyof typeof FONT_STACKS)[])
  .filter((script) => script !== 'default')
  .map((lang) => `body:lang(${lang}){font-family:${FONT_STACKS[lang].join(',')}}`)
  .join('');

// Calm and readable: system fonts, one card, light and dark, nothing wider than the phone.
/** The page style, shared with the problem type pages of `problemTypeDocs()`. */
export const STYLE = [
  ':root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--fg:#1f2430;--muted:#545d6b;--accent:#44618b;--line:#e2e5ea;--note:#eef2f8}',
  '@media (prefers-color-scheme:dark){:root{--bg:#15181d;--card:#1d2128;--fg:#e7e9ed;--muted:#a9b1bd;--accent:#9dbbe3;--line:#2c313a;--note:#232a35}}',
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%;text-size-adjust:100%}',
  'body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:1.25rem;background:var(--bg);color:var(--fg);',
  `font:1rem/1.6 ${FONT_STACKS.default.join(',')}}`,
  LANGUAGE_FONTS,
  'main{width:100%;max-width:34rem;background:var(--card);border:1px solid var(--line);border-radius:14px;padding:2rem 1.75rem}',
  '.status{margin:0 0 .25rem;color:var(--accent);font-size:.9rem;font-weight:600;letter-spacing:.06em}',
  'h1{margin:0 0 .75rem;font-size:1.6rem;line-height:1.3;font-weight:650}',
  'p{margin:0 0 .75rem;overflow-wrap:anywhere}',
  'main>:last-child{margin-bottom:0}',
  '.description{color:var(--muted)}',
  '.errors{margin:0 0 .75rem;padding-left:1.25rem}.errors li{margin:.25rem 0;overflow-wrap:anywhere}',
  'code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;padding:.05rem .3rem;border-radius:4px;background:var(--note)}',
  '.retry{margin:1.25rem 0 0;padding:.75rem 1rem;border-radius:10px;background:var(--note);font-weight:500}',
  'pre{margin:1.25rem 0 0;padding:.75rem;border-radius:8px;background:var(--note);font-size:.8rem;line-height:1.45;overflow:auto;white-space:pre}',
  '@media (max-width:30rem){body{align-items:flex-start;padding:1rem}main{padding:1.5rem 1.25rem;margin-top:8vh}h1{font-size:1.4rem}}',
].join('');

/**
 * The error page of a problem: status, title as `<h1>`, description, the `detail` when it
 * says more, the itemised `errors`, the retry sentence, and in debug mode the stack.
 */
export function renderHtmlPage(problem: ProblemDocument, context: HtmlPageContext): string {
  const title = escapeHtml(problem.title);
  const status = escapeHtml(problem.status);
  const parts = [
    '<!doctype html>',
    `<html lang="${escapeHtml(context.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${status} ${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<p class="status">${status}</p>`,
    `<h1>${title}</h1>`,
    `<p class="description">${escapeHtml(context.description)}</p>`,
  ];
  if (problem.detail !== context.description) parts.push(`<p class="detail">${escapeHtml(problem.detail)}</p>`);
  const items = shownItems(problem);
  if (items.length > 0) {
    parts.push('<ul class="errors">');
    for (const { pointer, detail } of items) {
      parts.push(pointer === undefined ? `<li>${escapeHtml(detail)}</li>` : `<li><code>${escapeHtml(pointer)}</code> ${escapeHtml(detail)}</li>`);
    }
    parts.push('</ul>');
  }
  if (context.retry !== undefined) parts.push(`<p class="retry">${escapeHtml(context.retry)}</p>`);
  const stack = problem.stack;
  if (Array.isArray(stack)) parts.push(`<pre>${escapeHtml(stack.join('\n'))}</pre>`);
  parts.push('</main>', '</body>', '</html>', '');
  return parts.join('\n');
}
