/**
 * `--doc` and `--format` take a comma list, or the option repeated: PowerShell's npm shim splits
 * `--doc plan,checklist` into two arguments, and `--doc plan --doc checklist` is what works there.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { adopt, copyExample, examples, tempDir } from '../helpers.js';

describe('adopt render --doc and --format', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await copyExample(examples.jardins, dir);
  });
  afterEach(() => cleanup());

  const written = async () => (await readdir(path.join(dir, 'adopt-docs'))).sort();

  test('repeated, each option adds to the list', async () => {
    const result = await adopt(['render', '--doc', 'plan', '--doc', 'checklist', '--format', 'md'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await written()).toEqual(['checklist.md', 'plan.md']);
  });

  test('repeated and comma lists mix', async () => {
    const result = await adopt(['render', '--doc', 'checklist', '--format', 'md', '--format', 'html'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await written()).toEqual(['checklist.html', 'checklist.md']);
    const again = await adopt(['render', '--doc', 'plan,checklist', '--doc=plan', '--format=md,html'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(await written()).toEqual(['checklist.html', 'checklist.md', 'plan.html', 'plan.md']);
  });

  test('an unknown document is still named, whichever form it came in', async () => {
    const result = await adopt(['render', '--lang', 'en', '--doc', 'plan', '--doc', 'poster'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/There is no document "poster"/);
  });
});
