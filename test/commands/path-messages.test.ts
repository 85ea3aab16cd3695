/**
 * Paths and odd arguments said plainly: an absolute path as typed, a folder that takes no files,
 * an empty -f, the root folder, a file given as the templates folder, a template helper given
 * nothing. Each test reproduces a reported finding.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { adopt, copyExample, examples, tempDir } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

test('a path outside the current folder is shown absolute, as typed', async () => {
  const work = path.join(dir, 'a', 'b');
  await mkdir(work, { recursive: true });
  await copyExample(examples.foodBank, work);
  const target = path.join(dir, 'out', 'team.ics');
  const result = await adopt(['calendar', '--out', target], { cwd: work });
  expect(result.stdout).toMatch(new RegExp(`^Wrote ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
});

(process.platform === 'linux' ? test : test.skip)('a folder that takes no new files is not called missing', async () => {
  await copyExample(examples.foodBank, dir);
  const result = await adopt(['calendar', '--out', '/proc/x.ics'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^adopt cannot create \/proc\/x\.ics: its folder does not accept new files\. Choose another file with --out\.\n$/);
});

test('an empty -f is a usage error', async () => {
  await copyExample(examples.foodBank, dir);
  for (const argv of [['-f', '', 'validate'], ['--file=', 'status']]) {
    const result = await adopt(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('-f needs a file name, such as -f adopt.yaml.\n');
  }
});

test('validate / names the file in it without a doubled slash', async () => {
  const result = await adopt(['validate', '/'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(/\/\//);
  expect(result.stderr).toMatch(/^\/ is a folder, not a project file\./);
});

test('--templates naming a file: said to be a file, not a missing folder', async () => {
  await copyExample(examples.foodBank, dir);
  await writeFile(path.join(dir, 'ans.yaml'), 'a: 1\n');
  const result = await adopt(['render', '--templates', 'ans.yaml'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('ans.yaml is a file, not a folder: --templates names the folder that holds your templates.\n');
});

test('a template helper given nothing: the helper and the template named, no JavaScript', async () => {
  await copyExample(examples.foodBank, dir);
  await mkdir(path.join(dir, 'mine'));
  await writeFile(path.join(dir, 'mine', 'plan.md.hbs'), '# Plan\n\n{{count}}\n');
  const result = await adopt(['render', '--templates', 'mine'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('The template mine/plan.md.hbs uses the helper count without the values it needs, while writing plan.md: write it as {{count "noun" n}}. Fix it, or remove the file to use the built-in template.\n');
});
