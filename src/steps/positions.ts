/**
 * A place in the project file said the way people count: "key user 4, Ollie Brennan",
 * "milestone M3", never `keyUsers[3]`. The lists and how their items are named come from the
 * steps' declarations, so that a message names an item as the wizard does.
 */
import type { MsgKey, Translator } from '../i18n/index.js';
import { formatPath, type PathSegment } from '../util/paths.js';
import { visible } from '../util/visible.js';
import type { Field, ItemKind } from './types.js';
import { steps } from './index.js';

interface ListInfo {
  item: ItemKind;
  title: string;
  /** Ids such as M3 or O1 say more than a number: people see them in documents and the file. */
  byId: boolean;
}

let known: { byPath: Map<string, ListInfo>; byKey: Map<string, ListInfo> } | undefined;

function lists(): NonNullable<typeof known> {
  if (known) return known;
  const found = { byPath: new Map<string, ListInfo>(), byKey: new Map<string, ListInfo>() };
  const walk = (fields: readonly Field[], at: string) => {
    for (const field of fields) {
      const path = at ? `${at}.${field.key}` : field.key;
      if (field.kind === 'group') walk(field.fields, path);
      if (field.kind !== 'list') continue;
      const info = { item: field.item, title: field.title, byId: Boolean(field.id && 'prefix' in field.id) };
      found.byPath.set(path, info);
      // A list declared once is named the same where another list repeats it (a review's objectives).
      if (!found.byKey.has(field.key)) found.byKey.set(field.key, info);
      walk(field.fields, `${path}[]`);
    }
  };
  for (const step of steps) walk(step.fields, '');
  return (known = found);
}

const LONGEST_NAME = 40;

function shortName(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const name = visible(value.trim());
  return name.length > LONGEST_NAME ? `${name.slice(0, LONGEST_NAME - 1).trimEnd()}…` : name;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** One list item: "key user 4, Ollie Brennan", "milestone M3", "score 8", "sources item 2". */
export function describeItem(list: string, key: string, index: number, item: unknown, t: Translator): string {
  const info = lists().byPath.get(list) ?? lists().byKey.get(key);
  const record = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
  if (info) {
    const id = record.id;
    if (info.byId && typeof id === 'string' && id.trim()) return t(`item.${info.item}.id` as MsgKey, { id: visible(id) });
    const title = lowerFirst(t(`item.${info.item}.title` as MsgKey, { n: index + 1 }));
    const name = shortName(record[info.title]);
    return name ? t('position.named', { item: title, name }) : title;
  }
  if (key === 'responses' && typeof record.id === 'string') return t('position.response', { id: visible(record.id) });
  if (key === 'scores') return t('position.score', { n: index + 1 });
  return t('position.item', { list: key, n: index + 1 });
}

/**
 * A path into the data for a message: every list item named, the keys after it as in the
 * file (a person editing by hand finds them there). A path with no list item stays as it is.
 */
export function describePath(path: readonly PathSegment[], data: unknown, t: Translator, options: { start?: boolean } = {}): string {
  const parts: string[] = [];
  let keys: PathSegment[] = [];
  let pattern = '';
  let value: unknown = data;
  let lastKey = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      const list = pattern;
      value = Array.isArray(value) ? value[segment] : undefined;
      // The keys before the first item are the list's own place; the item's name says it.
      parts.push(describeItem(list, lastKey, segment, value, t));
      keys = [];
      pattern = `${pattern}[]`;
    } else {
      value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
      keys.push(segment);
      lastKey = segment;
      pattern = pattern ? `${pattern}.${segment}` : segment;
    }
  }
  if (parts.length === 0) return formatPath(path);
  const rest = keys.join('.');
  const out = rest ? `${parts.join(' › ')} › ${rest}` : parts.join(' › ');
  return options.start ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}
