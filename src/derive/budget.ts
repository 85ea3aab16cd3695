import type { BudgetItem, Project } from '../generated/model.js';

export interface BudgetTotals {
  currency: string;
  oneOff: number;
  /** Recurring costs brought to a year: monthly × 12, quarterly × 4, yearly × 1. */
  yearly: number;
  /** What the tool costs over its first three years: one-off + 3 × yearly. */
  threeYear: number;
  /** The first year: the one-off costs plus twelve months of recurring costs (what a yearly ceiling is held to). */
  firstYear: number;
  /** Years over which total costs are counted: `needs.budget.horizon`, 3 by default. */
  horizon: number;
  /** What the tool costs over the horizon: one-off + horizon × yearly. */
  overHorizon: number;
  lines: { item: string; amount: number; kind: 'one-off' | 'recurring'; period?: 'month' | 'quarter' | 'year'; category?: BudgetItem['category']; perYear: number }[];
}

export const DEFAULT_HORIZON = 3;

const perYear = { month: 12, quarter: 4, year: 1 } as const;

/** Money is summed in cents so that 0.1 + 0.2 stays 0.3 on the board's copy. */
export const cents = (amount: number) => Math.round(amount * 100);

/** The years a total counts: the budget's horizon when it is one the format allows, else 3. */
export function horizonYears(project: Project): number {
  const horizon = project.needs?.budget?.horizon;
  return Number.isInteger(horizon) && horizon! >= 1 && horizon! <= 10 ? horizon! : DEFAULT_HORIZON;
}

/**
 * The one concept behind the budget and each tool's costs: one-off lines apart, recurring lines
 * brought to a year, both in cents. Lines without an amount are left out.
 */
export function sumCosts(items: readonly BudgetItem[] | undefined): { oneOffCents: number; yearlyCents: number; lines: BudgetTotals['lines'] } {
  let oneOffCents = 0;
  let yearlyCents = 0;
  const lines: BudgetTotals['lines'] = [];
  for (const line of items ?? []) {
    if (typeof line.amount !== 'number') continue;
    const kind = line.kind ?? 'one-off';
    const category = line.category ? { category: line.category } : {};
    if (kind === 'recurring') {
      const period = line.period ?? 'year';
      const annual = cents(line.amount) * perYear[period];
      yearlyCents += annual;
      lines.push({ item: line.item ?? '', amount: line.amount, kind, period, ...category, perYear: annual / 100 });
    } else {
      oneOffCents += cents(line.amount);
      lines.push({ item: line.item ?? '', amount: line.amount, kind, ...category, perYear: 0 });
    }
  }
  return { oneOffCents, yearlyCents, lines };
}

export function budgetTotals(project: Project): BudgetTotals {
  const budget = project.needs?.budget;
  const { oneOffCents, yearlyCents, lines } = sumCosts(budget?.items);
  const horizon = horizonYears(project);
  return {
    currency: budget?.currency ?? 'EUR',
    oneOff: oneOffCents / 100,
    yearly: yearlyCents / 100,
    threeYear: (oneOffCents + 3 * yearlyCents) / 100,
    firstYear: (oneOffCents + yearlyCents) / 100,
    horizon,
    overHorizon: (oneOffCents + horizon * yearlyCents) / 100,
    lines,
  };
}
