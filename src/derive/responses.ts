/**
 * What the collected answers to the review form say (`evaluation.responses`): per objective how
 * respondents rated it and the majority's status, the usability score from their questionnaires,
 * and the same per audience. Shared by `adopt evaluate` (which proposes the majority) and the
 * evaluation report. An audience with fewer than SMALLEST_GROUP respondents is never shown apart:
 * with two people, "their" answers are one person's answers. They count in the totals.
 */
import type { Project, Response } from '../generated/model.js';
import { audienceIds } from './audiences.js';
import { usabilityOf, type Status, type Usability } from './reviews.js';
import { susScore } from './sus.js';

export const SMALLEST_GROUP = 3;

export interface StatusCounts {
  met: number;
  partial: number;
  unmet: number;
}

export interface ObjectiveVotes {
  id: string;
  text: string;
  counts: StatusCounts;
  answered: number;
  /** The status most respondents gave; on a tie, the less favourable one (the review decides). */
  majority?: Status;
}

/** A quoted answer: the person's name only when they gave it. */
export interface Quote {
  text: string;
  name?: string;
  objective?: string;
  kind: 'objective' | 'positive' | 'negative' | 'comment';
}

export interface AnswersDigest {
  respondents: number;
  usability?: Usability;
  objectives: ObjectiveVotes[];
  quotes: Quote[];
}

export interface GroupDigest extends AnswersDigest {
  audience: string;
  who: string;
  /** How many people the audience counts, when the file says. */
  count?: number;
}

export interface ResponsesDigest extends AnswersDigest {
  /** Only the audiences with at least SMALLEST_GROUP respondents, in the order of needs.audiences. */
  groups: GroupDigest[];
  /** Respondents in audiences too small to be shown apart, or who gave none. */
  notShownApart: number;
  /** What those respondents wrote, quoted with no audience beside it. */
  otherQuotes: Quote[];
}

/** The responses no review has started from yet, in the order they were collected. */
export function unusedResponses(project: Project): Response[] {
  const used = new Set((project.evaluation?.reviews ?? []).flatMap((r) => r.responses ?? []));
  return (project.evaluation?.responses ?? []).filter((r) => !used.has(r.id));
}

/** The responses a review used, in the order they were collected. */
export function responsesOf(project: Project, ids: readonly string[] | undefined): Response[] {
  const wanted = new Set(ids ?? []);
  return (project.evaluation?.responses ?? []).filter((r) => wanted.has(r.id));
}

const rank: Status[] = ['unmet', 'partial', 'met'];

export function majorityOf(counts: StatusCounts): Status | undefined {
  let best: Status | undefined;
  // Least favourable first, so that a tie keeps it: an objective is not "met" on a split vote.
  for (const status of rank) if (counts[status] > 0 && (best === undefined || counts[status] > counts[best])) best = status;
  return best;
}

function digest(project: Project, responses: readonly Response[]): AnswersDigest {
  const objectives = (project.needs?.objectives ?? []).map((objective) => {
    const counts: StatusCounts = { met: 0, partial: 0, unmet: 0 };
    for (const response of responses) {
      const status = response.objectives?.find((o) => o.id === objective.id)?.status;
      if (status) counts[status]++;
    }
    const answered = counts.met + counts.partial + counts.unmet;
    const majority = majorityOf(counts);
    return { id: objective.id, text: objective.text ?? objective.id, counts, answered, ...(majority ? { majority } : {}) };
  });
  const scores = responses.flatMap((r) => (r.sus?.length === 10 ? [susScore(r.sus)] : []));
  const usability = usabilityOf(scores);
  const quotes: Quote[] = responses.flatMap((r) => {
    const name = r.name ? { name: r.name } : {};
    return [
      ...(r.objectives ?? []).flatMap((o) => (o.comment ? [{ text: o.comment, objective: o.id, kind: 'objective' as const, ...name }] : [])),
      ...(r.effects?.positive ? [{ text: r.effects.positive, kind: 'positive' as const, ...name }] : []),
      ...(r.effects?.negative ? [{ text: r.effects.negative, kind: 'negative' as const, ...name }] : []),
      ...(r.comment ? [{ text: r.comment, kind: 'comment' as const, ...name }] : []),
    ];
  });
  return { respondents: responses.length, ...(usability ? { usability } : {}), objectives, quotes };
}

export function digestResponses(project: Project, responses: readonly Response[]): ResponsesDigest {
  const ids = audienceIds(project.needs?.audiences);
  const audiences = project.needs?.audiences ?? [];
  const groups: GroupDigest[] = [];
  ids.forEach((audience, index) => {
    const members = responses.filter((r) => r.audience === audience);
    if (members.length < SMALLEST_GROUP) return;
    const count = audiences[index]?.count;
    groups.push({ audience, who: audiences[index]?.who ?? audience, ...(count !== undefined ? { count } : {}), ...digest(project, members) });
  });
  const shown = new Set(groups.map((g) => g.audience));
  const rest = responses.filter((r) => r.audience === undefined || !shown.has(r.audience));
  return { ...digest(project, responses), groups, notShownApart: rest.length, otherQuotes: digest(project, rest).quotes };
}
