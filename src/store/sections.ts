/**
 * The fast way to write a large file: a change given as data touches a few of the file's
 * top-level keys (a review touches `evaluation`), so only their part of the text is parsed,
 * changed and merged; every other part is copied as it is. Each rewritten part is read back and
 * must mean exactly its new data; anything unusual (anchors, a flow or list root, directives, a
 * top-level key added or removed, a part that does not read alone) returns undefined, and the
 * whole-document way is taken instead.
 */
import { MAX_ALIASES, loadYaml, type ProjectSource } from './source.js';
import { readFast, withoutBlanks } from './read.js';
import { mergeText } from './merge.js';
import { applyChanges } from './edit.js';

/** A change as data: the project before and after, and which item of `before` each item of `after` is. */
export interface DataChange {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  originOf: (item: object) => object | undefined;
}

interface Part {
  key: string;
  text: string;
}

const keyLine = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[A-Za-z0-9_$][^:#\n]*?)[ \t]*:(?:[ \t\r\n]|$)/;

function keyName(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/** The text cut where each top-level key starts: what comes before the first key, then one part per key. */
export function topLevelParts(text: string): { head: string; parts: Part[] } | undefined {
  const parts: Part[] = [];
  let head = '';
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const next = end === -1 ? text.length : end + 1;
    const line = text.slice(at, next);
    const first = line[0];
    if (first !== undefined && first !== ' ' && first !== '\t' && first !== '#' && first !== '\n' && first !== '\r') {
      const match = keyLine.exec(line);
      // A list, a flow collection, a directive or a document marker at the top: not for this way.
      if (!match) return undefined;
      parts.push({ key: keyName(match[1]!), text: line });
    } else if (parts.length === 0) head += line;
    else parts[parts.length - 1]!.text += line;
    at = next;
  }
  return { head, parts };
}

const json = (value: unknown) => JSON.stringify(value);

/** The new text (LF, as `source.text`), or undefined when this way does not apply. */
export async function writeByParts(source: ProjectSource, change: DataChange, format: object): Promise<{ text: string; reprinted: boolean; relaid: boolean } | undefined> {
  if (!source.plain) return undefined;
  // Line by line in LF; each line gets its own ending back afterwards.
  const cut = topLevelParts(source.text.replace(/\r\n/g, '\n'));
  if (!cut) return undefined;
  const keys = cut.parts.map((part) => part.key);
  const sameKeys = (other: string[]) => other.length === keys.length && other.every((key, index) => key === keys[index]);
  if (!sameKeys(Object.keys(change.before)) || !sameKeys(Object.keys(change.after))) return undefined;
  const Y = await loadYaml();
  let reprinted = false;
  let relaid = false;
  let text = cut.head;
  for (const part of cut.parts) {
    const before = change.before[part.key];
    const after = change.after[part.key];
    if (json(before) === json(after)) {
      text += part.text;
      continue;
    }
    const doc = Y.parseDocument(part.text, { version: '1.2', uniqueKeys: true });
    if (doc.errors.length > 0) return undefined;
    // The part alone must say exactly what the whole file says of its key.
    if (json(withoutBlanks(doc.toJS({ maxAliasCount: MAX_ALIASES }))) !== json({ [part.key]: before })) return undefined;
    const base = doc.toString(format);
    applyChanges(doc, { [part.key]: before }, { [part.key]: after }, change.originOf);
    const merged = await mergeText(part.text, base, doc.toString(format), doc);
    let written = merged.text;
    if (part.text.endsWith('\n') && !written.endsWith('\n')) written += '\n';
    // The fast reader sets blank keys aside, as the data compared with does.
    const reread = readFast(written);
    if (reread === undefined || json(reread) !== json({ [part.key]: after })) return undefined;
    reprinted ||= merged.reprinted;
    relaid ||= merged.relaid;
    text += written;
  }
  return { text, reprinted, relaid };
}
