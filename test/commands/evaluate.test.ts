import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluate } from '../../src/commands/evaluate.js';
import { ScriptedPrompter, INTERRUPT } from '../../src/wizard/prompter.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { adopt, tempDir, examples, copyExample, contextFor, quietTerminal } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const io = (): Io => quietTerminal(dir);
const asking = (prompter: ScriptedPrompter) => ({ interactive: true, prompter });
const context = (extra: { today?: string } = {}) => contextFor(io(), { today: '2027-05-20', ...extra });
const read = async () => parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;

describe('adopt evaluate, scripted', () => {
  test('a review in French: objectives, effects, the usability questionnaire, the decision; appended, nothing else touched', async () => {
    const file = await copyExample(examples.jardins, dir);
    const before = await readFile(file, 'utf8');
    const objectives = (parse(before) as Project).needs!.objectives!;
    const prompter = new ScriptedPrompter([
      ...objectives.flatMap((o, i) => [i === 0 ? 'met' : 'partial', i === 0 ? '212 adhésions sur 212 saisies' : '']),
      'Les bénévoles du samedi se forment entre eux', 'positive', false,
      'Deux administrateurs refusent encore l\'outil', 'negative', true,
      '', // no more effects
      true, // the usability questionnaire
      4, 2, 4, 1, 4, 2, 5, 1, 4, 2, // one respondent: 82.5
      false, // nobody else
      'Camille, Karim', 'Oui, le test avait bien montré les limites de Cotiz', 'adjust',
      'Les administrateurs ne s\'en servent pas encore', // why
      '', // an adjustment needs a change: refused
      'Former les administrateurs', '', '15/07/2027', // what, who (Enter: the lead), by when
      'Un guide <b>d\'une page</b>', 'Karim', '', // the second has no date
      '', // no more changes
      'Rien d\'autre',
      '', // next review: the proposal, three months later
    ]);
    await evaluate(asking(prompter), await context());
    expect(prompter.remaining).toBe(0);
    expect(prompter.said).toContain('Score d’utilisabilité\u00a0: 82,5 sur 100.');
    const after = await readFile(file, 'utf8');
    // every line that was there is still there, in the same order, byte for byte
    const lines = after.split('\n');
    let at = 0;
    for (const line of before.split('\n')) {
      const found = lines.indexOf(line, at);
      if (line.trim() && !line.startsWith('  due:') && !/reviews: \[\]/.test(line)) expect([line, found >= at]).toEqual([line, true]);
      if (found >= at) at = found + 1;
    }
    const project = parse(after) as Project;
    const review = project.evaluation!.reviews!.at(-1)!;
    expect(review).toMatchObject({
      date: '2027-05-20',
      by: ['Camille', 'Karim'],
      usability: [82.5],
      decision: 'adjust',
      rationale: 'Les administrateurs ne s\'en servent pas encore',
      actions: [
        { what: 'Former les administrateurs', who: 'Camille Martin', by: '2027-07-15' },
        { what: 'Un guide <b>d\'une page</b>', who: 'Karim' },
      ],
      notes: 'Rien d\'autre',
      effects: [
        { text: 'Les bénévoles du samedi se forment entre eux', kind: 'positive', anticipated: false },
        { text: 'Deux administrateurs refusent encore l\'outil', kind: 'negative', anticipated: true },
      ],
    });
    expect(review.objectives![0]).toEqual({ id: objectives[0]!.id, status: 'met', evidence: '212 adhésions sur 212 saisies' });
    expect(project.evaluation!.due).toBe('2027-08-20');
    expect(prompter.refused).toEqual(['Un ajustement demande au moins un changement\u00a0: que ferez-vous autrement\u00a0?']);
    // an "adjust" goes to the decision log too, with the reason given for it (not the hindsight)
    expect(project.practices!.decisions!.at(-1)).toEqual({ date: '2027-05-20', decision: 'Ajuster l’outil et son usage après le bilan', rationale: 'Les administrateurs ne s\'en servent pas encore', by: 'Camille, Karim' });
    // the file is still valid, and adopt render now writes the evaluation report
    expect((await adopt(['validate'], { cwd: dir })).code).toBe(0);
    expect((await adopt(['render', '--doc', 'evaluation', '--format', 'md'], { cwd: dir })).code).toBe(0);
    const report = await readFile(path.join(dir, 'adopt-docs', 'evaluation.md'), 'utf8');
    expect(report).toContain('212 adhésions sur 212 saisies');
    expect(report).toContain('| Former les administrateurs | Camille Martin | 15 juillet 2027 |');
    // the calendar has the dated change, the undated one has no day to be on
    expect((await adopt(['calendar'], { cwd: dir })).code).toBe(0);
    const ics = (await readFile(path.join(dir, 'adopt.ics'), 'utf8')).replace(/\r\n /g, '');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270715');
    expect(ics).toMatch(/SUMMARY:[^\r\n]*À faire après le bilan\u00a0: Former les administrateurs/);
    expect(ics).not.toContain('une page');
  });

  test('Ctrl-C at any question leaves the file as it was', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    await expect(evaluate(asking(new ScriptedPrompter(['met', 'All shifts filled', INTERRUPT])), await context())).rejects.toMatchObject({ exitCode: 130 });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('a second review the same day is refused; the next one proposes the previous answers and keeps the first byte for byte', async () => {
    const file = await copyExample(examples.foodBank, dir);
    // a key of the team's own and a comment, which every write must keep
    await writeFile(file, (await readFile(file, 'utf8')).replace('evaluation:', '# our reviews\nevaluation:\n  x-chair: Sam'));
    const objectives = (await read()).needs!.objectives!;
    const answers = [...objectives.flatMap(() => ['partial', '']), '', false, '', '', 'continue', '', '', '']; // a "continue" may go without its reason
    await evaluate(asking(new ScriptedPrompter(answers)), await context());
    await expect(evaluate(asking(new ScriptedPrompter(answers)), await context())).rejects.toThrow(/already recorded/);
    const afterFirst = await readFile(file, 'utf8');
    const later = new ScriptedPrompter([...objectives.flatMap(() => ['', '']), '', false, '', '', 'continue', '', '', '']);
    await evaluate(asking(later), await context({ today: '2027-08-20' }));
    const reviews = (await read()).evaluation!.reviews!;
    expect(reviews.map((r) => r.date)).toEqual(['2027-05-20', '2027-08-20']);
    // Enter kept the previous status for every objective
    expect(reviews[1]!.objectives!.map((o) => o.status)).toEqual(objectives.map(() => 'partial'));
    // the first review, the comment and the team's own key are still there, byte for byte
    const afterSecond = await readFile(file, 'utf8');
    const start = afterFirst.indexOf('- date: 2027-05-20');
    const firstReview = afterFirst.slice(start, afterFirst.indexOf('decision: continue', start) + 'decision: continue'.length);
    expect(afterSecond).toContain(firstReview);
    expect(afterSecond.indexOf(firstReview)).toBeLessThan(afterSecond.indexOf('- date: 2027-08-20'));
    expect(afterSecond).toContain('# our reviews\nevaluation:\n  x-chair: Sam');
  });
});

describe('adopt evaluate --from review.yaml --yes', () => {
  test('records the review, logs a stop, exit 0', async () => {
    await copyExample(examples.foodBank, dir);
    const objectives = (await read()).needs!.objectives!;
    const review = ['# our meeting of July', 'by: [Sam, Ade]', 'objectives:', ...objectives.map((o) => `  - { id: ${o.id}, status: unmet }`), 'decision: stop', 'hindsight: We chose too fast', 'rationale: Nobody uses it on Saturdays', 'actions:', '  - { what: Export the rota, who: Sam, by: 2027-07-31 }', ''].join('\n');
    await writeFile(path.join(dir, 'review.yaml'), review);
    const result = await adopt(['evaluate', '--from', 'review.yaml', '--yes', '--date', '06/07/2027'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const project = await read();
    expect(project.evaluation!.reviews!.at(-1)).toMatchObject({ date: '2027-07-06', decision: 'stop', by: ['Sam', 'Ade'] });
    // the reason of the decision goes to the log, not the hindsight on the original choice
    expect(project.practices!.decisions!.at(-1)).toMatchObject({ decision: 'Stop using the tool after the review', rationale: 'Nobody uses it on Saturdays' });
    expect(project.evaluation!.reviews!.at(-1)!.actions).toEqual([{ what: 'Export the rota', who: 'Sam', by: '2027-07-31' }]);
    expect(project.evaluation!.due).toBe('2027-10-06');
  });

  test('what a review needs is listed, nothing is written, exit 1; problems point at the review file\'s lines', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    await writeFile(path.join(dir, 'review.yaml'), 'objectives:\n  - { id: O1, status: met }\n  - { id: O99, status: met }\n');
    const missing = await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('review.yaml is missing what a review needs:');
    expect(missing.stdout).toContain('  decision\n');
    expect(missing.stdout).toContain('objective O99 is not one of the project\'s objectives');
    await writeFile(path.join(dir, 'review.yaml'), 'decision: maybe\nobjectives: []\n');
    const wrong = await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^review\.yaml:1:11 Review 1, 2026-11-27 › decision: "maybe" is not one of continue, adjust, stop\./);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('without a terminal and without --yes: exit 2 at once', async () => {
    await copyExample(examples.foodBank, dir);
    const result = await adopt(['evaluate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal/);
  });
});
