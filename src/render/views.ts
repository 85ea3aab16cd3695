/**
 * What each document shows, computed once from the project: the templates display these values
 * and do no arithmetic. Labels come from the catalogue in the templates (the `t` helper); the
 * values here are the project's own, and the derived figures.
 */
import type { Project } from '../generated/model.js';
import type { Translator, MsgKey } from '../i18n/index.js';
import { progress } from '../progress/completeness.js';
import { warnings as findWarnings } from '../derive/warnings.js';
import { budgetTotals, type BudgetTotals } from '../derive/budget.js';
import { decisionMatrix, type DecisionMatrix } from '../derive/matrix.js';
import { riskMatrix, type RiskCell } from '../derive/risks.js';
import { timeline, type Timeline } from '../derive/timeline.js';
import { evaluationStatus, lateMilestones, pocLengthDays, type EvaluationStatus } from '../derive/events.js';
import { reviewHistory, type ObjectiveTrend, type ReviewSummary } from '../derive/reviews.js';
import { warningMessage } from '../view/warnings.js';
import { steps } from '../steps/index.js';

export interface StepSection {
  id: string;
  number?: number;
  title: string;
  state: 'complete' | 'partial' | 'empty';
  /** What is still to do, named for people, and the command that fills it. */
  missing: string[];
  command: string;
}

export interface PlanView {
  lang: string;
  today: string;
  project: Project;
  title: string;
  sections: Record<string, StepSection>;
  stepsDone: number;
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
  chosen?: { name: string; none: boolean };
  champions: string[];
  evaluation: EvaluationStatus;
}

export function planView(project: Project, today: string, t: Translator): PlanView {
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
      command: `adopt edit ${step.id}`,
    };
  }
  const users = project.keyUsers ?? [];
  const nameOfUser = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const matrix = decisionMatrix(project);
  const chosenId = project.poc?.decision?.chosen;
  const chosenCandidate = (project.research?.candidates ?? []).find((c) => c.id === chosenId);
  const line = timeline(project, { poc: t('plan.timeline.poc'), launch: t('event.launchPlain'), evaluation: t('event.evaluation') });
  const risks = riskMatrix(project);
  return {
    lang: t.lang,
    today,
    project,
    title: project.project?.title ?? t('status.untitled'),
    sections,
    stepsDone: progressByStep.filter((s) => s.state === 'complete' && s.id !== 'practices').length,
    warnings: findWarnings(project, today).map((w) => ({ code: w.code, message: warningMessage(w, t) })),
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
    ...(chosenId ? { chosen: { name: chosenId === 'none' ? t('plan.noTool') : (chosenCandidate?.name ?? chosenId), none: chosenId === 'none' } } : {}),
    champions: (project.training?.champions ?? []).map(nameOfUser),
    evaluation: evaluationStatus(project, today),
  };
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

export interface ChecklistView {
  lang: string;
  today: string;
  project: Project;
  title: string;
  objectives: { id: string; text: string; indicator?: string; priority?: string; previous?: string }[];
  date?: string;
}

export function checklistView(project: Project, today: string, t: Translator): ChecklistView {
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
  };
}

export interface EvaluationView {
  lang: string;
  today: string;
  project: Project;
  title: string;
  reviews: ReviewSummary[];
  trends: ObjectiveTrend[];
  latest?: ReviewSummary;
}

export function evaluationView(project: Project, today: string, t: Translator): EvaluationView {
  const { reviews, trends } = reviewHistory(project);
  return {
    lang: t.lang,
    today,
    project,
    title: project.project?.title ?? t('status.untitled'),
    reviews: [...reviews].reverse(),
    trends,
    ...(reviews.length ? { latest: reviews.at(-1)! } : {}),
  };
}
