/**
 * `adopt evaluate`: step 8 done for real, months later. Each objective met, partly met or not,
 * with the evidence; the effects nobody planned; optionally the usability questionnaire; the
 * decision. One dated review is appended; earlier ones are never rewritten.
 */
import path from 'node:path';
import { localeOf, type Translator } from '../i18n/index.js';
import type { Context } from '../context.js';
import type { Project, Review } from '../generated/model.js';
import { UsageError, CheckFailedError, FileProblemsError, FileSystemError } from '../errors.js';
import { addMonths, inDateRange, isRealDate, readDate, withinRange } from '../util/dates.js';
import { EVALUATION_DELAY_MONTHS } from '../derive/events.js';
import { unusedResponses } from '../derive/responses.js';
import { readBytes, parseProject, workingCopy, writeProjectData, writeNotes, type ProjectSource } from '../store.js';
import { checkProject } from '../check.js';
import { openProject } from '../project.js';
import { formatProblem } from '../problems.js';
import { fileExists, isInteractive, noTerminal, startSession, type Session, type SessionOptions, type WizardOptions } from '../wizard/session.js';
import { askReview, reviewFits } from '../wizard/review.js';
import { setAside, type ReviewProgress } from '../wizard/journal.js';
import { refuseMissingFrom } from '../wizard/from-file.js';
import { shownPath } from '../util/shown-path.js';

export interface EvaluateOptions extends WizardOptions {
  /** The day of the review (default: today). */
  date?: string;
  /** A file holding one review, with --yes. */
  from?: string;
  yes?: boolean;
}

/** What a review needs to be recorded: a status for every objective, and the decision. */
export function missingInReview(review: Partial<Review>, project: Project): string[] {
  const missing: string[] = [];
  for (const objective of project.needs?.objectives ?? []) {
    if (!review.objectives?.some((o) => o.id === objective.id && o.status)) missing.push(`objectives: ${objective.id}`);
  }
  if (!review.decision) missing.push('decision');
  return missing;
}

/**
 * Appends the review, logs an "adjust" or "stop" in the decision log with its reason, and sets the next
 * evaluation date: all in one write, so the file never holds half a review.
 */
async function record(source: ProjectSource, review: Review, nextDue: string | undefined, t: Translator, io: { stderr: { write(text: string): unknown } }): Promise<void> {
  const working = workingCopy(source.data as unknown as Project);
  const project = working.copy;
  // A review starts from the responses collected since the last one, whether asked or read from a file.
  const unused = unusedResponses(project);
  if (!review.responses && unused.length > 0) review = { ...review, responses: unused.map((r) => r.id) };
  project.evaluation ??= {};
  project.evaluation.reviews = [...(project.evaluation.reviews ?? []), review];
  if (nextDue) project.evaluation.due = nextDue;
  if (review.decision === 'adjust' || review.decision === 'stop') {
    project.practices ??= {};
    project.practices.decisions = [
      ...(project.practices.decisions ?? []),
      {
        date: review.date,
        decision: t(`evaluate.logged.${review.decision}`),
        // The reason given for the decision, never the hindsight on the original choice: another question.
        ...(review.rationale ? { rationale: review.rationale } : {}),
        ...(review.by?.length ? { by: review.by.join(', ') } : {}),
      },
    ];
  }
  const written = await writeProjectData(source, { before: source.data, after: project as unknown as Record<string, unknown>, originOf: working.originOf }, t);
  for (const note of writeNotes(written, t)) io.stderr.write(`${note}\n`);
}

function reviewDate(options: EvaluateOptions, today: string, t: Translator): string {
  const date = options.date ? (readDate(options.date, localeOf(t.lang).dateOrder) ?? options.date) : today;
  if (!isRealDate(date)) throw new UsageError(t('evaluate.badDate', { value: options.date ?? '' }));
  if (!inDateRange(date)) throw new UsageError(t('cli.error.dateRange', { value: options.date ?? date }));
  return date;
}

function refuseSameDay(project: Project, date: string, t: Translator): void {
  if ((project.evaluation?.reviews ?? []).some((r) => r.date === date)) throw new UsageError(t('evaluate.sameDay', { date: t.date(date) }));
}

export async function evaluate(options: EvaluateOptions, ctx: Context): Promise<void> {
  const run = { ...ctx, ...options };
  if (options.from || options.yes) {
    await fromFile(run);
    return;
  }
  if (!isInteractive(run)) throw noTerminal(ctx.t, 'evaluate', ctx.io.env);
  if (!(await fileExists(ctx.file))) throw new FileSystemError(ctx.t('file.notFound', { file: ctx.shownFile }));
  const session = await startSession(run, 'evaluate');
  try {
    await interactive(session, run);
  } catch (error) {
    throw session.stopped(error);
  }
}

/** At a terminal: the review is asked, kept in the journal as it grows, and recorded whole. */
async function interactive(session: Session, options: EvaluateOptions & SessionOptions): Promise<void> {
  const { t, prompter, style, keeper } = session;
  const project = session.project;
  let progress = await resumable(session, options);
  if (!progress) {
    const date = reviewDate(options, options.today, t);
    refuseSameDay(project, date, t);
    progress = { review: { date }, answered: [] };
  }
  const date = progress.review.date;
  const previous = [...(project.evaluation?.reviews ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);

  prompter.say(style('bold', t('evaluate.title', { date: t.date(date), title: project.project?.title ?? t('status.untitled') })));
  prompter.say(t(previous ? 'evaluate.introAgain' : 'evaluate.intro', { date: previous ? t.date(previous.date) : '' }));
  const { review, next } = await askReview(progress, { prompter, t, style, project, previous, keep: (p) => keeper.keepReview(p) });
  await record(session.source, review, next, t, options.io);
  await keeper.dropJournal();
  prompter.say(style('green', t('evaluate.saved', { file: options.shownFile })));
  if (review.decision && review.decision !== 'continue') prompter.say(t('evaluate.logged', { decision: t(`enum.decision.${review.decision}`) }));
  prompter.say(t('evaluate.next'));
}

/**
 * The review a stopped run kept, offered back. One that no longer fits the file (an objective
 * renamed, a review recorded that day meanwhile, answers the file would refuse) is set aside.
 */
async function resumable(session: Session, options: SessionOptions): Promise<ReviewProgress | undefined> {
  const { t, prompter, keeper } = session;
  const offered = await session.offerJournal();
  if (!offered || !('review' in offered)) return undefined;
  const { review } = offered;
  const project = session.project;
  const candidate = { ...project, evaluation: { ...project.evaluation, reviews: [...(project.evaluation?.reviews ?? []), review.review] } };
  const fits =
    isRealDate(review.review.date) &&
    reviewFits(review, project) &&
    (await checkProject({ ...session.source, data: candidate as unknown as Record<string, unknown> }, t, { locateReferences: false }).then(
      (found) => found.structural.length === 0,
      () => false,
    ));
  const shownDate = isRealDate(review.review.date) ? t.date(review.review.date) : review.review.date;
  const aside = async (line: (kept: string) => string) => {
    const kept = await setAside(options.file, options.shownFile);
    await keeper.dropJournal();
    prompter.say(line(kept));
  };
  if (!fits) {
    await aside((kept) => t('journal.noLongerFits', { what: t('journal.theReview', { date: shownDate }), file: options.shownFile, kept }));
    return undefined;
  }
  prompter.say(t('journal.offerReview', { date: shownDate }));
  if (await prompter.confirm({ message: t('journal.carryOn'), default: true })) return review;
  await aside((kept) => t('journal.setAside', { kept }));
  return undefined;
}

/**
 * `--from review.yaml --yes`: the review is checked exactly as the same item inside a project
 * file would be, by placing it there, then reporting problems at the review file's own lines.
 */
async function fromFile(options: EvaluateOptions & SessionOptions): Promise<void> {
  const { io, t } = options;
  if (!options.from || !options.yes) throw new UsageError(t('evaluate.fromNeedsYes'));
  const { source } = await openProject(options.file, options.shownFile, t);
  const fromPath = path.resolve(io.cwd, options.from);
  const shownFrom = shownPath(io.cwd, fromPath);
  await refuseMissingFrom(fromPath, shownFrom, 'evaluate.reviewNotFound', t);
  // A BOM is how some editors start UTF-8, not a character of the first key; a lone CR ends a
  // line as LF does (one character for one, so positions hold). Otherwise a line after a CR
  // would not be indented below, and would land outside the review.
  const text = (await readBytes(fromPath, t, shownFrom)).toString('utf8').replace(/^\ufeff/, '').replace(/\r(?!\n)/g, '\n');
  // Four lines above, six columns to the right: every position maps back exactly.
  const wrapped = `version: 1\nevaluation:\n  reviews:\n    -\n${text.split('\n').map((line) => `      ${line}`).join('\n')}`;
  const parsed = await parseProject(Buffer.from(wrapped, 'utf8'), shownFrom, t);
  const shift = (p: { line?: number; col?: number }) => (p.line === undefined ? p : { ...p, line: Math.max(1, p.line - 4), col: Math.max(1, (p.col ?? 1) - 6) });
  if (parsed.ok) {
    // The day comes from --date, else the file, else today: set before the review is checked.
    const item = (parsed.source.data.evaluation as { reviews: Partial<Review>[] } | undefined)?.reviews?.[0];
    if (item && typeof item === 'object') item.date = options.date ? reviewDate(options, options.today, t) : (item.date ?? options.today);
  }
  const problems = parsed.ok ? (await checkProject(parsed.source, t, { locateReferences: false })).structural : parsed.problems;
  if (!parsed.ok || problems.length > 0) throw new FileProblemsError(t('evaluate.fromProblems', { file: shownFrom }), problems.map((p) => formatProblem({ ...p, ...shift(p) })));
  const review = (parsed.source.data.evaluation as { reviews: Review[] }).reviews[0]!;
  const project = source.data as unknown as Project;
  refuseSameDay(project, review.date, t);
  const unknown = (review.objectives ?? []).filter((o) => !(project.needs?.objectives ?? []).some((p) => p.id === o.id)).map((o) => o.id);
  const missing = [...missingInReview(review, project), ...unknown.map((id) => t('evaluate.unknownObjective', { id }))];
  if (missing.length > 0) {
    io.stdout.write(`${t('evaluate.fromMissing', { file: shownFrom })}\n`);
    for (const line of missing) io.stdout.write(`  ${line}\n`);
    throw new CheckFailedError(t('evaluate.fromNothingWritten'));
  }
  await record(source, review, withinRange(addMonths(review.date, EVALUATION_DELAY_MONTHS)), t, io);
  io.stdout.write(`${t('evaluate.saved', { file: options.shownFile })}\n`);
  const own = ownKeys(review);
  if (own.length > 0) io.stdout.write(`${t('evaluate.ownKeysKept', { keys: own.join(', ') })}\n`);
}

/** The x- keys of a review, as paths in it: adopt keeps them, and says so. */
function ownKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => ownKeys(item, `${at}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = at ? `${at}.${key}` : key;
    return key.startsWith('x-') ? [path] : ownKeys(inner, path);
  });
}
