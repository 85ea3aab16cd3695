import path from 'node:path';
import { fileLanguage, loadTranslator, resolveLanguage, type Lang, type Translator } from '../i18n/index.js';
import { projectProblems } from '../project.js';
import { CheckFailedError, UsageError } from '../errors.js';
import { formatProblem, type Problem } from '../problems.js';
import type { Io } from '../io.js';

export interface ValidateOptions {
  files: string[];
  /** --lang; otherwise each file is reported in its own language. */
  lang?: Lang;
  /** For the lines about no file in particular (the summary). */
  t: Translator;
  io: Io;
}

/**
 * Checks each file and prints every problem as `file:line:col message`. A file that cannot be
 * read at all does not stop the others; it makes the exit code 2, problems make it 1.
 */
export async function validate(options: ValidateOptions): Promise<void> {
  const { t, io } = options;
  let problemCount = 0;
  let unreadable: UsageError | undefined;
  for (const file of options.files) {
    const shown = path.isAbsolute(file) ? file : path.relative(io.cwd, path.resolve(io.cwd, file)) || file;
    const ft = await loadTranslator(resolveLanguage(options.lang, fileLanguage(path.resolve(io.cwd, file)), io.env));
    let problems: Problem[];
    try {
      problems = await projectProblems(path.resolve(io.cwd, file), shown, ft);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`${error.message}\n`);
      unreadable = error;
      continue;
    }
    if (problems.length === 0) io.stdout.write(`${ft('validate.ok', { file: shown })}\n`);
    for (const problem of problems) io.stdout.write(`${formatProblem({ ...problem, file: shown })}\n`);
    problemCount += problems.length;
  }
  const files = options.files.length;
  const summary = t('validate.summary', { problems: t.count('problem', problemCount), files: t.count('file', files) });
  if (unreadable) throw new UsageError(problemCount > 0 ? summary : '');
  if (problemCount > 0) throw new CheckFailedError(summary);
}
