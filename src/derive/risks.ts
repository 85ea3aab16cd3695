import type { Project } from '../generated/model.js';

export type Level = 'low' | 'medium' | 'high';
export const levels: readonly Level[] = ['low', 'medium', 'high'];

export interface RiskCell {
  likelihood: Level;
  impact: Level;
  risks: { id: string; text: string }[];
  /** 1 (low × low) to 9 (high × high): how urgent the cell is, for its colour. */
  severity: number;
}

/** The risk matrix: likelihood (rows, high first) × impact (columns, low first). */
export function riskMatrix(project: Project): RiskCell[][] {
  const risks = project.needs?.risks ?? [];
  return [...levels].reverse().map((likelihood) =>
    levels.map((impact) => ({
      likelihood,
      impact,
      risks: risks.filter((r) => r.likelihood === likelihood && r.impact === impact).map((r) => ({ id: r.id, text: r.text ?? r.id })),
      severity: (levels.indexOf(likelihood) + 1) * (levels.indexOf(impact) + 1),
    })),
  );
}
