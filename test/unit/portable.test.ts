/**
 * What Windows needs of the repository itself, checked on Linux: the build runs from a folder
 * whose path is not a valid URL as it is (on Windows every path is one: `C:\…`), no `import()`
 * takes a bare path, and no npm script uses POSIX-only `VAR=value` syntax (npm runs scripts with
 * cmd.exe there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { root, tempDir } from '../helpers.js';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(relative));
    else if (/\.(m?js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(relative);
  }
  return out;
}

describe('paths given to import()', () => {
  // A specifier is fine when it is a string literal naming a package or a relative module, or a
  // URL made with pathToFileURL(...).href or new URL(...). Anything built from path.join,
  // path.resolve or a variable holding a path is a bare path: C:\… on Windows.
  const allowed = (argument: string) =>
    /^(['"`])(\.{1,2}\/|[@a-z])[^'"`$]*\1$/.test(argument) || /pathToFileURL\(/.test(argument) || /^new URL\(/.test(argument);

  test('every dynamic import in scripts/, bench/, src/, bin/ and test/ takes a module name or a file URL', () => {
    const offenders: string[] = [];
    for (const dir of ['scripts', 'bench', 'src', 'bin', 'test']) {
      // This file quotes import() in its own text.
      for (const file of sourceFiles(dir).filter((f) => f !== path.join('test', 'unit', 'portable.test.ts'))) {
        const text = readFileSync(path.join(root, file), 'utf8');
        // `typeof import('x')` is a type, not a call.
        for (const match of text.matchAll(/(?<!typeof )\bimport\(\s*([^)]*?)\s*\)/g)) {
          if (!allowed(match[1]!)) offenders.push(`${file}: import(${match[1]})`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the check itself catches a bare path', () => {
    expect(allowed("path.join(root, 'dist/main.js')")).toBe(false);
    expect(allowed('file')).toBe(false);
    expect(allowed('`${dir}/main.js`')).toBe(false);
    expect(allowed("pathToFileURL(path.join(root, 'dist/main.js')).href")).toBe(true);
    expect(allowed("'./cli.js'")).toBe(true);
    expect(allowed("'@inquirer/prompts'")).toBe(true);
  });
});

describe('npm scripts', () => {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  test.each(Object.keys(scripts))('"%s" sets no variable the POSIX way, which cmd.exe does not understand', (name) => {
    // NAME=value at the start of a command, or after &&, ||, ; or |.
    expect(scripts[name]).not.toMatch(/(^|&&|\|\||;|\|)\s*[A-Za-z_][A-Za-z0-9_]*=/);
  });

  test('npm test still builds, type-checks and runs jest', () => {
    expect(scripts.test).toMatch(/npm run build/);
    expect(scripts.test).toMatch(/tsc -p tsconfig\.test\.json/);
    expect(scripts.test).toMatch(/jest/);
    // Arguments after `npm test --` are appended to the script: jest must be its last command.
    expect(scripts.test).toMatch(/jest(\.js)?$/);
  });
});

describe('the build', () => {
  test('runs from a folder whose path has a space, # and %', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const checkout = path.join(dir, 'our work #1 100% done');
      await mkdir(checkout);
      for (const name of ['package.json', 'tsconfig.json', 'scripts', 'src', 'schema', 'templates']) {
        await cp(path.join(root, name), path.join(checkout, name), {
          recursive: true,
          // The generated files are what the build makes: it must make them here.
          filter: (source) => !/src[\\/]generated[\\/](validate|templates)\.js$/.test(source),
        });
      }
      await symlink(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'), 'junction');
      const result = spawnSync(process.execPath, [path.join(checkout, 'scripts', 'build.mjs')], { cwd: checkout, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(statSync(path.join(checkout, 'dist', 'main.js')).isFile()).toBe(true);
      const prepared = JSON.parse(readFileSync(path.join(checkout, 'dist', 'prepared.json'), 'utf8')) as Record<string, string>;
      expect(prepared.en).toMatch(/Usage: adopt/);
      expect(existsSync(path.join(checkout, 'dist', 'i18n', 'fr.json'))).toBe(true);
    } finally {
      await cleanup();
    }
  }, 120_000);
});

describe('line endings on a Windows clone', () => {
  test('.gitattributes stores text with LF, whatever core.autocrlf says', () => {
    expect(readFileSync(path.join(root, '.gitattributes'), 'utf8')).toMatch(/^\* text=auto eol=lf$/m);
  });

  test('every file whose bytes are the point (CR, BOM, UTF-16) is kept as committed', () => {
    const git = (args: string[], input?: string) => {
      const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
      if (result.error || result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
      return result.stdout;
    };
    const files = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
      .split('\0')
      .filter((file) => file && existsSync(path.join(root, file)) && statSync(path.join(root, file)).isFile());
    const byteExact = files.filter((file) => {
      const bytes = readFileSync(path.join(root, file));
      const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      return bom || bytes.includes(0x0d);
    });
    if (byteExact.length === 0) return;
    // git check-attr -z prints path, attribute, value, each ended by NUL.
    const fields = git(['check-attr', '-z', '--stdin', 'text'], byteExact.join('\0')).split('\0');
    const normalised: string[] = [];
    for (let i = 0; i + 2 < fields.length; i += 3) if (fields[i + 2] !== 'unset') normalised.push(fields[i]!);
    expect(normalised).toEqual([]);
  });
});

describe('the README for Windows users', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split('\n')).map((line) => line.replace(/#.*$/, '').trim());

  test('its commands run in Windows PowerShell 5.1 as in bash: no && nor ||, no VAR=value', () => {
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.filter((line) => /&&|\|\||^[A-Za-z_]\w*=/.test(line))).toEqual([]);
  });

  test('says what to do when PowerShell blocks the .ps1 shim, and points to the release checklist', () => {
    expect(readme).toMatch(/adopt\.cmd init/);
    expect(readme).toMatch(/docs\/windows\.md/);
    expect(existsSync(path.join(root, 'docs', 'windows.md'))).toBe(true);
  });
});
