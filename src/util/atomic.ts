/**
 * Writing a file so that it is either the old bytes or the new ones, never half of each, and
 * never through a link: a temporary file created exclusively in the same folder, synced, then
 * renamed over the target. Holds no words for people: failures are `WriteFailure`s that the
 * caller says in the user's language.
 */
import { rmSync } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';

/** What went wrong, with the system's code (ENOSPC, EACCES, …) and the file concerned. */
export class WriteFailure extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    readonly link?: string,
  ) {
    super(`${code}: ${file}`);
    this.name = 'WriteFailure';
  }
}

/** The file-system calls that a test may replace, to play Windows or a full disk on Linux. */
export interface FsCalls {
  rename: typeof rename;
  open: typeof open;
  platform: NodeJS.Platform;
  /** How long to keep retrying a rename that another program blocks, in milliseconds. */
  retryFor: number;
}
const realCalls: FsCalls = { rename, open, platform: process.platform, retryFor: 4000 };
let calls: FsCalls = realCalls;
/** For tests: replace some calls; returns a function that puts the real ones back. */
export function replaceFsCalls(replacement: Partial<FsCalls>): () => void {
  calls = { ...realCalls, ...replacement };
  return () => {
    calls = realCalls;
  };
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'EIO';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * On Windows, antivirus, the search indexer, OneDrive or Word holding the target open makes a
 * rename fail with EPERM, EBUSY or EACCES for a moment; editors retry, and so do we. EBUSY
 * means the same anywhere.
 */
function isTransient(code: string): boolean {
  return code === 'EBUSY' || (calls.platform === 'win32' && (code === 'EPERM' || code === 'EACCES'));
}

// Temporary files and locks of this process, cleaned up if the process is interrupted.
const inFlight = new Set<string>();
/** Removes what this process left half-done; for the interruption handler. */
export function cleanUpNow(): void {
  // Synchronous: called on the way out of the process, when promises will not run.
  for (const file of inFlight) rmSync(file, { force: true });
  inFlight.clear();
}

const TEMP_SUFFIX = '.adopt-tmp';
/** `.plan.md.4711.9f3a1c2b.adopt-tmp`: hidden on Unix, unguessable, and naming its writer. */
function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Temporary files beside the target whose writer died (killed, power cut): removed. */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.`;
  const names = await readdir(path.dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    const file = path.join(path.dirname(target), name);
    const info = await lstat(file).catch(() => undefined);
    if (!info) continue;
    // A writer on another machine of a synced folder cannot be asked: only age tells.
    const old = Date.now() - info.mtimeMs > 60 * 60 * 1000;
    if (old || (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid))) await unlink(file).catch(() => undefined);
  }
}

export interface AtomicOptions {
  /** Permission bits for a new file; an existing file keeps its own. */
  mode?: number;
  /**
   * Runs after the new bytes are safely on disk and before each try of the rename: the last
   * moment to refuse (the file changed meanwhile, the new text does not read back).
   */
  beforeRename?: () => Promise<void>;
}

/**
 * Creates `file` exclusively ('wx' is O_CREAT | O_EXCL: a file or a link already at this name
 * makes it fail) and puts `data` in it, synced; a failure after the create removes it. Failures
 * are reported for `reportAs`: the file the user knows of, not a temporary name.
 */
async function createExclusive(file: string, data: string | Uint8Array, mode: number, reportAs: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await calls.open(file, 'wx', mode);
  } catch (error) {
    throw new WriteFailure(await failureCode(error, file), reportAs);
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw new WriteFailure(errorCode(error), reportAs);
  }
}

/**
 * The system's code, except that ENOENT in a folder that exists means the folder takes no new
 * files (/proc, some network shares), not a missing folder: ENOCREATE.
 */
async function failureCode(error: unknown, file: string): Promise<string> {
  const code = errorCode(error);
  if (code !== 'ENOENT') return code;
  const folder = await stat(path.dirname(file)).catch(() => undefined);
  return folder?.isDirectory() ? 'ENOCREATE' : code;
}

/** A new version of a file, on disk beside it, waiting to replace it. */
export interface Prepared {
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Writes the new bytes to a temporary file beside `target`; `commit` renames it over the
 * target. Several files prepared first and committed after change together or not at all.
 */
export async function prepareAtomic(target: string, data: string | Uint8Array, options: AtomicOptions = {}): Promise<Prepared> {
  await removeStaleTemps(target);
  const existing = await stat(target).catch(() => undefined);
  const mode = existing ? existing.mode & 0o777 : (options.mode ?? 0o644);
  const temp = tempName(target);
  inFlight.add(temp);
  const abort = async () => {
    await unlink(temp).catch(() => undefined);
    inFlight.delete(temp);
  };
  try {
    await createExclusive(temp, data, mode, target);
  } catch (error) {
    inFlight.delete(temp);
    throw error;
  }
  return {
    abort,
    async commit() {
      try {
        await renameWithRetry(temp, target, options.beforeRename);
        inFlight.delete(temp);
      } catch (error) {
        await abort();
        if (error instanceof WriteFailure || !(error as NodeJS.ErrnoException).code) throw error;
        throw new WriteFailure(errorCode(error), target);
      }
    },
  };
}

/**
 * Writes a file that must not replace another: `name` + `ext`, else `name-2` + `ext`, and so on,
 * each created exclusively, so that two writers in the same second keep two files. Returns
 * the path written.
 */
export async function writeNewFile(name: string, ext: string, data: string | Uint8Array, mode = 0o644): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const target = `${name}${n === 1 ? '' : `-${n}`}${ext}`;
    try {
      await createExclusive(target, data, mode, target);
      return target;
    } catch (error) {
      if (!(error instanceof WriteFailure && error.code === 'EEXIST')) throw error;
    }
  }
  throw new WriteFailure('EEXIST', name + ext);
}

/** Writes `data` to `target` atomically. The target must not be a link (see `refuseLinks`). */
export async function writeAtomic(target: string, data: string | Uint8Array, options: AtomicOptions = {}): Promise<void> {
  await (await prepareAtomic(target, data, options)).commit();
}

async function renameWithRetry(temp: string, target: string, beforeRename?: () => Promise<void>): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    await beforeRename?.();
    try {
      await calls.rename(temp, target);
      return;
    } catch (error) {
      const code = errorCode(error);
      // Still held after the retries: said as "held open by another program".
      if (!isTransient(code) || Date.now() - started >= calls.retryFor) throw new WriteFailure(isTransient(code) ? 'EBUSY' : code, target);
      await sleep(Math.min(50 * 2 ** attempt, 500));
    }
  }
}

/**
 * A target that is a symbolic link, or in a folder of `folders` that is one, is refused: a
 * repository can carry links (git commits them), and one named like a document could point at
 * any file of the user's.
 */
export async function refuseLinks(target: string, folders: readonly string[] = []): Promise<void> {
  for (const folder of folders) {
    const info = await lstat(folder).catch(() => undefined);
    if (info?.isSymbolicLink()) throw new WriteFailure('ELINK', target, folder);
    if (info && !info.isDirectory()) throw new WriteFailure('ENOTDIR', target, folder);
  }
  const info = await lstat(target).catch(() => undefined);
  if (info?.isSymbolicLink()) throw new WriteFailure('ELINK', target, target);
  if (info && !info.isFile()) throw new WriteFailure(info.isDirectory() ? 'EISDIR' : 'ENOTFILE', target);
}

/** Whether two paths name the same file: by device and inode, which sees hard links and case. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  if (!x || !y) return false;
  if (x.ino !== 0 && (x.ino !== y.ino || x.dev !== y.dev)) return false;
  if (x.ino !== 0) return true;
  // Some Windows file systems report no inode: compare case-folded real paths.
  const [ra, rb] = await Promise.all([realpath(a), realpath(b)]);
  return ra.toLowerCase() === rb.toLowerCase();
}

// ── the lock between writers

export interface LockInfo {
  pid: number;
  host: string;
  time: string;
}

/** A lock is held only from the re-read to the rename: older than this, its writer is gone. */
const STALE_AFTER_MS = 30_000;
/**
 * A writer creates the lock empty and names itself in it a moment later; one killed in between
 * leaves it empty for good, and it would block every write for `STALE_AFTER_MS`.
 */
const UNNAMED_STALE_AFTER_MS = 2_000;
const WAIT_FOR_MS = 10_000;

/** `adopt.yaml.lock` beside the file, as git's `index.lock`: created exclusively, never hidden. */
export function lockPath(file: string): string {
  return `${file}.lock`;
}

async function readLock(file: string): Promise<{ info?: LockInfo; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    let parsed: LockInfo | undefined;
    try {
      parsed = JSON.parse(text) as LockInfo;
    } catch {
      // being written, or its writer killed before it was: its age decides
    }
    return { info: parsed, ageMs: Date.now() - info.mtimeMs };
  } catch {
    return undefined;
  }
}

function isStale(lock: { info?: LockInfo; ageMs: number }): boolean {
  if (lock.ageMs > STALE_AFTER_MS) return true;
  if (!lock.info) return lock.ageMs > UNNAMED_STALE_AFTER_MS;
  // A dead writer on this machine is certain; one on another machine (a synced folder) is judged by age.
  return Boolean(lock.info && lock.info.host === hostname() && lock.info.pid !== process.pid && !isAlive(lock.info.pid));
}

/**
 * Removes a stale lock, but only the stale one: two writers that both judged it stale could
 * otherwise each delete it, the second deleting the fresh lock the first had just made. Breaking
 * takes a second, short lock (`adopt.yaml.lock.break`, created exclusively); under it the lock
 * is read again and removed only if it is still stale. While a stale lock exists nobody can
 * create a fresh one, so what is read under the break lock is what is removed.
 */
async function breakStaleLock(lock: string): Promise<void> {
  const breaker = `${lock}.break`;
  let handle: FileHandle | undefined;
  try {
    handle = await calls.open(breaker, 'wx', 0o644);
  } catch {
    // Another writer is breaking it; a break lock left by a writer killed meanwhile is old.
    const left = await stat(breaker).catch(() => undefined);
    if (left && Date.now() - left.mtimeMs > UNNAMED_STALE_AFTER_MS * 2) await unlink(breaker).catch(() => undefined);
    return;
  }
  inFlight.add(breaker);
  try {
    await handle.close();
    const current = await readLock(lock);
    if (current && isStale(current)) await unlink(lock).catch(() => undefined);
  } finally {
    inFlight.delete(breaker);
    await unlink(breaker).catch(() => undefined);
  }
}

/** Who holds a lock that did not come free in time. */
export class LockBusy extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder?: LockInfo,
  ) {
    super(`locked: ${lockFile}`);
    this.name = 'LockBusy';
  }
}

/**
 * Runs `work` holding the lock of `file`. A second writer waits for the first (a few seconds
 * at most: a write takes milliseconds) and then works on what the first one wrote.
 */
export async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPath(file);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    let handle: FileHandle | undefined;
    try {
      handle = await calls.open(lock, 'wx', 0o644);
      inFlight.add(lock);
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString() } satisfies LockInfo));
      await handle.close();
      handle = undefined;
      break;
    } catch (error) {
      if (handle) {
        // Created but not written (a full disk): not a lock anyone can judge, so not left behind.
        await handle.close().catch(() => undefined);
        await unlink(lock).catch(() => undefined);
        inFlight.delete(lock);
        throw new WriteFailure(errorCode(error), file);
      }
      const code = errorCode(error);
      // On Windows a lock deleted while antivirus holds it stays "delete pending": EPERM, not EEXIST.
      if (code !== 'EEXIST' && !(code === 'EPERM' && calls.platform === 'win32')) throw new WriteFailure(code, file);
      const current = await readLock(lock);
      if (current && isStale(current)) {
        await breakStaleLock(lock);
        continue;
      }
      if (Date.now() - started > WAIT_FOR_MS) throw new LockBusy(lock, current?.info);
      await sleep(Math.min(10 * 2 ** attempt, 200) + Math.random() * 10);
    }
  }
  try {
    return await work();
  } finally {
    inFlight.delete(lock);
    await unlink(lock).catch(() => undefined);
  }
}
