import type { Project } from '../generated/model.js';

export interface MatrixCell {
  candidate: string;
  criterion: string;
  scores: { by: string; score: number; comment?: string }[];
  /** Mean over the key users who scored this cell; undefined when nobody did. */
  mean?: number;
  /** Highest minus lowest score: 2 or more is a disagreement worth discussing. */
  spread: number;
  disagreement: boolean;
}

export interface CandidateResult {
  id: string;
  name: string;
  /** Weighted mean over criteria (criterion weight × mean score), on the 0–5 scale. */
  weighted?: number;
  /** 1 for the best; equal scores share a rank. Undefined when the tool has no score. */
  rank?: number;
  cells: MatrixCell[];
}

export interface DecisionMatrix {
  criteria: { id: string; text: string; weight: number }[];
  candidates: CandidateResult[];
  disagreements: MatrixCell[];
}

export const DISAGREEMENT_SPREAD = 2;

const round = (value: number) => Math.round(value * 100) / 100;

/** The tools in the test: the shortlisted candidates, or every candidate while none is shortlisted. */
export function toolsInTest(project: Project): NonNullable<NonNullable<Project['research']>['candidates']> {
  const all = project.research?.candidates ?? [];
  const shortlisted = all.filter((c) => c.shortlisted === true);
  return shortlisted.length > 0 ? shortlisted : all;
}

/**
 * The weighted decision matrix of the proof of concept. Tools in it: the shortlisted ones and
 * any other that has scores. Each cell is the mean over key users; each tool's result is the
 * mean of its cells weighted by the criteria's weights, over the criteria it was scored on.
 */
export function decisionMatrix(project: Project): DecisionMatrix {
  const criteria = (project.poc?.criteria ?? []).map((c) => ({ id: c.id, text: c.text ?? c.id, weight: c.weight ?? 1 }));
  const scores = project.poc?.scores ?? [];
  const known = new Set(criteria.map((c) => c.id));
  const scored = new Set(scores.map((s) => s.candidate));
  const pool = (project.research?.candidates ?? []).filter((c) => c.shortlisted === true || scored.has(c.id));
  // The scores of each cell, found once: filtering all scores for every cell grows as n³.
  const byCell = new Map<string, typeof scores>();
  for (const score of scores) {
    const key = `${score.candidate}\u0000${score.criterion}`;
    const list = byCell.get(key);
    if (list) list.push(score);
    else byCell.set(key, [score]);
  }
  const weightOf = new Map(criteria.map((c) => [c.id, c.weight]));

  const candidates: CandidateResult[] = pool.map((candidate) => {
    const cells = criteria.map((criterion): MatrixCell => {
      const given = (byCell.get(`${candidate.id}\u0000${criterion.id}`) ?? []).map((s) => ({ by: s.by, score: s.score, ...(s.comment ? { comment: s.comment } : {}) }));
      const values = given.map((s) => s.score);
      const spread = values.length > 1 ? Math.max(...values) - Math.min(...values) : 0;
      return {
        candidate: candidate.id,
        criterion: criterion.id,
        scores: given,
        ...(values.length ? { mean: round(values.reduce((a, b) => a + b, 0) / values.length) } : {}),
        spread,
        disagreement: spread >= DISAGREEMENT_SPREAD,
      };
    });
    // Weighted from the exact means: rounding each cell first could swap two close tools.
    let weightSum = 0;
    let total = 0;
    for (const cell of cells) {
      if (cell.scores.length === 0 || !known.has(cell.criterion)) continue;
      const weight = weightOf.get(cell.criterion)!;
      const exact = cell.scores.reduce((a, s) => a + s.score, 0) / cell.scores.length;
      weightSum += weight;
      total += weight * exact;
    }
    return { id: candidate.id, name: candidate.name ?? candidate.id, ...(weightSum ? { weighted: round(total / weightSum) } : {}), cells };
  });

  candidates.sort((a, b) => (b.weighted ?? -1) - (a.weighted ?? -1));
  candidates.forEach((candidate, index) => {
    if (candidate.weighted === undefined) return;
    const previous = candidates[index - 1];
    candidate.rank = previous && previous.weighted === candidate.weighted ? previous.rank! : index + 1;
  });
  return { criteria, candidates, disagreements: candidates.flatMap((c) => c.cells.filter((cell) => cell.disagreement)) };
}
