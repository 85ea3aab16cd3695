import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { adopt, examples, tempDir, withFile, copyExample } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('adopt status --json', () => {
  test('the keys scripts rely on: steps, warnings, next, evaluation', async () => {
    await copyExample(examples.jardins, dir);
    const { code, stdout } = await adopt(['status', '--json'], { cwd: dir });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.steps.map((s: { id: string }) => s.id)).toEqual(['lead', 'key-users', 'needs', 'research', 'poc', 'deployment', 'training', 'evaluation', 'practices']);
    // deployment, training and evaluation are fully answered, their dates still ahead: planned, not done
    expect(report.steps.map((s: { state: string }) => s.state)).toEqual(['complete', 'complete', 'complete', 'complete', 'complete', 'planned', 'planned', 'planned', 'complete']);
    expect(report.steps.find((s: { id: string }) => s.id === 'evaluation')).toEqual({ id: 'evaluation', number: 8, state: 'planned', until: '2027-05-18', missing: [] });
    expect(report.progress).toEqual({ done: 5, planned: 3, todo: 0 });
    expect(report.warnings).toEqual([]);
    expect(report.next).toMatchObject({ date: expect.stringMatching(/^2026-1[12]-\d\d$/), path: expect.any(String), label: expect.any(String) });
    expect(report.evaluation).toEqual({ due: '2027-05-18', overdue: false, reviews: 0 });
  });

  test('warnings carry a stable code, a message and a path', async () => {
    await copyExample(examples.warnings, dir);
    const { code, stdout } = await adopt(['status', '--json'], { cwd: dir });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.warnings).toContainEqual({ code: 'poc-length', message: 'The proof of concept lasts 3 days: aim for one week to one month of real use.', advice: 'Change the start or end of the test with adopt edit poc.', path: 'poc' });
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'dangling-reference', path: 'poc.scores[7].by' }));
    expect(report.steps.find((s: { id: string }) => s.id === 'training')).toEqual({ id: 'training', number: 7, state: 'empty', missing: ['training.champions', 'training.formats', 'training.sessions', 'training.catchUp'] });
  });

  test('seen from later, milestones are late and the evaluation overdue', async () => {
    await copyExample(examples.foodBank, dir);
    const { stdout } = await adopt(['status', '--json'], { cwd: dir, env: { ADOPT_TODAY: '2028-01-01' } });
    const report = JSON.parse(stdout);
    expect(report.evaluation.overdue).toBe(true);
    expect(report.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['evaluation-overdue', 'milestone-late']));
    expect(report.next).toBeNull();
    // what a team's CI runs to be reminded: exit 1 once the review is overdue
    const strict = await adopt(['status', '--strict'], { cwd: dir, env: { ADOPT_TODAY: '2028-01-01' } });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/The evaluation was due on 5 July 2027 and no review has been recorded since\./);
  });
});

describe('adopt status for people', () => {
  test('a clear summary in the file\'s language, without colour when not at a terminal', async () => {
    await copyExample(examples.jardins, dir);
    const { code, stdout } = await adopt(['status'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toContain('étapes\u00a0: 5 terminées · 3 prévues');
    expect(stdout).toMatch(/✔ 1 Responsable du projet +terminée/);
    expect(stdout).toMatch(/◷ 6 Déploiement +prévue jusqu’au 28 février 2027/);
    expect(stdout).toMatch(/◷ 8 Évaluation +prévue pour le 18 mai 2027/);
    expect(stdout).toContain('Aucune alerte.');
    expect(stdout).toMatch(/Évaluation\u00a0: prévue le 18 mai 2027 \(dans 172\u00a0jours\)/);
  });

  test('--lang overrides the file; colour only when forced, never with --no-color or NO_COLOR', async () => {
    await copyExample(examples.jardins, dir);
    const english = await adopt(['status', '--lang', 'en'], { cwd: dir });
    expect(english.stdout).toContain('steps: 5 done · 3 planned');
    expect((await adopt(['status'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await adopt(['status', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await adopt(['status'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  test('a new project shows every step to do and the command that fills it', async () => {
    await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\n');
    const { code, stdout } = await adopt(['status'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Untitled project');
    expect(stdout).toMatch(/○ 4 Research +not started → adopt edit research/);
    expect(stdout).toContain('Next: nothing dated ahead.');
  });

  test('--strict exits 1 when there is a warning, 0 when there is none', async () => {
    await copyExample(examples.warnings, dir);
    const risky = await adopt(['status', '--strict'], { cwd: dir });
    expect(risky.code).toBe(1);
    expect(risky.stderr).toBe('There are warnings (--strict).\n');
    const other = await tempDir();
    try {
      await copyExample(examples.foodBank, other.dir);
      expect((await adopt(['status', '--strict'], { cwd: other.dir })).code).toBe(0);
    } finally {
      await other.cleanup();
    }
  });

  test('a file with problems: they are listed, exit 1, file unchanged', async () => {
    const file = await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\nkeyUsers:\n  - id: ana\n    profile: dialy\n');
    const before = await readFile(file, 'utf8');
    const { code, stdout, stderr } = await adopt(['status'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'adopt.yaml:5:14 Key user 1 › profile: "dialy" is not one of daily, occasional, admin, manager, volunteer, other. Did you mean "daily"?\nFix the problems above, then run adopt status again.\n',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('a deleted key user still named in scores: one warning line, not one per score', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const text = await readFile(file, 'utf8');
    const project = (await import('yaml')).parse(text) as { keyUsers: { id: string }[] };
    const gone = project.keyUsers[0]!.id;
    await (await import('node:fs/promises')).writeFile(file, text.replace(`- id: ${gone}`, '- id: someone-else'));
    const { stdout } = await adopt(['status'], { cwd: dir });
    const lines = stdout.split('\n').filter((line) => line.includes(`"${gone}"`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`"${gone}" does not match any key user's id, yet it is named in \\d+ places`));
  });

  test('a file with merge conflict markers is named as such', async () => {
    await withFile(dir, 'adopt.yaml', 'version: 1\n<<<<<<< HEAD\nlanguage: en\n=======\nlanguage: fr\n>>>>>>> theirs\n');
    const { code, stderr } = await adopt(['status'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toMatch(/^adopt\.yaml:2:1 This file has an unresolved git merge \(conflict markers from line 2\)/);
  });

  test('names the file as the user did', async () => {
    await copyExample(examples.foodBank, dir);
    const { stdout } = await adopt(['status', '-f', path.join('.', 'adopt.yaml')], { cwd: dir });
    expect(stdout.split('\n')[1]).toMatch(/^adopt\.yaml · /);
  });
});
