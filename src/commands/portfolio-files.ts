/**
 * Finding the project files under the folders `adopt portfolio` is given: `adopt.yaml` and
 * `*.adopt.yaml`, at any depth, leaving out `node_modules`, `.git` and hidden folders. A linked
 * folder is followed once, by its real path, so that a link back up never loops; a folder that
 * cannot be read is said in one line and the search goes on.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Translator } from '../i18n/index.js';
import { shownPath } from '../util/shown-path.js';

export interface Found {
  /** Each project file once (by its real path), in the order of its shown path. */
  files: { path: string; shown: string }[];
  /** One sentence per folder or path that could not be read. */
  unreadable: string[];
}

export const isProjectFileName = (name: string): boolean => name === 'adopt.yaml' || (name.endsWith('.adopt.yaml') && name.length > '.adopt.yaml'.length);

const SKIPPED = new Set(['node_modules']);

export async function findProjectFiles(roots: readonly string[], cwd: string, t: Translator): Promise<Found> {
  const files = new Map<string, { path: string; shown: string }>();
  const visited = new Set<string>();
  const unreadable: string[] = [];
  const shown = (file: string) => shownPath(cwd, file) || '.';
  const refuse = (at: string, error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    unreadable.push(code === 'ENOENT' ? t('portfolio.notFound', { path: shown(at) }) : t('portfolio.unreadable', { path: shown(at), reason: code ?? String(error) }));
  };
  // `real` is known for a file in a folder already resolved: no call to the disk for it.
  const addFile = async (file: string, real?: string) => {
    const key = real ?? (await realpath(file).catch(() => file));
    if (!files.has(key)) files.set(key, { path: file, shown: shown(file) });
  };

  const walk = async (dir: string): Promise<void> => {
    let real: string;
    let entries: import('node:fs').Dirent[];
    try {
      real = await realpath(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      refuse(dir, error);
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A broken link, or one to something else than a file or folder, is no project.
        const target = await stat(full).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir && !entry.name.startsWith('.') && !SKIPPED.has(entry.name)) folders.push(full);
      else if (isFile && isProjectFileName(entry.name)) await addFile(full, entry.isSymbolicLink() ? undefined : path.join(real, entry.name));
    }
    // One folder at a time: a deep tree would otherwise open thousands of folders at once.
    for (const folder of folders.sort()) await walk(folder);
  };

  for (const root of roots) {
    const at = path.resolve(cwd, root);
    let info: import('node:fs').Stats;
    try {
      info = await stat(at);
    } catch (error) {
      refuse(at, error);
      continue;
    }
    // A file named on the command line is read whatever its name: the user chose it.
    if (info.isFile()) await addFile(at);
    else if (info.isDirectory()) await walk(at);
    else refuse(at, Object.assign(new Error('not a file or folder'), { code: 'ENOTDIR' }));
  }
  return { files: [...files.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0)), unreadable };
}
