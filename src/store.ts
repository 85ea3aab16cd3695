/**
 * The one module that reads and writes project files.
 *
 * Reading has a fast path: `js-yaml` turns a clean file into data several times faster than
 * `yaml` builds its Document, and `status` and `validate` need only the data when the file is
 * fine. The `yaml` Document (positions, comments, key order) is built on first need: to locate
 * a problem, or to write. Anything unusual (a parse error, anchors and aliases, an unknown tag)
 * goes straight to `yaml`, whose messages and limits are the reference.
 */
import { readFile, stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { load as fastLoad, CORE_SCHEMA } from 'js-yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import type { MsgKey, Translator } from './i18n/index.js';
import { writeAtomic, withLock, LockBusy, WriteFailure } from './util/atomic.js';
import { FileSystemError } from './errors.js';
import type { Problem } from './problems.js';
import { keyOrder } from './generated/schema-facts.js';
import { isRecord, setOwn, hasOwn } from './util/records.js';

export const FORMAT_VERSION = 1;
export const SCHEMA_URL = 'https://unpkg.com/adopt-cli@0/schema/adopt.schema.json';
export const MODELINE = `# yaml-language-server: $schema=${SCHEMA_URL}`;
const MAX_ALIASES = 100;

export type PathSegment = string | number;
type Yaml = typeof import('yaml');

let yamlLibrary: Yaml | undefined;
async function loadYaml(): Promise<Yaml> {
  const module = (await import('yaml')) as unknown as Partial<Yaml> & { default?: Yaml };
  // Bundled, this CommonJS package arrives as the default export of its namespace.
  yamlLibrary ??= (module.LineCounter ? module : module.default) as Yaml;
  return yamlLibrary;
}
function yaml(): Yaml {
  if (!yamlLibrary) throw new Error('the yaml library is used before a document was loaded');
  return yamlLibrary;
}

/** The file as `yaml` sees it: a Document that knows where everything is. */
export interface Located {
  doc: Document.Parsed;
  lines: LineCounter;
}

export interface ProjectSource {
  /** Where the file is on disk, for reading and writing. */
  path: string;
  /** The file as the user named it, for messages. */
  file: string;
  /** The text as `yaml` reads it: a lone CR (old Mac files) read as LF, one character for one. */
  text: string;
  /** The text as it is on disk (without its byte-order mark), each line with its own ending. */
  original: string;
  /** The plain data: checked against the schema before anyone trusts its shape. */
  data: Record<string, unknown>;
  bom: boolean;
  /** The Document with positions and comments, parsed on first need. */
  located(): Promise<Located>;
}

export type ParseResult = { ok: true; source: ProjectSource } | { ok: false; problems: Problem[] };

/**
 * Reads the bytes of a file, turning what the system says into one sentence for the user.
 * `shown` is the file as the user named it, for messages.
 */
export async function readBytes(file: string, t: Translator, shown = file): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new FileSystemError(t('file.isDirectory', { file: shown }));
    // A pipe or a device would block or never end: only plain files are project files.
    if (!info.isFile()) throw new FileSystemError(t('file.notRegular', { file: shown }));
    return await readFile(file);
  } catch (error) {
    if (error instanceof FileSystemError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileSystemError(t('file.notFound', { file: shown }));
    throw new FileSystemError(t('file.unreadable', { file: shown, reason: code ?? (error as Error).message }));
  }
}

export async function loadProject(file: string, t: Translator, shown = file): Promise<ParseResult> {
  return parseProject(await readBytes(file, t, shown), shown, t, file);
}

function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/**
 * One walk over the data read by the fast reader: true when some object is reached twice (the
 * file uses anchors and aliases, which go to `yaml`); on the way, blank keys are set aside.
 */
function sharesObjects(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) return true;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const child of value) stack.push(child);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (record[key] === null) delete record[key];
      else stack.push(record[key]);
    }
  }
  return false;
}

/** The data of a clean, plain file, or undefined when the file needs `yaml`'s full attention. */
function readFast(text: string): unknown {
  try {
    const data = fastLoad(text, { schema: CORE_SCHEMA });
    return sharesObjects(data) ? undefined : data;
  } catch {
    return undefined;
  }
}

function locate(text: string, Y: Yaml): Located {
  const lines = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  return { doc, lines };
}

export async function parseProject(bytes: Uint8Array, file: string, t: Translator, diskPath = file): Promise<ParseResult> {
  const fail = (message: string, at?: { line: number; col: number }): ParseResult => ({
    ok: false,
    problems: [{ file, message, ...at }],
  });
  if (isUtf16(bytes)) return fail(t('file.utf16'));
  if (bytes.includes(0)) return fail(t('file.binary'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    return fail(t('file.notUtf8'), positionAt(lossy, lossy.indexOf('\uFFFD')));
  }
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  const original = text;
  // yaml, which does every write, does not take a lone CR for a line break (js-yaml does).
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  if (text.trim() === '') return fail(t('file.empty'));

  const conflict = /^(?:<{7}(?: |$)|={7}$|>{7}(?: |$))/m.exec(text);
  if (conflict) {
    const at = positionAt(text, conflict.index);
    return fail(t('file.conflict', { line: at.line }), at);
  }

  let located: Promise<Located> | undefined;
  let data = readFast(text);
  const fast = data !== undefined;
  if (!fast) {
    const Y = await loadYaml();
    const full = locate(text, Y);
    located = Promise.resolve(full);
    const { doc, lines } = full;
    // The first error only: the ones after it are mostly echoes of the first.
    const error = doc.errors[0];
    if (error) return { ok: false, problems: [{ file, ...lines.linePos(error.pos[0]), message: syntaxMessage(error, text, t) }] };
    if (doc.contents === null) return fail(t('file.empty'));
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      if (error instanceof ReferenceError || /alias/i.test((error as Error).message)) return fail(t('file.aliasBomb'));
      throw error;
    }
    const loop = aliasLoop(data, doc, lines);
    if (loop) return fail(t('file.aliasLoop'), loop);
  }
  // The fast reader's walk already set blank keys aside; yaml's data still has them.
  if (!fast) withoutBlanks(data);
  const source: ProjectSource = {
    path: diskPath,
    file,
    text,
    original,
    data: data as Record<string, unknown>,
    bom,
    located: () => (located ??= loadYaml().then((Y) => locate(text, Y))),
  };
  const at = async (segments: readonly PathSegment[]) => positionOfPath(await source.located(), segments);

  if (data === null || data === undefined) return fail(t('file.empty'));
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(t('file.notMapping', { found: describeFound(data, t) }), await at([]));
  }
  const version = (data as Record<string, unknown>).version;
  if (version === undefined) return fail(t('file.noVersion'), { line: 1, col: 1 });
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    return fail(t('file.newerVersion', { found: version, known: FORMAT_VERSION }), await at(['version']));
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail(t('file.badVersion', { found: JSON.stringify(version) }), await at(['version']));
  }
  return { ok: true, source };
}

/** UTF-16, as Windows PowerShell 5.1 writes with `>`: its byte-order mark, or every other byte zero. */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = Math.min(bytes.length, 512) & ~1;
  if (sample < 4) return false;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) (i % 2 === 0 ? zerosEven++ : zerosOdd++);
  return Math.max(zerosEven, zerosOdd) > sample / 2 * 0.9 && Math.min(zerosEven, zerosOdd) === 0;
}

/**
 * An alias inside the node it names (`x-a: &a { self: *a }`) makes data that contains itself:
 * every walk over it would never end. Returns where the loop is, or undefined.
 */
function aliasLoop(data: unknown, doc: Document.Parsed, lines: LineCounter): { line: number; col: number } | undefined {
  const onPath = new Set<object>();
  const stack: { value: unknown; leaving: boolean }[] = [{ value: data, leaving: false }];
  let found = false;
  while (stack.length > 0 && !found) {
    const { value, leaving } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (leaving) {
      onPath.delete(value);
      continue;
    }
    if (onPath.has(value)) {
      found = true;
      break;
    }
    onPath.add(value);
    stack.push({ value, leaving: true });
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, leaving: false });
  }
  if (!found) return undefined;
  let at: number | undefined;
  yaml().visit(doc, { Alias(_key, node) { at ??= node.range?.[0]; } });
  return lines.linePos(at ?? 0);
}

/** yaml's messages end with a code frame; keep the sentence. */
function yamlReason(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** The syntax mistakes people make by hand, said in their words; the rest in yaml's. */
function syntaxMessage(error: { code: string; message: string; pos: [number, number] }, text: string, t: Translator): string {
  const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart) === -1 ? undefined : text.indexOf('\n', lineStart));
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim().replace(/^["']|["']$/g, '') ?? '';
      return t('file.duplicateKey', { key });
    }
    case 'TAB_AS_INDENT':
      return t('yaml.tab');
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const pair = /^(\s*(?:- )?)([^:#]+):\s*(.*)$/.exec(line);
      return pair ? t('yaml.colonInText', { example: `${pair[2]!.trim()}: "${pair[3]!.replace(/"/g, '\\"')}"` }) : t('yaml.colonInTextPlain');
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return t('yaml.missingColon');
    case 'MISSING_CHAR':
      return /quote/i.test(error.message) ? t('yaml.unclosedQuote') : t('file.yamlSyntax', { reason: yamlReason(error.message) });
    case 'BAD_INDENT':
      return /end with a [\]}]/.test(error.message) ? t('yaml.unclosedBracket') : t('yaml.badIndent');
    default:
      return t('file.yamlSyntax', { reason: yamlReason(error.message) });
  }
}

/**
 * A key left blank (`support:`) means "not answered yet", as if it were absent: the schema
 * and the derivations then see a half-filled file, not a wrong one.
 */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) withoutBlanks(item);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === null) delete record[key];
      else withoutBlanks(record[key]);
    }
  }
  return value;
}

export function describeFound(value: unknown, t: Translator): string {
  if (value === null || value === undefined) return t('found.null');
  if (Array.isArray(value)) return t('found.list');
  if (typeof value === 'object') return t('found.group');
  return JSON.stringify(value);
}

/**
 * Where a path is in the file: the key of the last segment when there is one (so that an
 * unknown or wrong key is pointed at), otherwise the value. Falls back to the nearest parent.
 */
export function positionOfPath(located: Located, segments: readonly PathSegment[], target: 'key' | 'value' = 'key'): { line: number; col: number } {
  const Y = yaml();
  let node: unknown = located.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    let next: unknown;
    let keyOffset: number | undefined;
    if (Y.isMap(node)) {
      const pair = node.items.find((item) => Y.isScalar(item.key) && String(item.key.value) === String(segment)) as Pair<Node, Node> | undefined;
      if (!pair) break;
      next = pair.value;
      keyOffset = pair.key?.range?.[0];
    } else if (Y.isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    } else break;
    const last = i === segments.length - 1;
    const valueOffset = (next as Node | null)?.range?.[0];
    offset = last && target === 'key' && keyOffset !== undefined ? keyOffset : (valueOffset ?? keyOffset ?? offset);
    node = next;
  }
  return located.lines.linePos(offset);
}

// ── writing


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
  /** Someone else changed the same answers meanwhile: theirs stayed, the user's are kept here. */
  kept?: { file: string; paths: string[] };
}

/** What the user must know about a write that did more, or less, than asked: for stderr. */
export function writeNotes(written: Written, t: Translator): string[] {
  const notes: string[] = [];
  if (written.kept) notes.push(t('file.kept', { file: written.file, paths: written.kept.paths.join(', '), kept: written.kept.file }));
  if (written.reprinted) notes.push(t('file.reprinted', { file: written.file }));
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
  const real = await realpath(source.path).catch(() => source.path);
  const info = await stat(real).catch(() => undefined);
  // A file made read-only (chmod 444, or Windows' read-only box) is a decision: respect it.
  if (info && (info.mode & 0o222) === 0) throw new FileSystemError(t('file.readOnly', { file: source.file }));
  const { doc } = await source.located();
  if (doc.errors.length > 0) throw new Error(`yaml cannot read ${source.path}: ${doc.errors[0]!.message}`);
  const format = stringifyOptions(source.text);
  const before = doc.toString(format);
  change(doc);
  const ours = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
  try {
    return await withLock(real, async () => {
      for (let attempt = 0; ; attempt++) {
        const current = await readFile(real).catch(() => undefined);
        if (current === undefined) throw new FileSystemError(t('file.goneMeanwhile', { file: source.file }));
        if (current.equals(originalBytes(source))) return await writeChanged(source, real, before, doc, format, t);
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

/** The file is as it was read: write the document's new text, merged line by line. */
async function writeChanged(source: ProjectSource, real: string, before: string, doc: Document.Parsed, format: ReturnType<typeof stringifyOptions>, t: Translator): Promise<Written> {
  const merge = await mergeText(source.text, before, doc.toString(format), doc);
  // The merge speaks LF (the user's own lines keep CRLF from `text`); each line gets its ending back here.
  const output = (source.bom ? '\uFEFF' : '') + (await withLineEndings(merge.text.replace(/\r\n/g, '\n'), source.original));
  // Read back before the rename, so that a failure leaves the file as it was, and says so truly.
  const reread = await parseProject(Buffer.from(output, 'utf8'), source.file, t, source.path);
  if (!reread.ok) throw new Error(`the new text would not read back: ${reread.problems[0]?.message}`);
  const expected = originalBytes(source);
  await writeAtomic(real, output, {
    beforeRename: async () => {
      const current = await readFile(real).catch(() => undefined);
      if (!current?.equals(expected)) throw new FileSystemError(t('file.changedMeanwhile', { file: source.file }));
    },
  });
  return Object.assign(reread.source, merge.reprinted ? { reprinted: true } : {});
}

/**
 * The file changed since it was read: the user's change (`ours`, against `source`) is applied on
 * top of the file as it is now. Returns undefined when the file changed yet again meanwhile.
 */
async function writeOnTop(source: ProjectSource, ours: unknown, current: Buffer, real: string, t: Translator, now: () => Date): Promise<Written | undefined> {
  const fresh = await parseProject(current, source.file, t, source.path);
  const { rebase, unsavedAnswers } = await import('./store-rebase.js');
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

/** `adopt.yaml.unsaved-20270603-141502.yaml` beside the project: answers that found no place. */
async function keepAside(source: ProjectSource, answers: Record<string, unknown>, now: () => Date): Promise<string> {
  const Y = await loadYaml();
  const d = now();
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  const target = `${source.path}.unsaved-${stamp}.yaml`;
  const text = Y.stringify(JSON.parse(JSON.stringify(answers)), { lineWidth: 0 });
  await writeAtomic(target, text);
  return path.join(path.dirname(source.file), path.basename(target));
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
  const { lineDiff } = await import('./util/line-diff.js');
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
  };
  const key = known[error.code];
  return key ? t(key, { file: shown, link: error.link ?? shown }) : t('file.writeFailed', { file: shown, reason: error.code });
}

// Spreading a long array into push() overflows the stack: a 130,000-line file has such runs.
function pushAll(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}
function pushRange(out: string[], lines: readonly string[], from: number, to: number): void {
  for (let i = from; i < to; i++) out.push(lines[i]!);
}

/**
 * A three-way merge by lines. Base: what `yaml` prints for the file as read. Ours: the file
 * as the user wrote it (base plus their formatting). Theirs: what `yaml` prints after the change.
 * Where only the formatting differs we keep the user's lines; where the change touched, its lines.
 * If the result would not mean the same as the changed document, the changed document wins.
 */
async function mergeText(ours: string, base: string, theirs: string, doc: Document.Parsed): Promise<{ text: string; reprinted: boolean }> {
  if (base === theirs) return { text: ours, reprinted: false };
  const { lineDiff } = await import('./util/line-diff.js');
  const split = (s: string) => s.replace(/\r\n/g, '\n').split('\n');
  const o = split(ours);
  const b = split(base);
  const th = split(theirs);
  const hunks = async (other: string[], side: 'ours' | 'theirs') => {
    const result: { start: number; end: number; lines: string[]; side: typeof side }[] = [];
    let at = 0;
    for (const part of await lineDiff(b, other)) {
      if (part.added) {
        const last = result[result.length - 1];
        if (last && last.end === at) pushAll(last.lines, part.value);
        else result.push({ start: at, end: at, lines: part.value.slice(), side });
      } else if (part.removed) {
        const last = result[result.length - 1];
        if (last && last.end === at) last.end += part.value.length;
        else result.push({ start: at, end: at + part.value.length, lines: [], side });
        at += part.value.length;
      } else at += part.value.length;
    }
    return result;
  };
  const isInsertion = (h: { start: number; end: number }) => h.start === h.end;
  // At one place, an insertion goes before a replaced range: inserting a line just before a
  // line the user formatted their own way is not a conflict.
  const all = [...(await hunks(o, 'ours')), ...(await hunks(th, 'theirs'))].sort(
    (x, y) => x.start - y.start || Number(!isInsertion(x)) - Number(!isInsertion(y)) || (x.side === 'ours' ? -1 : 1),
  );
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < all.length; ) {
    const group = [all[i]!];
    let end = all[i]!.end;
    // Hunks conflict when their ranges overlap, or when both insert at the same place.
    for (i++; i < all.length; i++) {
      const next = all[i]!;
      const last = group[group.length - 1]!;
      const overlaps = next.start < end || (isInsertion(next) && isInsertion(last) && next.start === last.start);
      if (!overlaps) break;
      group.push(next);
      end = Math.max(end, next.end);
    }
    const start = group[0]!.start;
    pushRange(out, b, at, start);
    if (new Set(group.map((h) => h.side)).size === 1) {
      for (const h of group) pushAll(out, h.lines);
    } else {
      // Both sides touched this region: take the changed document's version of all of it.
      let cursor = start;
      for (const h of group.filter((g) => g.side === 'theirs')) {
        pushRange(out, b, cursor, h.start);
        pushAll(out, h.lines);
        cursor = h.end;
      }
      pushRange(out, b, cursor, end);
    }
    at = end;
  }
  pushRange(out, b, at, b.length);
  const merged = out.join('\n');
  // The fast reader when the merged text is plain (the usual case), yaml's when it is not or
  // when they differ (the fast reader sets blank keys aside).
  const expected = JSON.stringify(doc.toJS({ maxAliasCount: MAX_ALIASES }));
  let same = false;
  const fast = readFast(merged);
  if (fast !== undefined) same = JSON.stringify(fast) === expected;
  if (!same) {
    const check = yaml().parseDocument(merged, { version: '1.2', uniqueKeys: false });
    same = check.errors.length === 0 && JSON.stringify(check.toJS({ maxAliasCount: MAX_ALIASES })) === expected;
  }
  return same ? { text: merged, reprinted: false } : { text: theirs, reprinted: true };
}

// ── editing the document in the canonical key order

/** The key of the format's key order for a path: `needs.budget.items[]` for any item of that list. */
export function orderKey(segments: readonly PathSegment[]): string {
  let key = '';
  for (const segment of segments) key = typeof segment === 'number' ? `${key}[]` : key ? `${key}.${segment}` : segment;
  return key;
}

/**
 * Sets a value at a path, creating the groups on the way. A key that is new is inserted where
 * the format's key order puts it among the keys already there; an existing key keeps its place.
 */
export function setIn(doc: Document, segments: readonly PathSegment[], value: unknown): void {
  if (segments.length === 0) throw new Error('setIn needs a path');
  const { isMap, isSeq, YAMLMap } = yaml();
  let parent: unknown = doc.contents;
  if (!isMap(parent)) {
    parent = new YAMLMap();
    doc.contents = parent as YAMLMap<unknown, unknown>;
  }
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    let next: unknown = isMap(parent) ? parent.get(segment, true) : isSeq(parent) ? parent.items[segment as number] : undefined;
    if (!isMap(next) && !isSeq(next)) {
      next = typeof segments[i + 1] === 'number' ? doc.createNode([]) : new YAMLMap();
      insertPair(doc, parent, segments.slice(0, i), segment, next);
    }
    parent = next;
  }
  insertPair(doc, parent, segments.slice(0, -1), segments[segments.length - 1]!, value);
}

/**
 * A scalar answer changed to another scalar: the node keeps its comment (`due: 2027-07-05 #
 * about three months after…`) and only its value changes. Returns false when a new node is needed.
 */
function keepNode(node: unknown, value: unknown): boolean {
  const { isScalar } = yaml();
  if (!isScalar(node) || value === null || typeof value === 'object') return false;
  if (!node.comment && !node.commentBefore) return false;
  node.value = value;
  // A block scalar (| or >) for a one-line value, or plain text that would read as another type, is left to yaml's choice.
  delete node.type;
  return true;
}

/** A value replaced by one of another kind keeps the comments the user wrote on it. */
function withComments(node: unknown, old: unknown): unknown {
  const { isNode } = yaml();
  if (!isNode(node) || !isNode(old)) return node;
  if (old.comment && !node.comment) node.comment = old.comment;
  if (old.commentBefore && !node.commentBefore) node.commentBefore = old.commentBefore;
  return node;
}

function insertPair(doc: Document, parent: unknown, parentPath: readonly PathSegment[], key: PathSegment, value: unknown): void {
  const { isMap, isSeq, isScalar, isPair } = yaml();
  const node = isPair(value) || (value && typeof value === 'object' && 'range' in (value as object)) ? value : doc.createNode(value);
  if (isSeq(parent) && typeof key === 'number') {
    if (key < parent.items.length) {
      if (!keepNode(parent.items[key], value)) parent.items[key] = withComments(node, parent.items[key]);
    }
    else {
      if (parent.flow && parent.items.length === 0) parent.flow = false;
      parent.items.push(node);
    }
    return;
  }
  if (!isMap(parent)) throw new Error(`cannot set ${String(key)} here`);
  if (parent.flow && parent.items.length === 0) parent.flow = false;
  const existing = parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (existing) {
    if (!keepNode(existing.value, value)) existing.value = withComments(node, existing.value);
    return;
  }
  const order = keyOrder[orderKey(parentPath)] ?? [];
  const rank = order.indexOf(String(key));
  const pair = doc.createPair(key, node);
  if (rank === -1) {
    parent.items.push(pair);
    return;
  }
  // Right after the last key that comes before it in the format, so that the user's own keys
  // stay next to what they wrote them beside.
  const ranks = parent.items.map((item) => order.indexOf(String(isScalar(item.key) ? item.key.value : '')));
  let after = -1;
  ranks.forEach((other, index) => {
    if (other !== -1 && other < rank) after = index;
  });
  if (after === -1) {
    const before = ranks.findIndex((other) => other > rank);
    parent.items.splice(before === -1 ? parent.items.length : before, 0, pair);
  } else parent.items.splice(after + 1, 0, pair);
}

/** The text of a new project file: the modeline first, then version and language. */
export function newProjectText(language: 'fr' | 'en'): string {
  return `${MODELINE}\nversion: ${FORMAT_VERSION}\nlanguage: ${language}\n`;
}

// ── applying a changed copy of the data to the document


/**
 * A working copy of the data for a command to change freely, and a way to tell, for each list
 * item of the copy, which item of the original it came from (so that removing the second of
 * three items removes that item, instead of shifting the others' answers up by one).
 */
export function workingCopy<T>(data: T): { copy: T; originOf: (item: object) => object | undefined } {
  const origins = new WeakMap<object, object>();
  const clone = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const copied = value.map(clone);
      origins.set(copied, value);
      copied.forEach((item, index) => item && typeof item === 'object' && origins.set(item as object, value[index] as object));
      return copied;
    }
    if (isRecord(value)) {
      const copied: Record<string, unknown> = {};
      for (const key of Object.keys(value)) setOwn(copied, key, clone(value[key]));
      origins.set(copied, value);
      return copied;
    }
    return value;
  };
  return { copy: clone(data) as T, originOf: (item) => origins.get(item) };
}

/**
 * Turns the differences between the data as read and its changed copy into the smallest edits
 * of the Document: a changed answer sets that one key, a removed list item deletes that item, a
 * new one is appended. Everything else in the Document (comments, styles) is left alone.
 */
export function applyChanges(doc: Document, before: unknown, after: unknown, originOf: (item: object) => object | undefined, at: PathSegment[] = []): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (after === undefined) {
    doc.deleteIn(at);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(before)) if (!hasOwn(after, key)) doc.deleteIn([...at, key]);
    for (const key of Object.keys(after)) {
      if (hasOwn(before, key)) applyChanges(doc, before[key], after[key], originOf, [...at, key]);
      else setIn(doc, [...at, key], after[key]);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && after.every(isRecord)) {
    // Commands keep the items they keep in order and add new ones at the end.
    const indexOf = new Map<unknown, number>(before.map((item, index) => [item, index]));
    const origins = after.map((item) => indexOf.get(originOf(item)) ?? -1);
    const kept = new Set(origins);
    for (let index = before.length - 1; index >= 0; index--) if (!kept.has(index)) doc.deleteIn([...at, index]);
    after.forEach((item, index) => {
      const origin = origins[index]!;
      if (origin === -1) appendIn(doc, at, item);
      else applyChanges(doc, before[origin], item, originOf, [...at, index]);
    });
    return;
  }
  setIn(doc, at, after);
}

/** Adds an item at the end of the list at a path. */
function appendIn(doc: Document, at: readonly PathSegment[], item: unknown): void {
  const list = doc.getIn(at, true);
  if (yaml().isSeq(list)) {
    // `reviews: []` as first written: what adopt adds is block style (docs/decisions.md).
    if (list.flow && list.items.length === 0) list.flow = false;
    list.items.push(doc.createNode(item));
  } else setIn(doc, at, [item]);
}
