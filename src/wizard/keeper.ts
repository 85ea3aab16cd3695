/**
 * Keeps every answer of a session as it is given: what the file can hold goes to the file at
 * once; what cannot be valid yet (an item half entered, a review not finished) goes to the
 * journal beside it. Knows therefore exactly what a Ctrl-C would cost, and says it.
 */
import { localeOf, type Translator } from '../i18n/index.js';
import type { Project } from '../generated/model.js';
import path from 'node:path';
import { writeProjectData, writeNotes, workingCopy, keepAside, writeFailureMessage, type ProjectSource, type Written } from '../store.js';
import { WriteFailure } from '../util/atomic.js';
import { checkProject } from '../check.js';
import { FileSystemError, Interrupted } from '../errors.js';
import { hasOwn, isRecord, setOwn } from '../util/records.js';
import { journalPath, removeJournal, writeJournal, type Adding, type Command, type Entry, type ReviewProgress } from './journal.js';

type Data = Record<string, unknown>;

export interface KeeperOptions {
  file: string;
  shownFile: string;
  command: Command;
  t: Translator;
  stderr: { write(text: string): unknown };
}

const isEmpty = (value: unknown) => (Array.isArray(value) ? value.length === 0 : isRecord(value) && Object.keys(value).length === 0);

/**
 * A copy of the working data for the file: the engine opens a group or a list before its first
 * answer, and an empty one the file never had is not worth a line in it. `to` maps each working
 * object to its copy, `from` back, so that list items keep their identity across writes.
 */
function forFile(value: unknown, base: unknown, baseOf: (item: object) => object | undefined, to: WeakMap<object, object>, from: WeakMap<object, object>): unknown {
  if (Array.isArray(value)) {
    const out = value.map((item: unknown) => (item !== null && typeof item === 'object' ? forFile(item, baseOf(item), baseOf, to, from) : item));
    to.set(value, out);
    from.set(out, value);
    return out;
  }
  if (!isRecord(value)) return value;
  const out: Data = {};
  for (const key of Object.keys(value)) {
    const had = isRecord(base) && hasOwn(base, key) ? base[key] : undefined;
    const copy = forFile(value[key], had, baseOf, to, from);
    if (had === undefined && isEmpty(copy)) continue;
    setOwn(out, key, copy);
  }
  to.set(value, out);
  from.set(out, value);
  return out;
}

export class Keeper {
  source: ProjectSource;
  /** The data as last written (or read), and which of its items each working item stands for. */
  private baseline: unknown;
  private baseOf: (item: object) => object | undefined;
  /** What the journal holds now, as written: undefined when there is none. */
  private journaled: Entry | undefined;
  private journalText = '';
  /** The working copy holds answers the file could not take yet (see checkpoint). */
  private unwritten = false;
  private written = false;
  private readonly notes = new Set<string>();

  constructor(
    source: ProjectSource,
    private readonly options: KeeperOptions,
  ) {
    this.source = source;
    this.baseline = source.data;
    this.baseOf = () => undefined;
  }

  /** A fresh working copy of the file's data, for the engine to change freely. */
  begin(): Project {
    const working = workingCopy(this.source.data as unknown as Project);
    this.baseline = this.source.data;
    this.baseOf = working.originOf;
    this.unwritten = false;
    return working.copy;
  }

  /** The journal found on disk is this run's now: Ctrl-C before it is applied keeps it. */
  adopt(entry: Entry): void {
    this.journaled = entry;
    this.journalText = JSON.stringify({ ...entry, time: '' });
  }

  /**
   * After every answer: the file gets the working copy if it changed and the file would accept
   * it; the journal gets the item being added, or goes once there is none.
   */
  async checkpoint(project: Project, adding: readonly Adding[], step: string): Promise<void> {
    await this.write(project, true);
    const pending = adding[0];
    if (pending) await this.journal({ version: 1, command: this.options.command, time: '', step, adding: pending });
    // An item the file refused stays in the journal: it is not in the file, so it is not kept yet.
    else if (this.journaled?.adding && !this.unwritten) await this.dropJournal();
  }

  /** At the end of a step: whatever is left is written, and the next step starts from the file. */
  async save(project: Project): Promise<Project> {
    await this.write(project, false);
    if (this.journaled?.adding) await this.dropJournal();
    return this.begin();
  }

  async keepReview(review: ReviewProgress): Promise<void> {
    await this.journal({ version: 1, command: this.options.command, time: '', review });
  }

  async dropJournal(): Promise<void> {
    await this.onJournal(() => removeJournal(this.options.file));
    this.journaled = undefined;
    this.journalText = '';
  }

  private async journal(entry: Entry): Promise<void> {
    const text = JSON.stringify(entry);
    if (text === this.journalText) return;
    await this.onJournal(() => writeJournal(this.options.file, { ...entry, time: new Date().toISOString() }));
    this.journaled = entry;
    this.journalText = text;
  }

  private async write(project: Project, onlyIfValid: boolean): Promise<void> {
    const to = new WeakMap<object, object>();
    const from = new WeakMap<object, object>();
    const after = forFile(project, this.baseline, this.baseOf, to, from) as Data;
    if (JSON.stringify(after) === JSON.stringify(this.baseline)) {
      this.unwritten = false;
      return;
    }
    if (onlyIfValid) {
      // A half-answered group the schema would refuse waits in memory for the next answer.
      const problems = await checkProject({ ...this.source, data: after }, this.options.t, { locateReferences: false }).then(
        (found) => found.structural.length,
        () => 1,
      );
      this.unwritten = problems > 0;
      if (this.unwritten) return;
    }
    const { baseline, baseOf, source } = this;
    let written: Written;
    try {
      written = await writeProjectData(source, { before: baseline as Data, after, originOf: (item) => baseOf(from.get(item) ?? item) }, this.options.t);
    } catch (error) {
      throw await this.keptAside(error, after);
    }
    for (const note of writeNotes(written, this.options.t)) {
      if (this.notes.has(note)) continue;
      this.notes.add(note);
      this.options.stderr.write(`${note}\n`);
    }
    this.source = written;
    this.baseline = after;
    this.baseOf = (item) => to.get(item);
    this.unwritten = false;
    this.written = true;
  }

  /**
   * The journal beside the file could not be written or removed (a full disk, a read-only
   * share): a sentence that names it, never an internal error. What is in the file stays.
   */
  private async onJournal(act: () => Promise<void>): Promise<void> {
    try {
      await act();
    } catch (error) {
      const failure = error instanceof WriteFailure ? error : new WriteFailure((error as NodeJS.ErrnoException).code ?? 'EIO', journalPath(this.options.file));
      const shown = path.join(path.dirname(this.options.shownFile), path.basename(journalPath(this.options.file)));
      throw new FileSystemError(`${writeFailureMessage(failure, shown, this.options.t)} ${this.options.t('wizard.journalFailed', { file: this.options.shownFile })}`);
    }
  }

  /**
   * The file could not be written (held open by Word or an antivirus, a full disk, made
   * read-only): the answers are not lost with the run, they go beside the file, and the message
   * says where. If even that fails, the first reason is the one to tell.
   */
  private async keptAside(error: unknown, answers: Data): Promise<unknown> {
    if (!(error instanceof FileSystemError)) return error;
    try {
      const kept = await keepAside(this.source, answers);
      return new FileSystemError(`${error.message} ${this.options.t('wizard.answersKeptAside', { kept })}`);
    } catch {
      return error;
    }
  }

  /** Ctrl-C at a prompt becomes a message that says exactly what was kept, and where. */
  stopped(error: unknown): unknown {
    if (!(error instanceof Error) || error.name !== 'ExitPromptError') return error;
    const { t, shownFile: file } = this.options;
    if (this.journaled?.review) return new Interrupted(t('wizard.stoppedReview', { file }));
    if (this.journaled?.adding) return new Interrupted(t('wizard.stoppedItem', { file, item: describeItem(this.journaled.adding, t) }));
    if (this.unwritten) return new Interrupted(t('wizard.stoppedPart', { file }));
    if (this.options.command === 'evaluate' && !this.written) return new Interrupted(t('wizard.stoppedNothing', { file }));
    return new Interrupted(t('wizard.stoppedSaved', { file }));
  }

  /** The last answers could not go to the file: it would have refused them. */
  get refused(): boolean {
    return this.unwritten;
  }

  get journalFile(): string {
    return journalPath(this.options.file);
  }
}

/** "key user 3 (Sam Okafor)": the item's name in the list, and its first answer. */
export function describeItem(adding: Adding, t: Translator): string {
  // The kind comes from the journal on disk: a name the catalogue may not know shows itself.
  const key = `item.${adding.kind}.title`;
  const title = t.named(key, { n: adding.n });
  // Mid-sentence, English lowers the title's capital; French quotes it, as it needs no article then.
  const named = title === key ? String(adding.n) : localeOf(t.lang).nameInSentence === 'guillemets' ? `«\u00a0${title}\u00a0»` : title.charAt(0).toLowerCase() + title.slice(1);
  const first = Object.values(adding.item).find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return first ? `${named} (${first})` : named;
}
