/**
 * Dates stay between 1900 and 2199: a slip of the year (9999, 0202) is said at once, in a
 * sentence, instead of leading to dates no file can hold (+010000-03) or a broken calendar.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { adopt, tempDir, withFile, contextFor } from '../helpers.js';
import { edit } from '../../src/commands/init.js';
import { ScriptedPrompter, type Choice, type Question } from '../../src/wizard/prompter.js';
import { addDays, addMonths, inDateRange } from '../../src/util/dates.js';
import { parseDate } from '../../src/util/dates.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const project = (milestone = '2027-03-01') =>
  ['version: 1', 'language: en', 'project:', '  title: Rota', 'needs:', '  objectives:', '    - { id: O1, text: One list }', '  schedule:', '    milestones:', `      - { id: M1, name: Go live, date: ${milestone} }`, ''].join('\n');
const review = (date: string) => [`date: ${date}`, 'objectives:', '  - { id: O1, status: met }', 'decision: continue', ''].join('\n');

describe('the file', () => {
  test('validate refuses a date before 1900 or after 2199, at its line, with a sentence', async () => {
    await withFile(dir, 'adopt.yaml', project('9999-12-31').replace('  title: Rota', '  title: Rota\n  created: 1899-12-31'));
    const { code, stdout } = await adopt(['validate'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('adopt.yaml:5:12 project.created: 1899-12-31 is outside the dates adopt works with, 1900 to 2199. Check the year.');
    expect(stdout).toMatch(/adopt\.yaml:11:\d+ Milestone M1 › date: 9999-12-31 is outside the dates adopt works with/);
  });

  test('calendar refuses such a file rather than write DTEND:+01000001', async () => {
    await withFile(dir, 'adopt.yaml', project('9999-12-31'));
    const { code } = await adopt(['calendar'], { cwd: dir });
    expect(code).toBe(1);
    await expect(readFile(path.join(dir, 'adopt.ics'), 'utf8')).rejects.toThrow();
  });

  test('the last day of 2199 is a date the calendar ends properly', async () => {
    await withFile(dir, 'adopt.yaml', project('2199-12-31'));
    expect((await adopt(['calendar'], { cwd: dir })).code).toBe(0);
    expect(await readFile(path.join(dir, 'adopt.ics'), 'utf8')).toContain('DTEND;VALUE=DATE:22000101');
  });
});

describe('evaluate', () => {
  test('a review file dated 9999-12-01 is refused at its line; nothing is written', async () => {
    const file = await withFile(dir, 'adopt.yaml', project());
    await withFile(dir, 'review.yaml', review('9999-12-01'));
    const { code, stderr } = await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('review.yaml:1:7');
    expect(stderr).toContain('outside the dates adopt works with');
    expect(await readFile(file, 'utf8')).toBe(project());
  });

  test('--date 9999-12-01 is refused with a sentence, exit 2', async () => {
    await withFile(dir, 'adopt.yaml', project());
    await withFile(dir, 'review.yaml', review('2027-06-01'));
    const { code, stderr } = await adopt(['evaluate', '--from', 'review.yaml', '--yes', '--date', '9999-12-01'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('"9999-12-01" is not a date adopt can work with: dates go from 1900 to 2199. Check the year.\n');
    const fr = await adopt(['evaluate', '--from', 'review.yaml', '--yes', '--date', '01/12/9999', '--lang', 'fr'], { cwd: dir });
    expect(fr.stderr).toBe('«\u00a001/12/9999\u00a0» n’est pas une date que gère adopt\u00a0: les dates vont de 1900 à 2199. Vérifiez l’année.\n');
  });

  test('a review late in 2199 sets the next evaluation within the range, and the file stays valid', async () => {
    const file = await withFile(dir, 'adopt.yaml', project());
    await withFile(dir, 'review.yaml', review('2199-11-15'));
    expect((await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir })).code).toBe(0);
    expect(parse(await readFile(file, 'utf8')).evaluation.due).toBe('2199-12-31');
    expect((await adopt(['validate'], { cwd: dir })).code).toBe(0);
  });
});

describe('the wizard', () => {
  test('a date answer in 9999 is refused with a sentence that says the range, then a good one is taken', async () => {
    await withFile(dir, 'adopt.yaml', project());
    let dates = 0;
    // Every question passed, but the first date question, answered with a slip of the year first.
    const answer = (q: Question) => {
      if (q.message.includes('DD/MM/YYYY')) return dates++ === 0 ? '31/12/9999' : '31/12/2027';
      const choices = (q as { choices?: Choice<unknown>[] }).choices;
      if (!choices) return 'Plan';
      // Every question, not only the blanks: the date asked first is the launch's.
      return choices.find((c) => c.value === 'done' || c.value === 'review')?.value ?? choices[0]!.value;
    };
    const prompter = new ScriptedPrompter(Array(40).fill(answer));
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir };
    await edit({ interactive: true, prompter, step: 'deployment' }, await contextFor(io, { lang: 'en', today: '2026-11-27' }));
    expect(prompter.refused).toEqual(['Write the date as DD/MM/YYYY (15/03/2027) or in words (15\u00a0March\u00a02027): a date that exists, between 1900 and 2199.']);
    expect(parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')).deployment.launch.date).toBe('2027-12-31');
  });
});

describe('date arithmetic', () => {
  test('always writes YYYY-MM-DD, whatever it is given', () => {
    expect(addDays('9999-12-31', 1)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(addMonths('9999-12-01', 3)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(addDays('2199-12-31', 1)).toBe('2200-01-01');
  });

  test('the range, and answers outside it', () => {
    expect(inDateRange('1900-01-01') && inDateRange('2199-12-31')).toBe(true);
    expect(inDateRange('1899-12-31') || inDateRange('2200-01-01')).toBe(false);
    expect(parseDate('31/12/9999')).toBeUndefined();
    expect(parseDate('1850-01-01')).toBeUndefined();
    expect(parseDate('15/03/2027')).toBe('2027-03-15');
  });
});
