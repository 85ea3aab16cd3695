/**
 * What `init` and `edit` share: opening (or creating) the project file, running steps through
 * the engine, saving after each step, and the closing summary.
 */
import { access } from 'node:fs/promises';
import type { Translator, Lang, MsgKey } from '../i18n/index.js';
import { loadTranslator, localeLanguage, resolveLanguage } from '../i18n/index.js';
import type { Project } from '../generated/model.js';
import { loadProject, createProjectFile, newProjectText, writeProject, writeNotes, setIn, workingCopy, applyChanges, type ProjectSource } from '../store.js';
import { checkProject } from '../check.js';
import { FileProblemsError, UsageError } from '../errors.js';
import { formatProblem } from '../problems.js';
import { progress } from '../derive/completeness.js';
import { warnings as findWarnings } from '../derive/warnings.js';
import { warningMessage } from '../view/warnings.js';
import type { Step } from '../steps/types.js';
import type { Io } from '../io.js';
import { makeStyle, type Style } from '../view/style.js';
import { inGitBash } from '../terminal.js';
import { askStep, type Mode } from './engine.js';
import type { Prompter } from './prompter.js';

export interface SessionOptions {
  file: string;
  shownFile: string;
  io: Io;
  today: string;
  color?: boolean;
  lang?: Lang;
  /** Ask questions (a terminal is there), or not. Defaults to whether stdin is a terminal. */
  interactive?: boolean;
  /** Tests hand in a scripted prompter; otherwise the real one is made when needed. */
  prompter?: Prompter;
}

export interface Session {
  t: Translator;
  style: Style;
  prompter: Prompter;
  source: ProjectSource;
  /** The project as answered so far, changed freely by the engine, saved by `save`. */
  project: Project;
  runStep(step: Step, mode: Mode, firstPass?: boolean): Promise<void>;
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

/** Opens the project file for changes: a file with problems must be fixed first. */
export async function openForChange(file: string, shownFile: string, t: Translator): Promise<ProjectSource> {
  const loaded = await loadProject(file, t, shownFile);
  const problems = loaded.ok ? (await checkProject(loaded.source, t, { locateReferences: false })).structural : loaded.problems;
  if (!loaded.ok || problems.length > 0) throw new FileProblemsError(t('wizard.fixFirst', { file: shownFile }), problems.map(formatProblem));
  return loaded.source;
}

/** Creates the project file: the editor modeline, the version, the language, the day it started. */
export async function createProject(options: SessionOptions, language: Lang, t: Translator): Promise<void> {
  await createProjectFile(options.file, newProjectText(language), t, options.shownFile);
  const loaded = await loadProject(options.file, t, options.shownFile);
  if (!loaded.ok) throw new Error('a new project file does not read back');
  await writeProject(loaded.source, (doc) => setIn(doc, ['project', 'created'], options.today), t);
}

/** The language to speak before there is a file: --lang, else the locale, else asked. */
export async function chooseLanguage(options: SessionOptions, ask: (prompter: Prompter, t: Translator) => Promise<Lang>): Promise<Lang> {
  if (options.lang) return options.lang;
  const fromLocale = localeLanguage(options.io.env);
  if (!isInteractive(options)) return fromLocale ?? 'en';
  const t = await loadTranslator(fromLocale ?? 'en');
  return ask(await makePrompter(options, t), t);
}

export async function makePrompter(options: SessionOptions, t: Translator): Promise<Prompter> {
  if (options.prompter) return options.prompter;
  const { inquirerPrompter } = await import('./inquirer-prompter.js');
  return inquirerPrompter(t, makeStyle({ color: options.color, env: options.io.env, isTTY: options.io.stdout.isTTY }), options.io.stdout);
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const fileLang = await peekLanguage(options);
  const t = await loadTranslator(resolveLanguage(options.lang, fileLang, options.io.env));
  let source = await openForChange(options.file, options.shownFile, t);
  const style = makeStyle({ color: options.color, env: options.io.env, isTTY: options.io.stdout.isTTY });
  const prompter = await makePrompter(options, t);
  let working = workingCopy(source.data as unknown as Project);
  const session: Session = {
    t,
    style,
    prompter,
    source,
    project: working.copy,
    async runStep(step, mode, firstPass = false) {
      await askStep(step, session.project, { prompter, t, mode, today: options.today, firstPass });
      // Saved as soon as the step ends: Ctrl-C later loses at most the step in progress.
      const written = await writeProject(source, (doc) => applyChanges(doc, source.data, session.project, working.originOf), t);
      for (const note of writeNotes(written, t)) options.io.stderr.write(`${note}\n`);
      source = written;
      session.source = source;
      working = workingCopy(source.data as unknown as Project);
      session.project = working.copy;
    },
  };
  return session;
}

async function peekLanguage(options: SessionOptions): Promise<string | undefined> {
  if (!(await exists(options.file))) return undefined;
  const loaded = await loadProject(options.file, await loadTranslator('en'), options.shownFile).catch(() => undefined);
  return loaded?.ok ? (loaded.source.data.language as string | undefined) : undefined;
}

export { exists as fileExists };

/** The end of a session: where each step stands, the warnings, and what to do next. */
export function printSummary(session: Session, options: SessionOptions): string {
  const { t, style } = session;
  const lines: string[] = ['', style('bold', t('wizard.summaryTitle'))];
  for (const step of progress(session.project, options.today)) {
    const mark = step.state === 'complete' ? style('green', '✔') : step.state === 'partial' ? style('yellow', '◐') : style('dim', '○');
    lines.push(` ${mark} ${step.number ?? ' '} ${t(`step.${step.id}` as MsgKey)} — ${t(`state.${step.state}`)}`);
  }
  const found = findWarnings(session.project, options.today);
  if (found.length > 0) {
    lines.push('', style('bold', t('status.warnings')));
    for (const warning of found) lines.push(`  ${style('yellow', '!')} ${warningMessage(warning, t)}`);
  }
  lines.push('', style('bold', t('wizard.nextTitle')), `  ${t('wizard.nextRender')}`, `  ${t('wizard.nextStatus')}`, `  ${t('wizard.nextEdit')}`, `  ${t('wizard.nextCommit', { file: options.shownFile })}`);
  return lines.join('\n');
}

export function noTerminal(t: Translator, command: string, env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = process.platform): UsageError {
  return new UsageError(t(inGitBash(env, platform) ? 'wizard.noTerminalGitBash' : 'wizard.noTerminal', { command }));
}
