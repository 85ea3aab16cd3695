/**
 * Someone saved the project file while adopt was asking its questions (a `git pull`, an
 * editor, a second adopt): the answers are applied on top of what is on disk now, as git
 * applies a change on top of another. Only a field changed both ways is a conflict: the file's
 * value stays, and the user's answer is kept aside in a partial project file.
 */
import type { PathSegment } from './source.js';
import { isRecord, setOwn, hasOwn, dataCopy as plainCopy } from '../util/records.js';

export interface Conflict {
  path: PathSegment[];
  /** The user's answer at that place (undefined: they removed it). */
  ours: unknown;
}

type Data = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const idOf = (item: unknown) => (isRecord(item) && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id) : undefined);
const allHaveIds = (list: readonly unknown[]) => list.every((item) => idOf(item) !== undefined);

/**
 * Applies the differences from `base` to `ours` to `theirs` (a working copy, changed in place:
 * its items stay the objects they were, so that each can be traced to the file's), and returns
 * it with the places where both sides changed the same thing differently (where `theirs` wins).
 */
export function rebase(base: unknown, ours: unknown, theirs: unknown): { merged: unknown; conflicts: Conflict[] } {
  const conflicts: Conflict[] = [];
  const merged = apply(base, ours, theirs, [], conflicts);
  return { merged, conflicts };
}

function apply(base: unknown, ours: unknown, theirs: unknown, at: PathSegment[], conflicts: Conflict[]): unknown {
  if (same(base, ours)) return theirs; // the user did not touch it
  if (same(theirs, ours)) return theirs; // both made the same change
  if (same(theirs, base)) return plainCopy(ours); // only the user changed it
  if (isRecord(base) && isRecord(ours) && isRecord(theirs)) {
    const keys = new Set([...Object.keys(base), ...Object.keys(ours)]);
    for (const key of keys) {
      const value = apply(hasOwn(base, key) ? base[key] : undefined, hasOwn(ours, key) ? ours[key] : undefined, hasOwn(theirs, key) ? theirs[key] : undefined, [...at, key], conflicts);
      if (value === undefined) delete theirs[key];
      else setOwn(theirs, key, value);
    }
    return theirs;
  }
  if (Array.isArray(base) && Array.isArray(ours) && Array.isArray(theirs)) {
    if (allHaveIds(base) && allHaveIds(ours) && allHaveIds(theirs)) return applyById(base, ours, theirs, at, conflicts);
    // Without ids, only additions at the end can be told apart from changes.
    const prefix = ours.length >= base.length && base.every((item, index) => same(item, ours[index]));
    if (prefix) return [...theirs, ...ours.slice(base.length).map(plainCopy).filter((item) => !theirs.some((other) => same(other, item)))];
  }
  conflicts.push({ path: at, ours });
  return theirs;
}

/** Lists of items with ids (objectives, key users, milestones…): items are matched by id. */
function applyById(base: unknown[], ours: unknown[], theirs: unknown[], at: PathSegment[], conflicts: Conflict[]): unknown[] {
  const baseById = new Map(base.map((item) => [idOf(item)!, item]));
  const oursById = new Map(ours.map((item) => [idOf(item)!, item]));
  const result: unknown[] = [];
  for (const item of theirs) {
    const id = idOf(item)!;
    const before = baseById.get(id);
    const after = oursById.get(id);
    if (before !== undefined && after === undefined) {
      // The user removed it; the other side changed it meanwhile: keep it, and say so.
      if (!same(before, item)) conflicts.push({ path: [...at, `id=${id}`], ours: undefined });
      else continue;
    }
    if (before !== undefined && after !== undefined) {
      result.push(apply(before, after, item, [...at, `id=${id}`], conflicts));
      continue;
    }
    if (before === undefined && after !== undefined && !same(after, item)) conflicts.push({ path: [...at, `id=${id}`], ours: after });
    result.push(item);
  }
  const present = new Set(theirs.map(idOf));
  for (const item of ours) {
    const id = idOf(item)!;
    if (!baseById.has(id) && !present.has(id)) result.push(plainCopy(item));
  }
  return result;
}

/**
 * The user's answers that could not be applied, as a partial project file that
 * `adopt init --from` applies: list items carry their id, so that they land on the right one.
 */
export function unsavedAnswers(conflicts: readonly Conflict[], ours: unknown): Data {
  const out: Data = { version: 1 };
  for (const conflict of conflicts) {
    if (conflict.ours === undefined) continue;
    let source: unknown = ours;
    let target: Data = out;
    const segments = conflict.path;
    for (let i = 0; i < segments.length; i++) {
      const segment = String(segments[i]);
      const last = i === segments.length - 1;
      const next = segments[i + 1];
      if (typeof next === 'string' && next.startsWith('id=')) {
        // segment names a list; next picks the item by id
        const id = next.slice(3);
        const list = (isRecord(source) ? source[segment] : undefined) as unknown[] | undefined;
        const item = list?.find((entry) => idOf(entry) === id);
        const targetList = ((target[segment] as unknown[] | undefined) ??= []);
        let entry = targetList.find((existing) => idOf(existing) === id) as Data | undefined;
        if (!entry) targetList.push((entry = { id: (item as Data | undefined)?.id ?? id }));
        if (i + 1 === segments.length - 1) {
          if (isRecord(item)) for (const key of Object.keys(item)) setOwn(entry, key, plainCopy(item[key]));
          break;
        }
        source = item;
        target = entry;
        i++;
        continue;
      }
      source = isRecord(source) && hasOwn(source, segment) ? source[segment] : undefined;
      if (last) setOwn(target, segment, plainCopy(conflict.ours));
      else {
        if (!isRecord(target[segment]) || !hasOwn(target, segment)) setOwn(target, segment, {});
        target = target[segment] as Data;
      }
    }
  }
  return out;
}
