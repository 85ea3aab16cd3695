/** The built command, spawned for real, as a user's shell runs it. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { root, examples, tempDir, withFile, TODAY } from '../helpers.js';

const bin = path.join(root, 'bin/adopt.js');

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ADOPT_TODAY: TODAY, LANG: 'C', ...options.env },
    encoding: 'utf8',
    input: '',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the adopt command', () => {
  test('--help lists the commands and the global options, in English or French', () => {
    const en = cli(['--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Usage: adopt/);
    for (const word of ['status', 'validate', 'schema', '--file', '--lang', '--no-color', 'Exit codes']) expect(en.stdout).toContain(word);
    const fr = cli(['--help'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.stdout).toMatch(/^Utilisation\u00a0: adopt/);
    expect(fr.stdout).toContain('Commandes\u00a0:');
    expect(cli(['status', '--help', '--lang', 'fr']).stdout).toContain('--strict');
  });

  test('the help and version prepared at build time are exactly what the parser prints', () => {
    for (const [lang, locale] of [['en', 'C'], ['fr', 'fr_FR.UTF-8']]) {
      const prepared = cli(['--help'], { env: { LANG: locale } });
      const live = cli(['--help', '--lang', lang!], { env: { LANG: locale } });
      expect(prepared).toEqual(live);
    }
    expect(cli(['-V'])).toEqual(cli(['--version', '--lang', 'en']));
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('adopt help and adopt help <command>: the help, exit 0', () => {
    expect(cli(['help'])).toMatchObject({ code: 0, stderr: '' });
    expect(cli(['help', 'status'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--strict') });
    // global options are listed in every command's help, placeholders in the user's language
    expect(cli(['help', 'status']).stdout).toContain('--file <path>');
    expect(cli(['help', 'status', '--lang', 'fr']).stdout).toContain('--file <chemin>');
  });

  test('a reader that stops early (| head) is not an error', () => {
    const result = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} schema | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('0');
  });

  test('no command: the help, on stderr, exit 2', () => {
    const bare = cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^Usage: adopt \[options\] \[command\]/);
    expect(cli([], { env: { LANG: 'fr_FR.UTF-8' } }).stderr).toMatch(/^Utilisation\u00a0: adopt \[options\] \[commande\]/);
  });

  test('usage errors: one line, exit 2, a suggestion for a typo', () => {
    expect(cli(['stauts'])).toEqual({ code: 2, stdout: '', stderr: 'Unknown command "stauts". Did you mean adopt status?\n' });
    expect(cli(['-f'])).toEqual({ code: 2, stdout: '', stderr: 'Missing value for --file.\n' });
    expect(cli(['schema', 'extra', '--lang', 'fr'])).toEqual({ code: 2, stdout: '', stderr: 'Trop d’arguments pour cette commande. Lancez adopt help <commande> pour voir ce qu’elle attend.\n' });
    expect(cli(['status', '--lang', 'xx', '--lang', 'fr']).stderr).toBe('Langue inconnue «\u00a0xx\u00a0»\u00a0: choisissez fr ou en.\n');
    expect(cli(['status', '--jsno'])).toEqual({ code: 2, stdout: '', stderr: 'Unknown option --jsno. Run adopt --help to see the options.\n' });
    expect(cli(['status', '--lang', 'de'])).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('Unknown language "de": use fr or en.') });
    expect(cli(['status', '--lang', 'de']).stderr.trim().split('\n')).toHaveLength(1);
  });

  test('status --json on an example, complete output through a pipe', () => {
    const { code, stdout, stderr } = cli(['status', '--json', '-f', examples.foodBank]);
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout);
    expect(report.steps).toHaveLength(9);
    expect(report.warnings).toEqual([]);
  });

  test('validate: exit 0, 1 or 2, never a stack trace', async () => {
    expect(cli(['validate', examples.jardins, examples.foodBank]).code).toBe(0);
    const warnings = cli(['validate', examples.warnings]);
    expect(warnings.code).toBe(1);
    expect(warnings.stdout).toMatch(/adopt\.yaml:\d+:\d+ Score \d+ › by: "coach" does not match any key user/);
    const { dir, cleanup } = await tempDir();
    try {
      await withFile(dir, 'adopt.yaml', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]));
      const binary = cli(['validate'], { cwd: dir });
      expect(binary).toEqual({ code: 1, stdout: 'adopt.yaml: This is not a text file (it contains binary data). Is it the right file?\n', stderr: '1 problem in 1 file.\n' });
      const missing = cli(['status', '-f', 'nowhere/adopt.yaml'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).not.toMatch(/\bat\b.*\.js:\d+/);
    } finally {
      await cleanup();
    }
  });

  test('schema prints the JSON Schema as shipped', async () => {
    const { code, stdout } = cli(['schema']);
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(path.join(root, 'schema/adopt.schema.json'), 'utf8'));
    expect(JSON.parse(stdout).title).toBe('Project');
  });

  test('each command loads only what it needs (recorded by a module loader hook)', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const log = path.join(dir, 'loaded.txt');
      const hooks = path.join(dir, 'hooks.mjs');
      await writeFile(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
      const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
      const loaded = (args: string[]) => {
        const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, ...args], { encoding: 'utf8', env: { ...process.env, ADOPT_TODAY: TODAY } });
        expect(run.stderr).not.toMatch(/Error/);
        const urls = readFileSync(log, 'utf8').trim().split('\n');
        rmSync(log);
        // chunk names without their content hash: main.js, cli.js, status.js, en.js...
        return urls.filter((url) => url.includes('/dist/')).map((url) => path.basename(url).replace(/-[A-Z0-9]{8}\.js$/, '.js'));
      };
      const help = loaded(['--help']);
      expect(help).toContain('main.js');
      // prepared at build time: no command parser, no catalogue, no command
      expect(help.filter((f) => /^(cli|en|fr|status|validate|init)\.js$/.test(f))).toEqual([]);
      const status = loaded(['status', '-f', examples.jardins]);
      expect(status).toEqual(expect.arrayContaining(['main.js', 'cli.js', 'status.js']));
      // no wizard, no prompt library, no templates; the catalogue is read as JSON, not as a module
      expect(status.filter((f) => /^(init|inquirer-prompter|render|en|fr)\.js$/.test(f))).toEqual([]);
      // the yaml Document is loaded only when a problem must be located
      const extra = loaded(['validate', examples.warnings]).filter((f) => !status.includes(f) && f !== 'validate.js' && f !== 'en.js');
      expect(extra.length).toBeGreaterThan(0);
      expect(loaded(['validate', examples.foodBank]).filter((f) => extra.includes(f))).toEqual([]);
    } finally {
      await cleanup();
    }
  });

});
