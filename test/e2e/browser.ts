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

/**
 * What every HTML document of adopt promises, a hostile text in its project included: no error,
 * no request, no script of its own nor the injected one run, the text shown as text, the
 * project's language, and nothing wider than the screen.
 */
export async function expectSelfContained(opened: { page: Page; errors: string[]; requests: string[] }, lang: string, hostile: string): Promise<void> {
  const { page, errors, requests } = opened;
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.textContent('body')).toContain(hostile);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}
