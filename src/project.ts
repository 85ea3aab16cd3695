/**
 * Opening a project file, the one way every command does it: read, then checked; a file with
 * problems is refused with each of them located, before anything is shown or changed.
 */
import type { MsgKey, Translator } from './i18n/index.js';
import { loadProject, type ProjectSource } from './store.js';
import { checkProject } from './check.js';
import { FileProblemsError } from './errors.js';
import { byPosition, formatProblem, type Problem } from './problems.js';
import type { DanglingReference } from './derive/references.js';

export interface OpenProject {
  source: ProjectSource;
  /** Ids that point nowhere: warnings, not problems, for a command that works from the file. */
  dangling: DanglingReference[];
}

/** `refusal` heads the list of problems: "fix it first" to change the file, "has problems" to read it. */
export async function openProject(file: string, shownFile: string, t: Translator, refusal: MsgKey = 'wizard.fixFirst'): Promise<OpenProject> {
  const read = await readProject(file, shownFile, t);
  if (!read.ok) throw new FileProblemsError(t(refusal, { file: shownFile }), read.problems.map((p) => formatProblem({ ...p, file: shownFile })));
  return read;
}

/**
 * The same reading and checks as openProject, with the problems handed back rather than thrown:
 * for a command that reads many files and goes on past one with problems (portfolio).
 */
export async function readProject(file: string, shownFile: string, t: Translator): Promise<(OpenProject & { ok: true }) | { ok: false; problems: Problem[] }> {
  const loaded = await loadProject(file, t, shownFile);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  // Dangling references need no place in the file here: they are warned about with their path.
  const checked = await checkProject(loaded.source, t, { locateReferences: false });
  if (checked.structural.length > 0) return { ok: false, problems: checked.structural };
  return { ok: true, source: loaded.source, dangling: checked.dangling };
}

/** Every problem of a file, dangling references included, in file order: what `validate` reports. */
export async function projectProblems(file: string, shownFile: string, t: Translator): Promise<Problem[]> {
  const loaded = await loadProject(file, t, shownFile);
  if (!loaded.ok) return loaded.problems;
  const checked = await checkProject(loaded.source, t);
  return [...checked.structural, ...checked.references].sort(byPosition);
}
