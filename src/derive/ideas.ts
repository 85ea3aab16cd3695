import type { Project } from '../generated/model.js';

/** The ideas people raised: how many in all, and how many are new, still to be discussed. */
export function ideaCounts(project: Project): { new: number; total: number } {
  const ideas = project.practices?.ideas ?? [];
  return { new: ideas.filter((idea) => idea.status === 'new').length, total: ideas.length };
}
