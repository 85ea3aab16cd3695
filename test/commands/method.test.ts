/**
 * The method as the wizard applies it: a simple tool deployed by its launch alone, a session's
 * format among the step's formats, step 5's choice in the decision log once, and a review's
 * reason and actions in the file, the schema and the documents.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { edit } from '../../src/commands/init.js';
import { evaluate } from '../../src/commands/evaluate.js';
import { ScriptedPrompter, INTERRUPT, type ScriptedAnswer } from '../../src/wizard/prompter.js';
import type { Question } from '../../src/wizard/prompter.js';
import { progress } from '../../src/progress/completeness.js';
import { countBlanks } from '../../src/wizard/engine.js';
import { deployment } from '../../src/steps/deployment.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { adopt, tempDir, TODAY, examples, copyExample, contextFor, quietTerminal } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const io = (): Io => quietTerminal(dir);
const asking = (prompter: ScriptedPrompter) => ({ interactive: true, prompter });
const context = async () => contextFor(io(), { today: TODAY });
const file = () => path.join(dir, 'adopt.yaml');
const read = async () => parse(await readFile(file(), 'utf8')) as Project;
const deploymentOf = (project: Project) => progress(project, TODAY).find((s) => s.id === 'deployment')!;

const launched: NonNullable<Project['deployment']> = {
  procedures: 'Shared folder',
  launch: { format: 'Launch breakfast', date: '2027-03-01' },
  infoPoints: { frequency: 'monthly', channel: 'Team meeting' },
};

describe('phases only when they help', () => {
  test('a launch alone completes step 6; phases are needed only where the file says the rollout is phased', () => {
    expect(deploymentOf({ version: 1, deployment: { ...launched, phased: false } }).missing).toEqual([]);
    expect(deploymentOf({ version: 1, deployment: { ...launched, phased: true } }).missing.map((m) => m.path)).toEqual(['deployment.phases']);
    // without `phased`, phases or none: the phases, when there are any, say it
    expect(deploymentOf({ version: 1, deployment: { ...launched, phases: [{ id: 'P1', name: 'Office', start: '2027-03-01', end: '2027-03-31' }] } }).missing).toEqual([]);
    expect(deploymentOf({ version: 1, deployment: launched }).missing).toEqual([]);
  });

  test('adopt edit deployment: no phase entered, the step is done, the plan says the launch is the rollout', async () => {
    await writeFile(file(), stringify({ version: 1, language: 'en', project: { title: 'Rota' }, deployment: launched }));
    const prompter = new ScriptedPrompter(['review', '', '', '', '', '', '']);
    await edit({ ...asking(prompter), step: 'deployment' }, await context());
    expect(prompter.remaining).toBe(0);
    // the phases themselves are asked, no yes-or-no before them
    expect(prompter.asked.filter((q) => /phase/i.test(q))).toEqual(['Phases, if any (0): what would you like to do?']);
    const project = await read();
    expect(project.deployment!.phased).toBe(false);
    expect(project.deployment!.phases).toBeUndefined();
    expect(deploymentOf(project).state).toBe('planned'); // done once the launch day has come
    expect((await adopt(['render', '--doc', 'plan', '--format', 'md,html'], { cwd: dir })).code).toBe(0);
    for (const name of ['plan.md', 'plan.html']) expect(await readFile(path.join(dir, 'adopt-docs', name), 'utf8')).toContain('No phases: the launch rolls the tool out to everyone at once.');
    expect((await adopt(['status', '--json'], { cwd: dir, env: { ADOPT_TODAY: '2027-03-02' } })).stdout).not.toContain('deployment.phase');
  });

  test('phases entered say the rollout is phased', async () => {
    await writeFile(file(), stringify({ version: 1, language: 'en', deployment: { ...launched, phased: false } }));
    const prompter = new ScriptedPrompter(['', '', '', 'add', 'Office', '2027-03-01', '2027-03-31', '', 'done', '', '']);
    await edit({ ...asking(prompter), step: 'deployment' }, await context());
    expect(prompter.remaining).toBe(0);
    expect((await read()).deployment).toMatchObject({ phased: true, phases: [{ id: 'P1', name: 'Office', start: '2027-03-01', end: '2027-03-31' }] });
  });

  test('every phase removed says the launch is the rollout; phases passed are not asked again', async () => {
    await writeFile(file(), stringify({ version: 1, language: 'en', deployment: { ...launched, phased: true, phases: [{ id: 'P1', name: 'Office', start: '2027-03-01', end: '2027-03-31' }] } }));
    const prompter = new ScriptedPrompter(['review', '', '', '', 'remove:0', true, 'done', true, '', '']);
    await edit({ ...asking(prompter), step: 'deployment' }, await context());
    expect(prompter.remaining).toBe(0);
    const project = await read();
    expect(project.deployment!.phased).toBe(false);
    expect(project.deployment!.phases).toBeUndefined();
    // nothing left blank: the phases passed are an answer, not a blank
    expect(countBlanks(deployment, project, TODAY)).toBe(0);
    expect(countBlanks(deployment, { ...project, deployment: { ...launched } }, TODAY)).toBe(1);
  });
});

describe("a training session's format", () => {
  test('is offered among the formats chosen for the step, not all five', async () => {
    await copyExample(examples.jardins, dir);
    let offered: unknown[] = [];
    const format: ScriptedAnswer = (q: Question) => {
      offered = (q as Question & { choices: { value: unknown }[] }).choices.map((c) => c.value);
      return 'guide';
    };
    const prompter = new ScriptedPrompter(['', '', 'add', 'Les cotisations : 20/01/2027', 'Bureau', format, 'done', 'done']);
    await edit({ ...asking(prompter), step: 'training' }, await context());
    expect(prompter.remaining).toBe(0);
    expect(offered).toEqual(['in-person', 'webinar', 'guide']);
    expect((await read()).training!.sessions!.at(-1)).toEqual({ date: '2027-01-20', topic: 'Les cotisations', audience: 'Bureau', format: 'guide' });
  });
});

describe("step 5's decision in the decision log", () => {
  test('logged with the chosen tool and its score, once however often the step is edited; a new choice is logged too', async () => {
    await copyExample(examples.jardins, dir);
    const text = await readFile(file(), 'utf8');
    // without the entry the team wrote for it, the choice is not in the log yet
    await writeFile(file(), text.replace(/^ {4}- \{ date: 2026-11-20, decision: "Outil retenu.*\n/m, ''));
    const before = (await read()).practices!.decisions!.length;
    const everyDefault = () => new ScriptedPrompter(Array<ScriptedAnswer>(80).fill(''));
    await edit({ ...asking(everyDefault()), step: 'poc' }, await context());
    let log = (await read()).practices!.decisions!;
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toEqual({
      date: '2026-11-20',
      decision: expect.stringMatching(/^Outil retenu après le test\u00a0: Adhésio \(moyenne de \d,\d\d sur 5\)$/),
      rationale: expect.stringMatching(/^Meilleure note pondérée/),
      by: 'Camille Martin',
    });
    await edit({ ...asking(everyDefault()), step: 'poc' }, await context());
    expect((await read()).practices!.decisions).toHaveLength(before + 1);

    // choosing the other tool is a new decision
    const other = (await read()).research!.candidates!.find((c) => c.shortlisted && c.id !== 'adhesio')!;
    const choose: ScriptedAnswer = (q: Question) => ((q as Question & { choices?: { value: string }[] }).choices?.some((c) => c.value === other.id) ? other.id : '');
    await edit({ ...asking(new ScriptedPrompter(Array<ScriptedAnswer>(80).fill(choose))), step: 'poc' }, await context());
    log = (await read()).practices!.decisions!;
    expect(log).toHaveLength(before + 2);
    expect(log.at(-1)!.decision).toContain(other.name);
  });

  test('the example whose log already holds the choice gets no second entry', async () => {
    await copyExample(examples.jardins, dir);
    const before = (await read()).practices!.decisions!;
    await edit({ ...asking(new ScriptedPrompter(Array<ScriptedAnswer>(80).fill(''))), step: 'poc' }, await context());
    expect((await read()).practices!.decisions).toEqual(before);
  });
});

describe("a review's reason and actions", () => {
  const withReview = async (review: Record<string, unknown>) => {
    await copyExample(examples.foodBank, dir);
    const project = await read();
    project.evaluation = { ...project.evaluation, reviews: [{ date: '2027-06-01', objectives: [], decision: 'adjust', ...review } as never] };
    await writeFile(file(), stringify(project));
  };

  test('the schema takes them, and refuses an action without "what" or with a "by" that is not a date', async () => {
    await withReview({ rationale: 'Drivers never log in', actions: [{ what: 'Phone numbers on the rota', who: 'Sam', by: '2027-07-01' }, { what: 'Ask the drivers' }] });
    expect((await adopt(['validate'], { cwd: dir })).code).toBe(0);
    await withReview({ actions: [{ who: 'Sam', by: 'soon' }] });
    const result = await adopt(['validate'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/adopt\.yaml:\d+:\d+ .*what/);
    expect(result.stdout + result.stderr).toMatch(/adopt\.yaml:\d+:\d+ .*soon|adopt\.yaml:\d+:\d+ .*date/i);
  });

  test('the evaluation report shows them, escaped in HTML; the checklist asks why on paper', async () => {
    await withReview({ rationale: 'Drivers <script>alert(1)</script> never log in', actions: [{ what: 'A <b>one-page</b> guide', who: 'Sam & Ade', by: '2027-07-01' }] });
    expect((await adopt(['render', '--doc', 'evaluation,checklist', '--format', 'md,html'], { cwd: dir })).code).toBe(0);
    const html = await readFile(path.join(dir, 'adopt-docs', 'evaluation.html'), 'utf8');
    expect(html).toContain('<dt>Why</dt><dd>Drivers &lt;script&gt;alert(1)&lt;/script&gt; never log in</dd>');
    expect(html).toContain('<h3>What changes</h3>');
    expect(html).toContain('<tr><td>A &lt;b&gt;one-page&lt;/b&gt; guide</td><td>Sam &amp; Ade</td><td>1 July 2027</td></tr>');
    expect(html).not.toContain('<script>alert');
    const md = await readFile(path.join(dir, 'adopt-docs', 'evaluation.md'), 'utf8');
    expect(md).toContain('- **Why:** Drivers');
    expect(md).toMatch(/\| A .*one-page.* guide \| Sam & Ade \| 1 July 2027 \|/);
    expect(md).not.toContain('<b>');
    expect(await readFile(path.join(dir, 'adopt-docs', 'checklist.md'), 'utf8')).toContain('**Why we decide this:**');
  });
});

describe('an action stopped halfway', () => {
  test('Ctrl-C after its "what" keeps it in the journal; the next run asks only who and by when', async () => {
    await copyExample(examples.foodBank, dir);
    const before = await readFile(file(), 'utf8');
    const objectives = (await read()).needs!.objectives!;
    const upToDecision = [...objectives.flatMap(() => ['partial', '']), '', false, '', '', 'adjust', 'Drivers never log in'];
    const review = async (answers: ScriptedAnswer[]) => evaluate(asking(new ScriptedPrompter(answers)), { ...(await context()), today: '2027-05-20' });
    await expect(review([...upToDecision, 'Phone numbers on the rota', INTERRUPT])).rejects.toMatchObject({ exitCode: 130 });
    expect(await readFile(file(), 'utf8')).toBe(before);
    const second = new ScriptedPrompter([true, 'Sam', '01/07/2027', '', '', '']);
    await evaluate(asking(second), { ...(await context()), today: '2027-05-20' });
    expect(second.remaining).toBe(0);
    expect(second.asked.slice(1, 3)).toEqual(['Who does it?', 'By when? (DD/MM/YYYY)']);
    const saved = (await read()).evaluation!.reviews!.at(-1)!;
    expect(saved).toMatchObject({ decision: 'adjust', rationale: 'Drivers never log in', actions: [{ what: 'Phone numbers on the rota', who: 'Sam', by: '2027-07-01' }] });
  });
});
