/** Editing the Document: values set in the format's key order, and a changed copy applied. */
import type { Document, YAMLMap } from 'yaml';
import { keyOrder } from '../generated/schema-facts.js';
import { isRecord, setOwn, hasOwn } from '../util/records.js';
import { yaml, type PathSegment } from './source.js';

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

/**
 * A new value's keys in the format's order, at every depth: an object made by the wizard holds
 * them in the order they were answered ("Sophie Lambert, animatrice" gives the role before the
 * name), and a whole new group or item is written as one node. Keys the format does not know
 * keep their order, after the others.
 */
function inFormatOrder(value: unknown, path: readonly PathSegment[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => inFormatOrder(item, [...path, index]));
  // Only plain answers: a node of the Document (a group created on the way) is placed as it is.
  if (!isRecord(value) || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const order = keyOrder[orderKey(path)] ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, inFormatOrder(value[key], [...path, key])]));
}

function insertPair(doc: Document, parent: unknown, parentPath: readonly PathSegment[], key: PathSegment, value: unknown): void {
  const { isMap, isSeq, isScalar, isPair } = yaml();
  const node = isPair(value) || (value && typeof value === 'object' && 'range' in (value as object)) ? value : doc.createNode(inFormatOrder(value, [...parentPath, key]));
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
    // `reviews: []` as first written: what adopt adds is block style (DESIGN.md).
    if (list.flow && list.items.length === 0) list.flow = false;
    list.items.push(doc.createNode(item));
  } else setIn(doc, at, [item]);
}
