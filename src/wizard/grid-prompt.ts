/**
 * The grid: the choice each item of a list takes, all on one screen (each key user's profile,
 * each objective's priority), so that the items are seen side by side instead of one menu each.
 * The layout is a pure function of what is shown and the width; the prompt only holds the state.
 */
import { createPrompt, useState, useKeypress, usePrefix, makeTheme, isUpKey, isDownKey, isEnterKey, type Theme } from '@inquirer/core';
import type { Style } from '../view/style.js';
import { wrap } from '../view/wrap.js';

/** What the grid shows, already made visible and in the user's language. */
export interface GridView {
  labels: readonly string[];
  choices: readonly (readonly string[])[];
  hints: readonly (readonly (string | undefined)[])[];
  /** Each row's choice, as an index into its choices; -1 while the row is blank. */
  picked: readonly number[];
  active: number;
  /** Said under the rows when Enter was refused: a row still waits for its choice. */
  error?: string;
}

export interface GridText {
  /** What a blank row shows in place of a choice. */
  blank: string;
  /** The dim line of keys, as the other prompts write theirs. */
  keys: string;
  unicode: boolean;
}

/** Rows shown at once: as many as the other prompts' menus, so that a long list still fits. */
export const PAGE = 12;

export const length = (text: string) => Array.from(text).length;
export const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - length(text)));

export function marks(unicode: boolean) {
  // The same fallbacks as inquirer's own pointer: a console font without them gets ASCII.
  return unicode ? { cursor: '❯', open: '‹', close: '›', more: '…' } : { cursor: '>', open: '<', close: '>', more: '...' };
}

/** Cut to `room` characters, the cut said with an ellipsis: a label must not push its choice off the line. */
export function cut(text: string, room: number, more = '…'): string {
  const chars = Array.from(text);
  if (chars.length <= room) return text;
  return chars.slice(0, Math.max(0, room - length(more))).join('') + more;
}

/** The first row shown: the cursor kept near the middle of the page, the page kept full. */
export function firstShown(rows: number, active: number): number {
  if (rows <= PAGE) return 0;
  return Math.min(Math.max(0, active - Math.floor(PAGE / 2)), rows - PAGE);
}

/**
 * The rows of a grid or a checklist grid, a page of them around the cursor: each label padded to
 * line up (but cut rather than crowd its answer out of the line), then `answer(row, room)`, the
 * row's answer fitted to the room left once the label and `around` more characters are there.
 */
export function rowLines(labels: readonly string[], active: number, width: number, style: Style, unicode: boolean, around: number, answer: (row: number, room: number) => string): string[] {
  const mark = marks(unicode);
  const labelWidth = Math.max(1, Math.min(Math.max(0, ...labels.map(length)), Math.floor(width * 0.5)));
  const room = Math.max(1, width - labelWidth - around);
  const lines: string[] = [];
  const first = firstShown(labels.length, active);
  const last = Math.min(labels.length, first + PAGE);
  if (first > 0) lines.push(style('dim', `  ${mark.more}`));
  for (let row = first; row < last; row++) {
    const label = pad(cut(labels[row]!, labelWidth, mark.more), labelWidth);
    lines.push(`${row === active ? style('cyan', `${mark.cursor} ${label}`) : `  ${label}`}  ${answer(row, room)}`);
  }
  if (last < labels.length) lines.push(style('dim', `  ${mark.more}`));
  return lines;
}

/** The lines under the question while the grid is open; none is wider than `width`. */
export function gridLines(view: GridView, width: number, style: Style, text: GridText): string[] {
  const mark = marks(text.unicode);
  // "❯ " + label + "  " + "‹ " + choice + " ›"
  const lines = rowLines(view.labels, view.active, width, style, text.unicode, 8, (row, room) => {
    const index = view.picked[row]!;
    const choice = index < 0 ? style('dim', cut(text.blank, room, mark.more)) : cut(view.choices[row]![index]!, room, mark.more);
    return `${mark.open} ${choice} ${mark.close}`;
  });

  const choices = view.choices[view.active] ?? [];
  const index = view.picked[view.active] ?? -1;
  if (choices.length > 0) {
    // Word by word, so that a choice broken across two lines keeps its style on both.
    const own = (label: string) => label.split(' ').map((word) => style('bold', style('cyan', word))).join(' ');
    const all = choices.map((label, i) => (i === index ? own(cut(label, width - 2, mark.more)) : cut(label, width - 2, mark.more)));
    lines.push(...wrap(`  ${all.join(' · ')}`, width).split('\n'));
  }
  const hint = index >= 0 ? view.hints[view.active]?.[index] : undefined;
  if (hint) lines.push(...wrap(`  ${hint}`, width).split('\n').map((line) => style('dim', line)));
  if (view.error) lines.push(...wrap(`  ${view.error}`, width).split('\n').map((line) => style('yellow', line)));
  lines.push(...wrap(`  ${text.keys}`, width).split('\n'));
  return lines;
}

/**
 * The answers once given, under the question as inquirer's answered prompts leave theirs: a row
 * to a line, since a choice may itself hold a separator ("probabilité faible, impact fort").
 */
export function gridSummary(pairs: readonly string[], width: number, style: Style): string[] {
  return pairs.flatMap((pair) => wrap(`  ${pair}`, width, () => 4).split('\n')).map((line) => style('cyan', line));
}

export interface GridConfig {
  message: string;
  labels: readonly string[];
  choices: readonly (readonly string[])[];
  hints: readonly (readonly (string | undefined)[])[];
  /** Where each row starts: its default's index, -1 for none. */
  start: readonly number[];
  width: number;
  text: GridText;
  style: Style;
  /** One row's answer in the summary; `choice` undefined for a blank row. */
  pair: (label: string, choice: string | undefined) => string;
  /** Said when Enter is pressed with a row still blank; none: a blank row is an answer too. */
  required?: string;
  theme?: { style?: Partial<Theme['style']> };
}

/** Hidden while the grid is open, as inquirer's select does: the cursor would sit on the key line. */
export const CURSOR_HIDE = '\x1b[?25l';

/** Resolves with each row's choice as an index into its choices, -1 for a row left blank. */
export const gridPrompt = createPrompt<number[], GridConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<readonly number[]>(config.start);
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    // Keys land in readline's line too (a space would): the grid has no line to type in.
    rl.clearLine(0);
    if (isEnterKey(key)) {
      // A choice the method needs: the cursor goes to the row that waits for it, rather than
      // leaving a blank that the next run would have to come back to.
      const blank = config.required ? picked.indexOf(-1) : -1;
      if (blank >= 0) {
        setActive(blank);
        setError(config.required);
        return;
      }
      setStatus('done');
      done([...picked]);
      return;
    }
    setError(undefined);
    // No wrap-around, as in the other menus: ↓ on the last row stays there.
    if (isUpKey(key)) setActive(Math.max(0, active - 1));
    else if (isDownKey(key)) setActive(Math.min(config.labels.length - 1, active + 1));
    else if (key.name === 'right' || key.name === 'left') {
      const count = config.choices[active]?.length ?? 0;
      if (count === 0) return;
      const now = picked[active]!;
      // ← from a blank row starts from the last choice. Space does nothing: a first-time user
      // pressed it to move on and changed a choice without seeing it.
      const next = key.name === 'left' ? (now <= 0 ? count - 1 : now - 1) : (now + 1) % count;
      setPicked(picked.map((value, row) => (row === active ? next : value)));
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const pairs = config.labels.map((label, row) => config.pair(label, picked[row]! < 0 ? undefined : config.choices[row]![picked[row]!]));
    return [`${prefix} ${message}`, ...gridSummary(pairs, config.width, config.style)].join('\n');
  }
  const view = { labels: config.labels, choices: config.choices, hints: config.hints, picked, active, ...(error ? { error } : {}) };
  return `${[`${prefix} ${message}`, ...gridLines(view, config.width, config.style, config.text)].join('\n')}${CURSOR_HIDE}`;
});
