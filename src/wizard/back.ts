/**
 * Esc, the previous question: the engine remembers the questions of a step as they are asked,
 * each able to ask itself again with its answer as the default (Enter keeps it). Going back
 * re-asks the last one; once it is answered, the question that was left is asked again, so
 * going back three times means coming forward through the same three questions.
 */
import type { Prompter } from './prompter.js';
import { GoBack } from './prompter.js';
import type { Translator } from '../i18n/index.js';

export interface Asked {
  /** The answers the question writes into: an item removed takes its questions with it. */
  target: object;
  again(): Promise<void>;
}

export interface History {
  asked: Asked[];
  /**
   * Where each item being added begins in `asked`, outermost first: going back past the item's
   * first question leaves the item, which its list then cancels.
   */
  floors: number[];
}

export function newHistory(): History {
  return { asked: [], floors: [] };
}

/**
 * Handles Esc pressed at a question: true when the earlier question was asked again (or the user
 * was told there is none) and the question left is to be asked again; false for other errors.
 * At an item's first question, GoBack is thrown on, for the list to cancel the item.
 */
export async function stepBack(error: unknown, engine: { prompter: Prompter; t: Translator; history?: History }): Promise<boolean> {
  if (!(error instanceof GoBack) || !engine.history) return false;
  const { asked, floors } = engine.history;
  if (asked.length <= (floors.at(-1) ?? 0)) {
    if (floors.length > 0) throw error;
    engine.prompter.say(engine.t('prompt.firstQuestion'));
    return true;
  }
  await asked.pop()!.again();
  return true;
}

/** Asks until answered, going back as often as the user presses Esc. */
export async function withBack<T>(engine: Parameters<typeof stepBack>[1], ask: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await ask();
    } catch (error) {
      if (!(await stepBack(error, engine))) throw error;
    }
  }
}

/** Esc means something while the engine asks: the prompter is told, and put back as it was after. */
export async function backOn<T>(prompter: Prompter, run: () => Promise<T>): Promise<T> {
  const before = prompter.back;
  prompter.back = true;
  try {
    return await run();
  } finally {
    prompter.back = before;
  }
}
