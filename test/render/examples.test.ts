/** The documents committed next to each example are what adopt renders today: never stale. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { adopt, root, tempDir } from '../helpers.js';

test('the rendered documents of every example are up to date (npm run examples)', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    for (const entry of await readdir(path.join(root, 'examples'), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const folder = path.join(root, 'examples', entry.name);
      const out = path.join(dir, entry.name);
      const result = await adopt(['render', '-f', path.join(folder, 'adopt.yaml'), '--out', out], { cwd: dir, env: { ADOPT_TODAY: '2026-11-27' } });
      expect(result.code).toBe(0);
      const committed = path.join(folder, 'adopt-docs');
      const expected = (await readdir(out)).sort();
      expect([entry.name, (await readdir(committed).catch(() => [])).sort()]).toEqual([entry.name, expected]);
      for (const file of expected) {
        expect([entry.name, file, await readFile(path.join(committed, file), 'utf8')]).toEqual([entry.name, file, await readFile(path.join(out, file), 'utf8')]);
      }
    }
  } finally {
    await cleanup();
  }
});
