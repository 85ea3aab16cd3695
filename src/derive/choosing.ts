/**
 * The warnings about choosing a tool with eyes open: how many are tested, what happens to the
 * data, who can use it, what it costs against what the structure can spend, and the contracts
 * of the tools in place. Their codes are in warnings.ts with the others; docs/warnings.md
 * states each rule.
 */
import type { Project } from '../generated/model.js';
import type { Warning } from './warnings.js';
import { budgetTotals } from './budget.js';
import { toolCosts } from './costs.js';
import { addDays, isValidIsoDate } from '../util/dates.js';

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
  const longTerm = categories.has('hosting') || categories.has('maintenance');
  if (training && longTerm) return undefined;
  return { code: 'budget-gaps', path: 'needs.budget.items', params: { missing: !training && !longTerm ? 'both' : training ? 'long-term' : 'training' } };
}
