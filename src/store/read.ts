/**
 * Reading project files.
 *
 * Reading has a fast path: `js-yaml` turns a clean file into data several times faster than
 * `yaml` builds its Document, and `status` and `validate` need only the data when the file is
 * fine. The `yaml` Document (positions, comments, key order) is built on first need: to locate
 * a problem, or to write. Anything unusual (a parse error, anchors and aliases, an unknown tag)
 * goes straight to `yaml`, whose messages and limits are the reference.
 */
import { readFileSync, statSync } from 'node:fs';
import { load as fastLoad, CORE_SCHEMA } from 'js-yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { Translator } from '../i18n/index.js';
import { FileSystemError } from '../errors.js';
import { FORMAT_VERSION, MAX_ALIASES, loadYaml, yaml, type Located, type ParseResult, type PathSegment, type ProjectSource, type Yaml } from './source.js';
import type { YamlError } from './syntax.js';

/** The advice on hand-edit mistakes: only a file with a mistake needs it. */
const syntax = () => import('./syntax.js');

/**
 * Reads the bytes of a file, turning what the system says into one sentence for the user.
 * `shown` is the file as the user named it, for messages. Synchronous calls: a project file is
 * small, and each promise-based call is a round trip through the thread pool, which over a
 * portfolio of thousands of files cost more than the reading itself.
 */
export async function readBytes(file: string, t: Translator, shown = file): Promise<Buffer> {
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new FileSystemError(t('file.isDirectory', { file: shown }));
    // A pipe or a device would block or never end: only plain files are project files.
    if (!info.isFile()) throw new FileSystemError(t('file.notRegular', { file: shown }));
    return readFileSync(file);
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
export function readFast(text: string): unknown {
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

/**
 * The source of a file whose text and data are already known (adopt just wrote them and checked
 * each changed part): no second read of a large file.
 */
export function knownSource(diskPath: string, file: string, original: string, data: Record<string, unknown>, bom: boolean): ProjectSource {
  const text = original.includes('\r') ? original.replace(/\r(?!\n)/g, '\n') : original;
  let located: Promise<Located> | undefined;
  return { path: diskPath, file, text, original, data, bom, plain: true, located: () => (located ??= loadYaml().then((Y) => locate(text, Y))) };
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

  const invisible = text.includes('\u00a0') ? (await syntax()).nbspIndent(text, t) : undefined;
  if (invisible) return { ok: false, problems: [{ file, ...invisible }] };

  let located: Promise<Located> | undefined;
  let data = readFast(text);
  const fast = data !== undefined;
  if (!fast) {
    const Y = await loadYaml();
    const full = locate(text, Y);
    located = Promise.resolve(full);
    const { doc, lines } = full;
    // The first error only: the ones after it are mostly echoes of the first. An unknown tag
    // (`!urgent`) is only a warning to yaml, but it would silently turn the text into nothing.
    const error = doc.errors[0] ?? doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
    if (error) return { ok: false, problems: [{ file, ...(await syntaxProblem(error, text, lines, t)) }] };
    if (doc.contents === null) return fail(t('file.empty'));
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      if (error instanceof ReferenceError && /unresolved alias/i.test(error.message)) {
        let at = 0;
        yaml().visit(doc, { Alias(_key, node) { if (!at && node.resolve(doc) === undefined) at = node.range?.[0] ?? 0; } });
        const problem = (await syntax()).unknownAlias(text, at, t);
        return problem ? { ok: false, problems: [{ file, ...problem }] } : fail(t('file.yamlSyntax', { reason: yamlReason(error.message) }), lines.linePos(at));
      }
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
    plain: fast,
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
async function syntaxProblem(error: YamlError, text: string, lines: LineCounter, t: Translator): Promise<{ line: number; col: number; message: string }> {
  const found = (await syntax()).diagnose(error, text, t);
  if (found) return found;
  const at = lines.linePos(error.pos[0]);
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { ...at, message: t('yaml.colonInTextPlain') };
    case 'MISSING_CHAR':
      return { ...at, message: /quote/i.test(error.message) ? t('yaml.unclosedQuotePlain') : t('file.yamlSyntax', { reason: yamlReason(error.message) }) };
    case 'BAD_INDENT':
      return { ...at, message: /end with a [\]}]/.test(error.message) ? t('yaml.unclosedBracket') : t('yaml.badIndent') };
    default:
      return { ...at, message: t('file.yamlSyntax', { reason: yamlReason(error.message) }) };
  }
}

/**
 * A key left blank (`support:`) means "not answered yet", as if it were absent: the schema
 * and the derivations then see a half-filled file, not a wrong one.
 */
export function withoutBlanks(value: unknown): unknown {
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

