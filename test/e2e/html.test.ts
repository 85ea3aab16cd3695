/**
 * The HTML documents in a real browser (headless Chromium, Debian's package): they load with no
 * console error and no request of any kind, user text never runs as script, a 390 px phone
 * needs no horizontal scrolling, and printing to PDF works.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { adopt, tempDir, examples } from '../helpers.js';
import { describeInBrowser, expectSelfContained, launchBrowser, openDocument } from './browser.js';

const hostile = '<script>window.__pwned = 1</script><img src="https://example.org/x.png" onerror="window.__pwned = 2">';

describeInBrowser('the HTML documents in Chromium', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    browser = await launchBrowser();
    // A project whose user text tries to inject script and load from the network, in every document.
    const project = parse(await readFile(examples.jardins, 'utf8')) as Record<string, any>;
    project.project.title = `Adhésions ${hostile}`;
    project.keyUsers[0].name = `Karim ${hostile}`;
    project.needs.objectives[0].text = `Centraliser ${hostile}`;
    project.research.candidates[0].name = `Outil ${hostile}`;
    project.evaluation.reviews = [
      { date: '2027-05-20', by: ['Camille'], objectives: [{ id: project.needs.objectives[0].id, status: 'partial', evidence: hostile }], effects: [{ text: hostile, kind: 'negative', anticipated: false }], usability: [72.5, 85], decision: 'adjust' },
    ];
    await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
    const result = await adopt(['render', '--format', 'html'], { cwd: dir });
    if (result.code !== 0) throw new Error(result.stderr);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  for (const doc of ['plan', 'checklist', 'evaluation']) {
    test(`${doc}.html: no console error, no request, no script run, fits a phone, prints to PDF`, async () => {
      const file = path.join(dir, 'adopt-docs', `${doc}.html`);
      const opened = await openDocument(browser, file);
      await expectSelfContained(opened, 'fr', '<script>window.__pwned = 1</script>');
      const { page } = opened;
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
      await page.context().close();
    }, 60_000);
  }
});
