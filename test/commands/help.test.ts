import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { adopt, tempDir, withFile, root } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const guide = (...parts: string[]) => readFile(path.join(root, 'docs', ...parts), 'utf8');

describe('adopt help format|warnings: the guides, offline, in the user\'s language', () => {
  test.each([
    ['format', 'file-format.md'],
    ['warnings', 'warnings.md'],
  ])('help %s prints the English or the French guide as shipped', async (topic, file) => {
    const en = await adopt(['help', topic, '--lang', 'en'], { cwd: dir });
    expect(en).toMatchObject({ code: 0, stderr: '', stdout: await guide(file) });
    const fr = await adopt(['help', topic, '--lang', 'fr'], { cwd: dir });
    expect(fr).toMatchObject({ code: 0, stderr: '', stdout: await guide('fr', file) });
    expect(fr.stdout).not.toBe(en.stdout);
  });

  test('without --lang, the project\'s language, then the locale', async () => {
    await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: fr\n');
    expect((await adopt(['help', 'warnings'], { cwd: dir, env: { LANG: 'C' } })).stdout).toMatch(/^# Les alertes\n/);
    const elsewhere = path.join(dir, 'no-project');
    await mkdir(elsewhere);
    expect((await adopt(['help', 'warnings'], { cwd: elsewhere, env: { LANG: 'fr_FR.UTF-8' } })).stdout).toMatch(/^# Les alertes\n/);
    expect((await adopt(['help', 'warnings'], { cwd: elsewhere, env: { LANG: 'C' } })).stdout).toMatch(/^# Warnings\n/);
  });

  test('plain help: the commands, and where the guides are', async () => {
    const result = await adopt(['help'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Commands:');
    expect(result.stdout).toContain('Guides: adopt help format (the project file), adopt help warnings.');
    expect((await adopt(['help', '--lang', 'fr'], { cwd: dir })).stdout).toContain('Guides\u00a0: adopt help format (le fichier de projet), adopt help warnings (les alertes).');
  });

  test('help <command> is still the command\'s help', async () => {
    const result = await adopt(['help', 'schema'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('--write');
  });

  test('an unknown topic is a usage error that names the topics, or the likely one', async () => {
    const unknown = await adopt(['help', 'budget'], { cwd: dir });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('There is no help on "budget". Try adopt help format (the project file), adopt help warnings, or adopt help followed by a command.\n');
    const typo = await adopt(['help', 'warning', '--lang', 'fr'], { cwd: dir });
    expect(typo).toMatchObject({ code: 2, stderr: 'Il n’y a pas d’aide sur «\u00a0warning\u00a0». Vouliez-vous dire adopt help warnings\u00a0?\n' });
  });
});

describe('the French guides follow the English ones', () => {
  /** The first cell of every table row: the keys and codes a guide documents. */
  const documented = (text: string) =>
    text
      .split('\n')
      .map((line) => /^\s*\| (`[^|]+`) \|/.exec(line)?.[1])
      .filter((cell): cell is string => cell !== undefined);
  const headings = (text: string) => text.split('\n').filter((line) => /^#{2,3} /.test(line)).length;

  test.each(['file-format.md', 'warnings.md'])('%s: the same keys and codes, the same sections', async (file) => {
    const [en, fr] = [await guide(file), await guide('fr', file)];
    expect(documented(fr)).toEqual(documented(en));
    expect(documented(en).length).toBeGreaterThan(5);
    expect(headings(fr)).toBe(headings(en));
  });
});
