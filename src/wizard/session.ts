/**
 * What `init`, `edit` and `evaluate` share: opening (or creating) the project file, running
 * steps through the engine, keeping every answer as it is given (see keeper.ts), the journal
 * left by a run that was stopped, and the closing summary.
 */
import { access } from 'node:fs/promises';
import type { Translator, Lang } from '../i18n/index.js';
import type { Project } from '../generated/model.js';
import { loadProject, createProjectFile, newProjectText, writeProject, setIn, SCHEMA_FILE, type ProjectSource } from '../store.js';
import { openProject } from '../project.js';
import { UsageError } from '../errors.js';
import { progress } from '../progress/completeness.js';
import { warnings as findWarnings } from '../derive/warnings.js';
import { warningAdvice, warningLines, warningMessage } from '../view/warnings.js';
import { plannedDate, progressLine, stateMark } from '../view/progress.js';
import type { Step } from '../steps/types.js';
import type { Context } from '../context.js';
import { makeStyle, type Style } from '../view/style.js';
import { inGitBash } from '../terminal.js';
import { askStep, finishItem, listAt, type Mode } from './engine.js';
import type { Prompter } from './prompter.js';
import { Keeper, describeItem } from './keeper.js';
import { journalPath, readJournal, setAside, type Command, type ReviewProgress } from './journal.js';
import { steps as allSteps } from '../steps/index.js';
import { stepName } from '../steps/ids.js';
import { isRecord } from '../util/records.js';
import path from 'node:path';

/** What the commands that ask questions take besides their own options. */
export interface WizardOptions {
  /** Ask questions (a terminal is there), or not. Defaults to whether stdin is a terminal. */
  interactive?: boolean;
  /** Tests hand in a scripted prompter; otherwise the real one is made when needed. */
  prompter?: Prompter;
}

export type SessionOptions = Context & WizardOptions;

/**
 * What the journal of the last stopped run led to: a review, for evaluate to replay; or the step
 * whose item was just finished, which goes on as if never stopped (its next item offered).
 */
export type Offered = { review: ReviewProgress } | { resumed: Step['id'] };

export interface Session {
  t: Translator;
  style: Style;
  prompter: Prompter;
  readonly source: ProjectSource;
  /** The project as answered so far, changed freely by the engine, kept as it changes. */
  project: Project;
  keeper: Keeper;
  /** How many questions the step asked. */
  runStep(step: Step, mode: Mode, firstPass?: boolean): Promise<number>;
  /**
   * Offers what the last stopped run kept in the journal: an item being added is finished and
   * saved here, and its step named; a review is handed back (to evaluate only). What no longer
   * fits is set aside.
   */
  offerJournal(): Promise<Offered | undefined>;
  /** Turns Ctrl-C into the sentence that says what was kept; other errors pass through. */
  stopped(error: unknown): unknown;
}

export function isInteractive(options: SessionOptions): boolean {
  return options.interactive ?? Boolean(options.io.stdin.isTTY);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Creates the project file: the version, the language, the day it started, and the editor
 * modeline when the schema it points to is there (docs/decisions.md).
 */
export async function createProject(options: SessionOptions, language: Lang, t: Translator): Promise<void> {
  const modeline = await exists(path.join(path.dirname(options.file), SCHEMA_FILE));
  await createProjectFile(options.file, newProjectText(language, modeline), t, options.shownFile);
  const loaded = await loadProject(options.file, t, options.shownFile);
  if (!loaded.ok) throw new Error('a new project file does not read back');
  await writeProject(loaded.source, (doc) => setIn(doc, ['project', 'created'], options.today), t);
}

/**
 * The language of a project that has no file yet: --lang, else asked, offering the run's
 * language (the locale's) first; without a terminal, the run's language.
 */
export async function chooseLanguage(options: SessionOptions, ask: (prompter: Prompter, t: Translator) => Promise<Lang>): Promise<Lang> {
  if (options.langFrom === 'flag' || !isInteractive(options)) return options.lang;
  return ask(await makePrompter(options), options.t);
}

export async function makePrompter(options: SessionOptions): Promise<Prompter> {
  if (options.prompter) return options.prompter;
  const { inquirerPrompter } = await import('./inquirer-prompter.js');
  return inquirerPrompter(options.t, await makeStyle({ color: options.color, env: options.io.env }), options.io.stdout);
}

export async function startSession(options: SessionOptions, command: Command): Promise<Session> {
  const { t } = options;
  const { source } = await openProject(options.file, options.shownFile, t);
  const style = await makeStyle({ color: options.color, env: options.io.env });
  const prompter = await makePrompter(options);
  const keeper = new Keeper(source, { file: options.file, shownFile: options.shownFile, command, t, stderr: options.io.stderr });
  // The helps shown in this run, whatever the step: each is read once.
  const helped = new Set<string>();
  const engine = (step: Step, mode: Mode, firstPass = false) => ({
    prompter,
    t,
    mode,
    today: options.today,
    firstPass,
    helped,
    checkpoint: (adding: Parameters<Keeper['checkpoint']>[1]) => keeper.checkpoint(session.project, adding, step.id),
  });
  const session: Session = {
    t,
    style,
    prompter,
    get source() {
      return keeper.source;
    },
    project: keeper.begin(),
    keeper,
    async runStep(step, mode, firstPass = false) {
      const asked = await askStep(step, session.project, engine(step, mode, firstPass));
      session.project = await keeper.save(session.project);
      return asked;
    },
    async offerJournal() {
      // An item resumed by init is asked as on init's first pass: its details wait as the others' did.
      return offerJournal(session, options, command, (step) => engine(step, 'fill', command === 'init'));
    },
    stopped: (error) => keeper.stopped(error),
  };
  return session;
}

async function offerJournal(session: Session, options: SessionOptions, command: Command, engineFor: (step: Step) => Parameters<typeof finishItem>[3]): Promise<Offered | undefined> {
  const { t, prompter, keeper } = session;
  const found = await readJournal(options.file);
  if (!found) return undefined;
  const shown = (file: string) => path.join(path.dirname(options.shownFile), path.basename(file));
  if ('unreadable' in found) {
    const kept = await setAside(options.file, options.shownFile);
    prompter.say(t('journal.unreadable', { journal: shown(journalPath(options.file)), kept }));
    return undefined;
  }
  const { entry } = found;
  if (entry.review) {
    if (command !== 'evaluate') {
      prompter.say(t('journal.reviewLater'));
      return undefined;
    }
    keeper.adopt(entry);
    return { review: entry.review };
  }
  const adding = entry.adding!;
  const step = allSteps.find((s) => s.id === entry.step);
  const what = describeItem(adding, t);
  if (!step || !listAt(step, adding.at) || (adding.listed > 0 && listLength(session.project, adding.at) === 0)) {
    const kept = await setAside(options.file, options.shownFile);
    prompter.say(t('journal.noLongerFits', { what, file: options.shownFile, kept }));
    return undefined;
  }
  keeper.adopt(entry);
  prompter.say(t('journal.offerItem', { item: what }));
  if (!(await prompter.confirm({ message: t('journal.carryOn'), default: true }))) {
    const kept = await setAside(options.file, options.shownFile);
    await keeper.dropJournal();
    prompter.say(t('journal.setAside', { kept }));
    return undefined;
  }
  // Only the item's own questions come back from disk: any other key there is not ours.
  const declared = new Set(listAt(step, adding.at)!.fields.map((f) => f.key));
  const item = Object.fromEntries(Object.entries(adding.item).filter(([key]) => declared.has(key)));
  await finishItem(step, { ...adding, item }, session.project, engineFor(step));
  if (keeper.refused) {
    const kept = await setAside(options.file, options.shownFile);
    await keeper.dropJournal();
    prompter.say(t('journal.noLongerFits', { what, file: options.shownFile, kept }));
    session.project = keeper.begin();
    return undefined;
  }
  session.project = await keeper.save(session.project);
  return { resumed: step.id };
}

/** How many items the list at a path holds in the project now. */
function listLength(project: Project, at: readonly (string | number)[]): number {
  let value: unknown = project;
  for (const segment of at) value = isRecord(value) && typeof segment === 'string' ? value[segment] : undefined;
  return Array.isArray(value) ? value.length : 0;
}

export { exists as fileExists };

/** The end of a session: where each step stands, the warnings, and what to do next. */
export function printSummary(session: Session, options: SessionOptions): string {
  const { t, style } = session;
  const lines: string[] = ['', style('bold', t('wizard.summaryTitle'))];
  const all = progress(session.project, options.today);
  for (const step of all) {
    const planned = plannedDate(step, t);
    lines.push(` ${stateMark(step.state, style)} ${step.number ?? ' '} ${t(`step.${step.id}`)} — ${t(`state.${step.state}`)}${planned ? ` ${planned}` : ''}`);
  }
  lines.push(`  ${t('status.steps', { progress: progressLine(all, t) })}`);
  const found = findWarnings(session.project, options.today);
  if (found.length > 0) {
    lines.push('', style('bold', t('status.warnings')));
    for (const warning of found) lines.push(...warningLines({ code: warning.code, message: warningMessage(warning, t, session.project), advice: warningAdvice(warning, t) }, style, false));
  }
  lines.push('', style('bold', t('wizard.nextTitle')), `  ${t('wizard.nextRender')}`, `  ${t('wizard.nextStatus')}`, `  ${t('wizard.nextEdit', { step: stepName('needs', t.lang) })}`, `  ${t('wizard.nextCommit', { file: options.shownFile })}`);
  return lines.join('\n');
}

/** A step's title, what it is for, and the keys that move between its questions. */
export function stepHeading({ t, style }: Pick<Session, 't' | 'style'>, step: Step): string {
  const title = t(`step.${step.id}`);
  const name = step.number ? t('init.stepTitle', { n: step.number, title }) : title;
  return `${style('bold', name)}\n${style('dim', t(`intro.${step.id}`))}\n${style('dim', t('wizard.keys'))}`;
}

export function noTerminal(t: Translator, command: string, env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = process.platform): UsageError {
  return new UsageError(t(inGitBash(env, platform) ? 'wizard.noTerminalGitBash' : 'wizard.noTerminal', { command }));
}
