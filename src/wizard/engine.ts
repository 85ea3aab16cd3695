/**
 * The generic engine: walks a step's declarations and asks each question through the prompter,
 * filling a working copy of the project. It never writes: after every answer it tells the
 * session (`checkpoint`), which keeps what is valid in the file and the rest in the journal.
 *
 * Three modes: `fill` asks only what is not answered yet (so `adopt init` resumes and never asks
 * twice); `review` asks everything with the current answers as defaults (`adopt edit`,
 * `adopt init --restart`); `blanks` asks only what is blank, details and items' blanks included,
 * without offering more items (`adopt edit` after a first pass: the details, and nothing else).
 */
import type { Translator } from '../i18n/index.js';
import type { Project } from '../generated/model.js';
import type { Context, Field, ListField, Note, ScoresField, Step } from '../steps/types.js';
import { isRequired as required } from '../steps/types.js';
import { stepName } from '../steps/ids.js';
import { isAnswered } from '../progress/completeness.js';
import { readScores } from './answers.js';
import { answeredAlong, askKind, capitalise, CLEARED } from './ask-kind.js';
import { nextNumberedId, slug, uniqueId } from '../util/ids.js';
import { visible } from '../util/visible.js';
import { referencesTo, type ReferenceTarget } from '../derive/references.js';
import { toolsInTest } from '../derive/matrix.js';
import type { Choice, Prompter } from './prompter.js';
import { isRecord } from '../util/records.js';
import type { Adding, Segment } from './journal.js';

export type Mode = 'fill' | 'review' | 'blanks';

export interface Engine {
  prompter: Prompter;
  t: Translator;
  mode: Mode;
  today?: string;
  /** `adopt init`'s first pass: details (see FieldBase.detail) wait for `adopt edit`. */
  firstPass?: boolean;
  /** After every answer kept, with the items being added (outermost first), not in the project yet. */
  checkpoint?: (adding: readonly Adding[]) => Promise<void>;
  /** The items being added: one array shared by every copy of the engine during a step. */
  adding?: Adding[];
}

type Data = Record<string, unknown>;


export async function askStep(step: Step, project: Project, engine: Engine): Promise<void> {
  await askFields(step.fields, project as unknown as Data, { project, ...(engine.today ? { today: engine.today } : {}) }, { ...engine, adding: engine.adding ?? [] }, []);
  if (step.settle?.(project, engine.t)) await kept(engine);
}

async function kept(engine: Engine): Promise<void> {
  await engine.checkpoint?.(engine.adding ?? []);
}

/** The list field of a step at a path of group keys, as a journal names it. */
export function listAt(step: Step, at: readonly Segment[]): ListField | undefined {
  let fields: readonly Field[] = step.fields;
  for (const [index, segment] of at.entries()) {
    const field = fields.find((f) => f.key === segment);
    if (!field) return undefined;
    if (index === at.length - 1) return field.kind === 'list' ? field : undefined;
    if (field.kind !== 'group') return undefined;
    fields = field.fields;
  }
  return undefined;
}

/**
 * An item whose adding was stopped: its missing answers are asked, then it joins its list, as
 * if it had never been interrupted. False when the step has no such list any more.
 */
export async function finishItem(step: Step, stopped: Adding, project: Project, engine: Engine): Promise<boolean> {
  const field = listAt(step, stopped.at);
  if (!field) return false;
  let target = project as unknown as Data;
  for (const segment of stopped.at.slice(0, -1)) {
    if (!isRecord(target[segment])) target[segment] = {};
    target = target[segment] as Data;
  }
  const items: Data[] = Array.isArray(target[field.key]) ? (target[field.key] as Data[]) : [];
  target[field.key] = items;
  const item = stopped.item;
  const shared = { ...engine, mode: 'fill' as const, adding: [{ ...stopped, item, n: items.length + 1 }] };
  const ctx = { project, ...(engine.today ? { today: engine.today } : {}) };
  await askFields(field.fields, item, { ...ctx, item }, shared, [...stopped.at, 'new']);
  items.push(withId(field, item, items));
  shared.adding.length = 0;
  await kept(shared);
  return true;
}

function say(engine: Engine, notes: readonly Note[] | undefined): void {
  for (const note of notes ?? []) engine.prompter.say(engine.t(note.key, note.params));
}

async function askFields(fields: readonly Field[], target: Data, ctx: Context, engine: Engine, at: Segment[]): Promise<void> {
  for (const field of fields) {
    if (field.when && !field.when(ctx)) continue;
    // A detail the method needs at once (the cover of a weak skill) is no detail that day.
    if (engine.firstPass && field.detail && !required(field, ctx) && !isAnswered(target[field.key])) continue;
    if (field.kind === 'group') {
      const child = isRecord(target[field.key]) ? (target[field.key] as Data) : {};
      target[field.key] = child;
      await askFields(field.fields, child, ctx, engine, [...at, field.key]);
      if (Object.keys(child).length === 0) delete target[field.key];
    } else if (field.kind === 'list') {
      await askList(field, target, ctx, engine, at);
    } else if (field.kind === 'scores') {
      await askScores(field, target, ctx, engine, [...at, field.key]);
    } else {
      await askValue(field, target, ctx, engine, [...at, field.key]);
    }
    say(engine, field.after?.(ctx));
  }
}

async function askValue(field: Exclude<Field, { kind: 'group' | 'list' | 'scores' }>, target: Data, ctx: Context, engine: Engine, path: Segment[]): Promise<void> {
  const current = target[field.key];
  // Asked along first, so that a mark left by an answer is used once, whatever the mode.
  if (answeredAlong(target, field.key) || (engine.mode !== 'review' && isAnswered(current))) return;
  say(engine, field.intro?.(ctx));
  const proposal = isAnswered(current) ? current : field.suggest?.(ctx);
  // A refused answer is refused by the prompt itself, before it is shown as accepted.
  const verify = (value: unknown): string | true => {
    const wrong = field.check?.(value, ctx);
    return wrong ? engine.t(wrong.key, wrong.params) : true;
  };
  for (;;) {
    const value = await askKind(field, proposal, ctx, { ...engine, path }, verify);
    if (value === CLEARED) {
      delete target[field.key];
      await kept(engine);
      return;
    }
    if (value === undefined) return;
    // An answer kept as it was (a deadline now past) was settled before: it is not doubted again.
    const doubt = value === current ? undefined : field.confirm?.(value, ctx);
    if (doubt && !(await engine.prompter.confirm({ message: engine.t(doubt.key, doubt.params), default: false, path }))) continue;
    target[field.key] = value;
    await kept(engine);
    return;
  }
}

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

/** Gives a new item its id, first among its keys, as the format writes it. */
function withId(field: ListField, item: Data, items: readonly Data[]): Data {
  if (!field.id || typeof item.id === 'string') return item;
  const taken = new Set(items.map((i) => i.id).filter((id): id is string => typeof id === 'string'));
  const id = 'prefix' in field.id ? nextNumberedId(field.id.prefix, taken) : uniqueId(slug(String(item[field.id.from] ?? '')), taken);
  return { id, ...item };
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
}

async function askList(field: ListField, target: Data, ctx: Context, engine: Engine, parent: Segment[]): Promise<void> {
  if (field.managed) return;
  const items: Data[] = Array.isArray(target[field.key]) ? (target[field.key] as Data[]) : [];
  target[field.key] = items;
  const list: ListAsking = { field, items, ctx, engine, at: [...parent, field.key], label: engine.t(field.label), minimum: required(field, ctx) ? (field.minItems ?? 1) : 0 };
  if (items.length === 0 && field.propose) await offerProposed(list);
  if (engine.mode !== 'review') await fillList(list);
  else await reviewList(list);
  if (items.length === 0) delete target[field.key];
}

/** An empty list the step can propose items for (from earlier answers): accepted, then reviewed. */
async function offerProposed({ field, items, ctx, engine, at, label }: ListAsking): Promise<void> {
  const { prompter, t } = engine;
  const proposed = field.propose!(ctx);
  if (proposed.length === 0) return;
  prompter.say(t('prompt.proposed', { what: label }));
  for (const item of proposed) prompter.say(`  · ${itemTitle(field, item, 0)}`);
  if (!(await prompter.confirm({ message: t('prompt.useProposed'), default: true, path: at }))) return;
  for (const item of proposed) items.push(withId(field, item, items));
  // A proposal is a start: each item's answers are offered for change, Enter keeps them.
  const offered = field.reviewProposed ? field.fields.filter((f) => field.reviewProposed!.includes(f.key)) : field.fields;
  for (const [index, item] of items.entries()) {
    prompter.say(t('prompt.newItem', { title: t(`item.${field.item}.title`, { n: index + 1 }) }) + ` · ${itemTitle(field, item, index)}`);
    await askFields(offered, item, { ...ctx, item }, { ...engine, mode: 'review' }, [...at, index]);
  }
  await kept(engine);
}

/**
 * One more item. When the list already has what the method needs, Enter on the first
 * question finishes the list instead (no "add another?" after every item).
 */
async function addItem({ field, items, ctx, engine, at }: ListAsking, optional: boolean): Promise<boolean> {
  const { prompter, t } = engine;
  const title = t(`item.${field.item}.title`, { n: items.length + 1 });
  prompter.say(optional ? t('prompt.newItemOptional', { title }) : t('prompt.newItem', { title }));
  const item: Data = {};
  const [first, ...rest] = field.fields;
  const itemCtx = { ...ctx, item };
  const fillMode = { ...engine, mode: 'fill' as const };
  // Until its required answers are in, the item waits in the journal, not in the file.
  const adding = engine.adding ?? [];
  const depth = adding.length;
  adding.push({ at, item, kind: field.item, n: items.length + 1, listed: items.length });
  try {
    await askFields([optional ? ({ ...first!, required: false } as Field) : first!], item, itemCtx, fillMode, [...at, 'new']);
    if (!isAnswered(item[first!.key])) return false;
    await askFields(rest, item, itemCtx, fillMode, [...at, 'new']);
    items.push(withId(field, item, items));
  } finally {
    adding.length = depth;
  }
  await kept(engine);
  return true;
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
 */
async function fillList(list: ListAsking): Promise<void> {
  const { field, items, ctx, engine, at, minimum } = list;
  const blanks = engine.mode === 'blanks';
  const had = items.length;
  for (const [index, item] of items.entries()) {
    if (blanks ? hasBlank(field, item, ctx) : !isItemComplete(field, item, ctx)) {
      engine.prompter.say(engine.t('prompt.completeItem', { title: itemTitle(field, item, index) }));
      await askFields(field.fields, item, { ...ctx, item }, engine, [...at, index]);
    }
  }
  if (items.length === 0 || items.length < minimum) introduce(list);
  while (items.length < minimum) await addItem(list, false);
  if (blanks && had > 0) return;
  while (await addItem(list, true));
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
        if (field.managed) return n;
        const items = Array.isArray(value) ? (value as Data[]) : [];
        return n + (items.length === 0 ? 1 : items.reduce((m, item) => m + count(field.fields, item, { ...ctx, item }), 0));
      }
      return n + (isAnswered(value) ? 0 : 1);
    }, 0);
  return count(step.fields, project as unknown as Data, ctx);
}

/** Review: a menu to add, change or remove items, until the user is done. */
async function reviewList(list: ListAsking): Promise<void> {
  const { field, items, ctx, engine, at, label, minimum } = list;
  const { prompter, t } = engine;
  introduce(list);
  for (;;) {
    const choices: Choice<string>[] = [
      { value: 'add', label: t('prompt.listAdd', { a: t(`item.${field.item}.a`) }) },
      ...items.map((item, index) => ({ value: `edit:${index}`, label: t('prompt.listEdit', { title: itemTitle(field, item, index) }) })),
      ...items.map((item, index) => ({ value: `remove:${index}`, label: t('prompt.listRemove', { title: itemTitle(field, item, index) }) })),
      { value: 'done', label: t('prompt.listDone') },
    ];
    const action = await prompter.select({ message: t('prompt.listWhat', { what: capitalise(label), count: items.length }), choices, default: 'done', path: at });
    if (action === 'done') {
      if (items.length < minimum && !(await prompter.confirm({ message: t('prompt.listTooFew', { count: minimum }), default: false, path: at }))) continue;
      return;
    }
    if (action === 'add') await addItem(list, false);
    else if (action.startsWith('edit:')) {
      const index = Number(action.slice(5));
      const item = items[index]!;
      await askFields(field.fields, item, { ...ctx, item }, engine, [...at, index]);
    } else await removeItem(list, Number(action.slice(7)));
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
  if (await prompter.confirm({ message, default: false })) {
    items.splice(index, 1);
    await kept(engine);
  }
}

/** Every key user scores every shortlisted tool on every criterion, 0 to 5; Enter passes. */
async function askScores(field: ScoresField, target: Data, ctx: Context, engine: Engine, path: Segment[]): Promise<void> {
  const { prompter, t } = engine;
  const project = ctx.project;
  const users = project.keyUsers ?? [];
  const candidates = toolsInTest(project);
  const criteria = project.poc?.criteria ?? [];
  if (users.length === 0 || candidates.length === 0 || criteria.length === 0) {
    prompter.say(t('prompt.scoresNeed', { step: stepName(candidates.length === 0 ? 'research' : users.length === 0 ? 'key-users' : 'poc', t.lang) }));
    return;
  }
  const scores: Data[] = Array.isArray(target[field.key]) ? (target[field.key] as Data[]) : [];
  target[field.key] = scores;
  const find = (candidate: string, by: string, criterion: string) => scores.find((s) => s.candidate === candidate && s.by === by && s.criterion === criterion);
  const missing = users.some((u) => candidates.some((c) => criteria.some((k) => !find(c.id, u.id, k.id))));
  if (engine.mode !== 'review' && !missing) return;
  prompter.say(t('prompt.scoresIntro', { users: t('noun.keyUser', { n: users.length }), tools: t('noun.tool', { n: candidates.length }), criteria: t('noun.criterion', { n: criteria.length }) }));
  criteria.forEach((criterion, index) => prompter.say(t('prompt.scoresCriterion', { n: index + 1, text: criterion.text ?? criterion.id, weight: criterion.weight ?? 1 })));
  for (const candidate of candidates) {
    for (const user of users) {
      const existing = criteria.map((criterion) => find(candidate.id, user.id, criterion.id));
      if (engine.mode !== 'review' && existing.every(Boolean)) continue;
      const shown = existing.map((score) => (typeof score?.score === 'number' ? t.number(score.score) : '-')).join(' ');
      const answer = await prompter.text({
        message: t('prompt.scoresFor', { user: user.name ?? user.id, tool: candidate.name ?? candidate.id, example: ['4', '5', '3', '2', '4', '5', '3'].slice(0, criteria.length).join(' ') }),
        ...(existing.some(Boolean) ? { default: shown } : {}),
        path: [...path, candidate.id, user.id],
        validate: (v) => (v === '' || readScores(v, criteria.length) ? true : t('prompt.badScores', { count: criteria.length })),
      });
      const values = answer === '' ? undefined : readScores(answer, criteria.length);
      if (!values) continue;
      criteria.forEach((criterion, index) => {
        const score = values[index];
        const current = existing[index];
        if (score === undefined) return;
        if (current) current.score = score;
        else scores.push({ candidate: candidate.id, by: user.id, criterion: criterion.id, score });
      });
      await kept(engine);
    }
  }
  if (scores.length === 0) delete target[field.key];
}
