/**
 * How forms and responses name an audience (`needs.audiences`): its own `id` when it has one,
 * else A1, A2… by its place in the list, so that a form made before anyone wrote an id still
 * points at the right group. An id already taken by another audience is skipped.
 */
import type { Audience } from '../generated/model.js';

export function audienceIds(audiences: readonly Partial<Audience>[] | undefined): string[] {
  const list = audiences ?? [];
  const taken = new Set(list.map((a) => a?.id).filter((id): id is string => typeof id === 'string'));
  return list.map((audience, index) => {
    if (typeof audience?.id === 'string') return audience.id;
    // Position first (A2 for the second), so that adding an id to one audience renames no other.
    let n = index + 1;
    while (taken.has(`A${n}`)) n++;
    const id = `A${n}`;
    taken.add(id);
    return id;
  });
}
