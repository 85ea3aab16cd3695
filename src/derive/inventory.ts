import type { Project } from '../generated/model.js';
import { cents } from './budget.js';
import { replacedMonthlyCents, type ToolComparison } from './costs.js';

/**
 * What the tools already in use cost, and what the project changes: the global view the method
 * asks for, in money. Tools without a monthly cost are not counted (unknown is not free).
 */
export interface InventoryTotals {
  /** How many tools in place have a monthly cost. */
  counted: number;
  monthly: number;
  yearly: number;
  /** The tools the project replaces: what stops being paid. */
  replacedMonthly: number;
  replacedYearly: number;
  /** The tools kept or overlapping: what is still paid after the project. */
  remainingMonthly: number;
  remainingYearly: number;
  /** The chosen tool's recurring costs brought to a year, once chosen and costed. */
  addedYearly?: number;
  /** What the tools cost each year once the project is done: the remaining ones plus the new one. */
  afterYearly?: number;
}

export function inventoryTotals(project: Project, comparison: ToolComparison): InventoryTotals | undefined {
  let monthly = 0;
  let counted = 0;
  for (const tool of project.practices?.vision?.inventory ?? []) {
    if (typeof tool.monthlyCost !== 'number') continue;
    counted++;
    monthly += cents(tool.monthlyCost);
  }
  if (counted === 0) return undefined;
  const replaced = replacedMonthlyCents(project);
  const chosen = comparison.tools.find((tool) => tool.id === project.poc?.decision?.chosen && tool.known);
  const remaining = monthly - replaced;
  return {
    counted,
    monthly: monthly / 100,
    yearly: (monthly * 12) / 100,
    replacedMonthly: replaced / 100,
    replacedYearly: (replaced * 12) / 100,
    remainingMonthly: remaining / 100,
    remainingYearly: (remaining * 12) / 100,
    ...(chosen ? { addedYearly: chosen.yearly, afterYearly: (remaining * 12 + cents(chosen.yearly)) / 100 } : {}),
  };
}
