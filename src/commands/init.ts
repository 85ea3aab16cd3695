/** `adopt init`: the whole method, step by step, resuming where the file stops. */
import { languages, localeOf, type Lang } from '../i18n/index.js';
import { loadTranslator } from '../i18n/index.js';
import type { Context } from '../context.js';
import { steps, stepName } from '../steps/index.js';
import { progress, stepProgress } from '../progress/completeness.js';
import type { Project } from '../generated/model.js';
import type { Translator } from '../i18n/index.js';
import { FileSystemError, UsageError } from '../errors.js';
import { PausedHere } from '../wizard/asking.js';
import { chooseLanguage, createProject, fileExists, isInteractive, noTerminal, printSummary, startSession, stepHeading, type Session, type SessionOptions, type WizardOptions } from '../wizard/session.js';
import { fillFromAnswers } from '../wizard/from-file.js';
import { countBlanks } from '../wizard/engine.js';
import type { Step } from '../steps/types.js';

export interface InitOptions extends WizardOptions {
  /** Go over every step again, with the current answers as defaults. */
  restart?: boolean;
  /** A (partial) project file to take the answers from, with --yes. */
  from?: string;
  yes?: boolean;
}

export async function init(options: InitOptions, ctx: Context): Promise<void> {
  let run: InitOptions & SessionOptions = { ...ctx, ...options };
  if (options.from || options.yes) {
    if (!options.from || !options.yes) throw new UsageError(ctx.t('init.fromNeedsYes'));
    await fillFromAnswers(run, options.from);
    return;
  }
  if (!isInteractive(run)) throw noTerminal(ctx.t, 'init', ctx.io.env);

  const isNew = !(await fileExists(ctx.file));
  if (isNew) {
    const language = await chooseLanguage(run, (prompter, t) =>
      prompter.select<Lang>({
        message: t('init.language'),
        choices: languages().map((value) => ({ value, label: localeOf(value).name })),
        default: t.lang,
      }),
    );
    // The language just chosen for the project is the one the wizard goes on in.
    if (language !== ctx.lang) run = { ...run, lang: language, t: await loadTranslator(language) };
    await createProject(run, language, run.t);
  }
  const started = await startSession(run, 'init');
  try {
    await walk(started, run, isNew);
  } catch (error) {
    throw started.stopped(error);
  }
}

/** The choices to stop for the day, offered after a step is done, at most this often a session. */
const BREAKS = 2;

async function walk(session: Session, options: InitOptions & SessionOptions, isNew: boolean): Promise<void> {
  const { t, style, prompter } = session;
  prompter.say(style('bold', t(isNew ? 'init.welcome' : 'init.welcomeBack', { file: options.shownFile })));
  // The first day's explanation once; after that, where the project stands.
  prompter.say(isNew ? t('init.howItWorks') : standing(session.project, t, options.today));
  const offered = await session.offerJournal();
  // The step of an item just finished goes on as if never stopped: one more item is offered.
  const resumed = offered && 'resumed' in offered ? offered.resumed : undefined;

  const mode = options.restart ? 'review' : 'fill';
  let asked = 0;
  let breaks = 0;
  for (const step of steps) {
    const state = stepProgress(step, session.project, options.today).state;
    const title = t(`step.${step.id}`);
    const name = step.number ? t('init.stepTitle', { n: step.number, title }) : title;
    if (mode === 'fill' && state === 'complete' && step.id !== resumed) {
      prompter.say(style('dim', t('init.stepDone', { step: name })));
      continue;
    }
    // Steps 1 to 3 are the day-one work, asked in a row; each later step comes weeks or months
    // after the one before. So once a step is done in this run, and only then, the user may stop
    // for the day (docs/decisions.md).
    const later = step.number === undefined || step.number >= 4;
    if (later && asked > 0 && breaks < BREAKS) {
      breaks++;
      const when = await prompter.select({
        message: t('init.breakHere', { step: name }),
        choices: [
          { value: 'now', label: t('init.carryOn') },
          { value: 'later', label: t('init.pickUpLater') },
        ],
        default: state === 'partial' ? 'now' : 'later',
      });
      if (when === 'later') {
        prompter.say(t('init.untilNextTime', { step: name }));
        break;
      }
    }
    // A step resumed after its journaled item gets its heading too: the item was asked before
    // any heading of this run, and the list goes on under it.
    prompter.say(`\n${stepHeading(session, step)}`);
    // The first pass asks what the method needs; the details wait for adopt edit.
    // A step walked with nothing left to ask is no work done today: no reason to offer a stop.
    try {
      if ((await session.runStep(step, mode, mode === 'fill')) > 0) asked++;
    } catch (error) {
      if (!(error instanceof PausedHere)) throw error;
      session.project = await session.keeper.save(session.project);
      prompter.say(style('green', t('wizard.saved', { file: options.shownFile })));
      break;
    }
    prompter.say(style('green', t('wizard.saved', { file: options.shownFile })));
  }
  prompter.say(printSummary(session, options));
  // The details the first pass left, all reached by one command that can be copied.
  if (mode === 'fill') prompter.say(t('init.details'));
}

/** "Steps 1 to 3 done; next: the research for tools", from the same progress as status. */
export function standing(project: Project, t: Translator, today?: string): string {
  const all = progress(project, today);
  const next = all.find((s) => s.state === 'partial' || s.state === 'empty');
  if (!next) return t('init.standingAll');
  const done = all.filter((s) => s.state === 'complete' && s.number !== undefined).map((s) => s.number!);
  const run = done.length >= 3 && done.every((n, i) => n === done[0]! + i);
  const named = run ? t('init.stepRange', { from: done[0]!, to: done.at(-1)! }) : t.list(done.map(String));
  return t('init.standing', { many: done.length === 1 ? 'no' : 'yes', done: done.length === 0 ? 'none' : named, next: next.id });
}

export interface EditOptions extends WizardOptions {
  /** None: a terminal gets a menu of the steps, and `blanks` walks every step begun. */
  step?: string;
  /** Only what is blank, without the menus: in the step named, or in every step begun. */
  blanks?: boolean;
}

/** The menu's choice that walks every step begun, asking only its blanks. */
const EVERYTHING = 'everything';

/** `adopt edit <step>`: one step again, with the current answers as defaults. */
export async function edit(options: EditOptions, ctx: Context): Promise<void> {
  const { findStep } = await import('../steps/index.js');
  const { t } = ctx;
  const names = steps.map((s) => stepName(s.id, t.lang)).join(', ');
  const started = { ...ctx, ...options };
  // `--blanks` names what to do: without a terminal, what is missing is the terminal, not a step.
  if (options.step === undefined && !options.blanks && !isInteractive(started)) throw new UsageError(t('edit.whichStep', { steps: names, example: stepName('research', t.lang) }));
  const named = options.step === undefined ? undefined : findStep(options.step);
  if (options.step !== undefined && !named) throw new UsageError(t('edit.unknownStep', { name: options.step, steps: names }));
  if (!isInteractive(started)) throw noTerminal(t, ['edit', options.step, options.blanks ? '--blanks' : undefined].filter(Boolean).join(' '), ctx.io.env);
  if (!(await fileExists(ctx.file))) throw new FileSystemError(t('file.notFound', { file: ctx.shownFile }));
  const session = await startSession(started, 'edit');
  try {
    const chosen = named ?? (options.blanks ? EVERYTHING : await chooseStep(session, ctx.today));
    await session.offerJournal();
    if (chosen === EVERYTHING) await fillEveryBlank(session, ctx.today);
    else await editStep(session, chosen, options.blanks === true, ctx.today);
  } catch (error) {
    throw session.stopped(error);
  }
  session.prompter.say(session.style('green', session.t('wizard.saved', { file: ctx.shownFile })));
  session.prompter.say(printSummary(session, started));
}

async function editStep(session: Session, step: Step, onlyBlanks: boolean, today: string): Promise<void> {
  const { t, prompter } = session;
  prompter.say(stepHeading(session, step));
  // After a first pass, what is left is mostly details: asking only those spares a person
  // dozens of Enters through answers already given.
  const count = countBlanks(step, session.project, today);
  const mode =
    count > 0 && (onlyBlanks || (await prompter.select({ message: t('edit.what', { n: count }), choices: [{ value: 'blanks', label: t('edit.blanks') }, { value: 'review', label: t('edit.every') }], default: 'blanks' })) === 'blanks') ? 'blanks' : 'review';
  await session.runStep(step, mode);
}

/**
 * Whether a step's blanks are details left: a step not begun is no detail left but a step whose
 * time has not come, which adopt init asks then.
 */
const begun = (step: Step, project: Project, today: string) => stepProgress(step, project, today).state !== 'empty';

/** The blanks of the steps begun, step by step: the details a first pass leaves. */
function blanksLeft(project: Project, today: string): { step: Step; count: number }[] {
  return steps
    .filter((step) => begun(step, project, today))
    .map((step) => ({ step, count: countBlanks(step, project, today) }))
    .filter(({ count }) => count > 0);
}

/**
 * Every step with blanks, in the method's order, asking only those, with no menu in between:
 * finishing the details is one command, not one per step. Each answer is saved as it is given
 * (session.ts), so Ctrl-C keeps what was answered.
 */
async function fillEveryBlank(session: Session, today: string): Promise<void> {
  const { t, prompter } = session;
  let filled = 0;
  let walked = false;
  for (const step of steps) {
    // Counted when reached: an earlier step's answers may have asked or spared some.
    if (!begun(step, session.project, today)) continue;
    const before = countBlanks(step, session.project, today);
    if (before === 0) continue;
    walked = true;
    prompter.say(`\n${stepHeading(session, step)}`);
    await session.runStep(step, 'blanks');
    filled += Math.max(0, before - countBlanks(step, session.project, today));
  }
  const left = blanksLeft(session.project, today);
  const blank = left.reduce((n, { count }) => n + count, 0);
  const commands = left.map(({ step }) => `adopt edit ${stepName(step.id, t.lang)}`).join(', ');
  const allBegun = steps.every((step) => begun(step, session.project, today));
  const rest = blank > 0 ? t('edit.stillBlank', { answers: t('noun.blankAnswer', { n: blank }), commands }) : t(allBegun ? 'edit.complete' : 'edit.begunComplete');
  // With nothing blank to begin with (--blanks on a complete file), nothing was left unfilled either.
  const done = filled > 0 ? t('edit.filled', { n: filled }) : walked ? t('edit.nothingFilled') : undefined;
  prompter.say(done ? `${done} ${rest}` : rest);
}

/** `adopt edit` alone, at a terminal: every blank at once, then the steps, with where each stands. */
async function chooseStep(session: Session, today: string): Promise<Step | typeof EVERYTHING> {
  const { t, prompter } = session;
  const states = steps.map((step) => stepProgress(step, session.project, today).state);
  const blanks = blanksLeft(session.project, today);
  const count = blanks.reduce((n, b) => n + b.count, 0);
  // Offered only when it has something to ask: a choice that does nothing is one too many.
  const everything = count > 0 ? [{ value: EVERYTHING, label: t('edit.everything', { answers: t('noun.answer', { n: count }), where: whereBlank(t, blanks.map((b) => b.step)) }) }] : [];
  const id = await prompter.select<string>({
    message: t('edit.chooseStep'),
    choices: [...everything, ...steps.map((step, index) => ({ value: step.id, label: `${step.number ? `${step.number}. ` : ''}${t(`step.${step.id}`)} (${t(`state.${states[index]!}`)})` }))],
    // Details left are what a run of adopt edit is most often for; otherwise the first step not
    // yet done is the likeliest to be wanted.
    default: count > 0 ? EVERYTHING : steps[Math.max(0, states.findIndex((state) => state !== 'complete'))]!.id,
  });
  return id === EVERYTHING ? EVERYTHING : steps.find((step) => step.id === id)!;
}

/** "steps 1, 3, 4 and the practices": the method's steps by number, the practices by name. */
function whereBlank(t: Translator, found: readonly Step[]): string {
  const numbers = found.filter((step) => step.number !== undefined).map((step) => String(step.number));
  const parts = numbers.length > 0 ? [t('edit.stepNumbers', { many: numbers.length > 1 ? 'yes' : 'no', numbers: numbers.join(', ') })] : [];
  if (found.some((step) => step.number === undefined)) parts.push(t('edit.thePractices'));
  return t.list(parts);
}
