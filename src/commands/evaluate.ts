/**
 * `adopt evaluate`: step 8 done for real, months later. Each objective met, partly met or not,
 * with the evidence; the effects nobody planned; optionally the usability questionnaire; the
 * decision. One dated review is appended; earlier ones are never rewritten.
 */
import path from 'node:path';
import type { MsgKey, Translator } from '../i18n/index.js';
import { loadTranslator, resolveLanguage } from '../i18n/index.js';
import type { Project, Review } from '../generated/model.js';
import { UsageError, CheckFailedError, FileProblemsError } from '../errors.js';
import { addMonths, inDateRange, isRealDate, withinRange } from '../util/dates.js';
import { EVALUATION_DELAY_MONTHS } from '../derive/events.js';
import { susScore, SUS_ITEMS } from '../derive/sus.js';
import { readBytes, parseProject, workingCopy, applyChanges, writeProject, writeNotes, type ProjectSource } from '../store.js';
import { checkProject } from '../check.js';
import { formatProblem } from '../problems.js';
import { fileExists, isInteractive, noTerminal, openForChange, startSession, type SessionOptions } from '../wizard/session.js';
import { parseDate, readDate } from '../wizard/answers.js';
import { visible } from '../util/visible.js';
import type { Prompter } from '../wizard/prompter.js';

export interface EvaluateOptions extends SessionOptions {
  /** The day of the review (default: today). */
  date?: string;
  /** A file holding one review, with --yes. */
  from?: string;
  yes?: boolean;
}

const statuses = ['met', 'partial', 'unmet'] as const;

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
 * Appends the review, logs an "adjust" or "stop" in the decision log, and sets the next
 * evaluation date: all in one write, so the file never holds half a review.
 */
async function record(source: ProjectSource, review: Review, nextDue: string | undefined, t: Translator, io: { stderr: { write(text: string): unknown } }): Promise<void> {
  const working = workingCopy(source.data as unknown as Project);
  const project = working.copy;
  project.evaluation ??= {};
  project.evaluation.reviews = [...(project.evaluation.reviews ?? []), review];
  if (nextDue) project.evaluation.due = nextDue;
  if (review.decision === 'adjust' || review.decision === 'stop') {
    project.practices ??= {};
    project.practices.decisions = [
      ...(project.practices.decisions ?? []),
      {
        date: review.date,
        decision: t(`evaluate.logged.${review.decision}` as MsgKey),
        ...(review.hindsight || review.notes ? { rationale: (review.hindsight ?? review.notes)! } : {}),
        ...(review.by?.length ? { by: review.by.join(', ') } : {}),
      },
    ];
  }
  const written = await writeProject(source, (doc) => applyChanges(doc, source.data, project, working.originOf), t);
  for (const note of writeNotes(written, t)) io.stderr.write(`${note}\n`);
}

function reviewDate(options: EvaluateOptions, t: Translator): string {
  const date = options.date ? (readDate(options.date) ?? options.date) : options.today;
  if (!isRealDate(date)) throw new UsageError(t('evaluate.badDate', { value: options.date ?? '' }));
  if (!inDateRange(date)) throw new UsageError(t('cli.error.dateRange', { value: options.date ?? date }));
  return date;
}

function refuseSameDay(project: Project, date: string, t: Translator): void {
  if ((project.evaluation?.reviews ?? []).some((r) => r.date === date)) throw new UsageError(t('evaluate.sameDay', { date: t.date(date) }));
}

export async function evaluate(options: EvaluateOptions): Promise<void> {
  if (options.from || options.yes) {
    await fromFile(options);
    return;
  }
  const early = await loadTranslator(resolveLanguage(options.lang, undefined, options.io.env));
  if (!isInteractive(options)) throw noTerminal(early, 'evaluate', options.io.env);
  if (!(await fileExists(options.file))) throw new UsageError(early('file.notFound', { file: options.shownFile }));
  const session = await startSession(options);
  const { t, prompter, style } = session;
  const project = session.project;
  const date = reviewDate(options, t);
  refuseSameDay(project, date, t);
  const previous = [...(project.evaluation?.reviews ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);

  prompter.say(style('bold', t('evaluate.title', { date: t.date(date), title: project.project?.title ?? t('status.untitled') })));
  prompter.say(t(previous ? 'evaluate.introAgain' : 'evaluate.intro', { date: previous ? t.date(previous.date) : '' }));

  const review: Review = { date };
  const objectives = project.needs?.objectives ?? [];
  if (objectives.length === 0) prompter.say(t('evaluate.noObjectives'));
  for (const objective of objectives) {
    const before = previous?.objectives?.find((o) => o.id === objective.id)?.status;
    prompter.say(`\n${style('bold', visible(`${objective.id} · ${objective.text ?? ''}`))}${objective.indicator ? `\n${t('evaluate.indicator', { indicator: objective.indicator })}` : ''}${before ? `\n${t('evaluate.previously', { status: t(`enum.status.${before}` as MsgKey) })}` : ''}`);
    const status = await prompter.select({
      message: t('evaluate.status'),
      choices: statuses.map((value) => ({ value, label: t(`enum.status.${value}` as MsgKey) })),
      ...(before ? { default: before } : {}),
    });
    const evidence = await prompter.text({ message: t('evaluate.evidence'), help: t('evaluate.evidenceHelp') });
    (review.objectives ??= []).push({ id: objective.id, status, ...(evidence ? { evidence } : {}) });
  }

  prompter.say(`\n${style('bold', t('evaluate.effectsTitle'))}\n${t('evaluate.effectsHints')}`);
  for (let n = 1; ; n++) {
    const text = await prompter.text({ message: t('evaluate.effect', { n }) });
    if (text === '') break;
    const kind = await prompter.select({ message: t('evaluate.effectKind'), choices: (['positive', 'negative'] as const).map((value) => ({ value, label: t(`enum.effect.${value}` as MsgKey) })) });
    const anticipated = await prompter.confirm({ message: t('evaluate.anticipated'), default: false });
    (review.effects ??= []).push({ text, kind, anticipated });
  }

  const usability = await askUsability(prompter, t);
  if (usability.length) review.usability = usability;

  const by = await prompter.text({ message: t('evaluate.by'), help: t('evaluate.byHelp'), ...(project.lead?.name ? { default: project.lead.name } : {}) });
  if (by) review.by = by.split(/\s*[,;]\s*/).filter(Boolean);
  const hindsight = await prompter.text({ message: t('evaluate.hindsight'), help: t('evaluate.hindsightHelp') });
  if (hindsight) review.hindsight = hindsight;
  review.decision = await prompter.select({
    message: t('evaluate.decision'),
    choices: (['continue', 'adjust', 'stop'] as const).map((value) => ({ value, label: t(`enum.decision.${value}` as MsgKey), hint: t(`evaluate.decisionHint.${value}` as MsgKey) })),
  });
  const notes = await prompter.text({ message: t('evaluate.notes') });
  if (notes) review.notes = notes;

  const proposed = withinRange(addMonths(date, EVALUATION_DELAY_MONTHS));
  const next = await prompter.text({
    message: t('evaluate.nextDue'),
    help: t('evaluate.nextDueHelp'),
    default: proposed,
    validate: (value) => (value === '' || (parseDate(value) && parseDate(value)! > date) ? true : parseDate(value) ? t('evaluate.nextDueBad', { date: t.date(date) }) : t('prompt.badDate')),
  });
  await record(session.source, review, next ? parseDate(next) : undefined, t, options.io);
  prompter.say(style('green', t('evaluate.saved', { file: options.shownFile })));
  if (review.decision !== 'continue') prompter.say(t('evaluate.logged', { decision: t(`enum.decision.${review.decision}` as MsgKey) }));
  prompter.say(t('evaluate.next'));
}

/** The questionnaire, one respondent after another, as long as people are there to answer it. */
async function askUsability(prompter: Prompter, t: Translator): Promise<number[]> {
  if (!(await prompter.confirm({ message: t('evaluate.susAsk'), help: t('evaluate.susHelp'), default: false }))) return [];
  const scores: number[] = [];
  const scale = [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`evaluate.susScale.${value}` as MsgKey) }));
  do {
    prompter.say(t('evaluate.susRespondent', { n: scores.length + 1 }));
    const answers: number[] = [];
    for (let item = 1; item <= SUS_ITEMS; item++) {
      answers.push(await prompter.select({ message: `${item}/10 · ${t(`sus.${item}` as MsgKey)}`, choices: scale, default: 3 }));
    }
    const score = susScore(answers);
    scores.push(score);
    prompter.say(t('evaluate.susScore', { score: t.number(score, 1) }));
  } while (await prompter.confirm({ message: t('evaluate.susAnother'), default: false }));
  return scores;
}

/**
 * `--from review.yaml --yes`: the review is checked exactly as the same item inside a project
 * file would be, by placing it there, then reporting problems at the review file's own lines.
 */
async function fromFile(options: EvaluateOptions): Promise<void> {
  const { io } = options;
  const t0 = await loadTranslator(resolveLanguage(options.lang, undefined, io.env));
  if (!options.from || !options.yes) throw new UsageError(t0('evaluate.fromNeedsYes'));
  const source = await openForChange(options.file, options.shownFile, t0);
  const t = await loadTranslator(resolveLanguage(options.lang, source.data.language, io.env));
  const fromPath = path.resolve(io.cwd, options.from);
  const shownFrom = path.relative(io.cwd, fromPath) || options.from;
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
    if (item && typeof item === 'object') item.date = options.date ? reviewDate(options, t) : (item.date ?? options.today);
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
