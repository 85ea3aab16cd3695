import type { Project } from '../generated/model.js';

export interface BudgetTotals {
  currency: string;
  oneOff: number;
  /** Recurring costs brought to a year: monthly × 12, quarterly × 4, yearly × 1. */
  yearly: number;
  /** What the tool costs over its first three years: one-off + 3 × yearly. */
  threeYear: number;
  lines: { item: string; amount: number; kind: 'one-off' | 'recurring'; period?: 'month' | 'quarter' | 'year'; perYear: number }[];
}

const perYear = { month: 12, quarter: 4, year: 1 } as const;

/** Money is summed in cents so that 0.1 + 0.2 stays 0.3 on the board's copy. */
const cents = (amount: number) => Math.round(amount * 100);

export function budgetTotals(project: Project): BudgetTotals {
  const budget = project.needs?.budget;
  let oneOff = 0;
  let yearly = 0;
  const lines: BudgetTotals['lines'] = [];
  for (const line of budget?.items ?? []) {
    if (typeof line.amount !== 'number') continue;
    const kind = line.kind ?? 'one-off';
    if (kind === 'recurring') {
      const period = line.period ?? 'year';
      const annual = cents(line.amount) * perYear[period];
      yearly += annual;
      lines.push({ item: line.item ?? '', amount: line.amount, kind, period, perYear: annual / 100 });
    } else {
      oneOff += cents(line.amount);
      lines.push({ item: line.item ?? '', amount: line.amount, kind, perYear: 0 });
    }
  }
  return { currency: budget?.currency ?? 'EUR', oneOff: oneOff / 100, yearly: yearly / 100, threeYear: (oneOff + 3 * yearly) / 100, lines };
}
