/** Debian's headless Chromium, as the browser tests launch it through playwright-core. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

// Decided when a test file loads, so a missing browser shows as skipped, never as passed.
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found; install it with: apt-get install -y chromium`;
if (missing !== undefined) console.warn(`[browser test skipped] ${missing}`);

/** `describe` where Chromium is installed, `describe.skip` (with a warning) where it is not. */
export const describeInBrowser = missing === undefined ? describe : describe.skip;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
