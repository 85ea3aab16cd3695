import type { Milestone, Phase, Project, ReviewAction, TrainingSession } from '../generated/model.js';

/**
 * Everything dated in a project, in the order of the file: the one walk over its dates that the
 * events (status), the timeline (the plan) and the calendar share. Dates are as written: each
 * use checks them for its own needs (a timeline bar needs both ends, an event one real date).
 */
export type DatedItem =
  | { kind: 'deadline'; date?: string }
  | { kind: 'milestone'; date?: string; index: number; milestone: Milestone }
  | { kind: 'poc'; start?: string; end?: string }
  | { kind: 'decision'; date?: string }
  | { kind: 'launch'; date?: string; format?: string }
  | { kind: 'phase'; start?: string; end?: string; index: number; phase: Phase }
  | { kind: 'training'; date?: string; index: number; session: TrainingSession }
  | { kind: 'evaluation'; date?: string }
  | { kind: 'action'; date?: string; review: number; index: number; reviewDate: string; action: ReviewAction };

export function datedItems(project: Project): DatedItem[] {
  const launch = project.deployment?.launch;
  return [
    { kind: 'deadline', date: project.needs?.schedule?.deadline },
    ...(project.needs?.schedule?.milestones ?? []).map((milestone, index) => ({ kind: 'milestone' as const, date: milestone.date, index, milestone })),
    { kind: 'poc', start: project.poc?.start, end: project.poc?.end },
    { kind: 'decision', date: project.poc?.decision?.date },
    { kind: 'launch', date: launch?.date, format: launch?.format },
    ...(project.deployment?.phases ?? []).map((phase, index) => ({ kind: 'phase' as const, start: phase.start, end: phase.end, index, phase })),
    ...(project.training?.sessions ?? []).map((session, index) => ({ kind: 'training' as const, date: session.date, index, session })),
    { kind: 'evaluation', date: project.evaluation?.due },
    // What a review decided to change, by when: the team's next deadlines after an evaluation.
    ...(project.evaluation?.reviews ?? []).flatMap((review, r) =>
      (review.actions ?? []).map((action, index) => ({ kind: 'action' as const, date: action.by, review: r, index, reviewDate: review.date, action })),
    ),
  ];
}
