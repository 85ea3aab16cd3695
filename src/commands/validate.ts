import path from 'node:path';
import { fileLanguage, loadTranslator, type Translator } from '../i18n/index.js';
import { projectProblems } from '../project.js';
import { CheckFailedError, FileSystemError } from '../errors.js';
import { formatProblem, type Problem } from '../problems.js';
import type { Context } from '../context.js';
import { outputWidth, wrap } from '../view/wrap.js';

export interface ValidateOptions {
  /** The files named on the command line; none means the project file. */
  files: string[];
}

/**
 * Checks each file and prints every problem as `file:line:col message`. A file that cannot be
 * read at all does not stop the others; it makes the exit code 2, problems make it 1.
 *
 * A file named on the command line is reported in its own language (unless --lang says
 * otherwise): whoever wrote it reads its problems. With one such file, the summary follows it.
 */
export async function validate(options: ValidateOptions, ctx: Context): Promise<void> {
  const { io } = ctx;
  const named = options.files.length > 0;
  const files = named ? options.files.map((file) => path.resolve(io.cwd, file)) : [ctx.file];
  const shownAs = named ? options.files : [ctx.shownFile];
  const translatorFor = async (file: string): Promise<Translator> => {
    if (!named || ctx.langFrom === 'flag') return ctx.t;
    const own = fileLanguage(file);
    return own && own !== ctx.lang ? loadTranslator(own) : ctx.t;
  };
  // A long problem goes on under its place, indented, rather than being cut by the terminal.
  const width = outputWidth(io.stdout, io.env);
  const fit = (text: string) => wrap(text, width, () => 2);
  let problemCount = 0;
  let unreadable = false;
  let last = ctx.t;
  for (const [index, file] of files.entries()) {
    const given = shownAs[index]!;
    const shown = path.isAbsolute(given) ? given : path.relative(io.cwd, file) || given;
    const ft = (last = await translatorFor(file));
    let problems: Problem[];
    try {
      problems = await projectProblems(file, shown, ft);
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      io.stderr.write(`${error.message}\n`);
      unreadable = true;
      continue;
    }
    if (problems.length === 0) io.stdout.write(`${fit(ft('validate.ok', { file: shown }))}\n`);
    for (const problem of problems) io.stdout.write(`${fit(formatProblem({ ...problem, file: shown }))}\n`);
    problemCount += problems.length;
  }
  const t = files.length === 1 ? last : ctx.t;
  const summary = t('validate.summary', { problems: t('noun.problem', { n: problemCount }), files: t('noun.file', { n: files.length }) });
  if (unreadable) throw new FileSystemError(problemCount > 0 ? summary : '');
  if (problemCount > 0) throw new CheckFailedError(summary);
}
