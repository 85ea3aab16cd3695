import type { Project } from '../generated/model.js';
import type { DanglingReference } from './references.js';
import { danglingReferences } from './references.js';
import { datedEvents, evaluationStatus, infoPoints, INFO_POINT_DAYS, lateMilestones, pocLengthDays, type DatedEvent } from './events.js';
import { addDays, isValidIsoDate } from '../util/dates.js';
import { formatPath } from '../util/paths.js';
import { budgetTotals } from './budget.js';
import { toolCosts } from './costs.js';

/** Stable codes: scripts rely on them; docs/warnings.md states each rule. */
export const warningCodes = [
  'single-profile',
  'few-key-users',
  'weak-lead-skill',
  'poc-length',
  'unscored-criterion',
  'no-data-export',
  'no-evaluation-date',
  'evaluation-overdue',
  'milestone-late',
  'dangling-reference',
  'date-order',
  'communication-behind',
  'few-shortlisted',
  'data-protection-unclear',
  'accessibility-unknown',
  'over-budget',
  'contract-renewal',
  'budget-gaps',
  'risk-unmitigated',
] as const;
export type WarningCode = (typeof warningCodes)[number];

export interface Warning {
  code: WarningCode;
  path: string;
  /** What the message needs, so that each language can say it its own way. */
  params: Record<string, string | number>;
  /** For dangling references: the reference, so the message can name its target. */
  reference?: DanglingReference;
}

/** The risks named with no way to limit them yet, each with its id (its number when it has none) and its text. */
export function unmitigatedRisks(project: Project): { id: string; text: string }[] {
  return (project.needs?.risks ?? []).flatMap((risk, index) => (risk.mitigation?.trim() ? [] : [{ id: risk.id ?? String(index + 1), text: risk.text ?? '' }]));
}

export const MIN_KEY_USERS = 2;
export const POC_MIN_DAYS = 7;
export const POC_MAX_DAYS = 31;
const SHOWN_CRITERIA = 3;

/**
 * Where the method is at risk, from the answers as they stand today. `events` may be given by a
 * caller that has them already (the portfolio, for every file), and must be datedEvents(project).
 */
export function warnings(project: Project, today: string, dangling: readonly DanglingReference[] = danglingReferences(project), events: readonly DatedEvent[] = datedEvents(project)): Warning[] {
  const found: Warning[] = [];
  const keyUsers = project.keyUsers ?? [];
  const scores = project.poc?.scores ?? [];

  const profiles = new Set(keyUsers.map((u) => u.profile).filter(Boolean));
  if (keyUsers.length >= MIN_KEY_USERS && profiles.size === 1 && keyUsers.every((u) => u.profile)) {
    found.push({ code: 'single-profile', path: 'keyUsers', params: { profile: [...profiles][0]! } });
  }
  if ((keyUsers.length > 0 && keyUsers.length < MIN_KEY_USERS) || (keyUsers.length === 0 && scores.length > 0)) {
    found.push({ code: 'few-key-users', path: 'keyUsers', params: { count: keyUsers.length } });
  }

  const skills = project.lead?.skills;
  if (!project.lead?.support?.trim()) {
    for (const skill of ['projectManagement', 'facilitation'] as const) {
      if (skills?.[skill] === 'none') found.push({ code: 'weak-lead-skill', path: `lead.skills.${skill}`, params: { skill } });
    }
  }

  const days = pocLengthDays(project);
  if (days !== undefined && days >= 1 && (days < POC_MIN_DAYS || days > POC_MAX_DAYS)) {
    found.push({ code: 'poc-length', path: 'poc', params: { days } });
  }

  // A criterion nobody scored for a tool only matters once scoring has begun (or the choice is
  // made): that tool's weighted mean then leaves the criterion out, which can flatter it.
  if (scores.length > 0 || project.poc?.decision?.chosen) {
    // For each tool, the criteria it was scored on.
    const scored = new Map<string, Set<string>>();
    for (const score of scores) {
      const criteria = scored.get(score.candidate);
      if (criteria) criteria.add(score.criterion);
      else scored.set(score.candidate, new Set([score.criterion]));
    }
    (project.research?.candidates ?? []).forEach((tool, index) => {
      const onCriteria = scored.get(tool.id);
      if (tool.shortlisted !== true && !onCriteria) return;
      // One warning per tool, naming every criterion it was not scored on.
      const missing = (project.poc?.criteria ?? []).filter((criterion) => !onCriteria?.has(criterion.id));
      if (missing.length === 0) return;
      found.push({
        code: 'unscored-criterion',
        path: `research.candidates[${index}]`,
        // A person reads three names; the rest is a count (the message says how many more).
        params: {
          tool: tool.name ?? tool.id,
          criteria: missing.slice(0, SHOWN_CRITERIA).map((c) => (c.text ? `${c.id} (${c.text})` : c.id)).join(', '),
          more: Math.max(0, missing.length - SHOWN_CRITERIA),
          ids: missing.map((c) => c.id).join(','),
        },
      });
    });
  }

  (project.research?.candidates ?? []).forEach((candidate, index) => {
    if (candidate.shortlisted === true && candidate.dataExport === 'none') {
      found.push({ code: 'no-data-export', path: `research.candidates[${index}]`, params: { name: candidate.name ?? candidate.id } });
    }
  });

  found.push(...choosingWarnings(project, today));

  const evaluation = evaluationStatus(project, today);
  const deploymentPlanned = Boolean(project.deployment?.launch?.date) || (project.deployment?.phases ?? []).length > 0;
  if (deploymentPlanned && !evaluation.due) found.push({ code: 'no-evaluation-date', path: 'evaluation.due', params: {} });
  if (evaluation.overdue) found.push({ code: 'evaluation-overdue', path: 'evaluation.due', params: { date: evaluation.due! } });

  const unmitigated = unmitigatedRisks(project).map((risk) => risk.id);
  if (unmitigated.length > 0) found.push({ code: 'risk-unmitigated', path: 'needs.risks', params: { n: unmitigated.length, ids: unmitigated.join(', ') } });

  const milestones = project.needs?.schedule?.milestones ?? [];
  for (const late of lateMilestones(project, today, events)) {
    const index = Number(/\[(\d+)\]$/.exec(late.path)?.[1]);
    found.push({ code: 'milestone-late', path: late.path, params: { name: late.name ?? '', date: late.date, id: milestones[index]?.id ?? String(index + 1) } });
  }

  found.push(...dateOrder(project));
  const behind = communicationBehind(project, today);
  if (behind) found.push(behind);

  for (const reference of dangling) {
    found.push({ code: 'dangling-reference', path: formatPath(reference.path), params: { id: reference.id }, reference });
  }
  return found;
}

/** The dates of the method that come in order: each pair is [earlier, later]. */
const ORDER = [
  ['pocEnd', 'poc.end', 'decision', 'poc.decision.date'],
  ['decision', 'poc.decision.date', 'launch', 'deployment.launch.date'],
  ['launch', 'deployment.launch.date', 'evaluation', 'evaluation.due'],
] as const;

/** A date of the method before the one that must come first: decide after the test, launch after deciding, evaluate after launching. */
function dateOrder(project: Project): Warning[] {
  const dates: Record<(typeof ORDER)[number][0 | 2], unknown> = {
    pocEnd: project.poc?.end,
    decision: project.poc?.decision?.date,
    launch: project.deployment?.launch?.date,
    evaluation: project.evaluation?.due,
  };
  const found: Warning[] = [];
  for (const [earlier, , later, path] of ORDER) {
    const first = dates[earlier];
    const then = dates[later];
    if (isValidIsoDate(first) && isValidIsoDate(then) && then < first) found.push({ code: 'date-order', path, params: { what: later, date: then, other: earlier, before: first } });
  }
  return found;
}

/**
 * During the deployment, the last logged communication (or the launch, if none came after it) is
 * older than the information points' rhythm allows. Said with dates, not a count of days, so
 * that a document showing it does not change every day.
 */
function communicationBehind(project: Project, today: string): Warning | undefined {
  const points = infoPoints(project);
  if (!points || today < points.start || (points.until && today > points.until)) return undefined;
  const logged = (project.practices?.communications ?? []).map((c) => c.date).filter((d): d is string => isValidIsoDate(d) && d <= today).sort().pop();
  const since = logged && logged > points.start ? logged : points.start;
  const due = addDays(since, INFO_POINT_DAYS[points.frequency]);
  return today > due ? { code: 'communication-behind', path: 'practices.communications', params: { since, due, frequency: points.frequency } } : undefined;
}

// ── choosing with eyes open: how many tools are tested, what happens to the data, who can use
// the tool, what it costs against what the structure can spend, and the contracts in place.

export const SHORTLIST_MIN = 2;
export const SHORTLIST_MAX = 3;
/** How far ahead a contract's end is worth deciding about: notice periods are often one or two months. */
export const CONTRACT_NOTICE_DAYS = 60;

type Candidate = NonNullable<NonNullable<Project['research']>['candidates']>[number];

/** The law a tool's data answers to, when it is not clearly European or British: undefined when it is. */
function unclearLaw(tool: Candidate): 'us' | 'elsewhere' | 'unknown' | 'unrecorded' | undefined {
  const jurisdiction = tool.dataProtection?.jurisdiction;
  if (jurisdiction === 'US') return 'us';
  if (jurisdiction === 'other') return 'elsewhere';
  if (jurisdiction === 'unknown') return 'unknown';
  if (jurisdiction === undefined && (tool.hosting === 'outside-EU' || tool.hosting === 'unknown')) return 'unrecorded';
  return undefined;
}

export function choosingWarnings(project: Project, today: string): Warning[] {
  const found: Warning[] = [];
  const candidates = project.research?.candidates ?? [];
  const chosenId = project.poc?.decision?.chosen;
  const chosenIndex = candidates.findIndex((c) => c.id === chosenId);
  const chosen = chosenIndex >= 0 ? candidates[chosenIndex] : undefined;

  const shortlisted = candidates.filter((c) => c.shortlisted === true).length;
  if (candidates.length > 0 && (shortlisted < SHORTLIST_MIN || shortlisted > SHORTLIST_MAX)) {
    found.push({ code: 'few-shortlisted', path: 'research.candidates', params: { count: shortlisted } });
  }

  // A data-protection risk with its mitigation written is the team saying it has this in hand.
  const handled = (project.needs?.risks ?? []).some((risk) => risk.area === 'data-protection' && Boolean(risk.mitigation?.trim()));
  if (!handled) {
    candidates.forEach((tool, index) => {
      const isChosen = index === chosenIndex;
      if (!isChosen && tool.shortlisted !== true) return;
      const noAgreement = isChosen && tool.dataProtection?.agreement !== 'signed';
      const law = unclearLaw(tool);
      if (!noAgreement && !law) return;
      found.push({
        code: 'data-protection-unclear',
        path: `research.candidates[${index}]`,
        params: { name: tool.name ?? tool.id, problem: noAgreement && law ? 'both' : noAgreement ? 'agreement' : 'law', law: law ?? 'clear' },
      });
    });
  }

  const statement = chosen?.accessibility?.statement;
  if (chosen && (statement === 'unknown' || statement === 'none')) {
    found.push({ code: 'accessibility-unknown', path: `research.candidates[${chosenIndex}]`, params: { name: chosen.name ?? chosen.id, statement } });
  }

  const over = overBudget(project, chosen);
  if (over) found.push(over);

  const gaps = budgetGaps(project);
  if (gaps) found.push(gaps);

  const horizon = addDays(today, CONTRACT_NOTICE_DAYS);
  (project.practices?.vision?.inventory ?? []).forEach((tool, index) => {
    const end = tool.contractEnd;
    if (isValidIsoDate(end) && end >= today && end <= horizon) {
      found.push({ code: 'contract-renewal', path: `practices.vision.inventory[${index}]`, params: { tool: tool.tool ?? '', date: end } });
    }
  });
  return found;
}

/**
 * The costs above the ceiling: from the budget's lines when it has any, else from the chosen
 * tool's costs. A yearly ceiling holds the first year (one-off costs and twelve months of
 * recurring costs); a total one, the whole horizon. Time valued at hourValue is not money the
 * structure pays out, so it is left out here.
 */
function overBudget(project: Project, chosen: Candidate | undefined): Warning | undefined {
  const budget = project.needs?.budget;
  const ceiling = budget?.ceiling?.amount;
  if (typeof ceiling !== 'number') return undefined;
  const per = budget?.ceiling?.per ?? 'year';
  const totals = budgetTotals(project);
  let amount: number;
  let name: string | undefined;
  if (totals.lines.length > 0) {
    amount = per === 'year' ? totals.firstYear : totals.overHorizon;
  } else {
    const tool = chosen ? toolCosts(project).tools.find((t) => t.id === chosen.id) : undefined;
    if (!tool?.known) return undefined;
    amount = per === 'year' ? tool.oneOff + tool.yearly : tool.cash;
    name = tool.name;
  }
  if (amount <= ceiling) return undefined;
  return { code: 'over-budget', path: 'needs.budget.ceiling', params: { amount, ceiling, per, years: totals.horizon, currency: totals.currency, source: name === undefined ? 'budget' : 'tool', name: name ?? '' } };
}

/** Once the lines say what each cost is for, the method's budget must have training and long-term costs. */
function budgetGaps(project: Project): Warning | undefined {
  const items = project.needs?.budget?.items ?? [];
  const categories = new Set(items.map((item) => item.category).filter(Boolean));
  if (categories.size === 0) return undefined;
  const training = categories.has('training');
  // A subscription to an online tool pays its hosting and updates every month: a recurring line
  // for the tool is a long-term cost too (a first-time user was told none was there).
  const longTerm = categories.has('hosting') || categories.has('maintenance') || items.some((item) => item.category === 'licence' && item.kind === 'recurring');
  if (training && longTerm) return undefined;
  return { code: 'budget-gaps', path: 'needs.budget.items', params: { missing: !training && !longTerm ? 'both' : training ? 'long-term' : 'training' } };
}
