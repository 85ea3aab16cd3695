/**
 * One project as the portfolio sees it: the few facts that a line of the overview and the
 * cross-project totals need, kept small so that thousands of files fit in memory once read.
 * Pure: the same file and the same day give the same summary.
 */
import type { Project } from '../generated/model.js';
import { addMonths, isValidIsoDate } from '../util/dates.js';
import { datePaths } from '../generated/schema-facts.js';
import { plainValuesAt } from '../util/paths.js';
import { datedEvents, evaluationStatus, lateMilestones, nextEvent, type DatedEvent, type EventKind } from './events.js';
import type { DecisionMatrix } from './matrix.js';
import { toolCosts } from './costs.js';
import { usabilityOf, type Status } from './reviews.js';
import type { WarningCode } from './warnings.js';

/** A project whose latest dated item is older than this is stalled. */
export const STALLED_MONTHS = 6;

export type StepMark = 'complete' | 'planned' | 'partial' | 'empty';

export interface InventoryEntry {
  tool: string;
  use?: string;
  fate?: 'kept' | 'replaced' | 'overlaps';
  /** In cents: sums of money are kept in whole cents. */
  monthlyCents?: number;
  contractEnd?: string;
}

export interface ProjectSummary {
  file: string;
  organisation?: string;
  title?: string;
  /** The lead's name: shown only when the run is not anonymous. */
  lead?: string;
  /** The eight steps' states, in order. */
  steps: StepMark[];
  next?: { date: string; kind: EventKind; name?: string };
  late: number;
  evaluation: { state: 'overdue' | 'due' | 'done' | 'none'; due?: string; lastReview?: string; decision?: 'continue' | 'adjust' | 'stop' };
  warnings: WarningCode[];
  currency: string;
  chosen?: { id: string; name: string; known: boolean; yearlyCents: number };
  /** The mean System Usability Scale score of the latest review that has one. */
  usability?: { mean: number; respondents: number; date: string; scores: number[] };
  /** The objectives' statuses in the latest review. */
  objectives: Record<Status, number>;
  inventory: InventoryEntry[];
  /** The latest date of the project's own work (contract ends are not work). */
  latest?: string;
  stalled: boolean;
}

/** What the derivation needs from the layers above it: each step's state and the warnings' codes. */
export interface SummaryInputs {
  steps: readonly StepMark[];
  warnings: readonly WarningCode[];
  /** datedEvents(project), when the caller has them already for the warnings. */
  events?: readonly DatedEvent[];
}

/** The summary needs a tool's costs, not its scores: no decision matrix is worked out for it. */
const NO_MATRIX: DecisionMatrix = { criteria: [], candidates: [], disagreements: [] };

const cents = (amount: number) => Math.round(amount * 100);
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The latest date of the file, contract ends left out: a contract running on is no sign of work. */
export function latestDate(project: Project): string | undefined {
  let latest: string | undefined;
  for (const at of datePaths) {
    if (at.endsWith('contractEnd')) continue;
    for (const value of plainValuesAt(project, at)) if (isValidIsoDate(value) && (!latest || value > latest)) latest = value;
  }
  return latest;
}

export function summarise(project: Project, file: string, today: string, inputs: SummaryInputs): ProjectSummary {
  const events = inputs.events ?? datedEvents(project);
  const next = nextEvent(project, today, events);
  const status = evaluationStatus(project, today);
  const reviews = [...(project.evaluation?.reviews ?? [])].filter((r) => isValidIsoDate(r.date)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = reviews.at(-1);
  const evaluation: ProjectSummary['evaluation'] = status.overdue
    ? { state: 'overdue', due: status.due! }
    : status.due && status.due >= today && !(status.lastReview && status.lastReview >= status.due)
      ? { state: 'due', due: status.due }
      : last
        ? { state: 'done', lastReview: last.date, ...(last.decision ? { decision: last.decision } : {}) }
        : { state: 'none' };

  const chosenId = project.poc?.decision?.chosen;
  const tool = chosenId && chosenId !== 'none' ? toolCosts(project, NO_MATRIX).tools.find((c) => c.id === chosenId) : undefined;
  const withUsability = [...reviews].reverse().find((r) => usabilityOf(r.usability));
  const usability = withUsability ? usabilityOf(withUsability.usability)! : undefined;
  const objectives: Record<Status, number> = { met: 0, partial: 0, unmet: 0 };
  for (const objective of last?.objectives ?? []) if (objective.status in objectives) objectives[objective.status]++;

  const inventory: InventoryEntry[] = [];
  for (const item of project.practices?.vision?.inventory ?? []) {
    const name = text(item.tool);
    if (!name) continue;
    const use = text(item.use);
    inventory.push({
      tool: name,
      ...(use ? { use } : {}),
      ...(item.fate ? { fate: item.fate } : {}),
      ...(typeof item.monthlyCost === 'number' ? { monthlyCents: cents(item.monthlyCost) } : {}),
      ...(isValidIsoDate(item.contractEnd) ? { contractEnd: item.contractEnd } : {}),
    });
  }
  const latest = latestDate(project);
  const organisation = text(project.project?.organisation);
  const title = text(project.project?.title);
  const lead = text(project.lead?.name);
  return {
    file,
    ...(organisation ? { organisation } : {}),
    ...(title ? { title } : {}),
    ...(lead ? { lead } : {}),
    steps: [...inputs.steps],
    ...(next ? { next: { date: next.date, kind: next.kind, ...(next.name ? { name: next.name } : {}) } } : {}),
    late: lateMilestones(project, today, events).length,
    evaluation,
    warnings: [...inputs.warnings],
    currency: project.needs?.budget?.currency ?? 'EUR',
    ...(tool ? { chosen: { id: tool.id, name: tool.name, known: tool.known, yearlyCents: cents(tool.yearly) } } : {}),
    ...(usability && withUsability ? { usability: { mean: usability.mean, respondents: usability.respondents, date: withUsability.date, scores: usability.scores } } : {}),
    objectives,
    inventory,
    ...(latest ? { latest } : {}),
    stalled: latest !== undefined && latest < addMonths(today, -STALLED_MONTHS),
  };
}

/**
 * What needs attention first: a file with problems, then an overdue review, late milestones,
 * warnings; then by organisation, project and file, so that the order never depends on the disk.
 */
export function byAttention(a: ProjectSummary, b: ProjectSummary): number {
  const weight = (s: ProjectSummary) => [s.evaluation.state === 'overdue' ? 1 : 0, s.late, s.warnings.length];
  const [wa, wb] = [weight(a), weight(b)];
  for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return wb[i]! - wa[i]!;
  return compareText(a.organisation ?? '', b.organisation ?? '') || compareText(a.title ?? '', b.title ?? '') || compareText(a.file, b.file);
}

/** Plain code-point order, after folding case and accents: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  const [x, y] = [fold(a), fold(b)];
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

// Sorting and grouping thousands of projects folds the same names again and again.
const folded = new Map<string, string>();
const FOLDED_KEPT = 20_000;

/** "Adhésions ", "adhesions" and "ADHÉSIONS" are one use, one tool, one organisation. */
export function fold(value: string): string {
  let key = folded.get(value);
  if (key === undefined) {
    key = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
    if (folded.size >= FOLDED_KEPT) folded.clear();
    folded.set(value, key);
  }
  return key;
}
