/**
 * `adopt portfolio` read by worker threads gives exactly what the main thread alone gives: the
 * built command, spawned for real on a tree of about sixty files (one of them broken), with
 * ADOPT_THREADS=1 and ADOPT_THREADS=0. A hook loaded into every thread notes which thread read
 * which file, and slows the main thread down, so that the worker surely reads its share.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { examples, loadExample, root, tempDir, TODAY } from '../helpers.js';

const bin = path.join(root, 'bin/adopt.js');
const FILES = 60;
/** The last file in order: with the main thread slowed, the worker reads it. */
const BROKEN = FILES - 1;

/**
 * Loaded with --import, so in the worker too (a worker inherits the options of node). It wraps
 * readFileSync: each project file read is noted with its thread in ADOPT_TEST_READS, and, when
 * there are workers, the main thread waits 80 ms a file: time enough for one to start and take
 * the batches after the main thread's first, the broken file's among them.
 */
const HOOK = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';
const read = fs.readFileSync;
const log = process.env.ADOPT_TEST_READS;
const pause = new Int32Array(new SharedArrayBuffer(4));
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && file.endsWith('.yaml')) {
    fs.appendFileSync(log, (isMainThread ? 'main ' : 'worker ') + file + '\\n');
    if (isMainThread && process.env.ADOPT_THREADS !== '0') Atomics.wait(pause, 0, 0, 80);
  }
  return read.call(this, file, ...rest);
};
syncBuiltinESMExports();
`;

let dir: string;
let cleanup: () => Promise<void>;
let hook: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  hook = path.join(dir, 'hook.mjs');
  await writeFile(hook, HOOK);
  const sources = await Promise.all([examples.jardins, examples.foodBank, examples.warnings].map(loadExample));
  for (let i = 0; i < FILES; i++) {
    const project = structuredClone(sources[i % sources.length]!);
    project.project = { ...project.project, organisation: `Member ${i % 9}`, title: `${project.project?.title ?? 'Project'} ${i}` };
    const folder = path.join(dir, 'tree', i === BROKEN ? 'member-9' : `member-${i % 9}`, i % 4 === 0 ? `project-${i}` : i % 2 ? 'projects' : '');
    await mkdir(folder, { recursive: true });
    // A key given twice: a problem found by the slow reader, in whichever thread reads it.
    await writeFile(path.join(folder, i % 4 === 0 ? 'adopt.yaml' : `p${i}.adopt.yaml`), `${stringify(project)}${i === BROKEN ? 'keyUsers: 5\n' : ''}`);
  }
});

afterAll(() => cleanup());

function portfolio(threads: string, args: string[]) {
  const reads = path.join(dir, `reads-${threads}-${args.join('')}.log`);
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, bin, 'portfolio', ...args], {
    cwd: path.join(dir, 'tree'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ADOPT_TODAY: TODAY, LANG: 'C', ADOPT_THREADS: threads, ADOPT_TEST_READS: reads },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, reads: reads };
}

async function readers(log: string): Promise<Map<string, Set<string>>> {
  const byThread = new Map<string, Set<string>>();
  for (const line of (await readFile(log, 'utf8')).trim().split('\n')) {
    const [thread, file] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
    byThread.set(thread, (byThread.get(thread) ?? new Set()).add(file));
  }
  return byThread;
}

describe('portfolio on worker threads', () => {
  test.each([[['--json']], [['--json', '--strict', '--anonymous']]])('%j: the same output and exit code with a worker as without', async (args) => {
    const alone = portfolio('0', args);
    const threaded = portfolio('1', args);
    expect(alone.stderr).toMatch(/^1 file with problems/);
    expect(alone.code).toBe(1);
    const report = JSON.parse(alone.stdout) as { files: number; problems: { file: string; line: number | null }[]; projects: unknown[] };
    expect(report.files).toBe(FILES);
    expect(report.problems).toEqual([expect.objectContaining({ file: `member-9/projects/p${BROKEN}.adopt.yaml`, line: expect.any(Number) })]);
    expect(report.projects).toHaveLength(FILES - 1);
    expect({ code: threaded.code, stdout: threaded.stdout, stderr: threaded.stderr }).toEqual({ code: alone.code, stdout: alone.stdout, stderr: alone.stderr });

    // Without threads the main thread reads every file; with one, the worker reads its share.
    const single = await readers(alone.reads);
    expect([...single.keys()]).toEqual(['main']);
    expect(single.get('main')!.size).toBe(FILES);
    const shared = await readers(threaded.reads);
    const [main, worker] = [shared.get('main') ?? new Set<string>(), shared.get('worker') ?? new Set<string>()];
    expect(main.size).toBeGreaterThan(0);
    expect([...worker].some((file) => file.endsWith(`p${BROKEN}.adopt.yaml`))).toBe(true);
    expect(new Set([...main, ...worker]).size).toBe(FILES);
  });
});
