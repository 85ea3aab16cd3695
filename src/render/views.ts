/**
 * What each document shows, computed once from the project: the templates display these values
 * and do no arithmetic. Labels come from the catalogue in the templates (the `t` helper); the
 * values here are the project's own, and the derived figures.
 */
import type { Project, Review } from '../generated/model.js';
import type { Translator, MsgKey } from '../i18n/index.js';
import { isAnswered, progress, tally, type StepState } from '../progress/completeness.js';
import { warnings as findWarnings } from '../derive/warnings.js';
import { budgetTotals, type BudgetTotals } from '../derive/budget.js';
import { toolCosts, type ToolComparison, type ToolCost } from '../derive/costs.js';
import { inventoryTotals, type InventoryTotals } from '../derive/inventory.js';
import { decisionMatrix, type DecisionMatrix } from '../derive/matrix.js';
import { riskMatrix, type RiskCell } from '../derive/risks.js';
import { timeline, type Timeline } from '../derive/timeline.js';
import { evaluationStatus, lateMilestones, pocLengthDays, type EvaluationStatus } from '../derive/events.js';
import { reviewHistory, SUS_AVERAGE, type ObjectiveTrend, type ReviewSummary, type Status, type Usability } from '../derive/reviews.js';
import { digestResponses, responsesOf, SMALLEST_GROUP, type ObjectiveVotes, type ResponsesDigest } from '../derive/responses.js';
import { warningMessage } from '../view/warnings.js';
import { plannedDate, progressLine } from '../view/progress.js';
import { steps } from '../steps/index.js';

export interface StepSection {
  id: string;
  number?: number;
  title: string;
  state: StepState;
  /** What is still to do, named for people: the commands that fill it belong to `adopt status`. */
  missing: string[];
  /** For a planned step, its last date with its state ("until 31 March 2027"). */
  planned?: string;
}

/**
 * Which columns of a table have a value in at least one row: a column empty on every row (a
 * detail the first pass does not ask) is left out rather than printed blank.
 */
export function filledColumns<K extends string>(rows: readonly object[] | undefined, keys: readonly K[]): Record<K, boolean> {
  const out = {} as Record<K, boolean>;
  for (const key of keys) out[key] = (rows ?? []).some((row) => isAnswered((row as Record<string, unknown>)[key]));
  return out;
}

/**
 * The documents' own date, shown only with `--stamp`: without it a document changes only when
 * the project does, or when a date passes that changes a state.
 */
export interface Stamp {
  stamp?: string;
}

export interface PlanView extends Stamp {
  lang: string;
  today: string;
  project: Project;
  title: string;
  sections: Record<string, StepSection>;
  /** Steps done (planned ones are not), and the whole progress as people read it. */
  stepsDone: number;
  progress: string;
  /** Per table, the columns shown (see filledColumns). */
  columns: Record<string, Record<string, boolean>>;
  warnings: { code: string; message: string }[];
  keyUsers: { name: string; role?: string; profile?: string; use?: string }[];
  budget: BudgetTotals;
  lateMilestones: string[];
  risks: RiskCell[][];
  hasRisks: boolean;
  timeline?: Timeline;
  /** The timeline as a Mermaid gantt chart, for Markdown (GitHub and GitLab draw it). */
  gantt?: string;
  matrix: DecisionMatrix & { candidates: (DecisionMatrix['candidates'][number] & { cellsShown: { mean?: number; disagreement: boolean }[] })[] };
  pocDays?: number;
  /** Each tool's cost over the horizon beside its score, best ranked first; shown once a tool has costs. */
  costs: Omit<ToolComparison, 'tools'> & { tools: (ToolCost & { chosen: boolean })[]; shown: boolean; how: string };
  /** A tool's one-off and yearly costs, by id, for its card in step 4 (only tools with costs). */
  costsById: Record<string, { oneOff: number; yearly: number }>;
  /** What the tools in place cost, and what the project changes. */
  inventory?: InventoryTotals;
  chosen?: { name: string; none: boolean };
  champions: string[];
  evaluation: EvaluationStatus;
}

export function planView(project: Project, today: string, t: Translator, stamp?: string): PlanView {
  const progressByStep = progress(project, today);
  const sections: Record<string, StepSection> = {};
  for (const [index, step] of steps.entries()) {
    const state = progressByStep[index]!;
    sections[step.id] = {
      id: step.id,
      ...(step.number ? { number: step.number } : {}),
      title: t(step.title),
      state: state.state,
      missing: state.missing.map((m) => (m.item ? t('status.itemField', { item: m.item, field: t(m.label) }) : t(m.label))),
      ...(state.planned ? { planned: plannedDate(state, t)! } : {}),
    };
  }
  const users = project.keyUsers ?? [];
  const nameOfUser = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const matrix = decisionMatrix(project);
  const chosenId = project.poc?.decision?.chosen;
  const chosenCandidate = (project.research?.candidates ?? []).find((c) => c.id === chosenId);
  const line = timeline(project, { poc: t('plan.timeline.poc'), launch: t('event.launchPlain'), evaluation: t('event.evaluation') });
  const risks = riskMatrix(project);
  const comparison = toolCosts(project, matrix);
  // Ranked tools in the matrix's order, the others after them as in the file.
  const byRank = (a: ToolCost, b: ToolCost) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
  const inventory = inventoryTotals(project, comparison);
  return {
    lang: t.lang,
    today,
    project,
    title: project.project?.title ?? t('status.untitled'),
    sections,
    stepsDone: tally(progressByStep).done,
    progress: progressLine(progressByStep, t),
    ...(stamp ? { stamp } : {}),
    columns: {
      keyUsers: filledColumns(users, ['role', 'profile', 'use']),
      objectives: filledColumns(project.needs?.objectives, ['priority']),
      peers: filledColumns(project.research?.peerFeedback, ['organisation', 'tool', 'takeaway']),
      phases: filledColumns(project.deployment?.phases?.map((p) => ({ ...p, dates: p.start ?? p.end })), ['dates', 'scope']),
      risks: filledColumns(project.needs?.risks, ['area', 'likelihood', 'impact']),
      sessions: filledColumns(project.training?.sessions, ['date', 'topic', 'audience', 'format']),
      inventory: filledColumns(project.practices?.vision?.inventory, ['use', 'fate', 'monthlyCost', 'contractEnd']),
      decisions: filledColumns(project.practices?.decisions, ['date', 'rationale', 'by']),
      communications: filledColumns(project.practices?.communications, ['date', 'audience', 'channel']),
      ideas: filledColumns(project.practices?.ideas, ['date', 'from', 'status']),
    },
    warnings: findWarnings(project, today).map((w) => ({ code: w.code, message: warningMessage(w, t, project) })),
    keyUsers: users.map((u) => ({
      name: u.name ?? u.id,
      ...(u.role ? { role: u.role } : {}),
      ...(u.profile ? { profile: t(`enum.profile.${u.profile}`) } : {}),
      ...(u.use ? { use: u.use } : {}),
    })),
    budget: budgetTotals(project),
    lateMilestones: lateMilestones(project, today).map((m) => m.path),
    risks,
    hasRisks: risks.some((row) => row.some((cell) => cell.risks.length > 0)),
    ...(line ? { timeline: line, gantt: ganttChart(line, t) } : {}),
    matrix: {
      ...matrix,
      candidates: matrix.candidates.map((c) => ({ ...c, cellsShown: c.cells.map((cell) => ({ ...(cell.mean !== undefined ? { mean: cell.mean } : {}), disagreement: cell.disagreement })) })),
    },
    ...(pocLengthDays(project) !== undefined ? { pocDays: pocLengthDays(project)! } : {}),
    costs: {
      ...comparison,
      tools: [...comparison.tools].sort(byRank).map((tool) => ({ ...tool, chosen: tool.id === chosenId })),
      shown: comparison.tools.some((tool) => tool.known),
      how: costsHow(comparison, t),
    },
    costsById: Object.fromEntries(comparison.tools.filter((tool) => tool.known).map((tool) => [tool.id, { oneOff: tool.oneOff, yearly: tool.yearly }])),
    ...(inventory ? { inventory } : {}),
    ...(chosenId ? { chosen: { name: chosenId === 'none' ? t('plan.noTool') : (chosenCandidate?.name ?? chosenId), none: chosenId === 'none' } } : {}),
    champions: (project.training?.champions ?? []).map(nameOfUser),
    evaluation: evaluationStatus(project, today),
  };
}

/** How the totals are counted, said under the comparison: what is in them and what is taken off. */
function costsHow(comparison: ToolComparison, t: Translator): string {
  const { horizon, hourValue, savedPerYear, currency } = comparison;
  const timed = hourValue !== undefined && comparison.tools.some((tool) => tool.hoursPerMonth !== undefined);
  const variant = timed ? (savedPerYear > 0 ? 'timeSaved' : 'time') : savedPerYear > 0 ? 'saved' : 'plain';
  const counted = t(`plan.poc.costsHow.${variant}`, { years: t('noun.year', { n: horizon }), hourValue: t.money(hourValue ?? 0, currency), saved: t.money(savedPerYear, currency) });
  return `${counted} ${t('plan.poc.perPointHow')}`;
}

/** Mermaid reads ":" "#" and ";" as syntax: they are replaced in labels by look-alikes. */
function mermaidLabel(text: string): string {
  return text.replace(/:/g, '∶').replace(/#/g, '♯').replace(/;/g, '⁏').replace(/[\r\n]+/g, ' ').trim() || '-';
}

export function ganttChart(line: Timeline, t: Translator): string {
  const lanes: [string, MsgKey][] = [
    ['milestones', 'plan.timeline.milestones'],
    ['poc', 'plan.timeline.poc'],
    ['deployment', 'plan.timeline.deployment'],
    ['training', 'plan.timeline.training'],
    ['evaluation', 'plan.timeline.evaluation'],
  ];
  const out = ['gantt', '    dateFormat YYYY-MM-DD', '    axisFormat %d/%m/%y'];
  for (const [lane, key] of lanes) {
    const items = line.items.filter((i) => i.lane === lane);
    if (items.length === 0) continue;
    out.push(`    section ${mermaidLabel(t(key))}`);
    for (const item of items) {
      const tags = item.end ? '' : item.done ? 'done, milestone, ' : 'milestone, ';
      out.push(`    ${mermaidLabel(item.label)} :${tags}${item.start}, ${item.end ? item.end : '0d'}`);
    }
  }
  return out.join('\n');
}

export interface ChecklistView extends Stamp {
  lang: string;
  today: string;
  project: Project;
  title: string;
  objectives: { id: string; text: string; indicator?: string; priority?: string; previous?: string }[];
  date?: string;
}

export function checklistView(project: Project, today: string, t: Translator, stamp?: string): ChecklistView {
  const { reviews } = reviewHistory(project);
  const last = reviews.at(-1);
  return {
    lang: t.lang,
    today,
    project,
    title: project.project?.title ?? t('status.untitled'),
    objectives: (project.needs?.objectives ?? []).map((o) => {
      const previous = last?.objectives.find((r) => r.id === o.id)?.status;
      return {
        id: o.id,
        text: o.text ?? o.id,
        ...(o.indicator ? { indicator: o.indicator } : {}),
        ...(o.priority ? { priority: t(`enum.priority.${o.priority}`) } : {}),
        ...(previous ? { previous: t(`enum.status.${previous}`) } : {}),
      };
    }),
    ...(project.evaluation?.due ? { date: project.evaluation.due } : {}),
    ...(stamp ? { stamp } : {}),
  };
}

/**
 * Where the marks of the usability chart go, on a 0–100 axis drawn in a 320 × 64 box: a dot per
 * respondent (equal scores stacked), the mean, and the average of 68 for comparison.
 */
export interface UsabilityChart {
  dots: { x: number; y: number }[];
  meanX: number;
  averageX: number;
}

const chartX = (score: number) => Math.round((16 + (Math.min(100, Math.max(0, score)) * 288) / 100) * 10) / 10;

export function usabilityChart(usability: Usability): UsabilityChart {
  const seen = new Map<number, number>();
  const dots = usability.scores.map((score) => {
    const stacked = seen.get(score) ?? 0;
    seen.set(score, stacked + 1);
    return { x: chartX(score), y: 30 - stacked * 9 };
  });
  return { dots, meanX: chartX(usability.mean), averageX: chartX(SUS_AVERAGE) };
}

export interface EvaluationView extends Stamp {
  lang: string;
  today: string;
  project: Project;
  title: string;
  reviews: (ReviewSummary & { columns: { evidence: boolean }; chart?: UsabilityChart; heard?: HeardView })[];
  trends: ObjectiveTrend[];
  latest?: ReviewSummary;
}

/** What the respondents of a review said, beside the team's own status for each objective. */
export interface HeardView extends ResponsesDigest {
  /** How many people the audiences count, when every audience says. */
  outOf?: number;
  /** Below this many respondents an audience is not shown apart. */
  smallest: number;
  objectives: (ObjectiveVotes & { team?: Status })[];
}

function heardView(project: Project, review: Review): HeardView | undefined {
  const used = responsesOf(project, review.responses);
  if (used.length === 0) return undefined;
  const digest = digestResponses(project, used);
  const counts = (project.needs?.audiences ?? []).map((a) => a.count);
  const team = (id: string) => review.objectives?.find((o) => o.id === id)?.status;
  const withTeam = (votes: ObjectiveVotes[]) => votes.filter((v) => v.answered > 0).map((v) => ({ ...v, ...(team(v.id) ? { team: team(v.id)! } : {}) }));
  return {
    ...digest,
    smallest: SMALLEST_GROUP,
    ...(counts.length > 0 && counts.every((c) => c !== undefined) ? { outOf: counts.reduce((a, b) => a! + b!, 0) } : {}),
    objectives: withTeam(digest.objectives),
    groups: digest.groups.map((g) => ({ ...g, objectives: withTeam(g.objectives) })),
  };
}

export function evaluationView(project: Project, today: string, t: Translator, stamp?: string): EvaluationView {
  const { reviews, trends } = reviewHistory(project);
  return {
    lang: t.lang,
    today,
    project,
    title: project.project?.title ?? t('status.untitled'),
    // The evidence column of a review's table only when that review gave some.
    reviews: [...reviews].reverse().map((review) => {
      const heard = heardView(project, project.evaluation!.reviews!.find((r) => r.date === review.date)!);
      return { ...review, columns: filledColumns(review.objectives, ['evidence']), ...(review.usability ? { chart: usabilityChart(review.usability) } : {}), ...(heard ? { heard } : {}) };
    }),
    trends,
    ...(reviews.length ? { latest: reviews.at(-1)! } : {}),
    ...(stamp ? { stamp } : {}),
  };
}
