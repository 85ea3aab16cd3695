/** `adopt init`: the whole method, step by step, resuming where the file stops. */
import type { Lang, MsgKey } from '../i18n/index.js';
import { loadTranslator, resolveLanguage } from '../i18n/index.js';
import { steps } from '../steps/index.js';
import { stepProgress } from '../progress/completeness.js';
import { UsageError } from '../errors.js';
import { chooseLanguage, createProject, fileExists, isInteractive, noTerminal, printSummary, startSession, type Session, type SessionOptions } from '../wizard/session.js';
import { fillFromAnswers } from '../wizard/from-file.js';

export interface InitOptions extends SessionOptions {
  /** Go over every step again, with the current answers as defaults. */
  restart?: boolean;
  /** A (partial) project file to take the answers from, with --yes. */
  from?: string;
  yes?: boolean;
}

export async function init(options: InitOptions): Promise<void> {
  if (options.from || options.yes) {
    const t = await loadTranslator(resolveLanguage(options.lang, undefined, options.io.env));
    if (!options.from || !options.yes) throw new UsageError(t('init.fromNeedsYes'));
    await fillFromAnswers({ ...options, from: options.from });
    return;
  }
  if (!isInteractive(options)) throw noTerminal(await loadTranslator(resolveLanguage(options.lang, undefined, options.io.env)), 'init', options.io.env);

  const isNew = !(await fileExists(options.file));
  if (isNew) {
    const language = await chooseLanguage(options, (prompter, t) =>
      prompter.select<Lang>({
        message: t('init.language'),
        choices: [
          { value: 'fr', label: 'Français' },
          { value: 'en', label: 'English' },
        ],
        default: t.lang,
      }),
    );
    await createProject(options, language, await loadTranslator(language));
  }
  const session = await startSession(isNew ? { ...options, lang: undefined } : options, 'init');
  try {
    await walk(session, options, isNew);
  } catch (error) {
    throw session.stopped(error);
  }
}

async function walk(session: Session, options: InitOptions, isNew: boolean): Promise<void> {
  const { t, style, prompter } = session;
  prompter.say(style('bold', t(isNew ? 'init.welcome' : 'init.welcomeBack', { file: options.shownFile })));
  prompter.say(t('init.howItWorks'));
  await session.offerJournal();

  const mode = options.restart ? 'review' : 'fill';
  for (const step of steps) {
    const state = stepProgress(step, session.project, options.today).state;
    const title = t(`step.${step.id}` as MsgKey);
    const name = step.number ? t('init.stepTitle', { n: step.number, title }) : title;
    if (mode === 'fill' && state === 'complete') {
      prompter.say(style('dim', t('init.stepDone', { step: name })));
      continue;
    }
    // The first three steps are the day-one work; the others come weeks or months later.
    if (step.number === undefined || step.number >= 4) {
      const when = await prompter.select({
        message: t('init.nowOrLater', { step: name }),
        choices: [
          { value: 'now', label: t('init.now') },
          { value: 'later', label: t('init.later', { step: step.id }) },
        ],
        default: state === 'partial' ? 'now' : 'later',
      });
      if (when === 'later') continue;
    }
    prompter.say(`\n${style('bold', name)}\n${style('dim', t(`intro.${step.id}` as MsgKey))}`);
    // The first pass asks what the method needs; the details wait for adopt edit.
    await session.runStep(step, mode, mode === 'fill');
    prompter.say(style('green', t('wizard.saved', { file: options.shownFile })));
  }
  prompter.say(printSummary(session, options));
  if (mode === 'fill') prompter.say(t('init.details'));
}

export interface EditOptions extends SessionOptions {
  step: string;
}

/** `adopt edit <step>`: one step again, with the current answers as defaults. */
export async function edit(options: EditOptions): Promise<void> {
  const { findStep } = await import('../steps/index.js');
  const step = findStep(options.step);
  const t = await loadTranslator(resolveLanguage(options.lang, undefined, options.io.env));
  if (!step) throw new UsageError(t('edit.unknownStep', { name: options.step, steps: steps.map((s) => s.id).join(', ') }));
  if (!isInteractive(options)) throw noTerminal(t, `edit ${options.step}`, options.io.env);
  if (!(await fileExists(options.file))) throw new UsageError(t('file.notFound', { file: options.shownFile }));
  const session = await startSession(options, 'edit');
  try {
    await session.offerJournal();
    const title = session.t(`step.${step.id}` as MsgKey);
    session.prompter.say(`${session.style('bold', step.number ? session.t('init.stepTitle', { n: step.number, title }) : title)}\n${session.style('dim', session.t(`intro.${step.id}` as MsgKey))}`);
    await session.runStep(step, 'review');
  } catch (error) {
    throw session.stopped(error);
  }
  session.prompter.say(session.style('green', session.t('wizard.saved', { file: options.shownFile })));
  session.prompter.say(printSummary(session, options));
}
