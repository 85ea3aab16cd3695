/**
 * The generic engine: walks a step's declarations and asks each question through the prompter,
 * filling a working copy of the project. It never writes: after every answer it tells the
 * session (`checkpoint`), which keeps what is valid in the file and the rest in the journal.
 *
 * Two modes: `fill` asks only what is not answered yet (so `adopt init` resumes and never asks
 * twice); `review` asks everything with the current answers as defaults (`adopt edit`,
 * `adopt init --restart`).
 */
import { localeOf, type Translator } from '../i18n/index.js';
import type { Project } from '../generated/model.js';
import type { Context, Field, ListField, Note, ScoresField, Step } from '../steps/types.js';
import { isRequired as required } from '../steps/types.js';
import { isAnswered } from '../progress/completeness.js';
import { parseNumber } from './answers.js';
import { askKind, capitalise, CLEARED } from './ask-kind.js';
import { nextNumberedId, slug, uniqueId } from '../util/ids.js';
import { visible } from '../util/visible.js';
import { referencesTo, type ReferenceTarget } from '../derive/references.js';
import { toolsInTest } from '../derive/matrix.js';
import type { Choice, Prompter } from './prompter.js';
import { isRecord } from '../util/records.js';
import type { Adding, Segment } from './journal.js';

export type Mode = 'fill' | 'review';

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
  for (const note of notes ?? []) {
    const money = note.money;
    const amounts = money ? Object.fromEntries(Object.entries(money.amounts).map(([name, amount]) => [name, engine.t.money(amount, money.currency)])) : {};
    engine.prompter.say(engine.t(note.key, { ...note.params, ...amounts }));
  }
}

async function askFields(fields: readonly Field[], target: Data, ctx: Context, engine: Engine, at: Segment[]): Promise<void> {
  for (const field of fields) {
    if (field.when && !field.when(ctx)) continue;
    if (engine.firstPass && field.detail && !isAnswered(target[field.key])) continue;
    if (field.kind === 'group') {
      const child = isRecord(target[field.key]) ? (target[field.key] as Data) : {};
      target[field.key] = child;
      await askFields(field.fields, child, ctx, engine, [...at, field.key]);
      if (Object.keys(child).length === 0) delete target[field.key];
    } else if (field.kind === 'list') {
      await askList(field, target, ctx, engine, at);
    } else if (field.kind === 'scores') {
      await askScores(field, target, ctx, engine);
    } else {
      await askValue(field, target, ctx, engine);
    }
    say(engine, field.after?.(ctx));
  }
}

async function askValue(field: Exclude<Field, { kind: 'group' | 'list' | 'scores' }>, target: Data, ctx: Context, engine: Engine): Promise<void> {
  const current = target[field.key];
  if (engine.mode === 'fill' && isAnswered(current)) return;
  say(engine, field.intro?.(ctx));
  const proposal = isAnswered(current) ? current : field.suggest?.(ctx);
  // A refused answer is refused by the prompt itself, before it is shown as accepted.
  const verify = (value: unknown): string | true => {
    const wrong = field.check?.(value, ctx);
    return wrong ? engine.t(wrong.key, wrong.params) : true;
  };
  for (;;) {
    const value = await askKind(field, proposal, ctx, engine, verify);
    if (value === CLEARED) {
      delete target[field.key];
      await kept(engine);
      return;
    }
    if (value === undefined) return;
    const doubt = field.confirm?.(value, ctx);
    if (doubt && !(await engine.prompter.confirm({ message: engine.t(doubt.key, doubt.params), default: false }))) continue;
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
  if (engine.mode === 'fill') await fillList(list);
  else await reviewList(list);
  if (items.length === 0) delete target[field.key];
}

/** An empty list the step can propose items for (from earlier answers): accepted, then reviewed. */
async function offerProposed({ field, items, ctx, engine, at, label }: ListAsking): Promise<void> {
  const { prompter, t } = engine;
  const proposed = field.propose!(ctx, (key) => t(key));
  if (proposed.length === 0) return;
  prompter.say(t(field.proposedIntro ?? 'prompt.proposed', { what: label }));
  for (const item of proposed) prompter.say(`  · ${itemTitle(field, item, 0)}`);
  if (!(await prompter.confirm({ message: t('prompt.useProposed'), default: true }))) return;
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

/** Fill: the items left incomplete are completed, then items are added, the needed ones first. */
async function fillList(list: ListAsking): Promise<void> {
  const { field, items, ctx, engine, at, minimum } = list;
  for (const [index, item] of items.entries()) {
    if (!isItemComplete(field, item, ctx)) {
      engine.prompter.say(engine.t('prompt.completeItem', { title: itemTitle(field, item, index) }));
      await askFields(field.fields, item, { ...ctx, item }, engine, [...at, index]);
    }
  }
  if (items.length === 0 || items.length < minimum) introduce(list);
  while (items.length < minimum) await addItem(list, false);
  while (await addItem(list, true));
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
    const action = await prompter.select({ message: t('prompt.listWhat', { what: capitalise(label), count: items.length }), choices, default: 'done' });
    if (action === 'done') {
      if (items.length < minimum && !(await prompter.confirm({ message: t('prompt.listTooFew', { count: minimum }), default: false }))) continue;
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
async function askScores(field: ScoresField, target: Data, ctx: Context, engine: Engine): Promise<void> {
  const { prompter, t } = engine;
  const project = ctx.project;
  const users = project.keyUsers ?? [];
  const candidates = toolsInTest(project);
  const criteria = project.poc?.criteria ?? [];
  if (users.length === 0 || candidates.length === 0 || criteria.length === 0) {
    prompter.say(t('prompt.scoresNeed', { step: candidates.length === 0 ? 'research' : users.length === 0 ? 'key-users' : 'poc' }));
    return;
  }
  const scores: Data[] = Array.isArray(target[field.key]) ? (target[field.key] as Data[]) : [];
  target[field.key] = scores;
  const find = (candidate: string, by: string, criterion: string) => scores.find((s) => s.candidate === candidate && s.by === by && s.criterion === criterion);
  const missing = users.some((u) => candidates.some((c) => criteria.some((k) => !find(c.id, u.id, k.id))));
  if (engine.mode === 'fill' && !missing) return;
  prompter.say(t('prompt.scoresIntro', { users: t('noun.keyUser', { n: users.length }), tools: t('noun.tool', { n: candidates.length }), criteria: t('noun.criterion', { n: criteria.length }) }));
  criteria.forEach((criterion, index) => prompter.say(t('prompt.scoresCriterion', { n: index + 1, text: criterion.text ?? criterion.id, weight: criterion.weight ?? 1 })));
  // One line per key user and tool: "4 5 3", a score per criterion in order; "-" leaves one blank.
  const readScores = (line: string): (number | undefined)[] | undefined => {
    // Where the comma is a decimal mark (4,5), it cannot also separate scores.
    const parts = line.trim().split(localeOf(t.lang).decimal === '.' ? /[\s;/,]+/ : /[\s;/]+/).filter(Boolean);
    if (parts.length !== criteria.length) return undefined;
    const values = parts.map((part) => (part === '-' ? undefined : parseNumber(part, t.lang)));
    return values.every((v, i) => parts[i] === '-' || (v !== undefined && v >= 0 && v <= 5)) ? values : undefined;
  };
  for (const candidate of candidates) {
    for (const user of users) {
      const existing = criteria.map((criterion) => find(candidate.id, user.id, criterion.id));
      if (engine.mode === 'fill' && existing.every(Boolean)) continue;
      const shown = existing.map((score) => (typeof score?.score === 'number' ? t.number(score.score) : '-')).join(' ');
      const answer = await prompter.text({
        message: t('prompt.scoresFor', { user: user.name ?? user.id, tool: candidate.name ?? candidate.id, example: ['4', '5', '3', '2', '4', '5', '3'].slice(0, criteria.length).join(' ') }),
        ...(existing.some(Boolean) ? { default: shown } : {}),
        validate: (v) => (v === '' || readScores(v) ? true : t('prompt.badScores', { count: criteria.length })),
      });
      const values = answer === '' ? undefined : readScores(answer);
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
