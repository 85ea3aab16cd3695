/**
 * The checklist grid: several choices per row on one screen (what each audience will do with the
 * tool), so that the rows are weighed side by side as in the grid, where a row takes one choice.
 * The layout is a pure function of what is shown and the width; the prompt only holds the state.
 */
import { createPrompt, useState, useKeypress, usePrefix, makeTheme, isUpKey, isDownKey, isEnterKey, isSpaceKey, type Theme } from '@inquirer/core';
import type { Style } from '../view/style.js';
import { wrap } from '../view/wrap.js';
import { CURSOR_HIDE, cut, gridSummary, length, marks, rowLines, type GridText } from './grid-prompt.js';

/** What the checklist grid shows, already made visible and in the user's language. */
export interface TicksView {
  labels: readonly string[];
  choices: readonly (readonly string[])[];
  hints: readonly (readonly (string | undefined)[])[];
  /** For each row, whether each of its choices is ticked. */
  ticked: readonly (readonly boolean[])[];
  active: number;
  /** The choice under the column cursor in the current row (kept within the row's choices). */
  column: number;
}

// The boxes of inquirer's own checkbox, with the ASCII a console font without them gets.
const boxes = (unicode: boolean) => (unicode ? { on: '◉', off: '◯' } : { on: '[x]', off: '[ ]' });
/** Joins a box to its choice's words: a choice moves to the next line whole, its box with it. */
const NBSP = '\u00a0';

/** The column cursor within the row's choices: one column is kept across rows of different lengths. */
export function columnIn(choices: number, column: number): number {
  return Math.max(0, Math.min(column, choices - 1));
}

/** A row's ticked choices, as the row and the summary show them. */
export function tickedText(choices: readonly string[], ticked: readonly boolean[]): string | undefined {
  const picked = choices.filter((_, i) => ticked[i]);
  return picked.length ? picked.join(', ') : undefined;
}

/** The lines under the question while the checklist grid is open; none is wider than `width`. */
export function ticksLines(view: TicksView, width: number, style: Style, text: GridText): string[] {
  const mark = marks(text.unicode);
  const box = boxes(text.unicode);
  // "❯ " + label + "  " + the ticked choices
  const lines = rowLines(view.labels, view.active, width, style, text.unicode, 4, (row, room) => {
    const shown = tickedText(view.choices[row] ?? [], view.ticked[row] ?? []);
    return shown === undefined ? style('dim', cut(text.blank, room, mark.more)) : cut(shown, room, mark.more);
  });

  const choices = view.choices[view.active] ?? [];
  const column = columnIn(choices.length, view.column);
  if (choices.length > 0) {
    const ticked = view.ticked[view.active] ?? [];
    const all = choices.map((label, i) => {
      const own = cut(label, width - 3 - length(box.off), mark.more).replaceAll(' ', NBSP);
      if (i === column) return style('bold', style('cyan', `${ticked[i] ? box.on : box.off}${NBSP}${own}`));
      return `${ticked[i] ? style('green', box.on) : box.off}${NBSP}${own}`;
    });
    lines.push(...wrap(`  ${all.join('  ')}`, width).split('\n'));
  }
  const hint = choices.length > 0 ? view.hints[view.active]?.[column] : undefined;
  if (hint) lines.push(...wrap(`  ${hint}`, width).split('\n').map((line) => style('dim', line)));
  lines.push(...wrap(`  ${text.keys}`, width).split('\n'));
  return lines;
}

export interface TicksConfig {
  message: string;
  labels: readonly string[];
  choices: readonly (readonly string[])[];
  hints: readonly (readonly (string | undefined)[])[];
  /** Each row's choices ticked at the start, as indexes into its choices. */
  start: readonly (readonly number[])[];
  width: number;
  text: GridText;
  style: Style;
  /** One row's answer in the summary; `choices` undefined for a row with nothing ticked. */
  pair: (label: string, choices: string | undefined) => string;
  theme?: { style?: Partial<Theme['style']> };
}

/** Resolves with each row's ticked choices, as indexes into its choices, in the choices' order. */
export const ticksPrompt = createPrompt<number[][], TicksConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [active, setActive] = useState(0);
  const [column, setColumn] = useState(0);
  const [ticked, setTicked] = useState<readonly (readonly boolean[])[]>(config.choices.map((choices, row) => choices.map((_, i) => config.start[row]?.includes(i) ?? false)));
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    // Keys land in readline's line too (a space would): the grid has no line to type in.
    rl.clearLine(0);
    const count = config.choices[active]?.length ?? 0;
    const at = columnIn(count, column);
    if (isEnterKey(key)) {
      setStatus('done');
      done(ticked.map((row) => row.flatMap((on, i) => (on ? [i] : []))));
      return;
    }
    // No wrap-around, as in the other menus: ↓ on the last row, → on the last choice stay there.
    if (isUpKey(key)) setActive(Math.max(0, active - 1));
    else if (isDownKey(key)) setActive(Math.min(config.labels.length - 1, active + 1));
    else if (key.name === 'left') setColumn(Math.max(0, at - 1));
    else if (key.name === 'right') setColumn(Math.min(Math.max(0, count - 1), at + 1));
    else if (isSpaceKey(key) && count > 0) setTicked(ticked.map((row, r) => (r === active ? row.map((on, i) => (i === at ? !on : on)) : row)));
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const pairs = config.labels.map((label, row) => config.pair(label, tickedText(config.choices[row] ?? [], ticked[row] ?? [])));
    return [`${prefix} ${message}`, ...gridSummary(pairs, config.width, config.style)].join('\n');
  }
  const view = { labels: config.labels, choices: config.choices, hints: config.hints, ticked, active, column };
  return `${[`${prefix} ${message}`, ...ticksLines(view, config.width, config.style, config.text)].join('\n')}${CURSOR_HIDE}`;
});
