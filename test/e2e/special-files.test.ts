/** The built command, spawned for real, next to files that are not plain files. */
import { spawnSync, execFileSync } from 'node:child_process';
import path from 'node:path';
import { root, tempDir, withFile, TODAY } from '../helpers.js';

const bin = path.join(root, 'bin/adopt.js');

test('a pipe named adopt.yaml never makes a command hang', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    execFileSync('mkfifo', [path.join(dir, 'adopt.yaml')]);
    await withFile(dir, 'other.yaml', 'version: 1\nlanguage: en\n');
    for (const args of [['--help'], ['schema'], ['validate', 'other.yaml'], ['status']]) {
      const result = spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        env: { PATH: process.env.PATH, ADOPT_TODAY: TODAY, LANG: 'C' },
        encoding: 'utf8',
        input: '',
        timeout: 15000,
      });
      expect({ args, signal: result.signal }).toEqual({ args, signal: null });
      expect(result.stderr).not.toMatch(/inside adopt/);
    }
    const status = spawnSync(process.execPath, [bin, 'status'], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' }, encoding: 'utf8', timeout: 15000 });
    expect(status.status).toBe(2);
    expect(status.stderr).toMatch(/not a regular file/);
  } finally {
    await cleanup();
  }
});
