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
import type { Project } from '../generated/model.js';
import type { Context, Field, ListField, Note, ScoresField, Step } from '../steps/types.js';
import { isRequired as required } from '../steps/types.js';
import { stepName } from '../steps/ids.js';
import { isAnswered } from '../progress/completeness.js';
import { readScores } from './answers.js';
import { askKind, CLEARED } from './ask-kind.js';
import { answeredAlong, isAlong } from './along.js';
import { toolsInTest } from '../derive/matrix.js';
import { GoBack } from './prompter.js';
import { isRecord } from '../util/records.js';
import type { Adding, Segment } from './journal.js';
import { backOn, newHistory, stepBack, withBack } from './back.js';
import { askList, withId } from './lists.js';
import { leftForTogether } from './together.js';

export { countBlanks } from './lists.js';
import { kept, PausedHere, type Data, type Engine } from './asking.js';

export type { Engine, Mode, Data } from './asking.js';

/** Asks a step's questions; how many were answered (a step walked with nothing left to ask: 0). */
export async function askStep(step: Step, project: Project, engine: Engine): Promise<number> {
  const ctx = { project, ...(engine.today ? { today: engine.today } : {}) };
  const history = newHistory();
  await backOn(engine.prompter, () => askFields(step.fields, project as unknown as Data, ctx, { ...engine, adding: engine.adding ?? [], history }, []));
  if (step.settle?.(project, engine.t)) await kept(engine);
  return history.asked.length;
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
  // Its first answers were given last time: Esc before the first question asked now drops it.
  const shared = { ...engine, mode: 'fill' as const, adding: [{ ...stopped, item, n: items.length + 1 }], history: { asked: [], floors: [0] } };
  const ctx = { project, ...(engine.today ? { today: engine.today } : {}) };
  try {
    await backOn(engine.prompter, () => askFields(field.fields, item, { ...ctx, item }, shared, [...stopped.at, 'new']));
    items.push(withId(field, item, items));
  } catch (error) {
    if (!(error instanceof GoBack)) throw error;
    engine.prompter.say(engine.t('prompt.itemCancelled', { title: engine.t(`item.${field.item}.title`, { n: stopped.n }) }));
  }
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

/** Whether the person answered something after this field: a later list, or a later answer the step needs. */
function answeredAfter(fields: readonly Field[], index: number, target: Data, ctx: Context): boolean {
  return fields.slice(index + 1).some((field) => {
    const value = target[field.key];
    if (field.kind === 'list') return Array.isArray(value) && value.length > 0;
    if (field.kind === 'group') return isRecord(value) && answeredAfter(field.fields, -1, value as Data, ctx);
    // An answer given along with another (a currency with an amount) says nothing of where the person was.
    return required(field, ctx) && isAnswered(value);
  });
}

export async function askFields(fields: readonly Field[], target: Data, ctx: Context, outer: Engine, at: Segment[]): Promise<void> {
  for (const [index, field] of fields.entries()) {
    const engine = field.kind === 'group' || field.kind === 'list' ? { ...outer, beyond: outer.beyond === true || answeredAfter(fields, index, target, ctx) } : outer;
    if (field.when && !field.when(ctx)) continue;
    // A detail the method needs at once (the cover of a weak skill) is no detail that day.
    if (engine.firstPass && field.detail && !required(field, ctx) && !isAnswered(target[field.key])) continue;
    if (leftForTogether(field, ctx, engine)) continue;
    if (field.kind === 'group') {
      const child = isRecord(target[field.key]) ? (target[field.key] as Data) : {};
      target[field.key] = child;
      const asked = engine.history?.asked.length ?? 0;
      await askFields(field.fields, child, ctx, engine, [...at, field.key]);
      if (Object.keys(child).length === 0) {
        delete target[field.key];
        // Esc may bring its questions back: the group is in the project while they are asked.
        for (const question of engine.history?.asked.slice(asked) ?? []) {
          const again = question.again;
          question.again = async () => {
            target[field.key] = child;
            try {
              await again();
            } finally {
              if (Object.keys(child).length === 0) delete target[field.key];
            }
          };
        }
      }
    } else if (field.kind === 'list') {
      await askList(field, target, ctx, engine, at, askFields);
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
    let value: unknown;
    try {
      // What an answer carries along (a role, an impact) goes to its neighbours, in a group as in an item.
      const along = ('carries' in field && field.carries) || ('with' in field && field.with) || ('money' in field && field.money) ? { ...ctx, item: target } : ctx;
      value = await askKind(field, proposal, along, { ...engine, path }, verify);
      // An answer kept as it was (a deadline now past) was settled before: it is not doubted again.
      const doubt = value === CLEARED || value === undefined || value === current ? undefined : field.confirm?.(value, { ...ctx, alongWith: (key) => isAlong(target, key) });
      if (doubt && !(await engine.prompter.confirm({ message: engine.t(doubt.key, doubt.params), default: false, path }))) continue;
    } catch (error) {
      if (await stepBack(error, engine)) continue;
      throw error;
    }
    if (value === CLEARED) {
      delete target[field.key];
      await kept(engine);
    } else if (value !== undefined) {
      target[field.key] = value;
      await kept(engine);
    }
    // Asked again with what is there now as the default, should the user come back to it.
    engine.history?.asked.push({ target, again: () => askValue(field, target, ctx, { ...engine, mode: 'review' }, path) });
    return;
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
  // On init's first pass, before any score: the key users may score on their own, on a form.
  if (engine.firstPass && scores.length === 0) {
    const over = !project.poc?.end || !ctx.today || project.poc.end <= ctx.today;
    const how = await withBack(engine, () =>
      prompter.select({
        message: t('prompt.scoresHow', { users: t('noun.keyUser', { n: users.length }) }),
        choices: [
          { value: 'forms', label: t('prompt.scoresHow.forms') },
          { value: 'type', label: t('prompt.scoresHow.type') },
        ],
        // While the test runs, nobody has scores to type yet.
        default: over ? 'type' : 'forms',
      }),
    );
    if (how === 'forms') {
      prompter.say(t('prompt.scoresByForm'));
      throw new PausedHere();
    }
  }
  prompter.say(t('prompt.scoresIntro', { users: t('noun.keyUser', { n: users.length }), tools: t('noun.tool', { n: candidates.length }), criteria: t('noun.criterion', { n: criteria.length }) }));
  criteria.forEach((criterion, index) => prompter.say(t('prompt.scoresCriterion', { n: index + 1, text: criterion.text ?? criterion.id, weight: criterion.weight ?? 1 })));
  for (const candidate of candidates) {
    for (const user of users) {
      const existing = criteria.map((criterion) => find(candidate.id, user.id, criterion.id));
      if (engine.mode !== 'review' && existing.every(Boolean)) continue;
      const shown = existing.map((score) => (typeof score?.score === 'number' ? t.number(score.score) : '-')).join(' ');
      const answer = await withBack(engine, () => prompter.text({
        message: t('prompt.scoresFor', { user: user.name ?? user.id, tool: candidate.name ?? candidate.id, example: ['4', '5', '3', '2', '4', '5', '3'].slice(0, criteria.length).join(' ') }),
        ...(existing.some(Boolean) ? { default: shown } : {}),
        path: [...path, candidate.id, user.id],
        validate: (v) => (v === '' || readScores(v, criteria.length) ? true : t('prompt.badScores', { count: criteria.length })),
      }));
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
