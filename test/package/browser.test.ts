/**
 * The HTML error page in a real browser: Debian's headless Chromium, driven by
 * playwright-core, against examples/maintenance.ts on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { createApp } from '../../examples/maintenance';
import { describeInBrowser, launchChromium } from '../helpers/chromium';

const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

describeInBrowser('examples/maintenance.ts in headless Chromium', () => {
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = createApp().listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it.each([
    ['Korean', 'ko-KR', 'ko', '서비스 이용 불가', '약 2분 후에 다시 시도해 주십시오.', PHONE, 'maintenance-ko-phone.png', 'Noto Sans CJK KR'],
    ['Japanese', 'ja-JP', 'ja', 'サービス利用不可', '2 分後を目安に、もう一度お試しください。', PHONE, 'maintenance-ja-phone.png', 'Noto Sans CJK JP'],
    ['Simplified Chinese', 'zh-CN', 'zh-Hans', '服务不可用', '请在大约 2 分钟后重试。', DESKTOP, 'maintenance-zh-Hans-desktop.png', 'Noto Sans CJK SC'],
    ['Traditional Chinese', 'zh-TW', 'zh-Hant', '服務無法使用', '請在大約 2 分鐘後再試一次。', PHONE, 'maintenance-zh-Hant-phone.png', 'Noto Sans CJK TC'],
    ['English', 'en-US', 'en', 'Service Unavailable', 'Please try again in 2 minutes or so.', DESKTOP, 'maintenance-en-desktop.png', undefined],
  ] as const)('shows the maintenance page in %s with its heading and retry time', async (_language, locale, lang, heading, retry, device, screenshot, font) => {
    const context = await browser.newContext({ ...device, locale, extraHTTPHeaders: { 'Accept-Language': `${locale},${lang};q=0.9` } });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${base}/dashboard`);
      expect(response?.status()).toBe(503);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(response?.headers()['retry-after']).toBe('120');
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.title()).toBe(`503 ${heading}`);
      await expectVisibleText(page.locator('h1'), heading);
      await expectVisibleText(page.locator('.retry'), retry);
      // Readable on a phone: nothing wider than the screen.
      expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      // The heading's Han characters come from the font of the page's own language.
      if (font !== undefined && hasFont(font)) expect(await fontOf(context, page, 'h1')).toBe(font);
      await page.screenshot({ path: path.join(ARTIFACTS, screenshot), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('shows a detail carrying a script tag as text and never runs it', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'en-US' });
    try {
      const page = await context.newPage();
      const dialogs = recordDialogs(page);
      const response = await page.goto(`${base}/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      expect(response?.status()).toBe(404);
      await expectVisibleText(page.locator('.detail'), 'Nothing matches <script>alert(1)</script>');
      expect(await page.locator('script').count()).toBe(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'escaped-detail-phone.png'), fullPage: true });
      expect(dialogs).toEqual([]);

      // The same listener catches a script that does run, on a blank page without our CSP.
      const probe = await context.newPage();
      const probed = recordDialogs(probe);
      await probe.setContent('<script>alert("probe")</script>');
      expect(probed).toEqual(['probe']);
    } finally {
      await context.close();
    }
  });
});

// .ci/run installs fonts-noto-cjk, one font per region; elsewhere the check is left out, loudly.
function hasFont(family: string): boolean {
  try {
    if (execFileSync('fc-list', [`:family=${family}`], { encoding: 'utf8' }).trim() !== '') return true;
  } catch {
    // No fontconfig: no way to tell.
  }
  console.warn(`[font check skipped] ${family} is not installed; install it with: apt-get install -y fonts-noto-cjk`);
  return false;
}

/** The font Chromium drew most of an element's glyphs with. */
async function fontOf(context: BrowserContext, page: Page, selector: string): Promise<string | undefined> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]?.familyName;
}

function recordDialogs(page: Page): string[] {
  const messages: string[] = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  return messages;
}

async function expectVisibleText(locator: Locator, text: string): Promise<void> {
  expect(await locator.isVisible()).toBe(true);
  expect(await locator.innerText()).toBe(text);
}
