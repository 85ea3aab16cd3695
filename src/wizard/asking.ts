/**
 * What the parts of the engine share (engine.ts for steps, lists.ts for lists): how it asks,
 * and the checkpoint after every answer kept.
 */
import type { Translator } from '../i18n/index.js';
import type { Prompter } from './prompter.js';
import type { Adding } from './journal.js';
import type { History } from './back.js';

export type Mode = 'fill' | 'review' | 'blanks';

export interface Engine {
  prompter: Prompter;
  t: Translator;
  mode: Mode;
  today?: string;
  /** `adopt init`'s first pass: details (see FieldBase.detail) wait for `adopt edit`. */
  firstPass?: boolean;
  /** After every answer kept, with the items being added (outermost first), not in the project yet. */
  checkpoint?: (adding: readonly Adding[]) => Promise<void>;
  /** The items being added: one array shared by every copy of the engine during a step. */
  adding?: Adding[];
  /** The questions asked in the step, for Esc: shared like `adding`. */
  history?: History;
  /**
   * Answers that come after this point in the step are there: the person went past it in an
   * earlier run, so a list here that has its items was closed then and is not offered again.
   */
  beyond?: boolean;
  /** The helps already shown in this run: shared like `history`, each shown once (see askKind). */
  helped?: Set<string>;
  /** An item's choices are asked with it, not in the list's grid (see together.ts): an item added from a list's menu. */
  inline?: boolean;
}

export type Data = Record<string, unknown>;

/**
 * The person chose to stop the run here and come back once something happens outside adopt
 * (the key users' forms filled in): every answer is saved, and `adopt init` ends as on "pick up later".
 */
export class PausedHere extends Error {
  constructor() {
    super('paused');
    this.name = 'PausedHere';
  }
}

export async function kept(engine: Engine): Promise<void> {
  await engine.checkpoint?.(engine.adding ?? []);
}
