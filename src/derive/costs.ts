import type { Project } from '../generated/model.js';
import { cents, horizonYears, sumCosts } from './budget.js';
import { decisionMatrix, type DecisionMatrix } from './matrix.js';

/** What one tool would cost over the horizon, and what a point of its weighted score costs. */
export interface ToolCost {
  id: string;
  name: string;
  /** Whether the tool has any cost line or running time: without either, its figures mean "not known", not "free". */
  known: boolean;
  oneOff: number;
  /** Recurring costs brought to a year. */
  yearly: number;
  /** The recurring costs over the horizon: horizon × yearly. */
  recurring: number;
  hoursPerMonth?: number;
  /** The running time valued: hoursPerMonth × hourValue × 12 × years (0 without an hour value). */
  time: number;
  /** One-off + recurring + time, over the horizon. */
  total: number;
  /** The money the tool asks for, over the horizon: one-off + recurring, without the time. */
  cash: number;
  /** What the tools it replaces would have cost over the horizon. */
  savings: number;
  /** total − savings. */
  net: number;
  /** The weighted score of the decision matrix (0–5), and its rank, once the tool is scored. */
  weighted?: number;
  rank?: number;
  /** net ÷ weighted: what a point of score costs. Only for a tool with known costs and a score above 0. */
  perPoint?: number;
}

export interface ToolComparison {
  currency: string;
  /** The horizon in years (needs.budget.horizon, 3 by default). */
  horizon: number;
  hourValue?: number;
  /** The monthly costs of the tools in place that the project replaces, brought to a year. */
  savedPerYear: number;
  /** The shortlisted tools, any tool with scores, and the chosen one, in the file's order. */
  tools: ToolCost[];
}

/** What the tools in place that the project replaces cost a month, in cents: what it saves. */
export function replacedMonthlyCents(project: Project): number {
  let monthly = 0;
  for (const tool of project.practices?.vision?.inventory ?? []) {
    if (tool.fate === 'replaced' && typeof tool.monthlyCost === 'number') monthly += cents(tool.monthlyCost);
  }
  return monthly;
}

/**
 * The true cost of each tool in the running, over the same horizon, so that a cheap licence
 * with heavy volunteer time, or a tool that lets an existing subscription go, is seen for what
 * it is. Pure: the same file gives the same figures.
 */
export function toolCosts(project: Project, matrix: DecisionMatrix = decisionMatrix(project)): ToolComparison {
  const budget = project.needs?.budget;
  const years = horizonYears(project);
  const hourValue = typeof budget?.hourValue === 'number' && budget.hourValue >= 0 ? budget.hourValue : undefined;
  const savedPerYearCents = replacedMonthlyCents(project) * 12;
  const savingsCents = savedPerYearCents * years;
  const chosen = project.poc?.decision?.chosen;
  const scored = new Map(matrix.candidates.map((c) => [c.id, c]));

  const tools = (project.research?.candidates ?? [])
    .filter((c) => c.shortlisted === true || scored.has(c.id) || c.id === chosen)
    .map((candidate): ToolCost => {
      const { oneOffCents, yearlyCents } = sumCosts(candidate.costs);
      const hours = typeof candidate.hoursPerMonth === 'number' ? candidate.hoursPerMonth : undefined;
      // One rounding for the whole time cost: rounding each month would drift by cents.
      const timeCents = hours !== undefined && hourValue !== undefined ? cents(hours * hourValue * 12 * years) : 0;
      const cashCents = oneOffCents + yearlyCents * years;
      const totalCents = cashCents + timeCents;
      const netCents = totalCents - savingsCents;
      const known = (candidate.costs ?? []).some((line) => typeof line.amount === 'number') || hours !== undefined;
      const result = scored.get(candidate.id);
      const weighted = result?.weighted;
      return {
        id: candidate.id,
        name: candidate.name ?? candidate.id,
        known,
        oneOff: oneOffCents / 100,
        yearly: yearlyCents / 100,
        recurring: (yearlyCents * years) / 100,
        ...(hours !== undefined ? { hoursPerMonth: hours } : {}),
        time: timeCents / 100,
        total: totalCents / 100,
        cash: cashCents / 100,
        savings: savingsCents / 100,
        net: netCents / 100,
        ...(weighted !== undefined ? { weighted } : {}),
        ...(result?.rank !== undefined ? { rank: result.rank } : {}),
        ...(known && weighted !== undefined && weighted > 0 ? { perPoint: Math.round(netCents / weighted) / 100 } : {}),
      };
    });
  return { currency: budget?.currency ?? 'EUR', horizon: years, ...(hourValue !== undefined ? { hourValue } : {}), savedPerYear: savedPerYearCents / 100, tools };
}
