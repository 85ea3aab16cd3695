/**
 * Ctrl-C loses at most the question on screen: answers reach the file as soon as what they
 * belong to is valid, the rest waits in a journal beside it that the next run offers to replay.
 */
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { init, edit } from '../../src/commands/init.js';
import { evaluate } from '../../src/commands/evaluate.js';
import { ScriptedPrompter, INTERRUPT, type ScriptedAnswer } from '../../src/wizard/prompter.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { adopt, tempDir, TODAY, examples, copyExample, contextFor } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

let said = '';
const io = (): Io => {
  said = '';
  return {
    stdout: { write: (text: string) => (said += text) },
    stderr: { write: (text: string) => (said += text) },
    stdin: Object.assign(new PassThrough(), { isTTY: true }),
    env: { LANG: 'C' },
    cwd: dir,
  };
};
const asking = (prompter: ScriptedPrompter) => ({ interactive: true, prompter });
const context = (extra: { today?: string } = {}) => contextFor(io(), { lang: 'en', today: TODAY, ...extra });
const projectFile = () => path.join(dir, 'adopt.yaml');
const journal = () => path.join(dir, '.adopt.yaml.journal');
/** The error a run ends with: Ctrl-C is one, with its exit code and what it says was kept. */
const stopped = (run: Promise<void>) => run.then(() => ({ message: 'not stopped', exitCode: 0 }), (error: Error & { exitCode?: number }) => error);
const read = async () => parse(await readFile(projectFile(), 'utf8')) as Project;

const lead: ScriptedAnswer[] = ['Volunteer rota', 'Riverside Food Bank', 'Camille Martin', 'Coordinator', 'camille@example.org', 'strong some', 'one day a week'];
// Each one's name and role; their profiles come in one grid once the list is done, their use is a detail.
const twoKeyUsers: ScriptedAnswer[] = ['Karim Benali', 'Treasurer', 'Léa Dubois', 'Reception'];
/** Step 3 as in init.test.ts, then every later step left for later. */
const needsThenLater: ScriptedAnswer[] = [
  'One list of volunteers', 'All volunteers listed', '', ['must'],
  'Shift volunteers', '', [['consult', 'feed']], // each audience's name, then what each will do, one checklist per row
  'Subscription: £20 a month', '', // the currency comes with the amount: not asked
  'Council grant', '', // no ceiling: how it is counted is not asked
  'medium', '2027-09-01', 'Tool chosen: 15/02/2027', '',
  'mixed', 'some', 'high',
  'Personal data leak', '', ['data-protection'], ['medium'], ['high'],
  'later', // the choice at the end of day one: stop for today
];

describe('Ctrl-C in the wizard', () => {
  test('a single answer is in the file at once: Ctrl-C in the middle of step 1 keeps the answers before', async () => {
    const prompter = new ScriptedPrompter([...lead.slice(0, 3), INTERRUPT]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    const project = await read();
    expect(project.project).toMatchObject({ title: 'Volunteer rota', organisation: 'Riverside Food Bank' });
    expect(project.lead).toEqual({ name: 'Camille Martin' });
    expect(existsSync(journal())).toBe(false);
  });

  test('the message says every answer is saved when nothing is pending', async () => {
    const prompter = new ScriptedPrompter([...lead.slice(0, 3), INTERRUPT]);
    const error = await stopped(init(asking(prompter), await context()));
    expect(error.message).toBe('Stopped. Every answer you gave is saved in adopt.yaml; only the question on screen was not answered. Run the same command again to carry on.');
  });

  test('Ctrl-C at the third key user\'s role keeps the first two in the file and journals the third; the next run replays it', async () => {
    const first = new ScriptedPrompter([...lead, ...twoKeyUsers, 'Sam Okafor', INTERRUPT]);
    const error = await stopped(init(asking(first), await context()));
    expect(error.exitCode).toBe(130);
    expect(error.message).toBe('Stopped. Your answers so far are saved in adopt.yaml; what you had typed for key user 3 (Sam Okafor) is kept aside and will be offered next time.');
    const project = await read();
    expect(project.lead).toMatchObject({ name: 'Camille Martin', availability: 'one day a week' });
    expect(project.keyUsers!.map((u) => u.name)).toEqual(['Karim Benali', 'Léa Dubois']);
    const kept = JSON.parse(await readFile(journal(), 'utf8'));
    expect(kept).toMatchObject({ command: 'init', step: 'key-users', adding: { at: ['keyUsers'], item: { name: 'Sam Okafor' } } });
    expect(typeof kept.time).toBe('string');

    // the next run offers it first, asks only what is missing, then carries on where init is
    // The list goes on after it; then the profiles of all three, none chosen before the stop.
    const second = new ScriptedPrompter([true, 'Volunteer', '', ['occasional', 'daily', 'volunteer'], ...needsThenLater]);
    await init(asking(second), await context());
    expect(second.remaining).toBe(0);
    expect(second.said.join('\n')).toContain('Last time, adopt stopped while you were adding key user 3 (Sam Okafor).');
    expect(second.asked.slice(0, 2)).toEqual(['Carry on with it now?', 'Role or team']);
    expect(second.asked[3]).toBe("Each person's profile");
    expect((await read()).keyUsers!.map((u) => u.profile)).toEqual(['occasional', 'daily', 'volunteer']);
    expect((await read()).keyUsers!.at(-1)).toEqual({ id: 'sam-okafor', name: 'Sam Okafor', role: 'Volunteer', profile: 'volunteer' });
    expect(existsSync(journal())).toBe(false);
  });

  test('a list resumed in the middle goes on as if never stopped: the next item is offered, Enter ends the list', async () => {
    await stopped(init(asking(new ScriptedPrompter([...lead, ...twoKeyUsers.slice(0, 3), INTERRUPT])), await context()));
    expect((await read()).keyUsers!.map((u) => u.name)).toEqual(['Karim Benali']);
    const second = new ScriptedPrompter([true, 'Reception', 'Sam Okafor', 'Volunteer', '', ['occasional', 'daily', 'volunteer'], ...needsThenLater]);
    await init(asking(second), await context());
    expect(second.remaining).toBe(0);
    expect(second.said).toContain('Key user 3 (or Enter on the first question to finish the list)');
    expect(second.said.filter((line) => /Key users: already done/.test(line))).toEqual([]);
    // Karim waits only for his profile, which the grid asks: nothing to "complete" is announced for him.
    expect(second.said.filter((line) => line.includes('Karim Benali'))).toEqual([]);
    expect((await read()).keyUsers!.map((u) => u.name)).toEqual(['Karim Benali', 'Léa Dubois', 'Sam Okafor']);
  });

  test('lists the person went past before the stop are not offered again on resuming', async () => {
    // Stopped at the ceiling, just after the funding: every list of the step so far was closed.
    const atCeiling = needsThenLater.indexOf('Council grant') + 1;
    await stopped(init(asking(new ScriptedPrompter([...lead, ...twoKeyUsers, '', ['occasional', 'daily'], ...needsThenLater.slice(0, atCeiling), INTERRUPT])), await context()));
    const second = new ScriptedPrompter(needsThenLater.slice(atCeiling));
    await init(asking(second), await context());
    expect(second.remaining).toBe(0);
    expect(second.said.filter((line) => /^(Objective|Target audience|Budget line) \d/.test(line))).toEqual([]);
    expect(second.asked[0]).toBe('The most the structure can spend, if there is a ceiling');
    expect((await read()).needs!.budget!.items).toHaveLength(1);
  });

  test('an item being added is never half in the file: the list stays as it was', async () => {
    const prompter = new ScriptedPrompter([...lead, 'Karim Benali', INTERRUPT]);
    await expect(init(asking(prompter), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(await readFile(projectFile(), 'utf8')).not.toMatch(/keyUsers|Karim/);
  });

  test('declining the offer sets the journal aside, saying where, and asks the usual questions', async () => {
    await init(asking(new ScriptedPrompter([...lead, ...twoKeyUsers, 'Sam Okafor', INTERRUPT])), await context()).catch(() => undefined);
    // The list is offered one more item (Enter ends it), then the profiles of the two kept.
    const second = new ScriptedPrompter([false, '', ['occasional', 'daily'], ...needsThenLater]);
    await init(asking(second), await context());
    expect(second.remaining).toBe(0);
    expect(existsSync(journal())).toBe(false);
    const aside = (await readdir(dir)).filter((name) => name.startsWith('adopt.yaml.unsaved-'));
    expect(aside).toHaveLength(1);
    expect(second.said.join('\n')).toContain(`Set aside in ${aside[0]}: adopt will not offer it again.`);
    expect((await read()).keyUsers).toHaveLength(2);
  });

  test('a journal that no longer fits the file (the list gone meanwhile) is reported in one line and set aside', async () => {
    await copyExample(examples.foodBank, dir);
    const users = (await read()).keyUsers!;
    await expect(edit({ ...asking(new ScriptedPrompter(['add', 'Sam Okafor', INTERRUPT])), step: 'key-users' }, await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(existsSync(journal())).toBe(true);
    expect((await read()).keyUsers).toHaveLength(users.length);
    // someone removes every key user in an editor meanwhile
    const text = await readFile(projectFile(), 'utf8');
    await writeFile(projectFile(), text.replace(/^keyUsers:.*\n(?:(?: {2}| *-).*\n)+/m, ''));
    expect((await read()).keyUsers).toBeUndefined();
    const second = new ScriptedPrompter(Array(40).fill('') as ScriptedAnswer[]);
    await edit({ ...asking(second), step: 'lead' }, await context());
    expect(second.asked).not.toContain('Carry on with it now?');
    const lines = second.said.filter((line) => line.includes('no longer fit'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The answers kept from last time \(key user \d+ \(Sam Okafor\)\) no longer fit adopt\.yaml, which changed since: they are set aside in adopt\.yaml\.unsaved-\d{8}-\d{6}\.json\.$/);
    expect(existsSync(journal())).toBe(false);
  });

  test('an unreadable journal is reported in one line and set aside, never a crash', async () => {
    await copyExample(examples.foodBank, dir);
    for (const content of ['{ not json', '{"version":1,"command":"init","adding":{"at":["__proto__"],"item":{}}}', '[]']) {
      await writeFile(journal(), content);
      const prompter = new ScriptedPrompter(Array(40).fill('') as ScriptedAnswer[]);
      await edit({ ...asking(prompter), step: 'lead' }, await context());
      expect(prompter.said.filter((line) => /last time/.test(line))).toHaveLength(1);
      expect(existsSync(journal())).toBe(false);
    }
    expect(({} as Record<string, unknown>).item).toBeUndefined();
  });

  test('--from --yes never touches the journal', async () => {
    await copyExample(examples.foodBank, dir);
    await writeFile(journal(), '{"kept": true}');
    await writeFile(path.join(dir, 'answers.yaml'), 'version: 1\nlead:\n  availability: Two days a week\n');
    expect((await adopt(['init', '--from', 'answers.yaml', '--yes'], { cwd: dir })).code).toBe(0);
    expect(await readFile(journal(), 'utf8')).toBe('{"kept": true}');
  });
});

describe('Ctrl-C in adopt evaluate', () => {

  test('the review in progress goes to the journal, the file is unchanged; the next run offers to resume it', async () => {
    await copyExample(examples.foodBank, dir);
    const before = await readFile(projectFile(), 'utf8');
    const objectives = (await read()).needs!.objectives!;
    const first = new ScriptedPrompter(['met', 'All shifts filled', 'partial', INTERRUPT]);
    const error = await stopped(evaluate(asking(first), await context({ today: '2027-05-20' })));
    expect(error.exitCode).toBe(130);
    expect(error.message).toBe('Stopped. adopt.yaml is unchanged: a review is recorded once whole. Your answers to this review are kept aside, and adopt evaluate will offer to carry on with them.');
    expect(await readFile(projectFile(), 'utf8')).toBe(before);
    const kept = JSON.parse(await readFile(journal(), 'utf8'));
    expect(kept).toMatchObject({ command: 'evaluate', review: { review: { date: '2027-05-20', objectives: [{ id: objectives[0]!.id, status: 'met', evidence: 'All shifts filled' }] } } });

    // the next run: offered, then only what is missing is asked
    const rest = objectives.slice(1).flatMap((_, i) => (i === 0 ? [''] : ['unmet', '']));
    const second = new ScriptedPrompter([true, ...rest, '', false, '', '', 'continue', '', '', '']);
    await evaluate(asking(second), await context({ today: '2027-05-20' }));
    expect(second.remaining).toBe(0);
    expect(second.said.join('\n')).toContain('A review dated 20 May 2027 was stopped before its end; its answers are kept.');
    expect(second.asked[1]).toBe('What shows it'); // the second objective's status was answered
    const review = (await read()).evaluation!.reviews!.at(-1)!;
    expect(review.objectives!.slice(0, 2)).toEqual([
      { id: objectives[0]!.id, status: 'met', evidence: 'All shifts filled' },
      { id: objectives[1]!.id, status: 'partial' },
    ]);
    expect(review.objectives).toHaveLength(objectives.length);
    expect(existsSync(journal())).toBe(false);
  });

  test('Ctrl-C at the first question: nothing to keep, and the message says so', async () => {
    await copyExample(examples.foodBank, dir);
    const error = await stopped(evaluate(asking(new ScriptedPrompter([INTERRUPT])), await context({ today: '2027-05-20' })));
    expect(error.message).toBe('Stopped before the first answer: adopt.yaml is unchanged.');
    expect(existsSync(journal())).toBe(false);
  });

  test('a review journal whose objectives are gone from the file is set aside in one line; a new review starts', async () => {
    await copyExample(examples.foodBank, dir);
    await evaluate(asking(new ScriptedPrompter(['met', 'All shifts filled', INTERRUPT])), await context({ today: '2027-05-20' })).catch(() => undefined);
    const text = await readFile(projectFile(), 'utf8');
    await writeFile(projectFile(), text.replace('id: O1', 'id: O9'));
    const second = new ScriptedPrompter([INTERRUPT]);
    await evaluate(asking(second), await context({ today: '2027-05-20' })).catch(() => undefined);
    expect(second.asked).toEqual(['Is it met?']);
    expect(second.said.filter((line) => line.includes('no longer fit'))).toHaveLength(1);
    expect(existsSync(journal())).toBe(false);
  });

  test('init and edit leave a review journal for adopt evaluate, saying so', async () => {
    await copyExample(examples.foodBank, dir);
    await evaluate(asking(new ScriptedPrompter(['met', INTERRUPT])), await context({ today: '2027-05-20' })).catch(() => undefined);
    const prompter = new ScriptedPrompter(Array(40).fill('') as ScriptedAnswer[]);
    await edit({ ...asking(prompter), step: 'lead' }, await context());
    expect(prompter.said).toContain('A review in progress is kept aside: adopt evaluate will offer to carry on with it.');
    expect(existsSync(journal())).toBe(true);
  });
});

describe('a journal is data from disk', () => {
  test('an item whose kept answers the file would refuse is set aside in one line, and the file keeps no trace of it', async () => {
    await copyExample(examples.foodBank, dir);
    const before = await readFile(projectFile(), 'utf8');
    const listed = (await read()).keyUsers!.length;
    await writeFile(journal(), JSON.stringify({ version: 1, command: 'edit', step: 'key-users', time: '2026-11-27T10:00:00Z', adding: { at: ['keyUsers'], item: { name: 'Sam', role: 'Cook', profile: 'dialy', use: 'Menus', evil: 'x' }, kind: 'keyUser', n: listed + 1, listed } }));
    const prompter = new ScriptedPrompter([true, ...(Array(40).fill('') as ScriptedAnswer[])]);
    await edit({ ...asking(prompter), step: 'lead' }, await context());
    expect(prompter.said.filter((line) => line.includes('no longer fit'))).toHaveLength(1);
    expect(await readFile(projectFile(), 'utf8')).toBe(before);
    expect(existsSync(journal())).toBe(false);
  });
});

describe('a file that cannot be written while the wizard asks', () => {
  test('held open for good on Windows: the run stops naming the file, and the answers wait beside it', async () => {
    const { replaceFsCalls } = await import('../../src/util/atomic.js');
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    const restore = replaceFsCalls({
      platform: 'win32',
      retryFor: 200,
      // Word holds the project file; a new file beside it can still be made.
      rename: (async (from: string, to: string) => {
        if (path.basename(to) === 'adopt.yaml') throw Object.assign(new Error('EBUSY'), { code: 'EBUSY' });
        const { rename } = await import('node:fs/promises');
        return rename(from, to);
      }) as never,
    });
    try {
      const prompter = new ScriptedPrompter(['Volunteer rota 2027', ...(Array(40).fill('') as ScriptedAnswer[])]);
      const error = await stopped(edit({ ...asking(prompter), step: 'lead' }, await context()));
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(/adopt\.yaml is held open by another program/);
      const kept = /kept in (\S+\.yaml):/.exec(error.message)?.[1];
      expect(kept).toBeDefined();
      expect(await readFile(file, 'utf8')).toBe(before);
      expect((parse(await readFile(path.join(dir, path.basename(kept!)), 'utf8')) as Project).project?.title).toBe('Volunteer rota 2027');
      expect((await readdir(dir)).filter((name) => name.endsWith('.adopt-tmp') || name.endsWith('.lock'))).toEqual([]);
    } finally {
      restore();
    }
    // once the file is free, the kept answers apply
    const kept = (await readdir(dir)).find((name) => name.includes('.unsaved-'))!;
    expect((await adopt(['init', '--from', kept, '--yes'], { cwd: dir })).stderr).not.toMatch(/problem/);
    expect((await read()).project?.title).toBe('Volunteer rota 2027');
  });
});
