/**
 * The form pages as a person uses them, in headless Chromium on a 390 px phone: they tick the
 * answers, press "Save my answers", and the file the browser downloads is the response the
 * contract describes (forms-contract.md), with the project's fingerprints. No request leaves the
 * page, nothing logs an error, nothing scrolls sideways, axe-core finds no WCAG A/AA violation,
 * and a criterion text that tries to close the script never runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { adopt, examples, tempDir } from '../helpers.js';
import { formQuestions, projectFingerprint, questionsFingerprint } from '../../src/derive/form-questions.js';
import type { Project } from '../../src/generated/model.js';
import { describeInBrowser, launchBrowser, openDocument } from './browser.js';
import type { Browser, Page } from 'playwright-core';

const hostile = '</script><script>window.__pwned = 1</script><img src="https://example.org/x.png" onerror="window.__pwned = 2">';

describeInBrowser('the form pages in Chromium, filled on a phone', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let browser: Browser;
  let project: Project;
  let axeSource: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    browser = await launchBrowser();
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const data = parse(await readFile(examples.jardins, 'utf8'));
    data.poc.criteria[1].text = `Export ${hostile}`;
    data.lead.name = `Camille ${hostile}`;
    await writeFile(path.join(dir, 'adopt.yaml'), stringify(data));
    for (const kind of ['poc', 'review']) {
      const result = await adopt(['form', kind], { cwd: dir });
      if (result.code !== 0) throw new Error(result.stderr);
    }
    // Read after the review form wrote the audiences' ids.
    project = parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  async function open(kind: string, options: { bypassCSP?: boolean } = {}) {
    const file = path.join(dir, 'adopt-docs', `form-${kind}.html`);
    const { page, errors, requests } = await openDocument(browser, file, { acceptDownloads: true, ...options });
    return { page, errors, requests, close: () => page.context().close() };
  }

  async function save(page: Page): Promise<{ name: string; json: Record<string, any> }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Enregistrer mes réponses/ }).click()]);
    const saved = await download.path();
    return { name: download.suggestedFilename(), json: JSON.parse(await readFile(saved!, 'utf8')) };
  }

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

  test('poc: a key user picks their name, scores each tool, comments, saves; the file is the contract\'s response', async () => {
    const { page, errors, requests, close } = await open('poc');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Saving before choosing a name is refused on the page, with the reason.
    await page.getByRole('button', { name: /Enregistrer mes réponses/ }).click();
    await expect(page.locator('#save-status').textContent()).resolves.toContain('votre nom');

    await page.getByRole('radio', { name: 'Karim Benali' }).check();
    const criteria = project.poc!.criteria!;
    for (const tool of ['adhesio', 'cotiz']) {
      for (let n = 1; n <= criteria.length; n++) {
        const score = tool === 'adhesio' ? n : 5 - n;
        await page.locator(`input[name="C${n}/${tool}"][value="${score}"]`).check();
      }
    }
    await page.getByLabel('Votre commentaire sur Cotiz (facultatif)').fill('Trop de clics pour une adhésion.');
    const { name, json } = await save(page);
    expect(name).toMatch(new RegExp(`^poc-${json.saved}-\\d{6}-karim\\.adopt-response\\.json$`));
    expect(json.saved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json).toEqual({
      adopt: 'response',
      version: 1,
      form: 'poc',
      project: projectFingerprint(project),
      questions: questionsFingerprint('poc', formQuestions(project, 'poc')),
      saved: json.saved,
      answers: {
        WHO: 'karim',
        'C1/adhesio': 1, 'C2/adhesio': 2, 'C3/adhesio': 3, 'C4/adhesio': 4,
        'C1/cotiz': 4, 'C2/cotiz': 3, 'C3/cotiz': 2, 'C4/cotiz': 1,
        'NOTE/cotiz': 'Trop de clics pour une adhésion.',
      },
    });
    await expect(page.locator('#save-status').textContent()).resolves.toContain(name);
    // The injected criterion is shown as text and never runs.
    expect(await page.textContent('body')).toContain('Export </script><script>');
    expect(await pwned(page)).toBeUndefined();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await close();
  }, 60_000);

  test('review: anonymous by default; a name only when typed, and in the file name', async () => {
    const { page, errors, requests, close } = await open('review');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('radio', { name: 'Trésorier' }).check();
    await page.locator('input[name="O1"][value="met"]').check();
    await page.locator('input[name="O2"][value="partial"]').check();
    await page.locator('input[name="O2/NOTE"], textarea[name="O2/NOTE"]').fill('Encore un tableur pour les chèques.');
    const sus = [4, 2, 5, 1, 4, 2, 5, 1, 4, 2];
    for (let n = 1; n <= 10; n++) await page.locator(`input[name="SUS${n}"][value="${sus[n - 1]}"]`).check();
    await page.locator('textarea[name="EFF+"]').fill('Les bénévoles se parlent plus.');
    await page.locator('textarea[name="EFF-"]').fill('Une soirée de saisie en plus.');
    await page.locator('textarea[name="COM"]').fill('Merci !');

    const anonymous = await save(page);
    expect(anonymous.name).toMatch(new RegExp(`^review-${anonymous.json.saved}-\\d{6}\\.adopt-response\\.json$`));
    const answers = {
      AUD: 'A3',
      O1: 'met',
      O2: 'partial',
      'O2/NOTE': 'Encore un tableur pour les chèques.',
      ...Object.fromEntries(sus.map((value, i) => [`SUS${i + 1}`, value])),
      'EFF+': 'Les bénévoles se parlent plus.',
      'EFF-': 'Une soirée de saisie en plus.',
      COM: 'Merci !',
    };
    expect(anonymous.json).toEqual({
      adopt: 'response',
      version: 1,
      form: 'review',
      project: projectFingerprint(project),
      questions: questionsFingerprint('review', formQuestions(project, 'review')),
      saved: anonymous.json.saved,
      answers,
    });
    expect(JSON.stringify(anonymous.json)).not.toContain('NAME');

    await page.getByLabel('Votre nom (laissez vide pour rester anonyme)').fill('  Léa Dubois ');
    const named = await save(page);
    expect(named.name).toMatch(new RegExp(`^review-${named.json.saved}-\\d{6}-lea-dubois\\.adopt-response\\.json$`));
    expect(named.json.answers).toEqual({ ...answers, NAME: 'Léa Dubois' });
    expect(await pwned(page)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await close();
  }, 60_000);

  test('without JavaScript it is still a form to print: no save button, a PDF with boxes', async () => {
    for (const kind of ['poc', 'review']) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(dir, 'adopt-docs', `form-${kind}.html`)).href);
      expect(await page.locator('#save').isVisible()).toBe(false);
      expect(await page.locator('input[type=radio]').count()).toBeGreaterThan(10);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('input[type=radio]').first().evaluate((el) => getComputedStyle(el).borderRadius)).toBe('0px');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await context.close();
    }
  }, 60_000);

  test('axe-core finds no WCAG 2.1 A or AA violation on either form at 390 px', async () => {
    for (const kind of ['poc', 'review']) {
      // axe is injected as a script of the test's own, which the page's policy rightly refuses.
      const { page, close } = await open(kind, { bypassCSP: true });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect([kind, violations]).toEqual([kind, []]);
      await close();
    }
  }, 60_000);
});
