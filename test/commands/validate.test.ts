import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { adopt, examples, tempDir, withFile, copyExample } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/** Runs validate on a file with this content and checks the file is left exactly as it was. */
async function validateText(content: string | Uint8Array, env: NodeJS.ProcessEnv = {}) {
  const file = await withFile(dir, 'adopt.yaml', content);
  const before = await readFile(file);
  const result = await adopt(['validate'], { cwd: dir, env });
  expect(await readFile(file)).toEqual(before);
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
  return result;
}

describe('adopt validate', () => {
  test('the complete examples are valid', async () => {
    for (const example of [examples.jardins, examples.foodBank]) {
      const result = await adopt(['validate', example], { cwd: path.dirname(example) });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/valid/);
    }
  });

  test('several files at once: each problem with its file, exit 1', async () => {
    const good = await copyExample(examples.foodBank, dir);
    const bad = await withFile(dir, 'other.yaml', 'version: 1\nkeyUsers:\n  - id: ana\n    profile: dialy\n');
    const result = await adopt(['validate', path.basename(good), path.basename(bad)], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('adopt.yaml: valid.');
    expect(result.stdout).toContain('other.yaml:4:14 Key user 1 › profile: "dialy" is not one of daily, occasional, admin, manager, volunteer, other. Did you mean "daily"?');
    expect(result.stderr).toBe('1 problem in 2 files.\n');
  });

  test('wrong types, enums and ranges, each located', async () => {
    const { code, stdout } = await validateText(
      [
        'version: 1',
        'lead:',
        '  name: 42',
        '  skills:',
        '    facilitation: great',
        'needs:',
        '  budget:',
        '    currency: euros',
        '    items:',
        '      - { item: Licence, amount: -5, kind: one-off }',
        'poc:',
        '  criteria:',
        '    - { id: C1, weight: 9 }',
        '    - { id: C2, weight: 2.5 }',
        '  scores:',
        '    - { candidate: a, by: b, criterion: C1 }',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
    expect(stdout).toContain('adopt.yaml:3:9 lead.name: 42 is read as a number, not as text. Put it in quotes: "42".');
    expect(stdout).toContain('adopt.yaml:5:19 lead.skills.facilitation: "great" is not one of none, some, strong.');
    expect(stdout).toContain('adopt.yaml:8:15 needs.budget.currency: "euros" is not a currency code');
    expect(stdout).toContain('adopt.yaml:10:34 Budget line 1, Licence › amount must be at least 0, not -5.');
    expect(stdout).toContain('adopt.yaml:13:25 Criterion C1 › weight must be at most 5, not 9.');
    expect(stdout).toContain('adopt.yaml:14:25 Criterion C2 › weight must be a whole number, not 2.5.');
    expect(stdout).toContain('adopt.yaml:16:7 Score 1 is missing "score", which is required here.');
  });

  test('impossible dates, dates in the wrong form, and an end before its start', async () => {
    const { code, stdout } = await validateText('version: 1\npoc:\n  start: 2027-13-45\n  end: 15/02/2027\ndeployment:\n  phases:\n    - { id: P1, start: 2027-03-10, end: 2027-03-01 }\n');
    expect(code).toBe(1);
    expect(stdout).toContain('adopt.yaml:3:10 poc.start: 2027-13-45 is not a real date.');
    expect(stdout).toContain('adopt.yaml:4:8 poc.end: "15/02/2027" is not a date written YYYY-MM-DD');
    expect(stdout).toContain('adopt.yaml:7:41 Phase P1 › end: the end (2027-03-01) is before the start (2027-03-10).');
  });

  test('values in the user\'s own words get the format\'s word as a suggestion; duplicate scores are caught', async () => {
    const { stdout } = await validateText(
      'version: 1\nlanguage: fr\nkeyUsers:\n  - id: ana\n    profile: bénévole\npoc:\n  scores:\n    - { candidate: a, by: ana, criterion: C1, score: 3 }\n    - { candidate: a, by: ana, criterion: C1, score: 4 }\n',
    );
    expect(stdout).toContain('Vouliez-vous dire «\u00a0volunteer\u00a0»');
    expect(stdout).toMatch(/adopt\.yaml:9:7 Note n° 2\u00a0: ana a déjà noté a sur C1 ligne 8/);
  });

  test('unknown keys: a likely typo gets a suggestion; x- keys are the user\'s own', async () => {
    const { stdout } = await validateText('version: 1\nproject:\n  tilte: A\n  x-notes: fine\n  colour: blue\n');
    expect(stdout).toContain('adopt.yaml:3:3 Unknown key "tilte" in project. Did you mean "title"?');
    expect(stdout).toContain('adopt.yaml:5:3 Unknown key "colour" in project. Keys of your own must start with x- (such as x-colour).');
    expect(stdout).not.toContain('x-notes');
  });

  test('duplicate ids and dangling references, with lines', async () => {
    const { code, stdout } = await validateText(
      'version: 1\nkeyUsers:\n  - id: ana\n  - id: ana\nresearch:\n  candidates:\n    - id: a\npoc:\n  scores:\n    - { candidate: b, by: ana, criterion: C1, score: 3 }\n  decision: { chosen: zz }\ntraining:\n  champions: [ana, bob]\n',
    );
    expect(code).toBe(1);
    expect(stdout).toContain('adopt.yaml:4:9 Key user 2 › id: the id "ana" is already used at line 3');
    expect(stdout).toContain('adopt.yaml:10:20 Score 1 › candidate: "b" does not match any candidate tool\'s id.');
    expect(stdout).toContain('adopt.yaml:10:43 Score 1 › criterion: "C1" does not match any criterion\'s id.');
    expect(stdout).toContain('adopt.yaml:11:23 poc.decision.chosen: "zz" does not match any candidate tool\'s id. Use none when no tool was chosen.');
    expect(stdout).toContain('adopt.yaml:13:20 Champions item 2: "bob" does not match any key user\'s id.');
  });

  test('each unreadable input: one clear line, exit 1, file unchanged', async () => {
    const cases: [string | Uint8Array, RegExp][] = [
      ['version: 1\nproject:\n<<<<<<< HEAD\n  title: A\n=======\n  title: B\n>>>>>>> other\n', /^adopt\.yaml:3:1 This file has an unresolved git merge/],
      ['', /^adopt\.yaml: The file is empty/],
      [Uint8Array.from([0, 1, 2, 3]), /^adopt\.yaml: This is not a text file/],
      [Buffer.from([0x76, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), /^adopt\.yaml:1:4 This file is not UTF-8/],
      ['version: 1\nproject: [unclosed\n', /^adopt\.yaml:2:10 A list in \[ \] or a group in \{ \} is opened and never closed\./],
      ['version: 1\nversion: 1\n', /^adopt\.yaml:2:1 The key "version" appears twice/],
      ['version: 3\n', /^adopt\.yaml:1:1 This file uses format version 3/],
      ['version: 1\n__proto__: { polluted: true }\n', /^adopt\.yaml:2:1 Unknown key "__proto__" in the file\.$/m],
      ['version: 1\nconstructor:\n  prototype: { polluted: true }\n', /^adopt\.yaml:2:1 Unknown key "constructor"/],
      ['version: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n', /^adopt\.yaml: This file uses too many YAML aliases/],
      ['version: 1\nproject:\n\ttitle: A\n', /^adopt\.yaml:3:1 A tab is used for indentation/],
    ];
    for (const [content, expected] of cases) {
      const result = await validateText(content);
      expect([result.code, result.stdout]).toEqual([1, expect.stringMatching(expected)]);
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a missing file and a folder: exit 2 with one line', async () => {
    const missing = await adopt(['validate'], { cwd: dir });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('There is no project file at adopt.yaml. Run adopt init to start one, or name a file with --file.\n');
    const folder = await adopt(['validate', '.'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is a folder, not a project file/);
  });

  test('in French when the file or the locale says so', async () => {
    const { stdout } = await validateText('version: 1\nlanguage: fr\nkeyUsers:\n  - id: ana\n    profile: quotidien\n');
    expect(stdout).toContain('adopt.yaml:5:14 Utilisateur clef n° 1 › profile\u00a0: «\u00a0quotidien\u00a0» ne fait pas partie des valeurs possibles');
    const missing = await adopt(['validate', 'absent.yaml'], { cwd: dir, env: { LANG: 'fr_FR.UTF-8' } });
    expect(missing.stderr).toMatch(/^Aucun fichier de projet/);
  });

  test('--file and $ADOPT_FILE name the project file', async () => {
    await withFile(dir, 'projet.yaml', 'version: 1\n');
    expect((await adopt(['validate', '--file', 'projet.yaml'], { cwd: dir })).stdout).toBe('projet.yaml: valid.\n');
    expect((await adopt(['validate'], { cwd: dir, env: { ADOPT_FILE: 'projet.yaml' } })).code).toBe(0);
  });
});
