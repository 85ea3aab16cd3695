import type { Project } from '../generated/model.js';
import { addMonths, daysBetween, isValidIsoDate } from '../util/dates.js';
import { datedItems } from './dated.js';

export type EventKind = 'milestone' | 'pocStart' | 'pocEnd' | 'decision' | 'launch' | 'phaseStart' | 'phaseEnd' | 'training' | 'evaluation' | 'deadline' | 'action';

export interface DatedEvent {
  date: string;
  kind: EventKind;
  /** What the user called it (milestone or phase name, training topic...), when there is a name. */
  name?: string;
  /** Where it comes from in the file. */
  path: string;
  /** For milestones: whether it is marked as reached. */
  done?: boolean;
}

/** Every dated event of the project, in date order. Dates that are not real dates are left out. */
export function datedEvents(project: Project): DatedEvent[] {
  const events: DatedEvent[] = [];
  const add = (date: unknown, event: Omit<DatedEvent, 'date'>) => {
    if (isValidIsoDate(date)) events.push({ date, ...event });
  };
  for (const item of datedItems(project)) {
    switch (item.kind) {
      case 'deadline':
        add(item.date, { kind: 'deadline', path: 'needs.schedule.deadline' });
        break;
      case 'milestone':
        add(item.date, { kind: 'milestone', name: item.milestone.name ?? item.milestone.id, path: `needs.schedule.milestones[${item.index}]`, done: item.milestone.done === true });
        break;
      case 'poc':
        add(item.start, { kind: 'pocStart', path: 'poc.start' });
        add(item.end, { kind: 'pocEnd', path: 'poc.end' });
        break;
      case 'decision':
        add(item.date, { kind: 'decision', path: 'poc.decision.date' });
        break;
      case 'launch':
        add(item.date, { kind: 'launch', ...(item.format ? { name: item.format } : {}), path: 'deployment.launch.date' });
        break;
      case 'phase':
        add(item.start, { kind: 'phaseStart', name: item.phase.name ?? item.phase.id, path: `deployment.phases[${item.index}].start` });
        add(item.end, { kind: 'phaseEnd', name: item.phase.name ?? item.phase.id, path: `deployment.phases[${item.index}].end` });
        break;
      case 'training':
        add(item.date, { kind: 'training', ...(item.session.topic ? { name: item.session.topic } : {}), path: `training.sessions[${item.index}]` });
        break;
      case 'evaluation':
        add(item.date, { kind: 'evaluation', path: 'evaluation.due' });
        break;
      case 'action':
        add(item.date, { kind: 'action', name: item.action.what, path: `evaluation.reviews[${item.review}].actions[${item.index}].by` });
    }
  }
  // Dates as YYYY-MM-DD sort as plain strings; localeCompare would cost a collator for nothing.
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The first event from today on that is still to come (a reached milestone is not). */
export function nextEvent(project: Project, today: string, events: readonly DatedEvent[] = datedEvents(project)): DatedEvent | undefined {
  return events.find((e) => e.date >= today && !e.done);
}

/** Milestones whose date has passed and that are not marked as reached. */
export function lateMilestones(project: Project, today: string, events: readonly DatedEvent[] = datedEvents(project)): DatedEvent[] {
  return events.filter((e) => e.kind === 'milestone' && e.date < today && !e.done);
}

/** The method's usual rhythm: look back three months after the deployment ends. */
export const EVALUATION_DELAY_MONTHS = 3;

export interface EvaluationStatus {
  due?: string;
  /** The due date has passed and no review is dated on or after it. */
  overdue: boolean;
  reviews: number;
  lastReview?: string;
  /** When the evaluation should be, if no date is set: three months after the end of deployment. */
  suggested?: string;
}

export function evaluationStatus(project: Project, today: string): EvaluationStatus {
  const reviews = (project.evaluation?.reviews ?? []).map((r) => r.date).filter(isValidIsoDate).sort();
  const lastReview = reviews[reviews.length - 1];
  const due = isValidIsoDate(project.evaluation?.due) ? project.evaluation!.due : undefined;
  const overdue = due !== undefined && due < today && !(lastReview && lastReview >= due);
  const end = deploymentEnd(project);
  return {
    ...(due ? { due } : {}),
    overdue,
    reviews: reviews.length,
    ...(lastReview ? { lastReview } : {}),
    ...(!due && end ? { suggested: addMonths(end, EVALUATION_DELAY_MONTHS) } : {}),
  };
}

/** The last day of the deployment: the end of its last phase, else its launch. */
export function deploymentEnd(project: Project): string | undefined {
  const dates = [project.deployment?.launch?.date, ...(project.deployment?.phases ?? []).map((p) => p.end)].filter(isValidIsoDate);
  return dates.sort().pop();
}

/** Days of the test, both ends included: Monday 10 to Sunday 16 is a week, 7 days. */
export function pocLengthDays(project: Project): number | undefined {
  const { start, end } = project.poc ?? {};
  return isValidIsoDate(start) && isValidIsoDate(end) ? daysBetween(start, end) + 1 : undefined;
}

/** Days allowed between two information points, by frequency; `milestones` has no rhythm of its own. */
export const INFO_POINT_DAYS = { weekly: 7, fortnightly: 14, monthly: 31, quarterly: 92 } as const;
export type InfoPointFrequency = keyof typeof INFO_POINT_DAYS;

export interface InfoPoints {
  frequency: InfoPointFrequency;
  channel?: string;
  /** The launch: the regular information points start with it. */
  start: string;
  /** The end of the last phase, else the evaluation's due date; unknown when neither is set. */
  until?: string;
}

/**
 * The deployment's regular information points, shared by the calendar (one recurring event) and
 * the warning that they have fallen behind. None without a launch date or a regular frequency.
 */
export function infoPoints(project: Project): InfoPoints | undefined {
  const frequency = project.deployment?.infoPoints?.frequency;
  const start = project.deployment?.launch?.date;
  if (!frequency || frequency === 'milestones' || !(frequency in INFO_POINT_DAYS) || !isValidIsoDate(start)) return undefined;
  const lastPhase = (project.deployment?.phases ?? []).map((p) => p.end).filter(isValidIsoDate).sort().pop();
  const due = project.evaluation?.due;
  const until = lastPhase ?? (isValidIsoDate(due) ? due : undefined);
  const channel = project.deployment?.infoPoints?.channel;
  return { frequency, start, ...(until && until >= start ? { until } : {}), ...(channel ? { channel } : {}) };
}
