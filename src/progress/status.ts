/** What `adopt status` shows, computed from the project; worded by view/status.ts. */
import type { Project } from '../generated/model.js';
import { progress, type StepProgress } from './completeness.js';
import { warnings as findWarnings, type Warning } from '../derive/warnings.js';
import { datedEvents, nextEvent, lateMilestones, evaluationStatus, type DatedEvent, type EvaluationStatus } from '../derive/events.js';
import type { DanglingReference } from '../derive/references.js';
import { toolCosts, type ToolComparison } from '../derive/costs.js';
import { ideaCounts } from '../derive/ideas.js';

/** A warning in words: what is wrong, and what to do about it (at a terminal). */
export interface Said {
  message: string;
  advice?: string;
}

export interface StatusReport {
  file: string;
  today: string;
  title?: string;
  organisation?: string;
  steps: StepProgress[];
  warnings: (Warning & Said)[];
  next?: DatedEvent;
  late: DatedEvent[];
  evaluation: EvaluationStatus;
  /** The true cost of each tool in the running, over the budget's horizon. */
  costs: ToolComparison;
  /** The ideas people raised (practices.ideas): the new ones are still to be discussed. */
  ideas: { new: number; total: number };
}

/**
 * Everything status shows, computed from the project: shared by the text and JSON forms. Each
 * warning comes with its sentence and advice (`say`, from view/warnings.ts), which both forms show.
 */
export function statusReport(project: Project, shownFile: string, today: string, say: (warning: Warning) => Said, dangling?: readonly DanglingReference[]): StatusReport {
  const events = datedEvents(project);
  const next = nextEvent(project, today, events);
  return {
    file: shownFile,
    today,
    ...(project.project?.title ? { title: project.project.title } : {}),
    ...(project.project?.organisation ? { organisation: project.project.organisation } : {}),
    steps: progress(project, today),
    warnings: findWarnings(project, today, dangling).map((w) => ({ ...w, ...say(w) })),
    ...(next ? { next } : {}),
    late: lateMilestones(project, today, events),
    evaluation: evaluationStatus(project, today),
    costs: toolCosts(project),
    ideas: ideaCounts(project),
  };
}
