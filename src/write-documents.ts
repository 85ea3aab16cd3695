/**
 * Writing what adopt generates (documents, the calendar): never through a link, never over the
 * project file, and all the files of one command replaced together or none, so that a full disk
 * or a document held open in Word never leaves a half-written file or a mix of old and new.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Translator } from './i18n/index.js';
import { FileSystemError, UsageError } from './errors.js';
import { prepareAtomic, refuseLinks, sameFile, WriteFailure, type Prepared } from './util/atomic.js';
import { writeFailureMessage } from './store.js';

export interface Output {
  target: string;
  data: string | Uint8Array;
}

export interface OutputOptions {
  /** The project file: no output may replace it, under any name. */
  project: string;
  /** The folder the outputs go in, created if needed; it must not be a link either. */
  folder?: string;
  /** Where the user stands: the folders they named below it must not be links. */
  cwd: string;
  /**
   * What the command lets the user choose instead when a place is refused: render a folder
   * (document names are fixed), calendar a file, schema --write nothing.
   */
  advice: 'out-folder' | 'out-file' | 'none';
  /** How a path is shown to the user. */
  shown: (file: string) => string;
  t: Translator;
}

/** Failures that another place would avoid, unlike a full disk or a file held open. */
const PLACE_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'ENOTFILE', 'ELINK', 'ENOENT', 'ENOCREATE']);

/**
 * The folders from where the user stands (or the project's folder, if deeper) down to the
 * target's, each of which must not be a link: `mkdir -p` and the write would follow one
 * anywhere, and a repository can carry one. Links above (a home on a symlinked mount, a
 * repository reached through a linked folder) are the user's own setup and stay accepted. A
 * target outside both is checked in its own folder only.
 */
function foldersOf(target: string, options: OutputOptions): string[] {
  const base = [path.resolve(options.cwd), path.dirname(path.resolve(options.project))].filter((folder) => isInside(target, folder)).sort((a, b) => b.length - a.length)[0];
  if (!base) return options.folder ? [options.folder] : [];
  const folders: string[] = [];
  for (let folder = path.dirname(target); folder.length > base.length; folder = path.dirname(folder)) folders.unshift(folder);
  return folders;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

export async function writeOutputs(outputs: readonly Output[], options: OutputOptions): Promise<void> {
  const { t, shown } = options;
  const advise = (message: string, after: 'link' | 'other') => {
    if (options.advice === 'none') return message;
    return `${message} ${t(options.advice === 'out-folder' ? 'write.advice.outFolder' : 'write.advice.outFile', { after })}`;
  };
  const prepared: Prepared[] = [];
  let current = outputs[0]?.target ?? '';
  try {
    if (options.folder && outputs[0]) {
      await refuseLinks(current, foldersOf(current, options));
      await mkdir(options.folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new WriteFailure(error.code === 'EEXIST' ? 'ENOTDIR' : (error.code ?? 'EIO'), current, options.folder);
      });
    }
    for (const output of outputs) {
      current = output.target;
      await refuseLinks(output.target, foldersOf(output.target, options));
      // By identity: NTFS ignores case (Adopt.yaml), and a hard link is the same file too.
      if (path.resolve(output.target) === path.resolve(options.project) || (await sameFile(output.target, options.project))) {
        throw new UsageError(advise(t('write.isProject', { file: shown(output.target) }), 'other'));
      }
    }
    for (const output of outputs) {
      current = output.target;
      prepared.push(await prepareAtomic(output.target, output.data));
    }
    for (const [index, file] of prepared.entries()) {
      current = outputs[index]!.target;
      await file.commit();
    }
  } catch (error) {
    await Promise.all(prepared.map((file) => file.abort()));
    if (error instanceof WriteFailure) throw new FileSystemError(failureMessage(error, options, advise));
    throw error;
  }
}

function failureMessage(error: WriteFailure, options: OutputOptions, advise: (message: string, after: 'link' | 'other') => string): string {
  const { t, shown } = options;
  const message = writeFailureMessage(error, shown(error.file), t);
  const named = error.link ? message.split(error.link).join(shown(error.link)) : message;
  return PLACE_CODES.has(error.code) ? advise(named, error.code === 'ELINK' ? 'link' : 'other') : named;
}
