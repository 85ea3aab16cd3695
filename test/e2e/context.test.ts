/**
 * One context per run: every command speaks the language decided once in cli.ts (--lang, else
 * the project file's, else the locale, else English), its usage errors included; and errors say
 * whose fault they are: the command line, the disk, or adopt itself.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { adopt, tempDir, withFile, copyExample, examples, contextFor, TODAY } from '../helpers.js';
import { run } from '../../src/main.js';
import { buildProgram, globalFlags, valueOptions } from '../../src/cli.js';
import { loadProject } from '../../src/store.js';
import { writeOutputs } from '../../src/write-documents.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { FileSystemError, UsageError } from '../../src/errors.js';
import type { Io } from '../../src/io.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const FRENCH_FILE_ERRORS: [string[], string][] = [
  [['status', '--bogus'], 'Option inconnue --bogus.'],
  [['validate', 'nope.yaml'], 'Aucun fichier de projet à l’emplacement nope.yaml.'],
  [['render', '--doc', 'nope'], 'Il n’y a pas de document «\u00a0nope\u00a0»'],
  [['calendar', '--out'], 'Il manque une valeur pour --out.'],
  [['init', '--from', 'answers.yaml'], 'indiquez à la fois --from et --yes'],
  [['init', '--from', 'nope.yaml', '--yes'], 'Aucun fichier de réponses à l’emplacement nope.yaml.'],
  [['edit', 'nope'], 'Il n’y a pas d’étape «\u00a0nope\u00a0»'],
  [['evaluate'], 'adopt evaluate pose des questions et a besoin d’un terminal.'],
  [['evaluate', '--from', 'review.yaml'], '--from et --yes'],
  [['schema', 'extra'], 'Trop d’arguments pour cette commande.'],
  [['statut'], 'Commande inconnue «\u00a0statut\u00a0». Vouliez-vous dire adopt status\u00a0?'],
];

describe('a French project under LANG=C', () => {
  test.each(FRENCH_FILE_ERRORS)('adopt %j answers in French, exit 2', async (argv, french) => {
    await copyExample(examples.jardins, dir);
    const { code, stdout, stderr } = await adopt(argv, { cwd: dir, env: { LANG: 'C' } });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(french);
  });

  test('a wrong ADOPT_TODAY stops a command, in French, but not its help', async () => {
    await copyExample(examples.jardins, dir);
    const wrong = await adopt(['status'], { cwd: dir, env: { ADOPT_TODAY: '2026-02-30' } });
    expect(wrong).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('ADOPT_TODAY') });
    expect(wrong.stderr).toMatch(/^[^\n]*«\u00a02026-02-30\u00a0»/);
    expect((await adopt(['status', '--help'], { cwd: dir, env: { ADOPT_TODAY: '2026-02-30' } })).code).toBe(0);
  });

  test('what commands print, not only their errors, is in French', async () => {
    await copyExample(examples.jardins, dir);
    expect((await adopt(['status'], { cwd: dir })).stdout).toContain('Prochaine échéance');
    expect((await adopt(['validate'], { cwd: dir })).stdout).toBe('adopt.yaml\u00a0: valide.\n');
    expect((await adopt(['calendar'], { cwd: dir })).stdout).toMatch(/^Écrit/);
  });

  test('the file named by -f or $ADOPT_FILE decides, from any folder; --lang overrides it', async () => {
    await copyExample(examples.jardins, dir);
    const elsewhere = path.join(dir, 'elsewhere');
    await mkdir(elsewhere);
    const named = await adopt(['edit', 'nope', '-f', '../adopt.yaml'], { cwd: elsewhere });
    expect(named.stderr).toContain('Il n’y a pas d’étape');
    const fromEnv = await adopt(['edit', 'nope'], { cwd: elsewhere, env: { ADOPT_FILE: path.join(dir, 'adopt.yaml') } });
    expect(fromEnv.stderr).toContain('Il n’y a pas d’étape');
    const attached = await adopt(['init', '--from', 'nope.yaml', '--yes', '-f../adopt.yaml'], { cwd: elsewhere });
    expect(attached.stderr).toContain('Aucun fichier de réponses à l’emplacement nope.yaml');
    expect((await adopt(['edit', 'nope', '--lang', 'en'], { cwd: dir })).stderr).toMatch(/^There is no step "nope"/);
    // Where no file says otherwise, the locale.
    expect((await adopt(['edit', 'nope'], { cwd: elsewhere })).stderr).toMatch(/^There is no step "nope"/);
    expect((await adopt(['edit', 'nope'], { cwd: elsewhere, env: { LANG: 'fr_FR.UTF-8' } })).stderr).toContain('Il n’y a pas d’étape');
  });
});

describe('validate speaks each named file’s language', () => {
  const bad = (lang: string, key: string) => `version: 1\nlanguage: ${lang}\nproject:\n  title: T\n  ${key}: x\n`;

  test('one French file under LANG=C: its problem and the summary in French', async () => {
    await withFile(dir, 'bad.yaml', bad('fr', 'colour'));
    const { code, stdout, stderr } = await adopt(['validate', 'bad.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('bad.yaml:5:3 Clé inconnue «\u00a0colour\u00a0» dans project. Vos propres clés doivent commencer par x- (par exemple x-colour).\n');
    expect(stderr).toBe('1 problème dans 1 fichier.\n');
  });

  test('two files: each its own language, the summary in the run’s; --lang for all', async () => {
    await withFile(dir, 'bad.yaml', bad('fr', 'colour'));
    await withFile(dir, 'bad-en.yaml', bad('en', 'colour'));
    const both = await adopt(['validate', 'bad.yaml', 'bad-en.yaml'], { cwd: dir });
    expect(both.stdout).toMatch(/^bad\.yaml:5:3 Clé inconnue .*\nbad-en\.yaml:5:3 Unknown key "colour"/);
    expect(both.stderr).toBe('2 problems in 2 files.\n');
    const english = await adopt(['validate', 'bad.yaml', '--lang', 'en'], { cwd: dir });
    expect(english.stdout).toMatch(/^bad\.yaml:5:3 Unknown key "colour"/);
    expect(english.stderr).toBe('1 problem in 1 file.\n');
  });
});

describe('the options read ahead of the parser', () => {
  test('as commander reads them: last one wins, values of other options skipped, -- ends them', () => {
    expect(globalFlags(['status', '-f', 'a.yaml', '--file=b.yaml'])).toEqual({ file: 'b.yaml', color: true });
    expect(globalFlags(['render', '--out', '-f', '--lang', 'fr'])).toEqual({ lang: 'fr', color: true });
    expect(globalFlags(['init', '-fmine.yaml', '--no-color'])).toEqual({ file: 'mine.yaml', color: false });
    expect(globalFlags(['validate', '--', '-f', 'x.yaml'])).toEqual({ color: true });
  });

  test('every option that takes a value is known to the reader, so that none is read as -f', async () => {
    const io: Io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: new PassThrough(), env: { LANG: 'C' }, cwd: dir };
    const program = buildProgram(await contextFor(io));
    const taking = [program, ...program.commands].flatMap((command) => command.options.filter((o) => o.required || o.optional)).flatMap((o) => [o.short, o.long]);
    for (const flag of taking.filter(Boolean)) expect([flag, valueOptions.has(flag!)]).toEqual([flag, true]);
  });
});

describe('whose fault an error is', () => {
  const brokenIo = (env: NodeJS.ProcessEnv): Io & { err: () => string } => {
    let err = '';
    return {
      stdout: {
        write: () => {
          throw new Error('the terminal fell over');
        },
      },
      stderr: { write: (text: string) => (err += text) },
      stdin: new PassThrough(),
      env: { LANG: 'C', ADOPT_TODAY: TODAY, ...env },
      cwd: dir,
      err: () => err,
    };
  };

  test('a bug in adopt exits 70 and says so, in the user’s language; ADOPT_DEBUG=1 adds where', async () => {
    await copyExample(examples.jardins, dir);
    const io = brokenIo({});
    expect(await run(['status'], io)).toBe(70);
    expect(io.err()).toMatch(/^adopt s’est arrêté sur une erreur interne, un bogue d’adopt .*: the terminal fell over\. .*ADOPT_DEBUG=1/);
    expect(io.err()).not.toMatch(/\n\s+at /);
    const debug = brokenIo({ ADOPT_DEBUG: '1' });
    expect(await run(['status', '--lang', 'en'], debug)).toBe(70);
    expect(debug.err()).toMatch(/^adopt stopped on an internal error, a bug in adopt and not something you did: the terminal fell over\./);
    expect(debug.err()).toMatch(/\n\s+at /);
  });

  test('the disk’s refusals are FileSystemError (exit 2), not usage errors', async () => {
    const t = await loadTranslator('en');
    const missing = await loadProject(path.join(dir, 'none.yaml'), t, 'none.yaml').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(FileSystemError);
    expect(missing).not.toBeInstanceOf(UsageError);
    expect(missing).toMatchObject({ exitCode: 2 });
    const file = await withFile(dir, 'not-a-folder', 'x');
    const project = await withFile(dir, 'adopt.yaml', 'version: 1\n');
    const refused = await writeOutputs([{ target: path.join(file, 'plan.md'), data: 'x' }], { project, folder: file, cwd: dir, advice: 'out-folder', shown: (f) => path.relative(dir, f), t }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileSystemError);
    // Naming the project file as an output is the user's slip, not the disk's.
    const slip = await writeOutputs([{ target: project, data: 'x' }], { project, cwd: dir, advice: 'out-file', shown: (f) => path.relative(dir, f), t }).catch((error: unknown) => error);
    expect(slip).toBeInstanceOf(UsageError);
  });

  test('a file the disk refuses still lets validate go on with the others, exit 2', async () => {
    await withFile(dir, 'good.yaml', 'version: 1\n');
    await writeFile(path.join(dir, 'bad.yaml'), 'version: 1\nlanguage: en\nproject:\n  colour: x\n');
    const { code, stdout, stderr } = await adopt(['validate', 'missing.yaml', 'good.yaml', 'bad.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toMatch(/^good\.yaml: valid\.\nbad\.yaml:4:3 Unknown key/);
    expect(stderr).toBe('There is no project file at missing.yaml. Run adopt init to start one, or name a file with --file.\n1 problem in 3 files.\n');
  });
});
