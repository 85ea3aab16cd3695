/** `adopt init --from answers.yaml --yes`: the wizard's answers from a file, asking nothing. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../generated/model.js';
import { isLang, type Translator } from '../i18n/index.js';
import { loadProject, workingCopy, writeProjectData, writeNotes } from '../store.js';
import { checkProject } from '../check.js';
import { CheckFailedError, FileProblemsError, FileSystemError } from '../errors.js';
import { formatProblem } from '../problems.js';
import { progress } from '../progress/completeness.js';
import { steps } from '../steps/index.js';
import { createProject, fileExists, type SessionOptions } from './session.js';
import { openProject } from '../project.js';
import { isRecord, hasOwn, setOwn } from '../util/records.js';
import { shownPath } from '../util/shown-path.js';

type Data = Record<string, unknown>;

/**
 * Answers fill the project: a value replaces the value at the same place; list items with the
 * same id are merged, others are added; nothing in the project is removed.
 */
export function mergeAnswers(target: Data, answers: Data): void {
  for (const key of Object.keys(answers)) {
    if (key === 'version') continue;
    const value = answers[key];
    // Own keys only: `__proto__` from a file must name a key, never reach a prototype.
    const current = hasOwn(target, key) ? target[key] : undefined;
    if (isRecord(current) && isRecord(value)) mergeAnswers(current, value);
    else if (Array.isArray(current) && Array.isArray(value) && value.every(isRecord)) {
      for (const item of value as Data[]) {
        const same = typeof item.id === 'string' ? (current as Data[]).find((c) => isRecord(c) && c.id === item.id) : (current as unknown[]).find((c) => JSON.stringify(c) === JSON.stringify(item));
        if (same && isRecord(same)) mergeAnswers(same, item);
        else if (!same) current.push(item);
      }
    } else setOwn(target, key, value);
  }
}

/** A --from file that is not there is named for what it is, not as a missing project file. */
export async function refuseMissingFrom(file: string, shown: string, key: 'init.answersNotFound' | 'evaluate.reviewNotFound', t: Translator): Promise<void> {
  const missing = await stat(file).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
  if (missing) throw new FileSystemError(t(key, { file: shown }));
}

export async function fillFromAnswers(options: SessionOptions, from: string): Promise<void> {
  const { io, t } = options;
  const fromFile = path.resolve(io.cwd, from);
  const shownFrom = shownPath(io.cwd, fromFile);
  await refuseMissingFrom(fromFile, shownFrom, 'init.answersNotFound', t);
  const answers = await loadProject(fromFile, t, shownFrom);
  const answerProblems = answers.ok ? (await checkProject(answers.source, t, { locateReferences: false })).structural : answers.problems;
  if (!answers.ok || answerProblems.length > 0) throw new FileProblemsError(t('init.answersProblems', { file: shownFrom }), answerProblems.map(formatProblem));

  if (!(await fileExists(options.file))) {
    // A new project takes the answers' language, unless --lang names one; the messages of this
    // run stay in the run's language.
    const fromAnswers = answers.source.data.language;
    await createProject(options, options.langFrom !== 'flag' && isLang(fromAnswers) ? fromAnswers : options.lang, t);
  }
  const { source } = await openProject(options.file, options.shownFile, t);
  const working = workingCopy(source.data);
  mergeAnswers(working.copy, answers.source.data);
  // What the wizard records after a step (step 5's decision in the log), a file of answers records too.
  for (const step of steps) step.settle?.(working.copy as unknown as Project, t);
  const written = await writeProjectData(source, { before: source.data, after: working.copy, originOf: working.originOf }, t);
  for (const note of writeNotes(written, t)) io.stderr.write(`${note}\n`);

  const missing = progress(written.data as unknown as Project, options.today).flatMap((step) => step.missing.filter((m) => !m.managed).map((m) => ({ step: step.id, ...m })));
  io.stdout.write(`${t('init.fromDone', { file: options.shownFile, from: shownFrom })}\n`);
  if (missing.length > 0) {
    io.stdout.write(`${t('init.stillMissing', { count: missing.length })}\n`);
    for (const m of missing) io.stdout.write(`  ${m.path}  ${m.item ? t('status.itemField', { item: m.item, field: t(m.label) }) : t(m.label)} (${t(`step.${m.step}`)})\n`);
    throw new CheckFailedError(t('init.missingExit'));
  }
}
