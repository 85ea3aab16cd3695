/**
 * adopt edit, every blank at once: the menu's first choice and --blanks walk the steps begun
 * that have blanks, in order, asking only those, and keep each answer as it is given.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { edit } from '../../src/commands/init.js';
import { ScriptedPrompter, INTERRUPT, type AskedQuestion, type ScriptedAnswer } from '../../src/wizard/prompter.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { adopt, tempDir, TODAY, examples, copyExample, contextFor } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const terminal = (): Io => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: Object.assign(new PassThrough(), { isTTY: true }),
  env: { LANG: 'C' },
  cwd: dir,
});
const context = (lang: 'en' | 'fr' = 'en') => contextFor(terminal(), { lang, today: TODAY });
const read = async () => parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;

/** The food bank's example with three details blank: the summary (step 1), a tool's vendor and a phase's scope (steps 4 and 6). */
async function withDetailsBlank(): Promise<void> {
  const file = await copyExample(examples.foodBank, dir);
  const text = await readFile(file, 'utf8');
  const blanked = text
    .replace(/^ {2}summary: .*\n/m, '')
    .replace(/^ {6}vendor: Rotaly Ltd\n/m, '')
    .replace(/, scope: Weekday and Saturday[^}]*\}/, ' }');
  expect(blanked).not.toBe(text);
  await writeFile(file, blanked);
}

/** The menu as it was offered: its message, choices and default. */
function menuOf(q: AskedQuestion): { message: string; labels: string[]; values: unknown[]; default: unknown } {
  const choices = (q as { choices?: { label: string; value: unknown }[] }).choices ?? [];
  return { message: q.message, labels: choices.map((c) => c.label), values: choices.map((c) => c.value), default: (q as { default?: unknown }).default };
}

/** The four blanks in the method's order: the three above, and a contract's end the example leaves open. */
const BLANKS = ['project.summary', 'research.candidates.0.vendor', 'deployment.phases.0.scope', 'practices.vision.inventory.1.contractEnd'];
const ANSWERS: Record<string, string> = {
  'project.summary': 'One scheduling tool for every volunteer.',
  'research.candidates.0.vendor': 'Rotaly Ltd',
  'deployment.phases.0.scope': 'Warehouse shifts',
  'practices.vision.inventory.1.contractEnd': '30/06/2027',
};

/** Answers each question by the field it asks, keeping the menus' defaults; records what was asked. */
function person(...after: ScriptedAnswer[]): ScriptedPrompter & { paths: string[]; menus: ReturnType<typeof menuOf>[] } {
  const paths: string[] = [];
  const menus: ReturnType<typeof menuOf>[] = [];
  const prompter = new ScriptedPrompter([(q) => (menus.push(menuOf(q)), ''), ...after], (q) => {
    if (!q.path) throw new Error(`a menu where none was expected: ${q.message}`);
    paths.push(q.path.join('.'));
    return ANSWERS[q.path.join('.')] ?? '';
  });
  return Object.assign(prompter, { paths, menus });
}

/** The titles of the step headings said, each above the keys' line. */
const headings = (said: readonly string[]) => said.filter((line) => line.includes('Esc go back')).map((line) => line.split('\n')[1]);

describe('adopt edit at a terminal: every blank at once', () => {
  test.each([
    ['en', 'Everything left to fill in (4 answers, steps 1, 4, 6 and the practices)', '1. Project lead (complete)'],
    ['fr', 'Tout ce qui reste à compléter (4 réponses, étapes 1, 4, 6 et les pratiques)', '1. Responsable du projet (terminée)'],
  ] as const)('the menu offers it first, as the default, with how many answers and where (%s)', async (lang, first, second) => {
    await withDetailsBlank();
    const prompter = person(INTERRUPT);
    await expect(edit({ interactive: true, prompter }, await context(lang))).rejects.toMatchObject({ exitCode: 130 });
    const [menu] = prompter.menus;
    expect(menu!.labels.slice(0, 2)).toEqual([first, second]);
    expect(menu!.labels).toHaveLength(10);
    expect(menu!.default).toBe(menu!.values[0]);
  });

  test('it walks only the steps with blanks, in order, each under its heading, asking only the blanks and no menu per step', async () => {
    await withDetailsBlank();
    const prompter = person();
    await edit({ interactive: true, prompter }, await context());
    expect(prompter.paths).toEqual(BLANKS);
    expect(headings(prompter.said)).toEqual(['Step 1 of 8 · Project lead', 'Step 4 of 8 · Research', 'Step 6 of 8 · Deployment', 'Cross-cutting practices']);
    expect(prompter.said).toContain('4 answers filled in. Everything is complete.');
    const project = await read();
    expect(project.project!.summary).toBe('One scheduling tool for every volunteer.');
    expect(project.research!.candidates![0]!.vendor).toBe('Rotaly Ltd');
    expect(project.deployment!.phases![0]!.scope).toBe('Warehouse shifts');
    expect(project.practices!.vision!.inventory![1]!.contractEnd).toBe('2027-06-30');

    // Nothing blank any more: the menu no longer offers it, and proposes a step as before.
    const again = person(INTERRUPT);
    await expect(edit({ interactive: true, prompter: again }, await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(again.menus[0]!.values[0]).toBe('lead');
    expect(again.menus[0]!.values).not.toContain(prompter.menus[0]!.values[0]);
  });

  test('what is passed with Enter stays blank, and the last line says where to find it', async () => {
    await withDetailsBlank();
    const prompter = new ScriptedPrompter([], () => '');
    await edit({ interactive: true, prompter }, await context('fr'));
    expect(prompter.said).toContain('Aucune réponse complétée. Il reste 4 réponses vides\u00a0: adopt edit responsable, adopt edit recherche, adopt edit deploiement, adopt edit pratiques');
  });

  test('Ctrl-C midway keeps every answer given before it, in the file, the last step\'s too', async () => {
    await withDetailsBlank();
    // A second blank in step 4, so that the stop falls between two answers of one step.
    const file = path.join(dir, 'adopt.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^ {6}vendor: Open-source community project\n/m, ''));
    const prompter = new ScriptedPrompter(['', ANSWERS['project.summary']!, 'Rotaly Ltd', INTERRUPT]);
    await expect(edit({ interactive: true, prompter }, await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(prompter.asked.slice(1)).toEqual(['Summary', 'Vendor', 'Vendor']);
    const project = await read();
    expect(project.project!.summary).toBe(ANSWERS['project.summary']);
    expect(project.research!.candidates!.map((c) => c.vendor)).toEqual(['Rotaly Ltd', undefined, 'CharityCRM Inc.']);
    expect(project.deployment!.phases![0]!.scope).toBeUndefined();
  });

  test('a step not begun is not walked: its time has not come, and the last line says so', async () => {
    await withDetailsBlank();
    const file = path.join(dir, 'adopt.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^training: # step 7\n(?: .*\n)*/m, ''));
    const prompter = person();
    await edit({ interactive: true, prompter }, await context());
    expect(prompter.menus[0]!.labels[0]).toBe('Everything left to fill in (4 answers, steps 1, 4, 6 and the practices)');
    expect(prompter.paths).toEqual(BLANKS);
    expect(prompter.said).toContain('4 answers filled in. Nothing is left blank in the steps begun; adopt init asks the next ones when their time comes.');
    expect((await read()).training).toBeUndefined();
  });
});

describe('adopt edit --blanks', () => {
  test('at a terminal: the same walk, without the menu', async () => {
    await withDetailsBlank();
    const paths: string[] = [];
    const prompter = new ScriptedPrompter([], (q) => {
      paths.push(q.path?.join('.') ?? q.message);
      return ANSWERS[q.path?.join('.') ?? ''] ?? '';
    });
    await edit({ interactive: true, prompter, blanks: true }, await context());
    expect(paths).toEqual(BLANKS);
    expect(prompter.said).toContain('4 answers filled in. Everything is complete.');

    // Once more: nothing to ask, and nothing to say was filled.
    const again = new ScriptedPrompter([]);
    await edit({ interactive: true, prompter: again, blanks: true }, await context());
    expect(again.asked).toEqual([]);
    expect(again.said).toContain('Everything is complete.');
  });

  test('with a step: its blanks only, without asking what to do', async () => {
    await withDetailsBlank();
    const prompter = new ScriptedPrompter(['Rotaly Ltd']);
    await edit({ interactive: true, prompter, blanks: true, step: 'research' }, await context());
    expect(prompter.asked).toEqual(['Vendor']);
    expect((await read()).research!.candidates![0]!.vendor).toBe('Rotaly Ltd');
  });

  test('without a terminal: exit 2 with one line, and the file untouched', async () => {
    await withDetailsBlank();
    const before = await readFile(path.join(dir, 'adopt.yaml'), 'utf8');
    const en = await adopt(['edit', '--blanks'], { cwd: dir });
    expect(en).toMatchObject({ code: 2, stdout: '' });
    expect(en.stderr).toMatch(/^adopt edit --blanks asks questions and needs a terminal\. [^\n]*\n$/);
    const fr = await adopt(['edit', '--blanks', '--lang', 'fr'], { cwd: dir });
    expect(fr).toMatchObject({ code: 2, stdout: '' });
    expect(fr.stderr).toMatch(/^adopt edit --blanks pose des questions et a besoin d’un terminal\. [^\n]*\n$/);
    expect(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')).toBe(before);
  });

  test('adopt edit --help names it, in both languages', async () => {
    expect((await adopt(['edit', '--help'], { cwd: dir })).stdout).toMatch(/--blanks +only what is left blank, with no menu/);
    expect((await adopt(['edit', '--help', '--lang', 'fr'], { cwd: dir })).stdout).toMatch(/--blanks +seulement ce qui est resté vide, sans menu/);
  });
});
