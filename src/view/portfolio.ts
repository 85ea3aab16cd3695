/**
 * The portfolio for a person at a terminal, and for a script (--json): one line per project,
 * what needs attention first, then what only shows across projects. In the run's language,
 * whatever the files' own; with --anonymous, nothing that names or may name a person.
 */
import type { Translator } from '../i18n/index.js';
import type { Problem } from '../problems.js';
import { formatProblem } from '../problems.js';
import type { ProjectSummary } from '../derive/portfolio.js';
import type { Money, PortfolioTotals, ProjectRef } from '../derive/portfolio-totals.js';
import type { Status } from '../derive/reviews.js';
import { stepIds } from '../steps/ids.js';
import { visibleKeepingStyle } from '../util/visible.js';
import { progressLine, stateMark } from './progress.js';
import type { Style } from './style.js';
import { wrap } from './wrap.js';

export interface PortfolioReport {
  today: string;
  /** How many project files were found, with problems or not. */
  files: number;
  /** Sorted by attention (derive/portfolio.ts). */
  projects: ProjectSummary[];
  /** The first problem of each file that has any, in file order. */
  problems: Problem[];
  /** One sentence per folder that could not be read. */
  unreadable: string[];
  totals: PortfolioTotals;
  anonymous: boolean;
}

const stepRow = (steps: ProjectSummary['steps']) => steps.map((state, index) => ({ state, number: index + 1 }));

/** A problem in one line; anonymous, its place only: the message may quote a value, such as a name. */
export function problemLine(problem: Problem, anonymous: boolean, t: Translator): string {
  return formatProblem(anonymous ? { ...problem, message: t('portfolio.problemHidden') } : problem);
}

export function projectName(project: { organisation?: string; title?: string }, t: Translator): string {
  const title = project.title ?? t('status.untitled');
  return project.organisation ? `${project.organisation} — ${title}` : title;
}

export function organisationName(name: string | undefined, t: Translator): string {
  return name ?? t('portfolio.noOrganisation');
}

export function evaluationLabel(evaluation: ProjectSummary['evaluation'], t: Translator): string {
  switch (evaluation.state) {
    case 'overdue':
      return t('portfolio.eval.overdue', { date: t.date(evaluation.due!) });
    case 'due':
      return t('portfolio.eval.due', { date: t.date(evaluation.due!) });
    case 'done':
      return evaluation.decision
        ? t('portfolio.eval.done', { date: t.date(evaluation.lastReview!), decision: t(`enum.decision.${evaluation.decision}`) })
        : t('portfolio.eval.doneUndecided', { date: t.date(evaluation.lastReview!) });
    default:
      return t('portfolio.eval.none');
  }
}

/** Amounts in several currencies, side by side: they are never added together. */
export function moneyList(sums: readonly Money[], t: Translator, per: 'monthly' | 'yearly'): string {
  if (sums.length === 0) return t('portfolio.noCost');
  return sums.map((sum) => t.money((per === 'monthly' ? sum.monthlyCents : sum.yearlyCents) / 100, sum.currency)).join(' · ');
}

/** "total: €41 a month, €492 a year", or that no cost is known (unknown is not free). */
export function totalLine(sums: readonly Money[], t: Translator): string {
  return sums.length === 0 ? t('portfolio.noCost') : t('portfolio.totalLine', { monthly: moneyList(sums, t, 'monthly'), yearly: moneyList(sums, t, 'yearly') });
}

export function toolLabel(project: ProjectSummary, t: Translator): string {
  const chosen = project.chosen;
  if (!chosen) return t('portfolio.noTool');
  return chosen.known ? t('portfolio.toolCost', { tool: chosen.name, amount: t.money(chosen.yearlyCents / 100, project.currency) }) : t('portfolio.toolUnknownCost', { tool: chosen.name });
}

export function objectivesLine(objectives: Record<Status, number>, t: Translator): string {
  return [t('portfolio.noun.met', { n: objectives.met }), t('portfolio.noun.partial', { n: objectives.partial }), t('portfolio.noun.unmet', { n: objectives.unmet })].join(' · ');
}

const refName = (ref: ProjectRef, t: Translator) => `${projectName(ref, t)} (${ref.file})`;

/** The portfolio at a terminal: each line wraps on its own, under the text after its marks. */
export function printPortfolio(report: PortfolioReport, t: Translator, style: Style, width?: number): string {
  const lines: string[] = [];
  const push = (...added: string[]) => lines.push(...added.map((line) => wrap(visibleKeepingStyle(line), width, hanging)));
  const { totals } = report;
  push(style('bold', t('portfolio.title')));
  push(style('dim', t('portfolio.counts', { projects: t('portfolio.noun.project', { n: report.projects.length }), organisations: t('portfolio.noun.organisation', { n: totals.organisations.length }), problems: t('noun.file', { n: report.problems.length }) })), '');

  for (const problem of report.problems) push(` ${style('red', '✖')} ${problemLine(problem, report.anonymous, t)}`);
  for (const project of report.projects) {
    const marks = project.steps.map((state) => stateMark(state, style)).join('');
    const parts = [
      style('bold', projectName(project, t)),
      project.next ? t('portfolio.next', { date: t.date(project.next.date) }) : t('portfolio.nothingNext'),
      project.evaluation.state === 'overdue' ? style('red', evaluationLabel(project.evaluation, t)) : evaluationLabel(project.evaluation, t),
      ...(project.late > 0 ? [style('red', t('portfolio.noun.late', { n: project.late }))] : []),
      project.warnings.length > 0 ? style('yellow', t('portfolio.noun.warning', { n: project.warnings.length })) : t('portfolio.noWarnings'),
      toolLabel(project, t),
      ...(project.usability ? [t('portfolio.sus', { score: t.number(project.usability.mean, 1) })] : []),
    ];
    push(` ${marks}  ${parts.join(' · ')}`);
  }
  if (report.projects.length > 0) push(style('dim', ` ${t('portfolio.legend')}`));

  push('', style('bold', t('portfolio.tools')));
  for (const organisation of totals.organisations) {
    if (organisation.tools.length === 0) continue;
    push(`  ${style('bold', organisationName(organisation.name, t))}`);
    for (const tool of organisation.tools) {
      const uses = tool.uses.length > 0 ? ` (${tool.uses.join(', ')})` : '';
      const source = tool.source === 'chosen' ? ` — ${t('portfolio.chosenIn', { project: tool.project ?? t('status.untitled') })}` : '';
      const cost = tool.monthlyCents === undefined ? t('portfolio.costUnknown') : t('portfolio.perMonthYear', { monthly: t.money(tool.monthlyCents / 100, tool.currency), yearly: t.money(tool.yearlyCents! / 100, tool.currency) });
      push(`    · ${tool.tool}${uses}${source}${t('doc.colon')} ${cost}`);
    }
    push(`    ${totalLine(organisation.costs, t)}`);
  }
  push(`  ${style('bold', t('portfolio.overall'))} — ${totalLine(totals.costs, t)}`);

  const section = (title: string, items: string[], none: string) => {
    push('', style('bold', title));
    push(...(items.length > 0 ? items.map((item) => `  · ${item}`) : [`  ${style('green', none)}`]));
  };
  section(t('portfolio.overlaps'), totals.overlaps.map((o) => t('portfolio.overlap', { organisation: organisationName(o.organisation, t), use: o.use, tools: t.list(o.tools) })), t('portfolio.noOverlap'));
  section(t('portfolio.contracts'), totals.contracts.map((c) => t('portfolio.contract', { tool: c.tool, date: t.date(c.date), project: refName(c, t) })), t('portfolio.noContract'));
  section(t('portfolio.overdue'), totals.overdue.map((o) => t('portfolio.overdueItem', { project: refName(o, t), date: t.date(o.due) })), t('portfolio.noOverdue'));
  section(t('portfolio.stalled'), totals.stalled.map((s) => t('portfolio.stalledItem', { project: refName(s, t), date: t.date(s.latest) })), t('portfolio.noStalled'));
  push('', `${style('bold', `${t('portfolio.objectives')}${t('doc.colon')}`)} ${objectivesLine(totals.objectives, t)}`);
  const scored = totals.organisations.filter((o) => o.usability);
  section(
    t('portfolio.usability'),
    scored.map((o) => t('portfolio.usabilityItem', { organisation: organisationName(o.name, t), score: t.number(o.usability!.mean, 1), respondents: t('portfolio.noun.respondent', { n: o.usability!.respondents }), projects: t('portfolio.noun.project', { n: o.usability!.projects }) })),
    t('portfolio.noUsability'),
  );
  return `${lines.join('\n')}\n`;
}

/** A project line goes on under the text after its eight marks; the rest under their bullet. */
function hanging(line: string): number | undefined {
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  return /^ \S{8} {2}/u.exec(plain)?.[0].length;
}

const amounts = (sums: readonly Money[]) => sums.map((sum) => ({ currency: sum.currency, monthly: sum.monthlyCents / 100, yearly: sum.yearlyCents / 100 }));

/** `portfolio --json`: one object, stable keys; amounts in their currency, never added across. */
export function portfolioJson(report: PortfolioReport, t: Translator): unknown {
  const { totals, anonymous } = report;
  // Thousands of projects share a few rows of states: each row is said once.
  const lines = new Map<string, string>();
  const progressOf = (steps: ProjectSummary['steps']) => {
    const key = steps.join();
    let line = lines.get(key);
    if (line === undefined) lines.set(key, (line = progressLine(stepRow(steps), t)));
    return line;
  };
  return {
    today: report.today,
    lang: t.lang,
    anonymous,
    files: report.files,
    problems: report.problems.map((p) => ({ file: p.file, line: p.line ?? null, col: p.col ?? null, ...(anonymous ? {} : { message: p.message }) })),
    unreadable: report.unreadable,
    projects: report.projects.map((p) => ({
      file: p.file,
      organisation: p.organisation ?? null,
      title: p.title ?? null,
      ...(anonymous ? {} : { lead: p.lead ?? null }),
      steps: p.steps.map((state, index) => ({ id: stepIds[index], state })),
      progress: progressOf(p.steps),
      next: p.next ? { date: p.next.date, kind: p.next.kind, ...(anonymous || !p.next.name ? {} : { name: p.next.name }) } : null,
      late: p.late,
      evaluation: { ...p.evaluation, label: evaluationLabel(p.evaluation, t) },
      warnings: p.warnings,
      chosen: p.chosen ? { id: p.chosen.id, name: p.chosen.name, currency: p.currency, yearly: p.chosen.known ? p.chosen.yearlyCents / 100 : null } : null,
      usability: p.usability ? { mean: p.usability.mean, respondents: p.usability.respondents, date: p.usability.date } : null,
      objectives: p.objectives,
      latest: p.latest ?? null,
      stalled: p.stalled,
    })),
    totals: {
      organisations: totals.organisations.map((o) => ({
        name: o.name ?? null,
        projects: o.projects,
        tools: o.tools.map((tool) => ({ tool: tool.tool, uses: tool.uses, source: tool.source, ...(tool.project ? { project: tool.project } : {}), currency: tool.currency, monthly: tool.monthlyCents === undefined ? null : tool.monthlyCents / 100, yearly: tool.yearlyCents === undefined ? null : tool.yearlyCents / 100 })),
        costs: amounts(o.costs),
        usability: o.usability ?? null,
        objectives: o.objectives,
      })),
      costs: amounts(totals.costs),
      overlaps: totals.overlaps.map((o) => ({ organisation: o.organisation ?? null, use: o.use, tools: o.tools })),
      contracts: totals.contracts,
      overdue: totals.overdue,
      stalled: totals.stalled,
      objectives: totals.objectives,
    },
  };
}
