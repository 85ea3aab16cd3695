/** How progress is said, the same in status, the wizard's summary and the documents. */
import type { Translator } from '../i18n/index.js';
import { tally, type StepProgress } from '../progress/completeness.js';
import type { Style } from './style.js';

/** "3 done · 2 planned · 3 to do": a plan is never counted as done; a count of 0 is left out. */
export function progressLine(steps: readonly Pick<StepProgress, 'number' | 'state'>[], t: Translator): string {
  const { done, planned, todo } = tally(steps);
  const parts: string[] = [];
  if (done || (!planned && !todo)) parts.push(t('noun.stepDone', { n: done }));
  if (planned) parts.push(t('noun.stepPlanned', { n: planned }));
  if (todo) parts.push(t('noun.stepToDo', { n: todo }));
  return parts.join(' · ');
}

/** For a planned step, its last date with its state: "until 31 March 2027". */
export function plannedDate(step: StepProgress, t: Translator): string | undefined {
  return step.planned ? t(step.planned.label, { date: t.date(step.planned.until) }) : undefined;
}

/** The mark of a step's state, for a terminal: shared by status and the wizard's summary. */
export function stateMark(state: StepProgress['state'], style: Style): string {
  return state === 'complete' ? style('green', '✔') : state === 'planned' ? style('cyan', '◷') : state === 'partial' ? style('yellow', '◐') : style('dim', '○');
}
