/**
 * The whole round trip of issue 11, as it happens in an association: the coordinator makes the two
 * forms, two key users and three members of the team fill them in Chromium and send back the
 * file their browser saved, the coordinator collects those files, reviews, and renders the
 * report. What it proves: the key users' new scores replace their old ones for the tools they
 * scored (and only those), the review answers land in evaluation.responses, and the name of a
 * person who stayed anonymous (here typed, then erased before saving) is nowhere: not in the
 * files sent, the project file, the terminal, nor any document.
 */
import { readdir, readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { adopt, contextFor, copyExample, examples, quietTerminal, tempDir } from '../helpers.js';
import { evaluate } from '../../src/commands/evaluate.js';
import { ScriptedPrompter, type AskedQuestion } from '../../src/wizard/prompter.js';
import type { Project } from '../../src/generated/model.js';
import { describeInBrowser, launchBrowser } from './browser.js';
import type { Browser, Page } from 'playwright-core';

/** Typed into the review form's name field by someone who then changed their mind. */
const ERASED = 'Jeanne Roux';
const NAMED = 'Léa Dubois';
const REVIEW_DAY = '2027-05-20';

interface Reviewer {
  folder: string;
  objectives: Record<string, 'met' | 'partial' | 'unmet'>;
  note?: [string, string];
  sus: number[];
  texts: Partial<Record<'EFF+' | 'EFF-' | 'COM', string>>;
  name?: string;
}

const reviewers: Reviewer[] = [
  { folder: 'anonymous-1', objectives: { O1: 'met', O2: 'partial' }, note: ['O2', 'Encore un tableur pour les chèques.'], sus: [4, 2, 4, 2, 4, 2, 4, 2, 4, 2], texts: { COM: 'Les fiches sont enfin à jour.' } },
  { folder: 'named', objectives: { O1: 'met', O3: 'unmet' }, sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], texts: { 'EFF+': 'Les bénévoles se parlent plus.' }, name: NAMED },
  { folder: 'anonymous-2', objectives: { O1: 'partial' }, sus: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], texts: { 'EFF-': 'Une soirée de saisie en plus.' } },
];

describeInBrowser('form → send → collect → evaluate → render, in Chromium', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let browser: Browser;
  let before: Project;
  const received: string[] = [];

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    browser = await launchBrowser();
    await copyExample(examples.jardins, dir);
    for (const kind of ['poc', 'review']) {
      const result = await adopt(['form', kind], { cwd: dir });
      if (result.code !== 0) throw new Error(result.stderr);
    }
    before = parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  async function fill(kind: 'poc' | 'review', folder: string, answer: (page: Page) => Promise<void>): Promise<string> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'adopt-docs', `form-${kind}.html`)).href);
    await answer(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Enregistrer mes réponses/ }).click()]);
    // Each person's file as it arrives by e-mail: in its own folder, since two anonymous people
    // answering the same day are given the same file name.
    const file = path.join(dir, 'inbox', folder, download.suggestedFilename());
    await mkdir(path.dirname(file), { recursive: true });
    await download.saveAs(file);
    await context.close();
    received.push(path.relative(dir, file));
    return file;
  }

  test('two key users score the tools and three people review: every file they send is collected', async () => {
    // Karim scores both tools again; Lucie only Cotiz, so her scores for Adhésio stay.
    await fill('poc', 'karim', async (page) => {
      await page.getByRole('radio', { name: 'Karim Benali' }).check();
      for (const tool of ['adhesio', 'cotiz']) for (let n = 1; n <= 4; n++) await page.locator(`input[name="C${n}/${tool}"][value="${tool === 'adhesio' ? n - 1 : 5 - n}"]`).check();
    });
    await fill('poc', 'lucie', async (page) => {
      await page.getByRole('radio', { name: 'Lucie Moreau' }).check();
      for (let n = 1; n <= 4; n++) await page.locator(`input[name="C${n}/cotiz"][value="5"]`).check();
      await page.getByLabel('Votre commentaire sur Cotiz (facultatif)').fill('Bien mieux depuis la mise à jour.');
    });
    for (const [index, person] of reviewers.entries()) {
      const file = await fill('review', person.folder, async (page) => {
        await page.getByRole('radio', { name: "Bénévoles d'accueil (une dizaine)" }).check();
        for (const [objective, status] of Object.entries(person.objectives)) await page.locator(`input[name="${objective}"][value="${status}"]`).check();
        if (person.note) await page.locator(`[name="${person.note[0]}/NOTE"]`).fill(person.note[1]);
        for (let n = 1; n <= 10; n++) await page.locator(`input[name="SUS${n}"][value="${person.sus[n - 1]}"]`).check();
        for (const [code, text] of Object.entries(person.texts)) await page.locator(`textarea[name="${code}"]`).fill(text);
        const name = page.getByLabel('Votre nom (laissez vide pour rester anonyme)');
        if (person.name) await name.fill(person.name);
        else if (index === 0) {
          await name.fill(ERASED);
          await name.fill('');
        }
      });
      const sent = await readFile(file, 'utf8');
      expect(sent).not.toContain('Jeanne');
      expect(sent.includes('NAME')).toBe(person.name !== undefined);
    }

    const result = await adopt(['collect', ...received, '--yes'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const said = result.stdout.replace(/’/g, "'").replace(/[\u202f\u00a0]/g, ' ');
    expect(said).toMatch(/karim\/poc-\S+-karim\.adopt-response\.json : Karim Benali, 8 notes sur 2 outils\n {4}remplace les notes que Karim Benali avait données pour ces outils/);
    expect(said).toMatch(/lucie\/poc-\S+-lucie\.adopt-response\.json : Lucie Moreau, 4 notes et 1 commentaire sur 1 outil/);
    expect(said).toMatch(/named\/review-\S+-lea-dubois\.adopt-response\.json : 1 réponse \(Bénévoles d'accueil \(une dizaine\) : 1\), 1 avec le questionnaire d'utilisabilité, 1 avec un nom/);
    expect(said).toContain("Enregistré dans adopt.yaml : 3 réponses au questionnaire d'évaluation et les notes de 2 utilisateurs clefs.");

    const after = parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;
    const scoresOf = (project: Project, by: string, candidate: string) =>
      project.poc!.scores!.filter((s) => s.by === by && s.candidate === candidate).map((s) => [s.criterion, s.score]);
    expect(scoresOf(after, 'karim', 'adhesio')).toEqual([['C1', 0], ['C2', 1], ['C3', 2], ['C4', 3]]);
    expect(scoresOf(after, 'karim', 'cotiz')).toEqual([['C1', 4], ['C2', 3], ['C3', 2], ['C4', 1]]);
    expect(scoresOf(after, 'lucie', 'cotiz')).toEqual([['C1', 5], ['C2', 5], ['C3', 5], ['C4', 5]]);
    for (const [by, candidate] of [['lucie', 'adhesio'], ['sophie', 'adhesio'], ['sophie', 'cotiz'], ['thomas', 'cotiz']]) {
      expect([by, candidate, scoresOf(after, by!, candidate!)]).toEqual([by, candidate, scoresOf(before, by!, candidate!)]);
    }
    expect(after.poc!.comments).toEqual(expect.arrayContaining([{ candidate: 'cotiz', by: 'lucie', comment: 'Bien mieux depuis la mise à jour.' }]));

    const responses = after.evaluation!.responses!;
    expect(responses.map((r) => [r.id, r.form, r.audience, r.name])).toEqual([
      ['R1', 'review', 'A4', undefined],
      ['R2', 'review', 'A4', NAMED],
      ['R3', 'review', 'A4', undefined],
    ]);
    for (const anonymous of [responses[0]!, responses[2]!]) expect(Object.keys(anonymous)).not.toContain('name');
    expect(responses[0]).toMatchObject({ objectives: [{ id: 'O1', status: 'met' }, { id: 'O2', status: 'partial', comment: 'Encore un tableur pour les chèques.' }], sus: reviewers[0]!.sus, comment: 'Les fiches sont enfin à jour.' });
    expect(responses[2]).toMatchObject({ objectives: [{ id: 'O1', status: 'partial' }], effects: { negative: 'Une soirée de saisie en plus.' } });
  }, 120_000);

  test('the review starts from them and the report quotes them, with a name only where one was given', async () => {
    // At the terminal the coordinator takes what is proposed and leaves the rest empty.
    const prompter = new ScriptedPrompter([], (q: AskedQuestion) => {
      if (q.kind === 'select') return q.default ?? q.choices!.find((c) => c.value === 'continue')?.value ?? q.choices![0]!.value;
      if (q.kind === 'confirm') return q.default ?? false;
      if (q.kind === 'checkbox') return [];
      return '';
    });
    const io = quietTerminal(dir);
    await evaluate({ interactive: true, prompter }, await contextFor(io, { today: REVIEW_DAY }));
    const terminal = prompter.said.join('\n').replace(/’/g, "'").replace(/[\u202f\u00a0]/g, ' ');
    expect(terminal).toContain("3 réponses collectées qu'aucun bilan n'a encore utilisées");
    const project = parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;
    const [review] = project.evaluation!.reviews!;
    expect(review!.responses).toEqual(['R1', 'R2', 'R3']);
    // O1: two "met" against one "partial", the majority proposed and kept.
    expect(review!.objectives![0]).toEqual({ id: 'O1', status: 'met' });

    const rendered = await adopt(['render'], { cwd: dir, env: { ADOPT_TODAY: REVIEW_DAY } });
    expect(rendered.code).toBe(0);
    const docs = path.join(dir, 'adopt-docs');
    const documents = await Promise.all((await readdir(docs)).map(async (name) => [name, await readFile(path.join(docs, name), 'utf8')] as const));
    const report = documents.find(([name]) => name === 'evaluation.md')![1];
    const quotes = report.split('\n').filter((line) => line.startsWith('> '));
    expect(quotes).toEqual(
      expect.arrayContaining(['> Encore un tableur pour les chèques.', '> Les fiches sont enfin à jour.', `> Les bénévoles se parlent plus. — ${NAMED}`, '> Une soirée de saisie en plus.']),
    );
    expect(quotes.filter((line) => line.includes(' — '))).toEqual([`> Les bénévoles se parlent plus. — ${NAMED}`]);
    expect(documents.find(([name]) => name === 'evaluation.html')![1]).toContain(NAMED);
    for (const [name, text] of [...documents, ['terminal', terminal + rendered.stdout + rendered.stderr], ['adopt.yaml', await readFile(path.join(dir, 'adopt.yaml'), 'utf8')]]) {
      expect([name, text.includes('Jeanne')]).toEqual([name, false]);
    }
  }, 60_000);
});
