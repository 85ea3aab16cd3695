import type { Translator } from '../i18n/index.js';
import { formatPath, plainValuesAt, valuesAt, type PathSegment } from '../util/paths.js';

import type { Project } from '../generated/model.js';
import { audienceIds } from './audiences.js';

export type ReferenceTarget = 'keyUsers' | 'candidates' | 'criteria' | 'objectives' | 'audiences' | 'responses';

export interface DanglingReference {
  path: PathSegment[];
  id: string;
  target: ReferenceTarget;
}

const targets: Record<ReferenceTarget, string> = {
  keyUsers: 'keyUsers[].id',
  candidates: 'research.candidates[].id',
  criteria: 'poc.criteria[].id',
  objectives: 'needs.objectives[].id',
  audiences: 'needs.audiences[].id',
  responses: 'evaluation.responses[].id',
};

/** Every place that names an id of another list, and the list it must be found in. */
const references: readonly { at: string; target: ReferenceTarget; allow?: string }[] = [
  { at: 'poc.scores[].candidate', target: 'candidates' },
  { at: 'poc.scores[].by', target: 'keyUsers' },
  { at: 'poc.scores[].criterion', target: 'criteria' },
  { at: 'poc.criteria[].objective', target: 'objectives' },
  { at: 'poc.decision.chosen', target: 'candidates', allow: 'none' },
  { at: 'evaluation.reviews[].objectives[].id', target: 'objectives' },
  { at: 'evaluation.reviews[].responses[]', target: 'responses' },
  { at: 'evaluation.responses[].audience', target: 'audiences' },
  { at: 'evaluation.responses[].objectives[].id', target: 'objectives' },
  { at: 'poc.comments[].candidate', target: 'candidates' },
  { at: 'poc.comments[].by', target: 'keyUsers' },
  { at: 'training.champions[]', target: 'keyUsers' },
];

/** The cross-references that do not resolve, in file order of the rules above. */
export function danglingReferences(data: unknown): DanglingReference[] {
  const known = new Map<ReferenceTarget, Set<string>>();
  for (const [target, at] of Object.entries(targets) as [ReferenceTarget, string][]) {
    known.set(target, new Set(plainValuesAt(data, at).map(String)));
  }
  // An audience without an id is still answered to by the A-number forms give it.
  if (Array.isArray(plainValuesAt(data, 'needs.audiences')[0])) known.set('audiences', new Set(audienceIds((data as Project).needs?.audiences)));
  const dangling: DanglingReference[] = [];
  for (const rule of references) {
    const ids = known.get(rule.target)!;
    // Places are worked out only for a rule that has an id pointing nowhere.
    if (plainValuesAt(data, rule.at).every((value) => typeof value !== 'string' || value === rule.allow || ids.has(value))) continue;
    for (const { path, value } of valuesAt(data, rule.at)) {
      if (typeof value !== 'string' || value === rule.allow) continue;
      if (!known.get(rule.target)!.has(value)) dangling.push({ path, id: value, target: rule.target });
    }
  }
  return dangling;
}

/** Every place that names this id of this list: what removing the item would leave dangling. */
export function referencesTo(data: unknown, target: ReferenceTarget, id: string): PathSegment[][] {
  return references.filter((rule) => rule.target === target).flatMap((rule) => valuesAt(data, rule.at).filter(({ value }) => value === id).map(({ path }) => path));
}

/**
 * How a reference that points nowhere is said: a problem for `validate`, a warning for `status`.
 * `where` names its place as people count (steps/positions.ts).
 */
export function danglingMessage(ref: DanglingReference, t: Translator, where: string = formatPath(ref.path)): string {
  const params = { path: where, id: ref.id, target: t(`target.${ref.target}`) };
  return ref.path.includes('decision') ? t('problem.danglingNone', params) : t('problem.dangling', params);
}
