/**
 * The client in a real browser: a page bundled by esbuild from the built client subpath, with
 * ky and axios, served next to an Express API and run in Debian's headless Chromium
 * (playwright-core) with a Korean locale. fetch, ky and axios throw the same typed errors, the
 * page shows the localised title and detail, and ky retries as Retry-After said.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSync } from 'esbuild';
import express from 'express';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../helpers/chromium';
import { clientApi } from '../helpers/client-api';

const root = path.join(__dirname, '..', '..');

// What the page does, as a front end would: narrow, show title and detail, retry.
const PAGE_SCRIPT = `
import ky from 'ky';
import axios from 'axios';
import { axiosInterceptor, fetchProblem, kyHooks, retryAfterMs, TooManyRequests, NotFound } from 'express-typed-errors/client';

const api = ky.create({ prefixUrl: location.origin, hooks: kyHooks(), retry: 0 });
const viaAxios = axiosInterceptor(axios.create({ baseURL: location.origin }));
const clients = {
  fetch: (path) => fetchProblem(path),
  ky: (path) => api.get(path.slice(1)),
  axios: (path) => viaAxios.get(path),
};

function show(error) {
  document.querySelector('h1').textContent = error.title;
  document.querySelector('p').textContent = error.detail;
}

window.run = async () => {
  const results = {};
  for (const [name, get] of Object.entries(clients)) {
    try {
      await get('/api/quota');
      results[name] = 'no error';
    } catch (e) {
      if (e instanceof TooManyRequests) {
        show(e);
        results[name] = { narrowed: true, notFound: e instanceof NotFound, retryAfter: e.retryAfter, wait: retryAfterMs(e), title: e.title, detail: e.detail, name: e.name === 'HTTPError' ? 'TooManyRequests' : e.name };
      } else {
        results[name] = { narrowed: false, message: String(e) };
      }
    }
  }
  // The guide's pattern: retry only what the server said when to retry, and wait that long.
  const retrying = ky.create({
    prefixUrl: location.origin,
    retry: { limit: 2, delay: () => 0, shouldRetry: ({ error }) => retryAfterMs(error) !== undefined },
    hooks: { ...kyHooks(), beforeRetry: [({ error }) => new Promise((resolve) => setTimeout(resolve, retryAfterMs(error)))] },
  });
  const started = Date.now();
  results.retried = await retrying.get('api/flaky').json();
  results.waited = Date.now() - started;
  return results;
};
`;

function isStale(built: string, sources: string): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(sources, { recursive: true, withFileTypes: true }).some((entry) => entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt);
}

describeInBrowser('the client bundled into a page in headless Chromium', () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  const api = clientApi();

  beforeAll(async () => {
    if (isStale(path.join(root, 'dist', 'client.mjs'), path.join(root, 'src'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    const bundle = buildSync({
      stdin: { contents: PAGE_SCRIPT, resolveDir: root, sourcefile: 'page.js' },
      alias: { 'express-typed-errors/client': path.join(root, 'dist', 'client.mjs') },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]?.text ?? '';
    const site = express();
    site.get('/', (_req, res) => {
      res.type('html').send('<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/page.js"></script></head><body><h1></h1><p></p></body></html>');
    });
    site.get('/page.js', (_req, res) => {
      res.type('js').send(script);
    });
    site.use(api.app);
    server = site.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('narrows the same typed error from fetch, ky and axios, shows its Korean title and detail, and retries after Retry-After', async () => {
    const context = await browser.newContext({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR,ko;q=0.9' } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${base}/`);
      await page.waitForFunction('typeof window.run === "function"');
      const results = await page.evaluate<Record<string, unknown>>('window.run()');
      const seen = { narrowed: true, notFound: false, retryAfter: 1, wait: 1000, title: '너무 많은 요청', detail: '일정 시간 동안 요청을 너무 많이 보냈으니 요청 속도를 줄여 나중에 다시 시도해 주십시오.', name: 'TooManyRequests' };
      expect(results).toMatchObject({ fetch: seen, ky: seen, axios: seen, retried: { ok: true } });
      expect(results.waited as number).toBeGreaterThanOrEqual(900);
      expect(await page.locator('h1').innerText()).toBe('너무 많은 요청');
      expect(await page.locator('p').innerText()).toBe(seen.detail);
      expect(errors).toEqual([]);
      expect(api.hits.get('/api/flaky')).toBe(2);
    } finally {
      await context.close();
    }
  }, 60_000);
});
