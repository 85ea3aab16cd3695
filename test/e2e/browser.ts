/**
 * Headless Chromium as DESIGN.md sets it up (Debian's package, driven by playwright-core, never
 * a browser download), shared by the browser tests.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
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

/**
 * A document of adopt opened as a person opens it, on a phone's screen unless said otherwise:
 * the page, what it logged as errors, and every request it made beyond its own file (a
 * download's blob: aside), which a self-contained document never makes.
 */
export async function openDocument(browser: Browser, file: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const own = pathToFileURL(file).href;
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => request.url() !== own && !request.url().startsWith('blob:') && requests.push(request.url()));
  await page.goto(own, { waitUntil: 'load' });
  return { page, errors, requests };
}
