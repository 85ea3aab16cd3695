/**
 * A project file is shared through git: whatever it holds must reach a terminal as text, never
 * as a command (set the window title, paint over a warning, hide what follows).
 */
import { PassThrough, Writable } from 'node:stream';
import { adopt, tempDir, withFile, contextFor } from '../helpers.js';
import { edit } from '../../src/commands/init.js';
import { ScriptedPrompter, type Choice, type Question } from '../../src/wizard/prompter.js';
import { inquirerPrompter } from '../../src/wizard/inquirer-prompter.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { makeStyle } from '../../src/view/style.js';
import { visible, visibleKeepingStyle } from '../../src/util/visible.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/** Anything a terminal would obey: C0 but tab and newline, DEL, C1 (U+009B is CSI). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const hostile = [
  'version: 1',
  'language: en',
  'project:',
  '  title: "Rota\\e]0;owned\\a"',
  '  organisation: "Club\\x9b2J"',
  'keyUsers:',
  '  - { id: sam, name: "Sam\\e[8m hidden", role: "Desk\\r\\e[2K", profile: daily }',
  'needs:',
  '  schedule:',
  '    milestones:',
  '      - { id: M1, name: "Go live\\r\\e[2K\\e[32m  No warnings.\\e[8m", date: 2026-01-10, done: false }',
  '',
].join('\n');

describe('visible', () => {
  test('shows control characters as escapes and leaves text, tabs and newlines alone', () => {
    expect(visible('a\u001b]0;x\u0007b\r\u009b\u007f\tc\nd é')).toBe('a\\u{1b}]0;x\\u{7}b\\u{d}\\u{9b}\\u{7f}\tc\nd é');
  });

  test('keeps the styling adopt writes and nothing else', () => {
    expect(visibleKeepingStyle('\u001b[1mTitle\u001b[22m \u001b[8mhidden\u001b[2K')).toBe('\u001b[1mTitle\u001b[22m \\u{1b}[8mhidden\\u{1b}[2K');
  });
});

describe('user text at the terminal', () => {
  test('status shows control characters in the file as text, and still styles its own words', async () => {
    await withFile(dir, 'adopt.yaml', hostile);
    const plain = await adopt(['status', '--strict'], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(RAW_CONTROL);
    expect(plain.stdout).toContain('Rota\\u{1b}]0;owned\\u{7}');
    expect(plain.stdout).toContain('Club\\u{9b}2J');
    expect(plain.stdout).toContain('Go live\\u{d}\\u{1b}[2K\\u{1b}[32m  No warnings.\\u{1b}[8m');

    const coloured = await adopt(['status'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[1m');
    expect(coloured.stdout).toContain('\u001b[33m!');
    const withoutOwnStyle = coloured.stdout.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
    expect(withoutOwnStyle).not.toMatch(RAW_CONTROL);
  });

  test('status --json carries the same visible text', async () => {
    await withFile(dir, 'adopt.yaml', hostile);
    const { stdout } = await adopt(['status', '--json'], { cwd: dir });
    const late = JSON.parse(stdout).warnings.find((w: { code: string }) => w.code === 'milestone-late');
    expect(late.message).not.toMatch(RAW_CONTROL);
  });

  test('validate names a bad key or value without sending it raw', async () => {
    await withFile(dir, 'adopt.yaml', ['version: 1', 'language: en', 'project:', '  "ti\\e]0;x\\atle": Rota', 'lead:', '  skills: { facilitation: "some\\e[8m" }', ''].join('\n'));
    const { code, stdout } = await adopt(['validate'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('ti\\u{1b}]0;x\\u{7}tle');
    expect(stdout).toContain('some\\u{1b}[8m');
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  test('an error message names a file with control characters visibly', async () => {
    const { code, stderr } = await adopt(['status', '-f', 'no\u001b]0;x\u0007.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('no\\u{1b}]0;x\\u{7}.yaml');
    expect(stderr).not.toMatch(RAW_CONTROL);
  });

  test('the wizard says and asks user text visibly', async () => {
    await withFile(dir, 'adopt.yaml', hostile);
    const labels: string[] = [];
    const pick = (value: string) => (q: Question) => (labels.push(...((q as { choices?: Choice<unknown>[] }).choices ?? []).map((c) => c.label)), value);
    const prompter = new ScriptedPrompter(['review', pick('edit:0'), '', '', '', 'Planning', pick('done'), true]);
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir };
    await edit({ interactive: true, prompter, step: 'key-users' }, await contextFor(io, { lang: 'en', today: '2026-11-27' }));
    const conversation = [...prompter.said, ...prompter.asked, ...labels];
    expect(labels.join('\n')).toContain('Sam\\u{1b}[8m hidden');
    expect(prompter.said.join('\n')).toContain('Go live\\u{d}');
    for (const line of conversation) expect(line).not.toMatch(RAW_CONTROL);
  });

  test('the real prompts show a default, a label and a note visibly', async () => {
    const t = await loadTranslator('en');
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    let shown = '';
    // A terminal is never ended by a prompt that finishes: every prompt draws on the same one.
    const output = Object.assign(new Writable({ write: (chunk: Buffer, _encoding, done) => ((shown += chunk.toString('utf8')), done()) }), { end: () => output });
    const prompter = inquirerPrompter(t, await makeStyle({ env: {} }), output, { input, output });
    prompter.say('Note \u001b]0;owned\u0007');
    const answer = prompter.text({ message: 'Name \u001b[8m', default: 'Desk\r\u001b[2K' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.write('\r');
    // Enter keeps the value as it was in the file: showing it is not changing it.
    expect(await answer).toBe('Desk\r\u001b[2K'.trim());
    const choice = prompter.select({ message: 'Pick', choices: [{ value: 1, label: 'One\u009b2J', hint: 'why\u0007' }] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.write('\r');
    expect(await choice).toBe(1);
    expect(shown).toContain('Note \\u{1b}]0;owned\\u{7}');
    expect(shown).toContain('Desk\\u{d}\\u{1b}[2K');
    expect(shown).toContain('One\\u{9b}2J');
    expect(shown).not.toMatch(/\u001b\]|\u0007|\u009b|\u001b\[8m/);
  });

  test('a question too long for the terminal wraps between words, its next line starting with a word', async () => {
    const t = await loadTranslator('fr');
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    let shown = '';
    const output = Object.assign(new Writable({ write: (chunk: Buffer, _encoding, done) => ((shown += chunk.toString('utf8')), done()) }), { end: () => output, columns: 80 });
    const prompter = inquirerPrompter(t, await makeStyle({ env: {} }), output, { input, output });
    const question = 'Combien d’heures par mois les bénévoles de l’accueil passent-ils aujourd’hui à recopier les inscriptions des ateliers';
    const answer = prompter.text({ message: question });
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.write('3\r');
    expect(await answer).toBe('3');
    const lines = shown.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/);
    const at = lines.findIndex((line) => line.includes('Combien'));
    expect(lines[at]!.length).toBeLessThanOrEqual(80);
    expect(lines[at + 1]).toMatch(/^\S/);
    expect(lines.slice(at, at + 2).join(' ')).toContain('recopier les inscriptions');
  });
});
