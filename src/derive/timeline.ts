import type { Project } from '../generated/model.js';
import { daysBetween, isValidIsoDate } from '../util/dates.js';
import { datedItems } from './dated.js';

export type Lane = 'milestones' | 'poc' | 'deployment' | 'training' | 'evaluation';

export interface TimelineItem {
  lane: Lane;
  label: string;
  start: string;
  /** Absent for a single day (a milestone, a session, the launch). */
  end?: string;
  done?: boolean;
  /** Position on the whole timeline, in percent: the HTML draws bars from these. */
  left: number;
  width: number;
}

export interface Timeline {
  start: string;
  end: string;
  items: TimelineItem[];
}

/**
 * Everything dated in the plan, on one line from the first date to the last: milestones, the
 * proof of concept, the launch and the phases, the training sessions, the evaluation.
 */
export function timeline(project: Project, labels: { poc: string; launch: string; evaluation: string }): Timeline | undefined {
  const raw: Omit<TimelineItem, 'left' | 'width'>[] = [];
  const add = (item: Omit<TimelineItem, 'left' | 'width'>) => {
    if (!isValidIsoDate(item.start) || (item.end !== undefined && (!isValidIsoDate(item.end) || item.end < item.start))) return;
    raw.push(item);
  };
  for (const item of datedItems(project)) {
    if (item.kind === 'milestone' && item.date) add({ lane: 'milestones', label: item.milestone.name ?? item.milestone.id, start: item.date, done: item.milestone.done === true });
    if (item.kind === 'poc' && item.start && item.end) add({ lane: 'poc', label: labels.poc, start: item.start, end: item.end });
    if (item.kind === 'launch' && item.date) add({ lane: 'deployment', label: item.format ?? labels.launch, start: item.date });
    if (item.kind === 'phase' && item.start && item.end) add({ lane: 'deployment', label: item.phase.name ?? item.phase.id, start: item.start, end: item.end });
    if (item.kind === 'training' && item.date) add({ lane: 'training', label: item.session.topic ?? item.date, start: item.date });
    if (item.kind === 'evaluation' && item.date) add({ lane: 'evaluation', label: labels.evaluation, start: item.date });
  }
  if (raw.length === 0) return undefined;
  const start = raw.map((i) => i.start).sort()[0]!;
  const end = raw.map((i) => i.end ?? i.start).sort().at(-1)!;
  const span = Math.max(daysBetween(start, end), 1);
  const pct = (days: number) => Math.round((days / span) * 1000) / 10;
  return {
    start,
    end,
    items: raw
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
      .map((item) => ({ ...item, left: pct(daysBetween(start, item.start)), width: item.end ? Math.max(pct(daysBetween(item.start, item.end)), 0.5) : 0 })),
  };
}
