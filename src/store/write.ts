/**
 * Writing project files: a change to the Document is written as the smallest change to the
 * text (merge.ts), on top of what someone else wrote meanwhile (rebase.ts), atomically.
 */
import { readFile, stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from 'yaml';
import type { MsgKey, Translator } from '../i18n/index.js';
import { writeAtomic, writeNewFile, withLock, LockBusy, WriteFailure } from '../util/atomic.js';
import { FileSystemError } from '../errors.js';
import { isRecord, dataCopy } from '../util/records.js';
import { FORMAT_VERSION, MAX_ALIASES, MODELINE, loadYaml, type PathSegment, type ProjectSource } from './source.js';
import { parseProject, knownSource } from './read.js';
import type { DataChange } from './sections.js';
import { mergeText } from './merge.js';
import { workingCopy, applyChanges } from './edit.js';


/**
 * How `yaml` prints, matched to the file: no folding of long lines, and list items indented
 * under their key or not, as the user's file already does (mixing both in one list is invalid).
 */
function stringifyOptions(text: string) {
  const compact = /^( *)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\r?\n\1- /m.test(text);
  const indented = /^( *)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\r?\n\1 +- /m.test(text);
  return { lineWidth: 0, indent: 2, indentSeq: indented || !compact } as const;
}

/** What a write did besides writing: said to the user by the command. */
export interface Written extends ProjectSource {
  /** The line merge could not keep the user's layout: `yaml` printed the whole file. */
  reprinted?: boolean;
  /** A few of the user's lines around the change were laid out anew (the content is the same). */
  relaid?: boolean;
  /** Someone else changed the same answers meanwhile: theirs stayed, the user's are kept here. */
  kept?: { file: string; paths: string[] };
}

/** What the user must know about a write that did more, or less, than asked: for stderr. */
export function writeNotes(written: Written, t: Translator): string[] {
  const notes: string[] = [];
  if (written.kept) notes.push(t('file.kept', { file: written.file, paths: written.kept.paths.join(', '), kept: written.kept.file }));
  if (written.reprinted) notes.push(t('file.reprinted', { file: written.file }));
  else if (written.relaid) notes.push(t('file.relaid', { file: written.file }));
  return notes;
}

/** The bytes of a file as read, to tell whether someone changed it since. */
function originalBytes(source: ProjectSource): Buffer {
  return Buffer.from((source.bom ? '\uFEFF' : '') + source.original, 'utf8');
}

/**
 * Applies `change` to the document and writes the file, holding the lock between writers. Lines
 * the change did not touch stay byte-for-byte as the user wrote them, each with its own line
 * ending. If the file changed on disk since it was read (a pull, an editor, another adopt), the
 * change is applied on top of what is there now.
 */
export async function writeProject(source: ProjectSource, change: (doc: Document.Parsed) => void, t: Translator, now: () => Date = () => new Date()): Promise<Written> {
  return write(source, change, undefined, t, now);
}

/**
 * The same, for a change given as data (the project as it should be): on a large file only the
 * top-level parts that change are parsed and rewritten (see sections.ts).
 */
export async function writeProjectData(source: ProjectSource, change: DataChange, t: Translator, now: () => Date = () => new Date()): Promise<Written> {
  return write(source, (doc) => applyChanges(doc, change.before, change.after, change.originOf), change, t, now);
}

async function write(source: ProjectSource, change: (doc: Document.Parsed) => void, data: DataChange | undefined, t: Translator, now: () => Date): Promise<Written> {
  const real = await realpath(source.path).catch(() => source.path);
  const info = await stat(real).catch(() => undefined);
  // A file made read-only (chmod 444, or Windows' read-only box) is a decision: respect it.
  if (info && (info.mode & 0o222) === 0) throw new FileSystemError(t('file.readOnly', { file: source.file }));
  const format = stringifyOptions(source.text);
  // The whole Document is built only when the fast way by parts does not apply.
  let changed: { doc: Document.Parsed; before: string } | undefined;
  const changeDocument = async () => {
    if (changed) return changed;
    const { doc } = await source.located();
    if (doc.errors.length > 0) throw new Error(`yaml cannot read ${source.path}: ${doc.errors[0]!.message}`);
    const before = doc.toString(format);
    change(doc);
    return (changed = { doc, before });
  };
  const ours = data ? data.after : (await changeDocument()).doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
  try {
    return await withLock(real, async () => {
      for (let attempt = 0; ; attempt++) {
        const current = await readFile(real).catch(() => undefined);
        if (current === undefined) throw new FileSystemError(t('file.goneMeanwhile', { file: source.file }));
        if (current.equals(originalBytes(source))) {
          const byParts = data ? await writeParts(source, real, data, format, t) : undefined;
          if (byParts) return byParts;
          const { doc, before } = await changeDocument();
          return await writeChanged(source, real, before, doc, format, t);
        }
        if (attempt >= 3) throw new FileSystemError(t('file.changedMeanwhile', { file: source.file }));
        const result = await writeOnTop(source, ours, current, real, t, now);
        if (result) return result;
      }
    });
  } catch (error) {
    if (error instanceof LockBusy) throw new FileSystemError(t('file.locked', { file: source.file, lock: path.basename(error.lockFile) }));
    if (error instanceof WriteFailure) throw new FileSystemError(writeFailureMessage(error, source.file, t));
    throw error;
  }
}

/** Replaces the file with its new text, unless someone changed it meanwhile. */
async function replaceFile(source: ProjectSource, real: string, output: string, t: Translator): Promise<void> {
  const expected = originalBytes(source);
  await writeAtomic(real, output, {
    beforeRename: async () => {
      const current = await readFile(real).catch(() => undefined);
      if (!current?.equals(expected)) throw new FileSystemError(t('file.changedMeanwhile', { file: source.file }));
    },
  });
}

/** The fast way: only the top-level parts the change touches are rewritten, each read back. */
async function writeParts(source: ProjectSource, real: string, change: DataChange, format: ReturnType<typeof stringifyOptions>, t: Translator): Promise<Written | undefined> {
  const { writeByParts } = await import('./sections.js');
  const merged = await writeByParts(source, change, format);
  if (!merged) return undefined;
  const original = await withLineEndings(merged.text.replace(/\r\n/g, '\n'), source.original);
  await replaceFile(source, real, (source.bom ? '\uFEFF' : '') + original, t);
  return Object.assign(knownSource(source.path, source.file, original, dataCopy(change.after), source.bom), merged.reprinted ? { reprinted: true } : merged.relaid ? { relaid: true } : {});
}

/** The file is as it was read: write the document's new text, merged line by line. */
async function writeChanged(source: ProjectSource, real: string, before: string, doc: Document.Parsed, format: ReturnType<typeof stringifyOptions>, t: Translator): Promise<Written> {
  const merge = await mergeText(source.text, before, doc.toString(format), doc);
  // The merge speaks LF (the user's own lines keep CRLF from `text`); each line gets its ending back here.
  const output = (source.bom ? '\uFEFF' : '') + (await withLineEndings(merge.text.replace(/\r\n/g, '\n'), source.original));
  // Read back before the rename, so that a failure leaves the file as it was, and says so truly.
  const reread = await parseProject(Buffer.from(output, 'utf8'), source.file, t, source.path);
  if (!reread.ok) throw new Error(`the new text would not read back: ${reread.problems[0]?.message}`);
  await replaceFile(source, real, output, t);
  return Object.assign(reread.source, merge.reprinted ? { reprinted: true } : merge.relaid ? { relaid: true } : {});
}

/**
 * The file changed since it was read: the user's change (`ours`, against `source`) is applied on
 * top of the file as it is now. Returns undefined when the file changed yet again meanwhile.
 */
async function writeOnTop(source: ProjectSource, ours: unknown, current: Buffer, real: string, t: Translator, now: () => Date): Promise<Written | undefined> {
  const fresh = await parseProject(current, source.file, t, source.path);
  const { rebase, unsavedAnswers } = await import('./rebase.js');
  if (!fresh.ok) {
    const file = await keepAside(source, isRecord(ours) ? { ...ours } : { version: 1 }, now);
    throw new FileSystemError(t('file.brokenMeanwhile', { file: source.file, kept: file }));
  }
  const working = workingCopy(fresh.source.data);
  const { merged, conflicts } = rebase(source.data, ours, working.copy);
  const { doc } = await fresh.source.located();
  const format = stringifyOptions(fresh.source.text);
  const before = doc.toString(format);
  applyChanges(doc, fresh.source.data, merged, working.originOf);
  let written: Written;
  try {
    written = await writeChanged(fresh.source, real, before, doc, format, t);
  } catch (error) {
    if (error instanceof FileSystemError && error.message === t('file.changedMeanwhile', { file: source.file })) return undefined;
    throw error;
  }
  if (conflicts.length > 0) {
    const file = await keepAside(source, unsavedAnswers(conflicts, ours), now);
    written.kept = { file, paths: conflicts.map((c) => formatSegments(c.path)) };
  }
  return written;
}

function formatSegments(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    const text = String(segment);
    out += text.startsWith('id=') ? `[${text.slice(3)}]` : typeof segment === 'number' ? `[${segment}]` : out ? `.${text}` : text;
  }
  return out;
}

/**
 * `adopt.yaml.unsaved-20270603-141502.yaml` beside the project: answers that found no place.
 * Never over another such file: two writers in the same second keep two (`…-2.yaml`).
 */
export async function keepAside(source: ProjectSource, answers: Record<string, unknown>, now: () => Date = () => new Date()): Promise<string> {
  const Y = await loadYaml();
  const text = Y.stringify(JSON.parse(JSON.stringify(answers)), { lineWidth: 0 });
  const written = await writeNewFile(`${source.path}.unsaved-${timeStamp(now())}`, '.yaml', text);
  return path.join(path.dirname(source.file), path.basename(written));
}

/** 20270603-141502: local time, as people read a file's name. */
export function timeStamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/**
 * Every line gets back the ending it had (CRLF, LF or a lone CR). A changed line takes the
 * ending of the line it replaces; an added one, the ending of the line before it.
 */
export async function withLineEndings(text: string, original: string): Promise<string> {
  if (!original.includes('\r')) return text;
  const oldLines: string[] = [];
  const oldEndings: string[] = [];
  for (const match of original.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    if (match.index === original.length && match[0] === '') break;
    oldLines.push(match[1]!);
    oldEndings.push(match[2]!);
  }
  const uniform = oldEndings.slice(0, -1).every((ending) => ending === oldEndings[0]);
  const newLines = text.split('\n');
  if (uniform) return newLines.join(oldEndings[0] || '\n');
  const { lineDiff } = await import('../util/line-diff.js');
  const endings: string[] = [];
  let at = 0;
  let previous = oldEndings[0] ?? '\n';
  let removed: string[] = [];
  for (const part of await lineDiff(oldLines, newLines)) {
    if (part.removed) {
      removed = oldEndings.slice(at, at + part.value.length);
      at += part.value.length;
      continue;
    }
    for (let i = 0; i < part.value.length; i++) {
      const ending = part.added ? (removed.shift() ?? previous) : oldEndings[at++]!;
      endings.push(ending);
      previous = ending || previous;
    }
    if (!part.added) removed = [];
  }
  let out = '';
  for (let i = 0; i < newLines.length; i++) out += newLines[i]! + (i < newLines.length - 1 ? endings[i] || previous : '');
  return out;
}

/** Creates a brand-new file (refusing to replace one that appeared meanwhile). */
export async function createProjectFile(file: string, text: string, t: Translator, shown = file): Promise<void> {
  try {
    await writeAtomic(file, text, {
      beforeRename: async () => {
        if (await stat(file).then(() => true, () => false)) throw new FileSystemError(t('file.changedMeanwhile', { file: shown }));
      },
    });
  } catch (error) {
    if (error instanceof WriteFailure) throw new FileSystemError(writeFailureMessage(error, shown, t));
    throw error;
  }
}

/** A failed write as one sentence: a full disk, no permission, a read-only disk, a held file. */
export function writeFailureMessage(error: WriteFailure, shown: string, t: Translator): string {
  const known: Record<string, MsgKey> = {
    ENOSPC: 'write.noSpace',
    EDQUOT: 'write.noSpace',
    EACCES: 'write.denied',
    EPERM: 'write.denied',
    EROFS: 'write.readOnlyDisk',
    EBUSY: 'write.busy',
    ENOTDIR: 'write.notFolder',
    EISDIR: 'write.isFolder',
    ENOTFILE: 'write.isFolder',
    ELINK: 'write.link',
    ENOENT: 'write.noFolder',
    ENOCREATE: 'write.cannotCreate',
  };
  const key = known[error.code];
  return key ? t(key, { file: shown, link: error.link ?? shown }) : t('file.writeFailed', { file: shown, reason: error.code });
}


/** The text of a new project file: the modeline first (when the schema is beside it), then version and language. */
export function newProjectText(language: 'fr' | 'en', modeline: boolean): string {
  return `${modeline ? `${MODELINE}\n` : ''}version: ${FORMAT_VERSION}\nlanguage: ${language}\n`;
}
