/**
 * The choices each item of a list takes (each key user's profile, each objective's priority,
 * each tool's hosting), asked once the list is there, for all its items on one screen: the
 * items are weighed side by side, which is what these choices are about (complementary
 * profiles, priorities among objectives), and typing an item's words is no longer cut by a menu.
 * A yes or no (a milestone reached) is one checklist; several choices (what each audience will do
 * with the tool) are one checklist per row. Changing one item in `adopt edit` still
 * asks its own questions one by one.
 */
import type { BooleanField, ChoiceField, Context, Field, GroupField, ListField, NumberField } from '../steps/types.js';
import { isRequired as required } from '../steps/types.js';
import { isAnswered } from '../progress/completeness.js';
import { isRecord } from '../util/records.js';
import { enumChoices } from './ask-kind.js';
import { withBack } from './back.js';
import type { GridRow, TicksRow } from './prompter.js';
import type { Segment } from './journal.js';
import { kept, type Data, type Engine } from './asking.js';

type TogetherField = (ChoiceField | BooleanField | NumberField) & { together: NonNullable<ChoiceField['together']> };

/** A field asked together, and the groups of the item it sits in (a tool's data protection). */
interface Together {
  field: TogetherField;
  groups: readonly GroupField[];
}

/** The fields of an item asked together, in the order of the item's questions. */
export function togetherFields(fields: readonly Field[], groups: readonly GroupField[] = []): Together[] {
  return fields.flatMap((field): Together[] => {
    if (field.kind === 'group') return togetherFields(field.fields, [...groups, field]);
    return (field.kind === 'choice' || field.kind === 'choices' || field.kind === 'boolean' || field.kind === 'integer') && 'together' in field && field.together ? [{ field: field as TogetherField, groups }] : [];
  });
}

/** Whether the engine leaves this field to the list's grid: while an item is filled, not when it is changed. */
export function leftForTogether(field: Field, ctx: Context, engine: Engine): boolean {
  return 'together' in field && field.together !== undefined && ctx.item !== undefined && engine.mode !== 'review' && !engine.inline;
}

function holder(item: Data, groups: readonly GroupField[], create: boolean): Data | undefined {
  let target = item;
  for (const group of groups) {
    if (!isRecord(target[group.key])) {
      if (!create) return undefined;
      target[group.key] = {};
    }
    target = target[group.key] as Data;
  }
  return target;
}

/**
 * The row's answer as the grid shows it. A choice made in one menu with a second one (a risk's
 * likelihood with its impact) is its own grid here, the second's grid following: nine pairs on
 * one row took a first-time user four or five presses each, and a wrong one once.
 */
function current(entry: Together, item: Data): unknown {
  const at = holder(item, entry.groups, false);
  const value = at?.[entry.field.key];
  return typeof value === 'number' ? String(value) : value;
}

/** A whole number from min to max (a weight from 1 to 5), as a row's choices. */
function range(field: NumberField): { value: string; label: string }[] {
  const min = field.min ?? 0;
  const max = field.max ?? min + 9;
  return Array.from({ length: max - min + 1 }, (_, n) => ({ value: String(min + n), label: String(min + n) }));
}

interface ListParts {
  field: ListField;
  items: Data[];
  ctx: Context;
  engine: Engine;
  at: Segment[];
}

/**
 * Asks, for each field of the list asked together, the items it applies to: all of them when
 * `every`, else those still without an answer. Details wait for `adopt edit` on a first pass.
 */
export async function askTogether(list: ListParts, every = false): Promise<void> {
  for (const entry of togetherFields(list.field.fields)) await askOne(list, entry, every);
}

async function askOne(list: ListParts, entry: Together, every: boolean): Promise<void> {
  const { field: listField, items, ctx, engine, at } = list;
  const { field, groups } = entry;
  const rows = items.flatMap((item, index) => {
    const itemCtx = { ...ctx, item };
    if (!groups.every((group) => !group.when || group.when(itemCtx)) || (field.when && !field.when(itemCtx))) return [];
    if (engine.firstPass && field.detail && !required(field, itemCtx)) return [];
    if (!every && isAnswered(current(entry, item))) return [];
    return [{ item, index, itemCtx }];
  });
  if (rows.length === 0) return;
  const { prompter, t } = engine;
  const keys = groups.map((group) => group.key);
  const title = (item: Data, index: number) => {
    const named = item[listField.title];
    return typeof named === 'string' && named.trim() ? named : String(index + 1);
  };
  const question = { message: t(field.together), ...(field.help ? { help: t(field.help) } : {}), path: [...at, ...keys, field.key] };
  if (field.kind === 'boolean') {
    const ticked = await withBack(engine, () =>
      prompter.checkbox({
        ...question,
        choices: rows.map(({ item, index }) => ({ value: index, label: title(item, index) })),
        default: rows.filter(({ item }) => current(entry, item) === true).map(({ index }) => index),
      }),
    );
    for (const { item, index } of rows) holder(item, groups, true)![field.key] = ticked.includes(index);
    // The guard rails an item's own question would have said (a tool kept without an export).
    for (const { itemCtx } of rows) for (const note of field.after?.(itemCtx) ?? []) prompter.say(t(note.key, note.params));
  } else if (field.kind === 'choices') {
    const ticksRows: TicksRow<string>[] = rows.map(({ item, index, itemCtx }) => {
      const now = current(entry, item);
      return { label: title(item, index), choices: enumChoices(field, itemCtx, t), default: Array.isArray(now) ? (now as string[]) : [], path: [...at, index, ...keys, field.key] };
    });
    const answers = await withBack(engine, () => prompter.ticks({ ...question, rows: ticksRows }));
    // A row with nothing ticked stays blank: a required one is then named among what is missing, as a blank grid row is.
    rows.forEach(({ item }, row) => {
      const answer = answers[row] ?? [];
      const target = holder(item, groups, true)!;
      if (answer.length) target[field.key] = answer;
      else delete target[field.key];
    });
  } else {
    const gridRows: GridRow<string>[] = rows.map(({ item, index, itemCtx }) => {
      const now = current(entry, item) ?? (field.suggest?.(itemCtx) as string | undefined);
      return {
        label: title(item, index),
        choices: field.kind === 'choice' ? enumChoices(field, itemCtx, t) : range(field as NumberField),
        ...(typeof now === 'string' ? { default: now } : {}),
        path: [...at, index, ...keys, field.key],
      };
    });
    // Each row needs its choice where the method needs it: a blank would only be asked again next time.
    const must = rows.every(({ itemCtx }) => required(field, itemCtx));
    const answers = await withBack(engine, () => prompter.grid({ ...question, rows: gridRows, ...(must ? { required: true } : {}) }));
    rows.forEach(({ item }, row) => {
      const answer = answers[row];
      if (answer === undefined) return;
      const target = holder(item, groups, true)!;
      target[field.key] = field.kind === 'integer' ? Number(answer) : answer;
    });
  }
  await kept(engine);
  // Esc after the grid brings it back whole, with its answers as the defaults.
  engine.history?.asked.push({ target: items, again: () => askOne(list, entry, true) });
}
