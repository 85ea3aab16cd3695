import path from 'node:path';
import type { Translator } from '../i18n/index.js';
import { loadProject } from '../store.js';
import { checkProject } from '../check.js';
import { CheckFailedError, UsageError } from '../errors.js';
import { formatProblem, type Problem } from '../problems.js';
import type { Io } from '../io.js';

export interface ValidateOptions {
  files: string[];
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
    const shown = path.relative(io.cwd, path.resolve(io.cwd, file)) || file;
    let problems: Problem[];
    try {
      const loaded = await loadProject(path.resolve(io.cwd, file), t, shown);
      if (loaded.ok) {
        const result = await checkProject(loaded.source, t);
        problems = [...result.structural, ...result.references].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
      } else problems = loaded.problems;
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`${error.message}\n`);
      unreadable = error;
      continue;
    }
    if (problems.length === 0) io.stdout.write(`${t('validate.ok', { file: shown })}\n`);
    for (const problem of problems) io.stdout.write(`${formatProblem({ ...problem, file: shown })}\n`);
    problemCount += problems.length;
  }
  if (unreadable) throw new UsageError('');
  if (problemCount > 0) {
    const files = options.files.length;
    throw new CheckFailedError(problemCount === 1 ? t('validate.summaryOne', { files }) : t('validate.summary', { count: problemCount, files }));
  }
}
