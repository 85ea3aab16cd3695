import type { Project } from '../generated/model.js';
import type { MsgKey } from '../i18n/index.js';
import { steps } from '../steps/index.js';
import { isRequired, type Context, type Field, type Step, type StepId } from '../steps/types.js';
import type { PathSegment } from '../util/paths.js';
import { formatPath } from '../util/paths.js';
import { isValidIsoDate } from '../util/dates.js';

/**
 * `complete` is done; `planned` is fully answered but its last date is still ahead (never counted
 * as done); `partial` is in progress; `empty` is not started.
 */
export type StepState = 'complete' | 'planned' | 'partial' | 'empty';

export interface MissingAnswer {
  /** Where it goes in the file, such as `keyUsers[1].use` or `needs.budget.items`. */
  path: string;
  label: MsgKey;
  /** The list item it belongs to, named as the user named it (a key user's name...). */
  item?: string;
  /** Filled by another command than the wizard (reviews, by `adopt evaluate`). */
  managed?: boolean;
}

export interface StepProgress {
  id: StepId;
  number?: number;
  state: StepState;
  missing: MissingAnswer[];
  /** For a planned step: its last date, and how to say it ("until {date}"). */
  planned?: { until: string; label: MsgKey };
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(isAnswered);
  return true;
}

const noRecord: Record<string, unknown> = {};

// Paths are built only for what is missing: `at` is one stack, pushed and popped on the way
// down and copied only into a missing answer, so that a complete file allocates almost nothing.
function missingIn(fields: readonly Field[], data: unknown, at: PathSegment[], ctx: Context, item: string | undefined, out: MissingAnswer[]): void {
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : noRecord;
  for (const field of fields) {
    if (field.when && !field.when(ctx)) continue;
    const value = record[field.key];
    if (field.kind === 'group') {
      at.push(field.key);
      missingIn(field.fields, value, at, ctx, item, out);
      at.pop();
      continue;
    }
    const required = isRequired(field, ctx);
    if (field.kind === 'list') {
      const items = Array.isArray(value) ? value : [];
      if (required && items.length < (field.minItems ?? 1)) out.push({ path: pathTo(at, field.key), label: field.label, item, ...(field.managed ? { managed: true } : {}) });
      if (items.length === 0) continue;
      const itemContext: Context = { project: ctx.project };
      at.push(field.key, 0);
      for (let index = 0; index < items.length; index++) {
        const entry: unknown = items[index];
        const record = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : noRecord;
        const title = record[field.title];
        itemContext.item = record;
        at[at.length - 1] = index;
        missingIn(field.fields, entry, at, itemContext, typeof title === 'string' && title.trim() ? title : `${index + 1}`, out);
      }
      at.length -= 2;
      continue;
    }
    // A list of scores (kind 'scores') counts as answered from its first score.
    if (required && !isAnswered(value)) out.push({ path: pathTo(at, field.key), label: field.label, item });
  }
}

const pathTo = (at: readonly PathSegment[], key: string): string => formatPath([...at, key]);

export function stepProgress(step: Step, project: Project, today?: string): StepProgress {
  const missing: MissingAnswer[] = [];
  missingIn(step.fields, project, [], { project, ...(today ? { today } : {}) }, undefined, missing);
  for (const requirement of step.requirements ?? []) {
    if ((requirement.when?.(project) ?? true) && !requirement.met(project)) missing.push({ path: requirement.path, label: requirement.label });
  }
  const started = step.owns.some((key) => isAnswered(project[key]));
  const until = missing.length === 0 && today && step.planned ? step.planned.until(project) : undefined;
  // On its last day a step counts as done: "still ahead" is strictly after today.
  if (isValidIsoDate(until) && today! < until) {
    return { id: step.id, ...(step.number ? { number: step.number } : {}), state: 'planned', missing, planned: { until, label: step.planned!.label } };
  }
  const state: StepState = missing.length === 0 ? 'complete' : started ? 'partial' : 'empty';
  return { id: step.id, ...(step.number ? { number: step.number } : {}), state, missing };
}

export interface ProgressTally {
  done: number;
  planned: number;
  /** In progress or not started. */
  todo: number;
}

/** The method's steps (the practices are not one) counted by state: planned is never done. */
export function tally(steps: readonly Pick<StepProgress, 'number' | 'state'>[]): ProgressTally {
  const counted = steps.filter((s) => s.number !== undefined);
  const count = (state: StepState) => counted.filter((s) => s.state === state).length;
  return { done: count('complete'), planned: count('planned'), todo: count('partial') + count('empty') };
}

/**
 * Every step of the method, in order, with what it still needs. Without today's date no step
 * can be planned, and the evaluation needs a review.
 */
export function progress(project: Project, today?: string): StepProgress[] {
  return steps.map((step) => stepProgress(step, project, today));
}
