/**
 * The lock between writers, as `kill -9` leaves it: a writer killed between creating
 * `adopt.yaml.lock` and writing its name in it leaves an empty lock that no process will remove.
 */
import { utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { withLock, lockPath } from '../../src/util/atomic.js';
import { tempDir } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

async function emptyLock(ageMs: number): Promise<string> {
  const file = path.join(dir, 'adopt.yaml');
  const lock = lockPath(file);
  await writeFile(lock, '');
  const when = new Date(Date.now() - ageMs);
  await utimes(lock, when, when);
  return file;
}

test('an empty lock a few seconds old (its writer killed before naming itself) is taken over at once', async () => {
  const file = await emptyLock(5_000);
  const started = Date.now();
  const result = await withLock(file, async () => 'written').catch((error: Error) => error.name);
  expect(result).toBe('written');
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(existsSync(lockPath(file))).toBe(false);
}, 20_000);

test('an empty lock just created (its writer about to name itself) is waited for, not taken at once', async () => {
  const file = await emptyLock(0);
  const started = Date.now();
  let ranAfter = -1;
  await withLock(file, async () => {
    ranAfter = Date.now() - started;
  });
  expect(ranAfter).toBeGreaterThanOrEqual(1_000);
  expect(ranAfter).toBeLessThan(5_000);
}, 20_000);
