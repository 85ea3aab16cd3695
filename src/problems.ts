import { visible } from './util/visible.js';

/** A problem found in a project file, located where the user can find it. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  // The message may quote the file's own bytes (a value as written): shown, never obeyed.
  const file = visible(problem.file);
  const message = visible(problem.message);
  return problem.line === undefined ? `${file}: ${message}` : `${file}:${problem.line}:${problem.col ?? 1} ${message}`;
}

export function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}
