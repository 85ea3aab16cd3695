/**
 * The one way commands ask questions. The real prompter wraps @inquirer/prompts; tests hand in
 * a scripted one. Commands never import inquirer themselves.
 */
export interface Choice<T> {
  value: T;
  label: string;
  hint?: string;
}

export interface Question {
  message: string;
  /** One line under the question: why it matters. */
  help?: string;
  /**
   * Where the answer goes in the project (`['needs', 'objectives', 0, 'text']`; `'new'` for an
   * item being added; a list's own path for its menu): read by a scripted prompter that answers
   * by field, such as the trial (test/trial.ts); never shown.
   */
  path?: readonly (string | number)[];
}

/** One row of a grid: an item of a list and the choice it takes, among its own choices. */
export interface GridRow<T> {
  label: string;
  choices: readonly Choice<T>[];
  /** The row's answer so far; none: the row starts blank. */
  default?: T;
  /** Where the row's answer goes (see Question.path). */
  path?: readonly (string | number)[];
}

/** One row of a checklist grid: an item of a list and the choices it ticks, among its own. */
export interface TicksRow<T> {
  label: string;
  choices: readonly Choice<T>[];
  /** The row's choices ticked so far; none: the row starts with nothing ticked. */
  default?: readonly T[];
  /** Where the row's answer goes (see Question.path). */
  path?: readonly (string | number)[];
}

export interface Prompter {
  /** Free text. Returns '' when the user passes with Enter and there is no default. */
  text(q: Question & { default?: string; validate?: (value: string) => string | true }): Promise<string>;
  select<T>(q: Question & { choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(q: Question & { choices: readonly Choice<T>[]; default?: readonly T[]; validate?: (values: readonly T[]) => string | true }): Promise<T[]>;
  confirm(q: Question & { default?: boolean }): Promise<boolean>;
  /**
   * One choice per row on one screen (each key user's profile, each objective's priority): ↑↓
   * move between rows, ←→ change the row's choice, Enter confirms them all. A row left blank
   * comes back undefined.
   */
  grid<T>(q: Question & { rows: readonly GridRow<T>[]; required?: boolean }): Promise<(T | undefined)[]>;
  /**
   * Several choices per row on one screen (what each audience will do with the tool): ↑↓ move
   * between rows, ←→ along the row's choices, Space ticks, Enter confirms them all.
   */
  ticks<T>(q: Question & { rows: readonly TicksRow<T>[] }): Promise<T[][]>;
  /** Text for the user between questions: titles, notes, summaries. */
  say(text: string): void;
  /**
   * Whether Esc ends the question on screen with GoBack: only while the engine asks a step,
   * since only it knows which question came before.
   */
  back?: boolean;
}

/** What inquirer throws when the user presses Ctrl-C; `main` turns it into exit 130. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'ExitPromptError';
  }
}

/** What a scripted answer that is a function sees: the question as the prompt got it, and its kind. */
export type AskedQuestion = Question & {
  kind: 'text' | 'select' | 'checkbox' | 'confirm' | 'grid' | 'ticks';
  default?: unknown;
  choices?: readonly Choice<unknown>[];
  rows?: readonly (GridRow<unknown> | TicksRow<unknown>)[];
};
export type ScriptedAnswer = string | number | boolean | readonly unknown[] | typeof INTERRUPT | typeof BACK | ((question: AskedQuestion) => unknown);

/** Esc: the user wants the question before this one. The engine decides which that is. */
export class GoBack extends Error {
  constructor() {
    super('back');
    this.name = 'GoBack';
  }
}
export const INTERRUPT = Symbol('Ctrl-C');
export const BACK = Symbol('Esc');

/**
 * Answers from a list, in order, checking each answer as the real prompts would. Records every
 * question asked and everything said, so that tests can read the conversation back.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  readonly said: string[] = [];
  /** What the prompts refused, in order: as at a terminal, the next answer is tried instead. */
  readonly refused: string[] = [];
  back = false;
  private readonly answers: ScriptedAnswer[];
  /** Answers every question the list does not (a trial answering by field). */
  private readonly otherwise: ((question: AskedQuestion) => unknown) | undefined;

  constructor(answers: readonly ScriptedAnswer[], otherwise?: (question: AskedQuestion) => unknown) {
    this.answers = [...answers];
    this.otherwise = otherwise;
  }

  get remaining(): number {
    return this.answers.length;
  }

  private next(kind: AskedQuestion['kind'], q: Question & Omit<AskedQuestion, 'kind' | keyof Question>): unknown {
    this.asked.push(q.message);
    const asked: AskedQuestion = { ...q, kind };
    if (this.answers.length === 0) {
      if (this.otherwise) return this.otherwise(asked);
      throw new Error(`no scripted answer for ${kind}: ${q.message}`);
    }
    const answer = this.answers.shift()!;
    if (answer === INTERRUPT) throw new PromptInterrupted();
    if (answer === BACK) {
      // At a terminal Esc does nothing there: a script that presses it is wrong.
      if (!this.back) throw new Error(`scripted Esc where going back is not offered: ${q.message}`);
      throw new GoBack();
    }
    return typeof answer === 'function' ? answer(asked) : answer;
  }

  async text(q: Question & { default?: string; validate?: (value: string) => string | true }): Promise<string> {
    for (;;) {
      const raw = this.next('text', q);
      const value = raw === '' || raw === undefined ? (q.default ?? '') : String(raw);
      const verdict = q.validate?.(value) ?? true;
      if (verdict === true) return value;
      this.refused.push(verdict);
    }
  }

  async select<T>(q: Question & { choices: readonly Choice<T>[]; default?: T }): Promise<T> {
    const raw = this.next('select', q);
    if (raw === '' && q.default !== undefined) return q.default;
    const choice = q.choices.find((c) => c.value === raw) ?? q.choices.find((c) => c.label === raw);
    if (!choice) throw new Error(`scripted answer ${String(raw)} is not a choice of "${q.message}": ${q.choices.map((c) => String(c.value)).join(', ')}`);
    return choice.value;
  }

  async checkbox<T>(q: Question & { choices: readonly Choice<T>[]; default?: readonly T[]; validate?: (values: readonly T[]) => string | true }): Promise<T[]> {
    const raw = this.next('checkbox', q);
    const values = raw === '' ? [...(q.default ?? [])] : (raw as T[]);
    for (const value of values) {
      if (!q.choices.some((c) => c.value === value)) throw new Error(`scripted answer ${String(value)} is not a choice of "${q.message}"`);
    }
    const verdict = q.validate?.(values) ?? true;
    if (verdict !== true) {
      this.refused.push(verdict);
      return this.checkbox(q);
    }
    return values;
  }

  async confirm(q: Question & { default?: boolean }): Promise<boolean> {
    const raw = this.next('confirm', q);
    return raw === '' ? (q.default ?? false) : Boolean(raw);
  }

  /** A grid's answer is one value per row ('' or undefined keeps the row's default), or '' to keep them all. */
  async grid<T>(q: Question & { rows: readonly GridRow<T>[]; required?: boolean }): Promise<(T | undefined)[]> {
    const raw = this.next('grid', q);
    const given = raw === '' ? [] : (raw as unknown[]);
    const answers = q.rows.map((row, index) => {
      const value = given[index];
      if (value === undefined || value === '') return row.default;
      const choice = row.choices.find((c) => c.value === value) ?? row.choices.find((c) => c.label === value);
      if (!choice) throw new Error(`scripted answer ${String(value)} is not a choice of row "${row.label}" of "${q.message}"`);
      return choice.value;
    });
    // As at a terminal, Enter with a row still blank is refused, and the grid stays.
    if (q.required && answers.includes(undefined)) {
      this.refused.push('grid: a row waits for its choice');
      return this.grid(q);
    }
    return answers;
  }

  /** A checklist grid's answer is one array per row ('' or undefined keeps the row's ticks), or '' to keep them all. */
  async ticks<T>(q: Question & { rows: readonly TicksRow<T>[] }): Promise<T[][]> {
    const raw = this.next('ticks', q);
    const given = raw === '' ? [] : (raw as unknown[]);
    return q.rows.map((row, index) => {
      const values = given[index];
      if (values === undefined || values === '') return [...(row.default ?? [])];
      if (!Array.isArray(values)) throw new Error(`scripted answer ${String(values)} for row "${row.label}" of "${q.message}" is not a list of choices`);
      return values.map((value: unknown) => {
        const choice = row.choices.find((c) => c.value === value) ?? row.choices.find((c) => c.label === value);
        if (!choice) throw new Error(`scripted answer ${String(value)} is not a choice of row "${row.label}" of "${q.message}"`);
        return choice.value;
      });
    });
  }

  say(text: string): void {
    this.said.push(text);
  }
}
