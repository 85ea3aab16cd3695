import { mkdtemp, rm, writeFile, readFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Io } from '../src/io.js';
import { run } from '../src/main.js';
import type { Project } from '../src/generated/model.js';
import type { Context } from '../src/context.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const examples = {
  jardins: path.join(root, 'examples/jardins-partages/adopt.yaml'),
  foodBank: path.join(root, 'examples/food-bank/adopt.yaml'),
  warnings: path.join(root, 'examples/warnings/adopt.yaml'),
};
/** The day the examples are seen from, so that their dates never drift into "late". */
export const TODAY = '2026-11-27';

export async function loadExample(file: string): Promise<Project> {
  return parse(await readFile(file, 'utf8')) as Project;
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'adopt-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function withFile(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

export async function copyExample(example: string, dir: string): Promise<string> {
  const file = path.join(dir, 'adopt.yaml');
  await cp(example, file);
  return file;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in this process, as `adopt ...argv` typed in `cwd`. */
export async function adopt(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; stdinTTY?: boolean }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = options.stdinTTY ?? false;
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin,
    env: { ADOPT_TODAY: TODAY, LANG: 'C', ...options.env },
    cwd: options.cwd,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/**
 * The context of a run in `io.cwd`, resolved as cli.ts resolves it (the project file there,
 * its language, the locale of io.env), for tests that call a command directly.
 */
export async function contextFor(io: Io, options: { lang?: 'en' | 'fr'; today?: string } = {}): Promise<Context> {
  const { createContext } = await import('../src/cli.js');
  const ctx = await createContext(options.lang ? ['--lang', options.lang] : [], io);
  return options.today ? { ...ctx, today: options.today } : ctx;
}

/**
 * For `replaceFsCalls({ open })`: every file opened for writing fails on its first write as
 * `code` would (ENOSPC a full disk, EROFS a read-only disk, EACCES a refused permission).
 */
export function failingOpen(code: string): never {
  return (async (file: string, flags: string, mode?: number) => {
    const { open } = await import('node:fs/promises');
    const handle = await open(file, flags, mode);
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile') return async () => Promise.reject(Object.assign(new Error(code), { code }));
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }) as never;
}

/** A terminal that hears nothing: stdin says it is one (so the wizard asks), output goes nowhere. */
export function quietTerminal(cwd: string): Io {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: Object.assign(new PassThrough(), { isTTY: true }),
    env: { LANG: 'C' },
    cwd,
  };
}
