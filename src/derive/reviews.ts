import type { Project } from '../generated/model.js';
import { isValidIsoDate } from '../util/dates.js';

export type Status = 'met' | 'partial' | 'unmet';
const rank: Record<Status, number> = { unmet: 0, partial: 1, met: 2 };

export interface ObjectiveTrend {
  id: string;
  text: string;
  indicator?: string;
  /** One entry per review, oldest first; undefined when that review did not look at it. */
  statuses: (Status | undefined)[];
  trend: 'better' | 'worse' | 'same' | 'new' | 'none';
}

export interface ReviewChange {
  id: string;
  text: string;
  from?: Status;
  to?: Status;
}

export interface ReviewSummary {
  date: string;
  by: string[];
  objectives: { id: string; text: string; status: Status; evidence?: string }[];
  effects: { text: string; kind: 'positive' | 'negative'; anticipated: boolean }[];
  /** System Usability Scale scores, 0–100 (about 68 is average): each respondent's, and their mean and spread. */
  usability?: Usability;
  hindsight?: string;
  decision?: 'continue' | 'adjust' | 'stop';
  rationale?: string;
  /** What the review decided to change (or to do to stop): what, who, by when. */
  actions: { what: string; who?: string; by?: string }[];
  notes?: string;
  /** What changed since the review before this one. */
  changes: ReviewChange[];
}

export const SUS_AVERAGE = 68;

export interface Usability {
  mean: number;
  respondents: number;
  aboveAverage: boolean;
  /** Each respondent's score, lowest first: a mean alone hides the person who struggles. */
  scores: number[];
  min: number;
  max: number;
  /** Points between the least and the most at ease. */
  gap: number;
}

export function usabilityOf(raw: readonly unknown[] | undefined): Usability | undefined {
  const scores = (raw ?? []).filter((s): s is number => typeof s === 'number' && Number.isFinite(s)).sort((a, b) => a - b);
  if (scores.length === 0) return undefined;
  const mean = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
  return { mean, respondents: scores.length, aboveAverage: mean >= SUS_AVERAGE, scores, min: scores[0]!, max: scores.at(-1)!, gap: Math.round((scores.at(-1)! - scores[0]!) * 10) / 10 };
}

/** Every review, oldest first, with what changed since the previous one, and each objective's trend. */
export function reviewHistory(project: Project): { reviews: ReviewSummary[]; trends: ObjectiveTrend[] } {
  const objectives = project.needs?.objectives ?? [];
  const textOf = (id: string) => objectives.find((o) => o.id === id)?.text ?? id;
  const sorted = [...(project.evaluation?.reviews ?? [])].filter((r) => isValidIsoDate(r.date)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const reviews: ReviewSummary[] = sorted.map((review, index) => {
    const previous = sorted[index - 1];
    const statusIn = (r: typeof review | undefined, id: string) => r?.objectives?.find((o) => o.id === id)?.status;
    const ids = [...new Set([...(review.objectives ?? []).map((o) => o.id), ...(previous?.objectives ?? []).map((o) => o.id)])];
    const changes = previous
      ? ids.flatMap((id) => {
          const from = statusIn(previous, id);
          const to = statusIn(review, id);
          return from === to ? [] : [{ id, text: textOf(id), ...(from ? { from } : {}), ...(to ? { to } : {}) }];
        })
      : [];
    const usability = usabilityOf(review.usability);
    return {
      date: review.date,
      by: review.by ?? [],
      objectives: (review.objectives ?? []).map((o) => ({ id: o.id, text: textOf(o.id), status: o.status, ...(o.evidence ? { evidence: o.evidence } : {}) })),
      effects: (review.effects ?? []).map((e) => ({ text: e.text, kind: e.kind, anticipated: e.anticipated === true })),
      ...(usability ? { usability } : {}),
      ...(review.hindsight ? { hindsight: review.hindsight } : {}),
      ...(review.decision ? { decision: review.decision } : {}),
      ...(review.rationale ? { rationale: review.rationale } : {}),
      actions: (review.actions ?? []).map((a) => ({ what: a.what, ...(a.who ? { who: a.who } : {}), ...(isValidIsoDate(a.by) ? { by: a.by } : {}) })),
      ...(review.notes ? { notes: review.notes } : {}),
      changes,
    };
  });
  const trends: ObjectiveTrend[] = objectives.map((objective) => {
    const statuses = sorted.map((r) => r.objectives?.find((o) => o.id === objective.id)?.status);
    const seen = statuses.filter((s): s is Status => s !== undefined);
    const trend: ObjectiveTrend['trend'] =
      seen.length === 0 ? 'none' : seen.length === 1 ? 'new' : rank[seen[seen.length - 1]!] > rank[seen[seen.length - 2]!] ? 'better' : rank[seen[seen.length - 1]!] < rank[seen[seen.length - 2]!] ? 'worse' : 'same';
    return { id: objective.id, text: objective.text ?? objective.id, ...(objective.indicator ? { indicator: objective.indicator } : {}), statuses, trend };
  });
  return { reviews, trends };
}
