/**
 * One project file of a portfolio, read and summed up: what the main thread and the worker
 * threads of `adopt portfolio` both do, so that a summary is the same whichever thread made it.
 */
import type { Project } from '../generated/model.js';
import type { Translator } from '../i18n/index.js';
import { FileSystemError } from '../errors.js';
import type { Problem } from '../problems.js';
import { readProject } from '../project.js';
import { stepProgress } from '../progress/completeness.js';
import { steps as allSteps } from '../steps/index.js';
import { warnings as findWarnings } from '../derive/warnings.js';
import { summarise, type ProjectSummary } from '../derive/portfolio.js';
import { datedEvents } from '../derive/events.js';

export type Read = { ok: true; summary: ProjectSummary } | { ok: false; problem: Problem };

export interface ProjectFile {
  path: string;
  shown: string;
}

/** The method's eight steps: the practices, which are not one, are not worked out for the row. */
const methodSteps = allSteps.filter((step) => step.number !== undefined);

export async function readOne(file: ProjectFile, { t, today }: { t: Translator; today: string }): Promise<Read> {
  let read: Awaited<ReturnType<typeof readProject>>;
  try {
    read = await readProject(file.path, file.shown, t);
  } catch (error) {
    // A file that cannot be read is that file's problem: the others are still worth seeing.
    if (error instanceof FileSystemError) return { ok: false, problem: { file: file.shown, message: error.message } };
    throw error;
  }
  if (!read.ok) return { ok: false, problem: { ...read.problems[0]!, file: file.shown } };
  const project = read.source.data as unknown as Project;
  const steps = methodSteps.map((step) => stepProgress(step, project, today).state);
  const events = datedEvents(project);
  const warnings = findWarnings(project, today, read.dangling, events).map((warning) => warning.code);
  // A copy: a string the reader cut from the file's text keeps all of that text alive, and a
  // summary is kept until the end of the run (about 20 kB a file without the copy).
  return { ok: true, summary: structuredClone(summarise(project, file.shown, today, { steps, warnings, events })) };
}

/**
 * The files one after the other: a file's bytes are read without waiting on the disk (a project
 * file is small), so reading several at once would only keep more of them in memory at a time.
 */
export async function readEach(files: readonly ProjectFile[], ctx: { t: Translator; today: string }): Promise<Read[]> {
  const results: Read[] = [];
  for (const file of files) results.push(await readOne(file, ctx));
  return results;
}
