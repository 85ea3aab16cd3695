/**
 * `portfolio.md` and `portfolio.html`: the overview for a board or a funder, through the same
 * templates engine and house style as the plan. Everything is worded here, in the run's
 * language; the templates only lay it out. No date of the run appears but `today` itself, so
 * the same files seen from the same day give the same bytes.
 */
import path from 'node:path';
import type { Context } from '../context.js';
import type { Translator } from '../i18n/index.js';
import { stepIds } from '../steps/ids.js';
import { eventLabel } from '../view/status.js';
import { progressLine } from '../view/progress.js';
import { evaluationLabel, moneyList, objectivesLine, organisationName, problemLine, projectName, toolLabel, totalLine, type PortfolioReport } from '../view/portfolio.js';
import { makeRenderer } from './engine.js';
import { writeOutputs } from '../write-documents.js';
import { shownPath } from '../util/shown-path.js';

const GLYPH = { complete: '✓', planned: '◷', partial: '◐', empty: '○' } as const;

export function portfolioView(report: PortfolioReport, t: Translator): object {
  const { totals, anonymous } = report;
  const ref = (r: { organisation?: string; title?: string; file: string }) => ({ name: projectName(r, t), file: r.file });
  return {
    lang: t.lang,
    today: report.today,
    counts: t('portfolio.counts', { projects: t('portfolio.noun.project', { n: report.projects.length }), organisations: t('portfolio.noun.organisation', { n: totals.organisations.length }), problems: t('noun.file', { n: report.problems.length }) }),
    anonymous,
    problems: report.problems.map((p) => problemLine(p, anonymous, t)),
    projects: report.projects.map((p) => ({
      organisation: organisationName(p.organisation, t),
      title: p.title ?? t('status.untitled'),
      file: p.file,
      ...(anonymous || !p.lead ? {} : { lead: p.lead }),
      steps: p.steps.map((state, index) => ({ state, glyph: GLYPH[state], step: t(`step.${stepIds[index]!}`), stateLabel: t(`state.${state}`) })),
      progress: progressLine(p.steps.map((state, index) => ({ state, number: index + 1 })), t),
      next: p.next ? { date: p.next.date, label: anonymous ? undefined : eventLabel({ ...p.next, path: '' }, t) } : undefined,
      evaluation: evaluationLabel(p.evaluation, t),
      overdue: p.evaluation.state === 'overdue',
      late: p.late > 0 ? t('portfolio.noun.late', { n: p.late }) : '',
      warnings: p.warnings.length,
      tool: toolLabel(p, t),
      usability: p.usability ? t.number(p.usability.mean, 1) : '',
    })),
    organisations: totals.organisations
      .filter((o) => o.tools.length > 0)
      .map((o) => ({
        name: organisationName(o.name, t),
        tools: o.tools.map((tool) => ({
          tool: tool.tool,
          uses: tool.uses.join(', '),
          source: tool.source === 'chosen' ? t('portfolio.chosenIn', { project: tool.project ?? t('status.untitled') }) : t('portfolio.inPlace'),
          monthly: tool.monthlyCents === undefined ? t('portfolio.costUnknown') : t.money(tool.monthlyCents / 100, tool.currency),
          yearly: tool.yearlyCents === undefined ? '' : t.money(tool.yearlyCents / 100, tool.currency),
        })),
        monthly: moneyList(o.costs, t, 'monthly'),
        yearly: moneyList(o.costs, t, 'yearly'),
      })),
    overall: totalLine(totals.costs, t),
    overlaps: totals.overlaps.map((o) => t('portfolio.overlap', { organisation: organisationName(o.organisation, t), use: o.use, tools: t.list(o.tools) })),
    contracts: totals.contracts.map((c) => ({ ...ref(c), text: t('portfolio.contract', { tool: c.tool, date: t.date(c.date), project: projectName(c, t) }) })),
    overdue: totals.overdue.map((o) => ({ ...ref(o), text: t('portfolio.overdueItem', { project: projectName(o, t), date: t.date(o.due) }) })),
    stalled: totals.stalled.map((s) => ({ ...ref(s), text: t('portfolio.stalledItem', { project: projectName(s, t), date: t.date(s.latest) }) })),
    objectives: objectivesLine(totals.objectives, t),
    usability: totals.organisations
      .filter((o) => o.usability)
      .map((o) => ({ name: organisationName(o.name, t), score: t.number(o.usability!.mean, 1), respondents: o.usability!.respondents, projects: o.usability!.projects })),
  };
}

/** Writes both documents into `out` and returns their paths. */
export async function writePortfolioDocuments(report: PortfolioReport, out: string, ctx: Context): Promise<string[]> {
  const { t, io } = ctx;
  const renderer = await makeRenderer(t);
  const view = portfolioView(report, t);
  const outputs = (['md', 'html'] as const).map((format) => ({ target: path.join(out, `portfolio.${format}`), data: renderer.render('portfolio', format, view) }));
  await writeOutputs(outputs, { project: ctx.file, folder: out, cwd: io.cwd, advice: 'out-folder', shown: (file) => shownPath(io.cwd, file), t });
  return outputs.map((output) => output.target);
}
