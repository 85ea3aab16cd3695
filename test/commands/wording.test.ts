/**
 * Wording that had gone stale or spoke the wrong language: the journal keeps answers as they are
 * given, the French review is a « bilan », each command suggests its own way from a file, and
 * step names are listed in the run's language. Each test reproduces a reported finding.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadTranslator } from '../../src/i18n/index.js';
import { adopt, copyExample, examples, root, tempDir } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

test('the evaluate intro no longer says everything is saved at the end in one go', async () => {
  for (const lang of ['en', 'fr'] as const) {
    const t = await loadTranslator(lang);
    for (const text of [t('evaluate.intro'), t('evaluate.introAgain', { date: '1 March 2026' })]) {
      expect(text).not.toMatch(/in one go|en une fois/);
      expect(text).toMatch(lang === 'en' ? /kept as you give them.*written whole/ : /gardées au fur et à mesure.*en entier/);
    }
  }
});

test('the README says an interruption keeps every answer given', async () => {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  expect(readme).not.toMatch(/every finished step saved/);
  expect(readme).toMatch(/`130` interrupted \(Ctrl-C\), with every answer given kept/);
});

test('French says « bilan » for a review everywhere', async () => {
  const fr = JSON.parse(await readFile(path.join(root, 'src/i18n/locales/fr.json'), 'utf8')) as Record<string, string>;
  expect(fr['evaluate.ownKeysKept']).toMatch(/bilan/);
  expect(Object.entries(fr).filter(([key, text]) => key.startsWith('evaluate.') && /\brevue\b/.test(text))).toEqual([]);
});

test('without a terminal, evaluate suggests its own --from; edit the answers file that fills any step', async () => {
  await copyExample(examples.foodBank, dir);
  expect((await adopt(['evaluate'], { cwd: dir })).stderr).toBe('adopt evaluate asks questions and needs a terminal. To record the review from a file instead: adopt evaluate --from review.yaml --yes\n');
  expect((await adopt(['evaluate', '--lang', 'fr'], { cwd: dir })).stderr).toMatch(/adopt evaluate --from bilan\.yaml --yes\n$/);
  expect((await adopt(['edit', 'lead'], { cwd: dir })).stderr).toMatch(/To fill the project from a file instead: adopt init --from answers\.yaml --yes\n$/);
  expect((await adopt(['edit', 'lead', '--lang', 'fr'], { cwd: dir })).stderr).toMatch(/adopt init --from reponses\.yaml --yes\n$/);
});

test('edit with an unknown step lists the names in the run’s language', async () => {
  await copyExample(examples.foodBank, dir);
  const fr = await adopt(['edit', 'nope', '--lang', 'fr'], { cwd: dir });
  expect(fr.code).toBe(2);
  expect(fr.stderr).toContain('responsable, utilisateurs, besoins, recherche, test, deploiement, formation, evaluation, pratiques.');
  const en = await adopt(['edit', 'nope'], { cwd: dir });
  expect(en.stderr).toContain('lead, key-users, needs, research, poc, deployment, training, evaluation, practices.');
});
