/**
 * Reading a portfolio's files on every core: parsing and checking a file is pure work for the
 * CPU, so on a large tree worker threads (dist/portfolio-worker.js) take batches of files from
 * the same queue as the main thread. A small tree is read on the main thread alone: starting a
 * worker costs more than it saves there.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '../context.js';
import { packageRoot } from '../package-root.js';
import { readEach, type ProjectFile, type Read } from './portfolio-read.js';

/**
 * Files per worker below which a worker is not worth it. Its start is about a tenth of a second,
 * but its code then runs cold while the main thread's is warm, and the main thread already
 * shares its core with the collector and the compiler: on two cores, one worker broke even
 * around 750 files, saved a sixth of the time at 1,000 and a third at 5,000.
 */
export const FILES_PER_THREAD = 800;
/** Files handed out at once: small enough that no thread waits long for the last one. */
const BATCH = 16;
/** Batches a worker holds: it reads the next one while the main thread takes in the last. */
const AHEAD = 2;

/** What the main thread sends a worker, and what comes back: `start` places the batch in the list. */
export interface Batch {
  start: number;
  files: ProjectFile[];
}
export interface BatchRead {
  start: number;
  read: Read[];
}

/**
 * How many worker threads: one per core beside the main thread's, as the tree's size allows;
 * ADOPT_THREADS sets it (0 for none), for a machine whose cores are busy with other jobs.
 */
export function threadCount(files: number, env: Readonly<Record<string, string | undefined>>, cores = availableParallelism()): number {
  const asked = env.ADOPT_THREADS === undefined || env.ADOPT_THREADS === '' ? undefined : Number(env.ADOPT_THREADS);
  if (asked !== undefined && Number.isInteger(asked) && asked >= 0) return Math.min(asked, Math.ceil(files / BATCH));
  return Math.max(0, Math.min(cores - 1, Math.floor(files / FILES_PER_THREAD)));
}

/** The worker's script, when this code runs from the bundle (under test, the sources read alone). */
function workerScript(): string | undefined {
  const dist = path.join(packageRoot(), 'dist');
  const script = path.join(dist, 'portfolio-worker.js');
  return fileURLToPath(import.meta.url).startsWith(dist + path.sep) && existsSync(script) ? script : undefined;
}

export async function readAll(files: readonly ProjectFile[], ctx: Context): Promise<Read[]> {
  const own = (batch: readonly ProjectFile[]) => readEach(batch, ctx);
  const threads = threadCount(files.length, ctx.io.env);
  const script = threads > 0 ? workerScript() : undefined;
  if (!script) return own(files);

  const results = new Array<Read>(files.length);
  let next = 0;
  const take = (): number | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return start;
  };
  const batchAt = (start: number) => files.slice(start, start + BATCH);
  const keep = (start: number, read: readonly Read[]) => read.forEach((result, index) => (results[start + index] = result));

  const mainThread = async () => {
    for (let start = take(); start !== undefined; start = take()) {
      const read: Read[] = [];
      for (const file of batchAt(start)) {
        read.push(...(await own([file])));
        // Reading never waits on the disk: without a turn of the event loop after each file, a
        // worker's first call would wait for the main thread's whole first batch, and no result
        // would be taken in, nor a next batch sent, until the main thread's batch was done.
        await new Promise((resolve) => setImmediate(resolve));
      }
      keep(start, read);
    }
  };
  const { Worker } = await import('node:worker_threads');
  const worker = () =>
    new Promise<void>((resolve) => {
      const thread = new Worker(script, { workerData: { lang: ctx.t.lang, today: ctx.today } });
      const held = new Set<number>();
      let done = false;
      const send = () => {
        while (held.size < AHEAD) {
          const start = take();
          if (start === undefined) break;
          held.add(start);
          thread.postMessage({ start, files: batchAt(start) } satisfies Batch);
        }
        if (held.size > 0) return;
        done = true;
        void thread.terminate();
        resolve();
      };
      const finish = async () => {
        if (done) return;
        done = true;
        // A worker that failed leaves its batches to the main thread: no file goes unread.
        for (const start of held) keep(start, await own(batchAt(start)));
        held.clear();
        resolve();
      };
      thread.on('message', (message: 'ready' | BatchRead) => {
        if (message !== 'ready') {
          keep(message.start, message.read);
          held.delete(message.start);
        }
        send();
      });
      thread.on('error', () => void finish());
      thread.on('exit', () => void finish());
    });
  await Promise.all([mainThread(), ...Array.from({ length: threads }, worker)]);
  return results;
}
