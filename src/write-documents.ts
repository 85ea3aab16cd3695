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
  /** How a path is shown to the user. */
  shown: (file: string) => string;
  t: Translator;
}

export async function writeOutputs(outputs: readonly Output[], options: OutputOptions): Promise<void> {
  const { t, shown } = options;
  const prepared: Prepared[] = [];
  let current = outputs[0]?.target ?? '';
  try {
    if (options.folder) {
      await refuseLinks(outputs[0]?.target ?? options.folder, [options.folder]);
      await mkdir(options.folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new WriteFailure(error.code === 'EEXIST' ? 'ENOTDIR' : (error.code ?? 'EIO'), current, options.folder);
      });
    }
    for (const output of outputs) {
      current = output.target;
      await refuseLinks(output.target, options.folder ? [options.folder] : []);
      // By identity: NTFS ignores case (Adopt.yaml), and a hard link is the same file too.
      if (path.resolve(output.target) === path.resolve(options.project) || (await sameFile(output.target, options.project))) {
        throw new UsageError(t('write.isProject', { file: shown(output.target) }));
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
    if (error instanceof WriteFailure) {
      const message = writeFailureMessage(error, shown(error.file), t);
      throw new FileSystemError(error.link ? message.split(error.link).join(shown(error.link)) : message);
    }
    throw error;
  }
}
