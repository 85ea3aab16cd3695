import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the installed package (where package.json, schema/ and templates/ are), found
 * from wherever this code runs: the bundle in dist/, or the sources under test.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('adopt cannot find its own package.json');
    dir = parent;
  }
  return dir;
}
