import { readFile, readdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir, root } from '../helpers.js';
// @ts-expect-error the pack script is plain JavaScript
import * as packScript from '../../scripts/pack-manifest.mjs';

const { strip, restore } = packScript as { strip(dir: string): Promise<boolean>; restore(dir: string): Promise<boolean> };

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const original = '{\r\n    "name": "x",\r\n    "scripts": {\r\n        "prepare": "npm run build",\r\n        "build": "node b.mjs"\r\n    },\r\n    "files": ["dist"]\r\n}\r\n';
const manifest = () => readFile(path.join(dir, 'package.json'), 'utf8');

describe('the packed manifest has no prepare script, and the repository keeps it', () => {
  test('strip removes prepare only, in the file\'s own indentation and line endings; restore puts back every byte', async () => {
    await writeFile(path.join(dir, 'package.json'), original);
    expect(await strip(dir)).toBe(true);
    expect(await manifest()).toBe('{\r\n    "name": "x",\r\n    "scripts": {\r\n        "build": "node b.mjs"\r\n    },\r\n    "files": [\r\n        "dist"\r\n    ]\r\n}\r\n');
    expect(await restore(dir)).toBe(true);
    expect(await manifest()).toBe(original);
    expect(await readdir(dir)).toEqual(['package.json']);
  });

  test('a pack stopped between the two is undone by the next pack, never stripped twice', async () => {
    await writeFile(path.join(dir, 'package.json'), original);
    await strip(dir);
    // no postpack: Ctrl-C, a failed build
    await strip(dir);
    expect(JSON.parse(await readFile(path.join(dir, '.package.json.before-pack'), 'utf8')).scripts.prepare).toBe('npm run build');
    await restore(dir);
    expect(await manifest()).toBe(original);
    expect(await restore(dir)).toBe(false);
  });

  test('a package.json changed after an interrupted pack is not overwritten', async () => {
    await writeFile(path.join(dir, 'package.json'), original);
    await strip(dir);
    const edited = (await manifest()).replace('"x"', '"y"');
    await writeFile(path.join(dir, 'package.json'), edited);
    await expect(restore(dir)).rejects.toThrow(/package\.json changed after an interrupted pack: compare it with \.package\.json\.before-pack/);
    expect(await manifest()).toBe(edited);
  });

  test('the repository\'s package.json: build in prepack, restore in postpack, no dependency install script, the guides shipped', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      allowScripts: Record<string, boolean>;
      files: string[];
    };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.prepack).toBe('npm run build && node scripts/pack-manifest.mjs strip');
    expect(pkg.scripts.postpack).toBe('node scripts/pack-manifest.mjs restore');
    expect(pkg.allowScripts).toEqual({ esbuild: false, '@parcel/watcher': false });
    expect(pkg.files).toContain('docs');
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toContain('/.package.json.before-pack');
  });
});
