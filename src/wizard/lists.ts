/**
 * Lists in a step: items added one after the other on a first pass (`fill`), or through a menu
 * to add, change and remove them (`review`). An item being added waits in the journal until its
 * required answers are in; an empty first answer, or Esc before its first question, cancels it.
 */
import type { Context, Field, ListField, Step } from '../steps/types.js';
import type { Project } from '../generated/model.js';
import { isRecord } from '../util/records.js';
import { isRequired as required } from '../steps/types.js';
import { isAnswered } from '../progress/completeness.js';
import { capitalise } from './ask-kind.js';
import { answeredAlong } from './along.js';
import { nextNumberedId, slug, uniqueId } from '../util/ids.js';
import { visible } from '../util/visible.js';
import { referencesTo, type ReferenceTarget } from '../derive/references.js';
import { GoBack, type Choice } from './prompter.js';
import type { Segment } from './journal.js';
import { stepBack, withBack } from './back.js';
import { kept, type Data, type Engine } from './asking.js';
import { askTogether, leftForTogether } from './together.js';

/** The engine's way of asking a group of fields, handed in: lists ask their items' fields with it. */
export type AskFields = (fields: readonly Field[], target: Data, ctx: Context, engine: Engine, at: Segment[]) => Promise<void>;

/** The lists other answers point to: removing one of their items leaves those answers dangling. */
const referencedLists: Record<string, ReferenceTarget> = { keyUsers: 'keyUsers', candidates: 'candidates', criteria: 'criteria', objectives: 'objectives' };

function itemTitle(field: ListField, item: Data, index: number): string {
  const title = item[field.title];
  return typeof title === 'string' && title.trim() ? visible(title) : `${index + 1}`;
}

function isItemComplete(field: ListField, item: Data, ctx: Context): boolean {
  const itemCtx = { ...ctx, item };
  return field.fields.every((f) => (f.when && !f.when(itemCtx)) || !required(f, itemCtx) || isAnswered(item[f.key]));
}

/**
 * Gives a new item its id, first among its keys, as the format writes it. The item stays the
 * same object: the questions asked of it (Esc brings them back) write into this one.
 */
export function withId(field: ListField, item: Data, items: readonly Data[]): Data {
  if (!field.id || typeof item.id === 'string') return item;
  const taken = new Set(items.map((i) => i.id).filter((id): id is string => typeof id === 'string'));
  const id = 'prefix' in field.id ? nextNumberedId(field.id.prefix, taken) : uniqueId(slug(String(item[field.id.from] ?? '')), taken);
  const answers = { ...item };
  for (const key of Object.keys(item)) delete item[key];
  return Object.assign(item, { id }, answers);
}

/** A list being asked: its field, its items (the project's own array), where it is. */
interface ListAsking {
  field: ListField;
  items: Data[];
  ctx: Context;
  engine: Engine;
  at: Segment[];
  label: string;
  /** How many items the method needs (0 for an optional list). */
  minimum: number;
  askFields: AskFields;
}

export async function askList(field: ListField, target: Data, ctx: Context, engine: Engine, parent: Segment[], askFields: AskFields): Promise<void> {
  if (field.managed || (engine.mode !== 'review' && saidNone(field, target))) return;
  const items: Data[] = Array.isArray(target[field.key]) ? (target[field.key] as Data[]) : [];
  target[field.key] = items;
  const list: ListAsking = { field, items, ctx, engine, at: [...parent, field.key], label: engine.t(field.label), minimum: required(field, ctx) ? (field.minItems ?? 1) : 0, askFields };
  const before = [...items];
  // Proposed items come with guessed choices (a weight from a priority): their grid shows them all.
  const proposed = items.length === 0 && field.propose ? await offerProposed(list) : false;
  if (engine.mode !== 'review') await fillList(list, proposed);
  else await reviewList(list);
  if (items.length === 0) delete target[field.key];
  if (field.says && saySo(field.says, target, before, items)) await kept(engine);
}

/** What the items answer: yes once some are entered, no when none are; an untouched list changes nothing written. */
function saySo(key: string, target: Data, before: readonly Data[], items: readonly Data[]): boolean {
  const was = target[key];
  const touched = items.length !== before.length || items.some((item, index) => item !== before[index]);
  if (touched) target[key] = items.length > 0;
  else if (items.length === 0 && was === undefined) target[key] = false;
  return target[key] !== was;
}

/** An empty list passed before ("no phases: the launch is enough") is answered: not asked again, nor counted blank. */
function saidNone(field: ListField, target: Data): boolean {
  return field.says !== undefined && target[field.says] === false && !(Array.isArray(target[field.key]) && (target[field.key] as unknown[]).length > 0);
}

/**
 * An empty list the step can propose items for (from earlier answers): taken, then reviewed.
 * No "start from these?" first: each item is offered for change at once, so the question would
 * only be one more to answer; where several may not apply, the ones to keep are ticked instead.
 */
async function offerProposed({ field, items, ctx, engine, label, askFields, at }: ListAsking): Promise<boolean> {
  const { prompter, t } = engine;
  let proposed = field.propose!(ctx, (key) => t(key));
  if (proposed.length === 0) return false;
  prompter.say(t(field.proposedIntro ?? 'prompt.proposed', { what: label }));
  if (field.pickProposed) {
    const choices = proposed.map((item, index) => ({ value: index, label: itemTitle(field, item, index) }));
    const picked = await withBack(engine, () => prompter.checkbox({ message: t('prompt.pickProposed'), choices, default: choices.map((c) => c.value), path: at }));
    proposed = proposed.filter((_, index) => picked.includes(index));
  } else for (const item of proposed) prompter.say(`  · ${itemTitle(field, item, 0)}`);
  for (const item of proposed) items.push(withId(field, item, items));
  // A proposal is a start: each item's answers are offered for change, Enter keeps them.
  const offered = field.reviewProposed ? field.fields.filter((f) => field.reviewProposed!.includes(f.key)) : field.fields;
  for (const item of [...items]) {
    const index = items.indexOf(item);
    const title = item[field.title];
    const itemCtx = { ...ctx, item };
    prompter.say(t('prompt.newItem', { title: t(`item.${field.item}.title`, { n: index + 1 }) }) + ` · ${itemTitle(field, item, index)}`);
    // An answer the proposal could not give (an amount not known yet) may be passed with Enter:
    // the item is then left out, rather than kept with a made-up answer.
    for (const f of offered) {
      await askFields([{ ...f, required: false } as Field], item, itemCtx, { ...engine, mode: 'review' }, [...at, index]);
      if (required(f, itemCtx) && !isAnswered(item[f.key])) break;
    }
    if (!isItemComplete(field, item, ctx)) items.splice(items.indexOf(item), 1);
    // Renamed, it is another line: the details guessed for the proposed one are asked later,
    // unless the new name said them ("Hébergement : 5 €/mois" is for hosting).
    else if (item[field.title] !== title) for (const f of field.fields) if (f.detail && !offered.includes(f) && !answeredAlong(item, f.key)) delete item[f.key];
  }
  await kept(engine);
  return true;
}

/** Esc at a yes-or-no about the list (remove? leave it short?) is a no: back to the menu. */
async function orBack(ask: Promise<boolean>): Promise<boolean> {
  try {
    return await ask;
  } catch (error) {
    if (error instanceof GoBack) return false;
    throw error;
  }
}

/** How adding an item ended: in the list; passed with Enter on its first question; cancelled with Esc. */
type Added = 'added' | 'empty' | 'back';

/**
 * One more item. An empty first answer adds nothing, even where the method needs more items
 * (the list then says so): a required first question would leave only Ctrl-C as a way out.
 */
async function addItem({ field, items, ctx, engine, at, askFields }: ListAsking, optional: boolean): Promise<Added> {
  const { prompter, t } = engine;
  const title = t(`item.${field.item}.title`, { n: items.length + 1 });
  prompter.say(optional ? t('prompt.newItemOptional', { title }) : t('prompt.newItem', { title }));
  const item: Data = {};
  const [first, ...rest] = field.fields;
  const itemCtx = { ...ctx, item };
  // One item added from the menu is asked whole: its choices have no other items to sit beside.
  const fillMode = { ...engine, mode: 'fill' as const, ...(engine.mode === 'review' ? { inline: true } : {}) };
  // Until its required answers are in, the item waits in the journal, not in the file.
  const adding = engine.adding ?? [];
  const depth = adding.length;
  const history = engine.history;
  const floor = history?.asked.length ?? 0;
  adding.push({ at, item, kind: field.item, n: items.length + 1, listed: items.length });
  history?.floors.push(floor);
  try {
    await askFields([{ ...first!, required: false } as Field], item, itemCtx, fillMode, [...at, 'new']);
    if (!isAnswered(item[first!.key])) return 'empty';
    await askFields(rest, item, itemCtx, fillMode, [...at, 'new']);
    items.push(withId(field, item, items));
  } catch (error) {
    if (!(error instanceof GoBack)) throw error;
    // Nothing of it is kept: its questions leave the history, its answers the journal.
    if (history) history.asked.length = floor;
    adding.length = depth;
    await kept(engine);
    prompter.say(t('prompt.itemCancelled', { title }));
    return 'back';
  } finally {
    adding.length = depth;
    history?.floors.pop();
  }
  await kept(engine);
  return 'added';
}

function introduce({ field, engine, label }: ListAsking): void {
  engine.prompter.say(capitalise(label) + (field.help ? `\n  ${engine.t(field.help)}` : ''));
}

/** An answer of the item still blank, among those asked of it. */
function hasBlank(field: ListField, item: Data, ctx: Context): boolean {
  const itemCtx = { ...ctx, item };
  return field.fields.some((f) => (!f.when || f.when(itemCtx)) && !isAnswered(item[f.key]));
}

/**
 * Fill: the items left incomplete are completed, then items are added, the needed ones first.
 * Blanks: every item with a blank is completed; more items only where the list is empty.
 * Esc before an item's first question goes to the question before, then the list goes on.
 */
async function fillList(list: ListAsking, proposed = false): Promise<void> {
  await fillItems(list);
  const { field, items, ctx, engine, at, askFields } = list;
  // What the grids answer may open an item's other questions (a tool shortlisted has cost lines):
  // those are asked after them, item by item.
  const closed = items.map((item) => field.fields.filter((f) => f.when && !f.when({ ...ctx, item })));
  await askTogether(list, proposed);
  for (const [index, item] of items.entries()) {
    const opened = (closed[index] ?? []).filter((f) => f.when!({ ...ctx, item }));
    if (opened.length === 0) continue;
    engine.prompter.say(engine.t('prompt.completeItem', { title: itemTitle(field, item, index) }));
    await askFields(opened, item, { ...ctx, item }, engine, [...at, index]);
  }
}

async function fillItems(list: ListAsking): Promise<void> {
  const { field, items, ctx, engine, at, minimum, label, askFields } = list;
  const blanks = engine.mode === 'blanks';
  const had = items.length;
  for (const [index, item] of items.entries()) {
    // What the list's grids will ask is not this item's to complete: "Complétons…" would promise a question that is not next.
    const own: ListField = { ...field, fields: field.fields.filter((f) => !leftForTogether(f, { ...ctx, item }, engine)) };
    if (blanks ? hasBlank(own, item, ctx) : !isItemComplete(own, item, ctx)) {
      engine.prompter.say(engine.t('prompt.completeItem', { title: itemTitle(field, item, index) }));
      await askFields(field.fields, item, { ...ctx, item }, engine, [...at, index]);
    }
  }
  // A list with its items that the person went past in an earlier run was closed then.
  if ((blanks || engine.beyond) && had > 0 && items.length >= minimum) return;
  if (items.length === 0 || items.length < minimum) introduce(list);
  for (;;) {
    if (blanks && had > 0 && items.length >= minimum) return;
    const short = items.length < minimum;
    const added = await addItem(list, !short);
    if (added === 'back') await stepBack(new GoBack(), engine);
    else if (added === 'empty') {
      if (short) engine.prompter.say(engine.t('prompt.listShort', { what: capitalise(label), count: items.length, min: minimum }));
      return;
    }
  }
}

/** Review: a menu to add, change or remove items, until the user is done. */
async function reviewList(list: ListAsking): Promise<void> {
  const { field, items, engine, at, label, minimum } = list;
  const { prompter, t } = engine;
  introduce(list);
  for (;;) {
    const choices: Choice<string>[] = [
      { value: 'add', label: t('prompt.listAdd', { a: t(`item.${field.item}.a`) }) },
      ...items.map((item, index) => ({ value: `edit:${index}`, label: t('prompt.listEdit', { title: itemTitle(field, item, index) }) })),
      ...items.map((item, index) => ({ value: `remove:${index}`, label: t('prompt.listRemove', { title: itemTitle(field, item, index) }) })),
      { value: 'done', label: t('prompt.listDone') },
    ];
    const short = items.length < minimum;
    const what = { what: capitalise(label), count: items.length, min: minimum };
    const action = await withBack(engine, () => prompter.select({ message: t(short ? 'prompt.listWhatShort' : 'prompt.listWhat', what), choices, default: 'done', path: at }));
    if (action === 'done') {
      if (short && !(await orBack(prompter.confirm({ message: t('prompt.listTooFew', { count: minimum }), default: false, path: at })))) continue;
      // Items added from the menu left their choices for the grid.
      await askTogether(list);
      return;
    }
    if (action === 'add') await addItem(list, false);
    else if (action.startsWith('edit:')) await editItem(list, Number(action.slice(5)));
    else await removeItem(list, Number(action.slice(7)));
  }
}

/** Esc before the first question of an item being changed goes back to the list's menu. */
async function editItem({ field, items, ctx, engine, at, askFields }: ListAsking, index: number): Promise<void> {
  const item = items[index]!;
  const history = engine.history;
  history?.floors.push(history.asked.length);
  try {
    await askFields(field.fields, item, { ...ctx, item }, engine, [...at, index]);
  } catch (error) {
    if (!(error instanceof GoBack)) throw error;
  } finally {
    history?.floors.pop();
  }
}

/** Removing an item other answers point to says how many would be left pointing nowhere. */
async function removeItem({ field, items, ctx, engine }: ListAsking, index: number): Promise<void> {
  const { prompter, t } = engine;
  const item = items[index]!;
  const title = itemTitle(field, item, index);
  const target = referencedLists[field.key];
  const used = target && typeof item.id === 'string' ? referencesTo(ctx.project, target, item.id).length : 0;
  const message = used > 0 ? t('prompt.listConfirmRemoveUsed', { title, places: t('noun.place', { n: used }) }) : t('prompt.listConfirmRemove', { title });
  if (await orBack(prompter.confirm({ message, default: false }))) {
    items.splice(index, 1);
    // Esc never brings back a question about an item that is gone.
    const asked = engine.history?.asked ?? [];
    for (let i = asked.length - 1; i >= 0; i--) if (asked[i]!.target === item) asked.splice(i, 1);
    await kept(engine);
  }
}

/** How many answers `blanks` would ask for: 0 when the step has nothing left blank. */
export function countBlanks(step: Step, project: Project, today?: string): number {
  const ctx: Context = { project, ...(today ? { today } : {}) };
  const count = (fields: readonly Field[], target: Data, ctx: Context): number =>
    fields.reduce((n, field) => {
      if (field.when && !field.when(ctx)) return n;
      const value = target[field.key];
      if (field.kind === 'group') return n + count(field.fields, isRecord(value) ? value : {}, ctx);
      if (field.kind === 'list') {
        if (field.managed || saidNone(field, target)) return n;
        const items = Array.isArray(value) ? (value as Data[]) : [];
        return n + (items.length === 0 ? 1 : items.reduce((m, item) => m + count(field.fields, item, { ...ctx, item }), 0));
      }
      return n + (isAnswered(value) ? 0 : 1);
    }, 0);
  return count(step.fields, project as unknown as Data, ctx);
}
