/**
 * The one module that reads and writes project files.
 *
 * Reading has a fast path: `js-yaml` turns a clean file into data several times faster than
 * `yaml` builds its Document, and `status` and `validate` need only the data when the file is
 * fine. The `yaml` Document (positions, comments, key order) is built on first need: to locate
 * a problem, or to write. Anything unusual (a parse error, anchors and aliases, an unknown tag)
 * goes straight to `yaml`, whose messages and limits are the reference.
 */
import { readFile, stat, rename, unlink, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { load as fastLoad, CORE_SCHEMA } from 'js-yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import type { Translator } from './i18n/index.js';
import { UsageError } from './errors.js';
import type { Problem } from './problems.js';
import { keyOrder } from './generated/schema-facts.js';
import { isRecord } from './util/records.js';

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
  text: string;
  /** The plain data: checked against the schema before anyone trusts its shape. */
  data: Record<string, unknown>;
  bom: boolean;
  eol: '\n' | '\r\n';
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
    if (info.isDirectory()) throw new UsageError(t('file.isDirectory', { file: shown }));
    // A pipe or a device would block or never end: only plain files are project files.
    if (!info.isFile()) throw new UsageError(t('file.notRegular', { file: shown }));
    return await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(t('file.notFound', { file: shown }));
    throw new UsageError(t('file.unreadable', { file: shown, reason: code ?? (error as Error).message }));
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
  }
  // The fast reader's walk already set blank keys aside; yaml's data still has them.
  if (!fast) withoutBlanks(data);
  const source: ProjectSource = {
    path: diskPath,
    file,
    text,
    data: data as Record<string, unknown>,
    bom,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
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

/**
 * Applies `change` to the document and writes the file. Lines the change did not touch stay
 * byte-for-byte as the user wrote them, even where `yaml` would format them differently.
 */
export async function writeProject(source: ProjectSource, change: (doc: Document.Parsed) => void, t: Translator): Promise<ProjectSource> {
  const { doc } = await source.located();
  if (doc.errors.length > 0) throw new Error(`yaml cannot read ${source.path}: ${doc.errors[0]!.message}`);
  const format = stringifyOptions(source.text);
  const before = doc.toString(format);
  change(doc);
  const after = doc.toString(format);
  const text = await mergeText(source.text, before, after, doc);
  const output = (source.bom ? '\uFEFF' : '') + (source.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text);
  await atomicWrite(source.path, output, source, t, source.file);
  const reread = await parseProject(Buffer.from(output, 'utf8'), source.file, t, source.path);
  if (!reread.ok) throw new Error(`the written file no longer parses: ${reread.problems[0]?.message}`);
  return reread.source;
}

/** Writes a brand-new file (refusing to replace one that appeared meanwhile). */
export async function createProjectFile(file: string, text: string, t: Translator, shown = file): Promise<void> {
  await atomicWrite(file, text, undefined, t, shown);
}

async function atomicWrite(link: string, text: string, readFrom: ProjectSource | undefined, t: Translator, shown: string): Promise<void> {
  // Through a symbolic link, the file it points to is the one to replace, not the link.
  const file = await realpath(link).catch(() => link);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let mode = 0o644;
  try {
    mode = (await stat(file)).mode & 0o777;
  } catch {
    // a new file
  }
  try {
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (readFrom) {
      const current = await readFile(file).catch(() => undefined);
      const expected = (readFrom.bom ? '\uFEFF' : '') + readFrom.text;
      if (current === undefined || current.toString('utf8') !== expected) {
        throw new UsageError(t('file.changedMeanwhile', { file: shown }));
      }
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof UsageError) throw error;
    throw new UsageError(t('file.writeFailed', { file: shown, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
}

/**
 * A three-way merge by lines. Base: what `yaml` prints for the file as read. Ours: the file
 * as the user wrote it (base plus their formatting). Theirs: what `yaml` prints after the change.
 * Where only the formatting differs we keep the user's lines; where the change touched, its lines.
 * If the result would not mean the same as the changed document, the changed document wins.
 */
async function mergeText(ours: string, base: string, theirs: string, doc: Document.Parsed): Promise<string> {
  if (base === theirs) return ours;
  const { diffArrays } = await import('diff');
  const split = (s: string) => s.replace(/\r\n/g, '\n').split('\n');
  const o = split(ours);
  const b = split(base);
  const th = split(theirs);
  const hunks = (other: string[], side: 'ours' | 'theirs') => {
    const result: { start: number; end: number; lines: string[]; side: typeof side }[] = [];
    let at = 0;
    for (const part of diffArrays(b, other)) {
      if (part.added) {
        const last = result[result.length - 1];
        if (last && last.end === at) last.lines.push(...part.value);
        else result.push({ start: at, end: at, lines: [...part.value], side });
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
  const all = [...hunks(o, 'ours'), ...hunks(th, 'theirs')].sort(
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
    out.push(...b.slice(at, start));
    if (new Set(group.map((h) => h.side)).size === 1) {
      for (const h of group) out.push(...h.lines);
    } else {
      // Both sides touched this region: take the changed document's version of all of it.
      let cursor = start;
      for (const h of group.filter((g) => g.side === 'theirs')) {
        out.push(...b.slice(cursor, h.start), ...h.lines);
        cursor = h.end;
      }
      out.push(...b.slice(cursor, end));
    }
    at = end;
  }
  out.push(...b.slice(at));
  const merged = out.join('\n');
  const check = yaml().parseDocument(merged, { version: '1.2', uniqueKeys: false });
  const same = check.errors.length === 0 && JSON.stringify(check.toJS({ maxAliasCount: MAX_ALIASES })) === JSON.stringify(doc.toJS({ maxAliasCount: MAX_ALIASES }));
  return same ? merged : theirs;
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

function insertPair(doc: Document, parent: unknown, parentPath: readonly PathSegment[], key: PathSegment, value: unknown): void {
  const { isMap, isSeq, isScalar, isPair } = yaml();
  const node = isPair(value) || (value && typeof value === 'object' && 'range' in (value as object)) ? value : doc.createNode(value);
  if (isSeq(parent) && typeof key === 'number') {
    if (key < parent.items.length) parent.items[key] = node;
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
    existing.value = node;
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
      for (const [key, child] of Object.entries(value)) copied[key] = clone(child);
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
    for (const key of Object.keys(before)) if (!(key in after)) doc.deleteIn([...at, key]);
    for (const [key, value] of Object.entries(after)) {
      if (key in before) applyChanges(doc, before[key], value, originOf, [...at, key]);
      else setIn(doc, [...at, key], value);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && after.every(isRecord)) {
    // Commands keep the items they keep in order and add new ones at the end.
    const origins = after.map((item) => before.indexOf(originOf(item) as never));
    for (let index = before.length - 1; index >= 0; index--) if (!origins.includes(index)) doc.deleteIn([...at, index]);
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
    // `reviews: []` as first written: what adopt adds is block style (DESIGN.md).
    if (list.flow && list.items.length === 0) list.flow = false;
    list.items.push(doc.createNode(item));
  } else setIn(doc, at, [item]);
}
