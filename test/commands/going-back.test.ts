/**
 * A wizard that forgives: Esc goes back to the previous question with its answer as the
 * default, leaves an item being added without a trace, an empty first answer ends an add, the
 * day stops with one choice, and the welcome back says where the project stands.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { init, edit } from '../../src/commands/init.js';
import { ScriptedPrompter, INTERRUPT, BACK, type Question, type ScriptedAnswer } from '../../src/wizard/prompter.js';
import { progress } from '../../src/progress/completeness.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { tempDir, TODAY, examples, copyExample, contextFor, quietTerminal } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const io = (): Io => quietTerminal(dir);
const asking = (prompter: ScriptedPrompter) => ({ interactive: true, prompter });
const context = (lang: 'en' | 'fr' = 'en') => contextFor(io(), { lang, today: TODAY });
const read = async () => parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;
const journal = () => path.join(dir, '.adopt.yaml.journal');

/** Enter at a question, noting the default it offered. */
function enter(defaults: (string | undefined)[]): (q: Question) => string {
  return (q) => {
    defaults.push((q as { default?: string }).default);
    return '';
  };
}

const lead: ScriptedAnswer[] = ['Volunteer rota', 'Riverside Food Bank', 'Camille Martin', 'Coordinator', 'camille@example.org', 'strong some', 'one day a week'];
// Each one's name and role; their profiles come in one grid once the list is done, their use is a detail.
const twoKeyUsers: ScriptedAnswer[] = ['Karim Benali', 'Treasurer', 'Léa Dubois', 'Reception'];
const profiles: ScriptedAnswer = ['occasional', 'daily'];
const needs: ScriptedAnswer[] = [
  'One list of volunteers', 'All volunteers listed', '', ['must'],
  'Shift volunteers', '', [['consult', 'feed']], // each audience's name, then what each will do, one checklist per row
  'Subscription', '20', 'recurring', 'month', '', // asked apart: the same answers serve both languages
  '', // the currency, after the lines (none said one): the proposal
  'Council grant', '', 'medium', '2027-09-01', 'Tool chosen: 15/02/2027', '',
  'mixed', 'some', 'high',
  'Personal data leak', '', ['data-protection'], ['medium'], ['high'],
];

describe('Esc, the previous question', () => {
  test('goes back with the earlier answer as the default: Enter keeps it, a new answer replaces it', async () => {
    const defaults: (string | undefined)[] = [];
    const prompter = new ScriptedPrompter([
      'Volunteer rota', 'Riverside Food Bank',
      BACK, // at the lead's name: back to the organisation
      BACK, // and back to the title
      enter(defaults), // the title kept
      'Riverside Pantry', // the organisation changed
      'Camille Martin', INTERRUPT,
    ]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(prompter.asked).toEqual(['Project title', 'Organisation', "Project lead's name", 'Organisation', 'Project title', 'Organisation', "Project lead's name", 'Role in the organisation']);
    expect(defaults).toEqual(['Volunteer rota']);
    const project = await read();
    expect(project.project).toMatchObject({ title: 'Volunteer rota', organisation: 'Riverside Pantry' });
    expect(project.lead).toEqual({ name: 'Camille Martin' });
  });

  test('at the first question of a step it says so, and asks it again', async () => {
    const prompter = new ScriptedPrompter([BACK, 'Volunteer rota', INTERRUPT]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(prompter.asked.slice(0, 2)).toEqual(['Project title', 'Project title']);
    expect(prompter.said).toContain('This is the first question of this step: there is none before it.');
    expect((await read()).project?.title).toBe('Volunteer rota');
  });

  test('in an item being added: back within the item, then out of it, which cancels it; nothing of it is kept', async () => {
    const defaults: (string | undefined)[] = [];
    const prompter = new ScriptedPrompter([
      ...lead, ...twoKeyUsers,
      'Carol Petit', // a third key user begun
      BACK, // at her role: back to her name
      BACK, // back past her name: she is cancelled, and the question before comes back
      enter(defaults), // Léa's role, kept
      INTERRUPT, // at a third key user's name again
    ]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(prompter.asked.slice(-5)).toEqual(['Name', 'Role or team', 'Name', 'Role or team', 'Name']);
    expect(prompter.said).toContain('Key user 3: cancelled, nothing of it is kept.');
    expect(defaults).toEqual(['Reception']);
    expect((await read()).keyUsers!.map((u) => u.name)).toEqual(['Karim Benali', 'Léa Dubois']);
    // Carol's answers had gone to the journal; leaving her took them out of it.
    expect(existsSync(journal())).toBe(false);
  });

  test('in adopt edit: Esc in an item being added goes back to the list menu, and the file is untouched', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    const prompter = new ScriptedPrompter(['add', 'Carol Petit', BACK, BACK, 'done']);
    await edit({ ...asking(prompter), step: 'key-users' }, await context());
    expect(prompter.remaining).toBe(0);
    expect(prompter.asked.at(-1)).toMatch(/^Key users \(\d+\): what would you like to do\?$/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(existsSync(journal())).toBe(false);
  });
});

describe('Esc never loses an answer given after going back', () => {
  test('into an item just added to its list: the new answer is the item\'s in the file', async () => {
    const prompter = new ScriptedPrompter([
      ...lead, ...twoKeyUsers,
      BACK, // at the third key user's name: back to Léa Dubois's role
      'Reception and renewals',
      INTERRUPT, // at the third key user's name again
    ]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect((await read()).keyUsers!.map((user) => user.role)).toEqual(['Treasurer', 'Reception and renewals']);
  });

  test('into an optional group left blank: the answer brings the group back into the file', async () => {
    const at = needs.indexOf('Council grant');
    const prompter = new ScriptedPrompter([
      ...lead, ...twoKeyUsers, '', profiles,
      ...needs.slice(0, at + 2), // the funding, then Enter: no ceiling
      BACK, // at the urgency: back to the ceiling
      '1500',
      INTERRUPT, // at the urgency again
    ]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect((await read()).needs!.budget!.ceiling).toMatchObject({ amount: 1500 });
  });
});

describe('no trap in lists', () => {
  test('adopt edit: an empty first answer of an item being added cancels the add, back at the menu', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    const prompter = new ScriptedPrompter(['add', '', 'done']);
    await edit({ ...asking(prompter), step: 'key-users' }, await context());
    expect(prompter.remaining).toBe(0);
    expect(prompter.refused).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('adopt init: an empty first answer ends the list even below the minimum, saying what the method wants', async () => {
    const prompter = new ScriptedPrompter([...lead, 'Karim Benali', 'Treasurer', '', ['occasional'], INTERRUPT]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(prompter.refused).toEqual([]);
    expect(prompter.said).toContain('Key users: 1 for now, and the method wants at least 2. adopt init will ask for the others next time.');
    expect(prompter.asked.at(-1)).toBe('Objective'); // step 3 goes on
    expect((await read()).keyUsers).toHaveLength(1);
  });

  test('adopt edit: a list below its minimum says so in its menu', async () => {
    await copyExample(examples.foodBank, dir);
    // The food bank has more: all but one are removed first, through the menu.
    const users = (await read()).keyUsers!.length;
    const removals = Array.from({ length: users - 1 }, (): ScriptedAnswer[] => ['remove:1', true]).flat();
    const menu = new ScriptedPrompter([...removals, 'done', false, INTERRUPT]);
    await expect(edit({ ...asking(menu), step: 'key-users' }, await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(menu.asked).toContain('Key users (1; the method wants at least 2): what would you like to do?');
  });
});

describe('stopping for the day', () => {
  test('one choice at the end of day one; "pick up later" ends the run there, saying where it will resume', async () => {
    const prompter = new ScriptedPrompter([...lead, ...twoKeyUsers, '', profiles, ...needs, 'later']);
    await init(asking(prompter), await context());
    expect(prompter.remaining).toBe(0);
    expect(prompter.asked.filter((q) => /Carry on now, or pick up later\?$/.test(q))).toEqual(['Next: Step 4 of 8 · Research. Carry on now, or pick up later?']);
    expect(prompter.said).toContain('Until next time: adopt init will pick up at “Step 4 of 8 · Research”.');
    expect(progress(await read()).map((s) => s.state).slice(0, 4)).toEqual(['complete', 'complete', 'complete', 'empty']);
  });

  test('a run that starts at a later step asks nothing before it', async () => {
    await copyExample(examples.foodBank, dir);
    const project = await read();
    expect(progress(project, TODAY).some((s) => s.state !== 'complete')).toBe(true);
    const prompter = new ScriptedPrompter([INTERRUPT]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(prompter.asked[0]).not.toMatch(/Carry on now/);
  });
});

describe('the welcome back', () => {
  test.each([
    ['en', /^Steps 1 to 3 done; next: the research for tools\.$/],
    ['fr', /^Étapes 1 à 3 faites[\u00a0\u202f]; prochaine[\u00a0\u202f]: la recherche d’outils\.$/],
  ] as const)('says where the project stands, not the first day\'s text (%s)', async (lang, standing) => {
    const fr = lang === 'fr';
    const first = new ScriptedPrompter([...lead, ...twoKeyUsers, '', profiles, ...needs, 'later']);
    await init(asking(first), await context(lang));
    expect(first.remaining).toBe(0);
    const second = new ScriptedPrompter([INTERRUPT]);
    await expect(init(asking(second), await context(lang))).rejects.toMatchObject({ exitCode: 130 });
    expect(second.said.find((line) => /^(Steps|Étapes) /.test(line))).toMatch(standing);
    expect(second.said.join('\n')).not.toMatch(fr ? /La méthode compte 8 étapes/ : /The method has 8 steps/);
  });

  test('a project with nothing done yet says so', async () => {
    const { standing } = await import('../../src/commands/init.js');
    const t = (await context()).t;
    expect(standing({ version: 1 } as Project, t)).toBe('No step done yet; next: the project lead.');
  });
});
