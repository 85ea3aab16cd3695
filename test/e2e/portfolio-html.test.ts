/**
 * portfolio.html in a real browser (headless Chromium): no console error and no request of any
 * kind, user text shown and never run, no sideways scrolling of the page on a 390 px phone,
 * no WCAG 2.1 A or AA violation found by axe-core, and it prints to PDF.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { adopt, examples, loadExample, tempDir } from '../helpers.js';
import { describeInBrowser, expectSelfContained, launchBrowser, openDocument } from './browser.js';

const hostile = '<script>window.__pwned = 1</script><img src="https://example.org/x.png" onerror="window.__pwned = 2">';

describeInBrowser('portfolio.html in Chromium', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let browser: import('playwright-core').Browser;
  let axeSource: string;
  let file: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    browser = await launchBrowser();
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const jardins = await loadExample(examples.jardins);
    jardins.project!.title = `Adhésions ${hostile}`;
    jardins.evaluation = { ...jardins.evaluation, reviews: [{ date: '2026-11-01', objectives: [{ id: 'O1', status: 'met' }], usability: [70, 85], decision: 'adjust' }] };
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    };
    await write('jardins/adopt.yaml', stringify(jardins));
    await write('riverside/rota.adopt.yaml', stringify(await loadExample(examples.foodBank)));
    await write('rowing/adopt.yaml', await readFile(examples.warnings, 'utf8'));
    await write('broken/adopt.yaml', 'version: 1\nkeyUsers: 5\n');
    const result = await adopt(['portfolio', '--out', 'docs', '--lang', 'fr'], { cwd: dir });
    if (result.code !== 1) throw new Error(result.stderr);
    file = path.join(dir, 'docs', 'portfolio.html');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  test('no console error, no request, no script run, fits a phone, prints to PDF', async () => {
    const opened = await openDocument(browser, file);
    await expectSelfContained(opened, 'fr', '<script>window.__pwned = 1</script>');
    const { page } = opened;
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  }, 60_000);

  for (const width of [1280, 390]) {
    test(`axe-core finds no WCAG 2.1 A or AA violation at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
