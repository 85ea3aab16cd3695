/**
 * The journal: answers that cannot be in the project file yet (an item half entered, a review
 * not finished), kept beside it as `.adopt.yaml.journal` so that Ctrl-C costs at most the
 * question on screen. The next run at a terminal offers them back, and removes the journal
 * once they are applied. Whatever is found there is data from disk: checked before it is used.
 */
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic, writeNewFile } from '../util/atomic.js';
import { timeStamp } from '../store.js';
import { isRecord } from '../util/records.js';

export type Command = 'init' | 'edit' | 'evaluate';
export type Segment = string | number;

/** A list item being added: not in the file until its required answers are in. */
export interface Adding {
  /** Where the list is in the project. */
  at: Segment[];
  item: Record<string, unknown>;
  /** The catalogue's name for such an item (`keyUser`), and its number in the list. */
  kind: string;
  n: number;
  /** How many items the list had: a list that had some and has none now is gone. */
  listed: number;
}

/** A review being answered, with which of its questions are answered (see wizard/review.ts). */
export interface ReviewProgress {
  review: Record<string, unknown> & { date: string };
  answered: string[];
  /** The part on screen when it stopped: an objective's status, an effect, a respondent's answers. */
  current?: Record<string, unknown>;
  next?: string;
}

export interface Entry {
  version: 1;
  command: Command;
  time: string;
  step?: string;
  adding?: Adding;
  review?: ReviewProgress;
}

export type Found = { entry: Entry } | { unreadable: true } | undefined;

export function journalPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.journal`);
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON as data only: keys that would reach an object's prototype are dropped. */
function parseData(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (FORBIDDEN.has(key) ? undefined : value));
}

const isSegments = (value: unknown): value is Segment[] =>
  Array.isArray(value) && value.length > 0 && value.every((s) => (typeof s === 'string' && !FORBIDDEN.has(s)) || (Number.isInteger(s) && (s as number) >= 0));
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');

function asEntry(data: unknown): Entry | undefined {
  if (!isRecord(data) || data.version !== 1 || typeof data.time !== 'string') return undefined;
  if (data.command !== 'init' && data.command !== 'edit' && data.command !== 'evaluate') return undefined;
  const { adding, review } = data;
  if (adding !== undefined) {
    if (typeof data.step !== 'string' || !isRecord(adding) || !isSegments(adding.at) || !isRecord(adding.item)) return undefined;
    if (typeof adding.kind !== 'string' || !Number.isInteger(adding.n) || !Number.isInteger(adding.listed)) return undefined;
  }
  if (review !== undefined) {
    if (!isRecord(review) || !isRecord(review.review) || typeof review.review.date !== 'string' || !isStrings(review.answered)) return undefined;
    if (review.current !== undefined && !isRecord(review.current)) return undefined;
    if (review.next !== undefined && typeof review.next !== 'string') return undefined;
  }
  if ((adding === undefined) === (review === undefined)) return undefined;
  return data as unknown as Entry;
}

/** The journal beside the file, if there is one; one that cannot be read is said so, not thrown. */
export async function readJournal(file: string): Promise<Found> {
  let text: string;
  try {
    text = await readFile(journalPath(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { unreadable: true };
  }
  try {
    const entry = asEntry(parseData(text));
    return entry ? { entry } : { unreadable: true };
  } catch {
    return { unreadable: true };
  }
}

export async function writeJournal(file: string, entry: Entry): Promise<void> {
  await writeAtomic(journalPath(file), `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600 });
}

export async function removeJournal(file: string): Promise<void> {
  await unlink(journalPath(file)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/**
 * Moves the journal out of the way under a visible name (`adopt.yaml.unsaved-20270520-101500.json`,
 * beside the store's kept answers), so that it is never offered again nor lost. Returns the
 * name to show, relative as the project file is shown.
 */
export async function setAside(file: string, shownFile: string, now: Date = new Date()): Promise<string> {
  // Copied under a name no other file has, then removed: a rename would replace a file set aside in the same second.
  const text = await readFile(journalPath(file));
  const written = await writeNewFile(`${file}.unsaved-${timeStamp(now)}`, '.json', text, 0o600);
  await unlink(journalPath(file)).catch(() => undefined);
  return path.join(path.dirname(shownFile), path.basename(written));
}
