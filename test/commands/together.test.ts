/**
 * The choices each item of a list takes are asked once the list is there, for all its items on
 * one screen (src/wizard/together.ts); what they open is asked after them; and step 5 lets the
 * key users score on a form rather than the coordinator typing their scores.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse, stringify } from 'yaml';
import { init, edit } from '../../src/commands/init.js';
import { ScriptedPrompter, BACK, INTERRUPT, type AskedQuestion, type ScriptedAnswer } from '../../src/wizard/prompter.js';
import { warnings } from '../../src/derive/warnings.js';
import { warningMessage } from '../../src/view/warnings.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { progress } from '../../src/progress/completeness.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { tempDir, TODAY, examples, contextFor } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

function io(): Io {
  return { stdout: { write: () => undefined }, stderr: { write: () => undefined }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir };
}
const asking = (prompter: ScriptedPrompter) => ({ interactive: true, prompter });
const context = (today = TODAY) => contextFor(io(), { lang: 'en', today });
const file = () => path.join(dir, 'adopt.yaml');
const read = async () => parse(await readFile(file(), 'utf8')) as Project;

/** The food bank with only the parts named kept: the wizard then asks the rest. */
async function foodBankWith(keep: readonly (keyof Project)[], change: (project: Project) => void = () => undefined): Promise<void> {
  const project = parse(await readFile(examples.foodBank, 'utf8')) as Project;
  for (const key of Object.keys(project) as (keyof Project)[]) if (!['version', 'language', 'project', ...keep].includes(key)) delete project[key];
  change(project);
  await writeFile(file(), stringify(project));
}

/** A grid's rows as the scripted prompter saw them, kept for the test to read. */
function rowsOf(seen: string[][], answer: unknown): ScriptedAnswer {
  return (q: AskedQuestion) => {
    seen.push((q.rows ?? []).map((row) => `${row.label}=${String(row.default ?? '')}`));
    return answer;
  };
}

describe('the choices of a list, side by side', () => {
  test('key users: names and roles first, then one grid of profiles with a row each; Esc after it brings it back whole', async () => {
    await foodBankWith(['lead']);
    const seen: string[][] = [];
    const prompter = new ScriptedPrompter([
      'Ada Lovelace, Treasurer', 'Grace Hopper', 'Rota lead', '',
      rowsOf(seen, ['occasional', 'daily']),
      // step 3: two objectives, then their priorities
      'Faster rota', 'No gaps', 'Fewer calls', 'Half the calls', '',
      rowsOf(seen, ['must', 'could']),
      BACK, // at the first audience: back to the grid, its answers the defaults
      rowsOf(seen, ['', 'should']), // the first kept with Enter, the second changed
      INTERRUPT,
    ]);
    await init(asking(prompter), await context()).catch(() => undefined);
    expect(prompter.asked.filter((q) => q === 'Profile' || q === 'Priority')).toEqual([]);
    expect(seen).toEqual([
      ['Ada Lovelace=', 'Grace Hopper='],
      ['Faster rota=', 'Fewer calls='],
      ['Faster rota=must', 'Fewer calls=could'],
    ]);
    const project = await read();
    expect(project.keyUsers!.map((u) => [u.name, u.role, u.profile])).toEqual([
      ['Ada Lovelace', 'Treasurer', 'occasional'],
      ['Grace Hopper', 'Rota lead', 'daily'],
    ]);
    expect(project.needs!.objectives!.map((o) => o.priority)).toEqual(['must', 'should']);
  });

  test('milestones: only those whose day has come are offered to tick as reached', async () => {
    await foodBankWith(['lead', 'keyUsers'], (project) => {
      delete project.needs;
    });
    let offered: string[] = [];
    const reached: ScriptedAnswer = (q) => {
      offered = (q.choices ?? []).map((c) => c.label);
      return [0];
    };
    const prompter = new ScriptedPrompter([
      'Faster rota', 'No gaps', '', ['must'],
      'Volunteers', '', [['consult']],
      'Subscription: £20 a month', '', 'Council grant', '',
      'medium', '01/09/2027',
      'Board approval: 01/10/2026', 'Pilot ends: 15/11/2026', 'Launch: 01/03/2027', '',
      reached,
    ]);
    await init(asking(prompter), await context()).catch(() => undefined);
    expect(offered).toEqual(['Board approval', 'Pilot ends']);
    expect((await read()).needs!.schedule!.milestones!.map((m) => [m.name, m.done])).toEqual([
      ['Board approval', true],
      ['Pilot ends', false],
      ['Launch', undefined],
    ]);
  });

  test("audiences: their names first, then what each will do in one checklist per row; a row left unticked is named as missing", async () => {
    await foodBankWith(['lead', 'keyUsers'], (project) => {
      delete project.needs;
    });
    const seen: AskedQuestion[] = [];
    const prompter = new ScriptedPrompter([
      'Faster rota', 'No gaps', '', ['must'],
      'Board', 'Shift volunteers', '',
      (q) => {
        seen.push(q);
        return [['configure', 'consult']];
      },
      INTERRUPT,
    ]);
    await init(asking(prompter), await context()).catch(() => undefined);
    expect(prompter.remaining).toBe(0);
    // One question for the two audiences, after the list, none per audience.
    expect(seen.map((q) => [q.kind, q.message])).toEqual([['ticks', 'What each audience will do with the tool']]);
    expect(prompter.asked.filter((q) => /what they do/i.test(q))).toEqual([]);
    const rows = seen[0]!.rows!;
    expect(rows.map((row) => [row.label, row.default, row.path])).toEqual([
      ['Board', [], ['needs', 'audiences', 0, 'uses']],
      ['Shift volunteers', [], ['needs', 'audiences', 1, 'uses']],
    ]);
    expect(rows[0]!.choices.map((c) => c.value)).toEqual(['configure', 'feed', 'consult', 'daily', 'occasional']);
    const project = await read();
    expect(project.needs!.audiences).toEqual([{ who: 'Board', uses: ['configure', 'consult'] }, { who: 'Shift volunteers' }]);
    expect(progress(project, TODAY).find((s) => s.id === 'needs')!.missing).toContainEqual(expect.objectContaining({ label: 'field.audience.uses', item: 'Shift volunteers' }));
  });

  test('tools: the ones ticked for the test, then their law, agreement and statement, then their cost lines; a tool kept without an export is warned about', async () => {
    await foodBankWith(['lead', 'keyUsers', 'needs']);
    const seen: string[][] = [];
    const prompter = new ScriptedPrompter([
      'Directory', // sources
      'Eastgate Food Bank, Rotaly', 'Easy', '',
      'Rotaly', '£35 a month', '', '',
      'Sheets', 'Free', '', '',
      '',
      ['EU', 'EU'], ['full', 'none'], [0, 1], rowsOf(seen, ''), ['signed', 'offered'], ['partial', 'unknown'],
      'Subscription: £35 a month', '', '', '', // Rotaly's lines: the first typed, the second's name kept but no amount (left out); no third
      '', '', '', '', '', // Sheets: none known yet
      'later',
    ]);
    await init(asking(prompter), await context());
    expect(prompter.remaining).toBe(0);
    // The law proposed from the hosting, for the two tools ticked.
    expect(seen).toEqual([['Rotaly=EU', 'Sheets=EU']]);
    expect(prompter.said.some((line) => line.includes('Sheets') && /export/i.test(line))).toBe(true);
    const [rotaly, sheets] = (await read()).research!.candidates!;
    expect(rotaly).toMatchObject({ shortlisted: true, hosting: 'EU', dataExport: 'full', dataProtection: { jurisdiction: 'EU', agreement: 'signed' }, accessibility: { statement: 'partial' } });
    expect(rotaly!.costs).toEqual([{ item: 'Subscription', amount: 35, kind: 'recurring', period: 'month', category: 'licence' }]);
    expect(sheets).toMatchObject({ shortlisted: true, dataExport: 'none', dataProtection: { jurisdiction: 'EU', agreement: 'offered' } });
  });

  test('in adopt edit, an item added from the menu is asked whole, its choice with it', async () => {
    await foodBankWith(['lead', 'keyUsers']);
    const prompter = new ScriptedPrompter(['add', 'Lin Wei', 'Driver', 'volunteer', '', 'done']);
    await edit({ ...asking(prompter), step: 'key-users' }, await context());
    expect(prompter.remaining).toBe(0);
    expect(prompter.asked).toContain('Profile');
    expect((await read()).keyUsers!.at(-1)).toMatchObject({ name: 'Lin Wei', role: 'Driver', profile: 'volunteer' });
  });
});

describe('a line typed with nothing to pay', () => {
  test('"Nom de domaine: free" is paid once: how often is not asked, as for an amount typed alone', async () => {
    await foodBankWith(['lead', 'keyUsers'], (project) => {
      project.needs = { objectives: project.needs?.objectives, audiences: project.needs?.audiences };
    });
    const prompter = new ScriptedPrompter(['', '', 'Domain name: free', INTERRUPT]); // no more objectives nor audiences; then the line
    await init(asking(prompter), await context()).catch(() => undefined);
    expect(prompter.asked).not.toContain('One-off or recurring');
    expect(prompter.asked.at(-1)).toBe('Budget line');
  });
});

describe('helps', () => {
  test('a question\'s help is shown the first time only, not again for each item of a list', async () => {
    await foodBankWith(['lead']);
    const helps: (string | undefined)[] = [];
    const name = (answer: string): ScriptedAnswer => (q) => {
      helps.push(q.help);
      return answer;
    };
    const prompter = new ScriptedPrompter([name('Ada Lovelace, Treasurer'), name('Grace Hopper, Rota lead'), name(''), INTERRUPT]);
    await init(asking(prompter), await context()).catch(() => undefined);
    expect(helps).toHaveLength(3);
    expect(helps[0]).toMatch(/\S/);
    expect(helps.slice(1)).toEqual([undefined, undefined]);
  });
});

describe('a risk named on day one, its mitigation later', () => {
  test('the step is complete without it; a warning names the risks still without one', async () => {
    await foodBankWith(['lead', 'keyUsers', 'needs'], (project) => {
      const risks = project.needs?.risks;
      project.needs!.risks = risks?.map(({ mitigation: _, ...risk }) => risk);
    });
    const project = await read();
    expect(progress(project, TODAY).find((s) => s.id === 'needs')!.state).toBe('complete');
    const warning = warnings(project, TODAY).find((w) => w.code === 'risk-unmitigated')!;
    expect(warning.params).toEqual({ n: project.needs!.risks!.length, ids: project.needs!.risks!.map((r) => r.id).join(', ') });
    // Said with each risk's first words: its id alone is nothing the person typed.
    const [first] = project.needs!.risks!;
    const said = warningMessage(warning, await loadTranslator('fr'), project);
    expect(said).toContain(`${first!.id} «\u00a0${first!.text!.slice(0, 20)}`);
    expect(said).toMatch(/^Risques sans parade pour l’instant\u00a0: /);
  });
});

describe('step 5: the scores, typed or gathered on forms', () => {
  test('on forms: the run stops there with everything kept, saying how; the next run goes on once the scores are in', async () => {
    await foodBankWith(['lead', 'keyUsers', 'needs', 'research'], (project) => {
      const objective = project.needs!.objectives![0]!.id;
      project.poc = { start: '2026-11-02', end: '2026-11-20', criteria: [{ id: 'C1', text: 'Easy', weight: 3, objective }, { id: 'C2', text: 'Cheap', weight: 2, objective }] };
    });
    let proposed: unknown;
    const how: ScriptedAnswer = (q) => {
      proposed = q.default;
      return 'forms';
    };
    const first = new ScriptedPrompter(['', how]); // no third criterion; then how to gather the scores
    await init(asking(first), await context());
    expect(first.remaining).toBe(0);
    // The test is over on the day: typing them is what is proposed.
    expect(proposed).toBe('type');
    expect(first.said.join('\n')).toMatch(/adopt form poc[\s\S]*adopt collect/);
    expect((await read()).poc!.scores).toBeUndefined();

    // While the test runs, the forms are what is proposed.
    const during = new ScriptedPrompter(['', how]);
    await init(asking(during), await context('2026-11-10'));
    expect(proposed).toBe('forms');

    // Scores in (as adopt collect writes them): the choice is not offered again, the decision comes.
    const project = await read();
    const users = project.keyUsers!;
    const tools = project.research!.candidates!.filter((c) => c.shortlisted);
    project.poc!.scores = tools.flatMap((tool) => users.flatMap((user) => ['C1', 'C2'].map((criterion) => ({ candidate: tool.id, by: user.id, criterion, score: 3 }))));
    await writeFile(file(), stringify(project));
    const after = new ScriptedPrompter([INTERRUPT]);
    await init(asking(after), await context()).catch(() => undefined);
    expect(after.asked.some((q) => /how will you gather them/.test(q))).toBe(false);
    expect(after.asked[0]).toBe('Chosen tool');
  });
});
