/**
 * A refused or failed write advises only what the command offers: render chooses a folder with
 * --out, calendar a file, schema --write and the project file nothing of the kind. Links among
 * the folders the user named are refused; links above where the user stands are the user's own
 * setup and stay accepted. Each test reproduces a reported finding.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceFsCalls } from '../../src/util/atomic.js';
import { adopt, copyExample, examples, tempDir, failingOpen } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let restore: (() => void) | undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  restore?.();
  restore = undefined;
  await cleanup();
});


const review = 'date: 2026-11-20\nobjectives:\n  - { id: O1, status: met }\n  - { id: O2, status: partial }\n  - { id: O3, status: met }\n  - { id: O4, status: unmet }\ndecision: continue\n';

describe('the advice fits the command', () => {
  test('the project file on a read-only disk: no --out, which evaluate and init do not have', async () => {
    await copyExample(examples.foodBank, dir);
    await writeFile(path.join(dir, 'review.yaml'), review);
    await writeFile(path.join(dir, 'answers.yaml'), 'version: 1\nproject:\n  title: Garden\n');
    restore = replaceFsCalls({ open: failingOpen('EROFS') });
    for (const argv of [['evaluate', '--from', 'review.yaml', '--yes'], ['init', '--from', 'answers.yaml', '--yes', '-f', 'new.yaml']]) {
      const result = await adopt(argv, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/read-only disk/);
      expect(result.stderr).not.toMatch(/--out/);
    }
  });

  test('documents on a read-only disk: render chooses a folder, calendar a file', async () => {
    await copyExample(examples.foodBank, dir);
    restore = replaceFsCalls({ open: failingOpen('EROFS') });
    expect((await adopt(['render'], { cwd: dir })).stderr).toMatch(/read-only disk.*Choose another folder with --out\.\n$/);
    expect((await adopt(['calendar'], { cwd: dir })).stderr).toMatch(/read-only disk.*Choose another file with --out\.\n$/);
  });

  test('render over the project: the names are fixed, so another folder', async () => {
    await copyExample(examples.foodBank, dir);
    await writeFile(path.join(dir, 'plan.md'), await readFile(path.join(dir, 'adopt.yaml')));
    const result = await adopt(['-f', 'plan.md', 'render', '--out', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/plan\.md is the project file itself/);
    expect(result.stderr).toMatch(/Choose another folder with --out\./);
    expect(result.stderr).not.toMatch(/choose another name/i);
    const calendar = await adopt(['calendar', '--out', 'adopt.yaml'], { cwd: dir });
    expect(calendar.stderr).toMatch(/Choose another file with --out\./);
  });

  test('schema --write has neither --out nor a name to choose', async () => {
    await copyExample(examples.foodBank, dir);
    await writeFile(path.join(dir, 'adopt.schema.json'), await readFile(path.join(dir, 'adopt.yaml')));
    const over = await adopt(['-f', 'adopt.schema.json', 'schema', '--write'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/adopt\.schema\.json is the project file itself/);
    expect(over.stderr).not.toMatch(/choose another name|--out/i);

    const other = path.join(dir, 'other');
    await mkdir(other);
    await copyExample(examples.foodBank, other);
    await symlink(path.join(dir, 'victim.json'), path.join(other, 'adopt.schema.json'));
    const linked = await adopt(['-f', 'other/adopt.yaml', 'schema', '--write'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/other\/adopt\.schema\.json is a symbolic link.*Remove the link\.\n$/);
    expect(linked.stderr).not.toMatch(/--out/);
  });
});

describe('links among the folders the user named', () => {
  test('a link above the --out folder: refused, naming it, nothing written through it', async () => {
    await copyExample(examples.foodBank, dir);
    const work = path.join(dir, 'work');
    await mkdir(work);
    await copyExample(examples.foodBank, work);
    await mkdir(path.join(dir, 'else2'));
    await symlink('../else2', path.join(work, 'lk'));
    const render = await adopt(['render', '--out', 'lk/sub'], { cwd: work });
    expect(render.code).toBe(2);
    expect(render.stderr).toMatch(/^lk is a symbolic link/);
    const calendar = await adopt(['calendar', '--out', 'lk/sub/cal.ics'], { cwd: work });
    expect(calendar.code).toBe(2);
    expect(calendar.stderr).toMatch(/^lk is a symbolic link/);
    expect(await readdir(path.join(dir, 'else2'))).toEqual([]);
  });

  test('a link above the current folder or the project’s folder stays accepted', async () => {
    const real = path.join(dir, 'real');
    await mkdir(path.join(real, 'repo'), { recursive: true });
    await copyExample(examples.foodBank, path.join(real, 'repo'));
    await symlink('real', path.join(dir, 'home'));
    // A home on a symlinked mount: the current folder is reached through a link.
    const home = await adopt(['-f', 'repo/adopt.yaml', 'render', '--out', 'docs/board'], { cwd: path.join(dir, 'home') });
    expect(home.stderr).toBe('');
    expect(await readdir(path.join(real, 'docs/board'))).toContain('plan.md');
    // A repository reached through a linked folder: its default adopt-docs, and a folder in it.
    await symlink('real/repo', path.join(dir, 'repo'));
    expect((await adopt(['-f', 'repo/adopt.yaml', 'render'], { cwd: dir })).stderr).toBe('');
    expect(await readdir(path.join(real, 'repo/adopt-docs'))).toContain('plan.md');
    expect((await adopt(['-f', 'repo/adopt.yaml', 'calendar', '--out', 'repo/cal/team.ics'], { cwd: dir })).stderr).toBe('');
    expect(await readdir(path.join(real, 'repo/cal'))).toEqual(['team.ics']);
  });
});
