/**
 * Headless Chromium as DESIGN.md sets it up (Debian's package, driven by playwright-core, never
 * a browser download), shared by the browser tests.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describeWith } from './tools.js';

const chromium = process.env.ADOPT_CHROMIUM ?? '/usr/bin/chromium';

// In CI the browser is installed by .ci/run: its absence is a failure there, not a skip.
export const describeInBrowser = describeWith(existsSync(chromium), `the browser tests need Chromium at ${chromium} (apt-get install chromium, or set ADOPT_CHROMIUM).`);

export async function launchBrowser(): Promise<Browser> {
  const { chromium: launcher } = await import('playwright-core');
  return launcher.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
