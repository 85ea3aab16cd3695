import type { Project } from '../generated/model.js';
import { decisionMatrix } from '../derive/matrix.js';
import { toolCosts } from '../derive/costs.js';
import { POC_MAX_DAYS, POC_MIN_DAYS } from '../derive/warnings.js';
import { addDays, daysBetween, isValidIsoDate } from '../util/dates.js';
import type { Translator } from '../i18n/index.js';
import type { Note, Step } from './types.js';
import type { MsgKey } from '../i18n/index.js';

/** An end before its start cannot be saved: the answer is asked again. */
export function endAfterStart(start: unknown, end: unknown): Note | undefined {
  return isValidIsoDate(start) && typeof end === 'string' && end < start ? { key: 'prompt.endBeforeStart', params: { start } } : undefined;
}

/** A date meant to be ahead that is already past is confirmed before it is kept. */
export function notPast(value: unknown, today: string | undefined): Note | undefined {
  return today && typeof value === 'string' && value < today ? { key: 'prompt.pastDate', params: { date: value } } : undefined;
}

/** A test shorter or longer than the method advises is confirmed before it is kept. */
function lengthDoubt(start: unknown, end: unknown): Note | undefined {
  if (!isValidIsoDate(start) || typeof end !== 'string') return undefined;
  const days = daysBetween(start, end) + 1;
  return days < POC_MIN_DAYS || days > POC_MAX_DAYS ? { key: 'guard.pocLength', params: { days } } : undefined;
}

/** An objective's priority gives its criterion a first weight, which the team can change. */
const weightOf = { must: 5, should: 3, could: 1 } as const;

/**
 * Criteria drawn from the constraints of step 3, each with a first weight: what is not scored
 * does not weigh in the choice. A welcoming interface when it matters most; being learnt in one
 * session when some of the team are not at ease with digital tools; data protection when personal
 * data is at stake (a risk in that area); accessibility always, since a tool nobody checked for
 * it may shut some users out.
 */
export function constraintCriteria(project: Project): { key: MsgKey; weight: number }[] {
  const needs = project.needs;
  const out: { key: MsgKey; weight: number }[] = [];
  if (needs?.interface?.importance === 'high') out.push({ key: 'criterion.interface', weight: 4 });
  const level = needs?.maturity?.level;
  if (level === 'low' || level === 'mixed') out.push({ key: 'criterion.maturity', weight: level === 'low' ? 4 : 3 });
  const dataRisks = (needs?.risks ?? []).filter((risk) => risk.area === 'data-protection');
  if (dataRisks.length > 0) out.push({ key: 'criterion.dataProtection', weight: dataRisks.some((risk) => risk.impact === 'high') ? 5 : 3 });
  out.push({ key: 'criterion.accessibility', weight: 3 });
  return out;
}

function ranking(project: Project): Note[] {
  const matrix = decisionMatrix(project);
  const ranked = matrix.candidates.filter((c) => c.weighted !== undefined);
  if (ranked.length === 0) return [];
  const notes: Note[] = [{ key: 'poc.rankingTitle' }];
  for (const c of ranked) notes.push({ key: 'poc.rankingLine', params: { rank: c.rank!, name: c.name, score: Math.round(c.weighted! * 100) / 100 } });
  for (const cell of matrix.disagreements) {
    const criterion = matrix.criteria.find((k) => k.id === cell.criterion);
    const tool = matrix.candidates.find((c) => c.id === cell.candidate);
    notes.push({ key: 'poc.disagreement', params: { tool: tool?.name ?? cell.candidate, criterion: criterion?.text ?? cell.criterion, spread: cell.spread } });
  }
  return notes;
}

/**
 * The choice made after the test goes into the decision log, as an evaluation's "adjust" or
 * "stop" does: the tool and its score, the reason, who leads. Logged once: an entry from that day
 * on that names the same tool is this decision already (a re-edit, a resumed run, or the board's
 * own entry written by hand, such as "Adopt Rotaly and fund it for two years").
 */
export function logDecision(project: Project, t: Translator): boolean {
  const decision = project.poc?.decision;
  const chosen = decision?.chosen;
  if (!chosen || !isValidIsoDate(decision.date)) return false;
  const tool = chosen === 'none' ? undefined : (project.research?.candidates ?? []).find((c) => c.id === chosen);
  const name = tool?.name ?? chosen;
  const score = decisionMatrix(project).candidates.find((c) => c.id === chosen)?.weighted;
  const text =
    chosen === 'none'
      ? t('poc.logged.none')
      : score === undefined
        ? t('poc.logged.chosen', { tool: name })
        : t('poc.logged.chosenScored', { tool: name, score: t.number(score, 2) });
  const log = project.practices?.decisions ?? [];
  const already = log.some((entry) => typeof entry.date === 'string' && entry.date >= decision.date! && (chosen === 'none' ? entry.decision === text : (entry.decision ?? '').includes(name)));
  if (already) return false;
  project.practices ??= {};
  project.practices.decisions = [
    ...log,
    {
      date: decision.date,
      decision: text,
      ...(decision.rationale ? { rationale: decision.rationale } : {}),
      ...(project.lead?.name ? { by: project.lead.name } : {}),
    },
  ];
  return true;
}

/** Each tool's cost over the horizon, said before the choice so that price and score are weighed together. */
function costs(project: Project): Note[] {
  const comparison = toolCosts(project);
  if (!comparison.tools.some((tool) => tool.known)) return [];
  const money = (amounts: Record<string, number>) => ({ currency: comparison.currency, amounts });
  const notes: Note[] = [{ key: 'poc.costsTitle', params: { n: comparison.horizon } }];
  for (const tool of comparison.tools) {
    if (!tool.known) notes.push({ key: 'poc.costsUnknown', params: { name: tool.name } });
    else if (tool.perPoint !== undefined) notes.push({ key: 'poc.costsLineScored', params: { name: tool.name }, money: money({ net: tool.net, perPoint: tool.perPoint }) });
    else notes.push({ key: 'poc.costsLine', params: { name: tool.name }, money: money({ net: tool.net }) });
  }
  if (comparison.savedPerYear > 0) notes.push({ key: 'poc.costsSaved', money: money({ saved: comparison.savedPerYear }) });
  return notes;
}

export const poc: Step = {
  id: 'poc',
  number: 5,
  title: 'step.poc',
  owns: ['poc'],
  planned: { until: (project) => project.poc?.end, label: 'state.until' },
  settle: logDecision,
  fields: [
    {
      kind: 'group',
      key: 'poc',
      label: 'step.poc',
      fields: [
        {
          kind: 'date',
          key: 'start',
          label: 'field.poc.start',
          help: 'help.poc.start',
          required: true,
          carries: 'end',
          // The end typed with the start passes the end's question: its doubt is asked here.
          confirm: (value, { project, alongWith }) => (alongWith?.('end') ? lengthDoubt(value, project.poc?.end) : undefined),
        },
        {
          kind: 'date',
          key: 'end',
          label: 'field.poc.end',
          help: 'help.poc.end',
          required: true,
          // Four weeks of real use, as the help says: Enter takes it.
          suggest: ({ project }) => (isValidIsoDate(project.poc?.start) ? addDays(project.poc.start, 27) : undefined),
          check: (value, { project }) => endAfterStart(project.poc?.start, value),
          confirm: (value, { project }) => lengthDoubt(project.poc?.start, value),
        },
        {
          kind: 'list',
          key: 'criteria',
          item: 'criterion',
          label: 'field.poc.criteria',
          help: 'help.poc.criteria',
          required: true,
          id: { prefix: 'C' },
          title: 'text',
          // An objective says what to achieve, a criterion what to try during the test: its
          // text is offered for rewording, its objective stays the one it came from.
          reviewProposed: ['text'],
          pickProposed: true,
          propose: ({ project }, t) => [
            ...(project.needs?.objectives ?? []).map((objective) => ({
              text: objective.text ?? objective.id,
              weight: weightOf[objective.priority ?? 'should'],
              objective: objective.id,
            })),
            ...constraintCriteria(project).map(({ key, weight }) => ({ text: t(key), weight })),
          ],
          fields: [
            { kind: 'text', key: 'text', label: 'field.criterion.text', help: 'help.criterion.text', required: true },
            // Weighed against each other, side by side; the weights proposed from the priorities are the defaults.
            { kind: 'integer', key: 'weight', label: 'field.criterion.weight', help: 'help.criterion.weight', min: 1, max: 5, required: true, together: 'grid.criterion.weight' },
            { kind: 'ref', key: 'objective', label: 'field.criterion.objective', help: 'help.criterion.objective', target: 'objectives' },
          ],
        },
        { kind: 'scores', key: 'scores', label: 'field.poc.scores', help: 'help.poc.scores', required: true },
        { kind: 'strings', key: 'adaptations', label: 'field.poc.adaptations', help: 'help.poc.adaptations', detail: true, noun: 'noun.adaptation' },
        {
          kind: 'group',
          key: 'decision',
          label: 'field.poc.decision',
          fields: [
            {
              kind: 'ref',
              key: 'chosen',
              label: 'field.poc.decision.chosen',
              help: 'help.poc.decision.chosen',
              target: 'candidates',
              shortlistedOnly: true,
              allowNone: true,
              required: true,
              intro: ({ project }) => [...ranking(project), ...costs(project)],
              // The cursor starts on the best-ranked tool: a reflex Enter follows the matrix.
              suggest: ({ project }) => decisionMatrix(project).candidates.find((c) => c.rank === 1)?.id,
            },
            // Asked once a choice is made: no decision is recorded for a test still to come.
            { kind: 'date', key: 'date', label: 'field.poc.decision.date', help: 'help.poc.decision.date', required: true, when: ({ project }) => Boolean(project.poc?.decision?.chosen) },
            { kind: 'longtext', key: 'rationale', label: 'field.poc.decision.rationale', help: 'help.poc.decision.rationale', required: true, when: ({ project }) => Boolean(project.poc?.decision?.chosen) },
          ],
        },
      ],
    },
  ],
};
