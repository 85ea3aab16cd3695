/** The text of a changed Document, merged line by line with the file as the user wrote it. */
import type { Document } from 'yaml';
import { MAX_ALIASES, yaml } from './source.js';
import { readFast } from './read.js';

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
export async function mergeText(ours: string, base: string, theirs: string, doc: Document.Parsed): Promise<{ text: string; reprinted: boolean; relaid: boolean }> {
  if (base === theirs) return { text: ours, reprinted: false, relaid: false };
  const { lineDiff } = await import('../util/line-diff.js');
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
  let relaid = false;
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
      // Both sides touched this region: take the changed document's version of all of it. The
      // user's own layout of these lines is lost, and the user is told.
      relaid = true;
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
  return same ? { text: merged, reprinted: false, relaid } : { text: theirs, reprinted: true, relaid: false };
}
