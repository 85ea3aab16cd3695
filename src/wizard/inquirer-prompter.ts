/** The real prompter: @inquirer/prompts, in the user's language, with a help line per question. */
import { input, select, checkbox } from '@inquirer/prompts';
import type { Translator } from '../i18n/index.js';
import type { Style } from '../view/style.js';
import { GoBack, type Choice, type Prompter, type Question } from './prompter.js';
import { wrap } from '../view/wrap.js';
import { unicodeSupported } from '../terminal.js';
import { visible, visibleKeepingStyle } from '../util/visible.js';
import { UsageError } from '../errors.js';
import { gridPrompt } from './grid-prompt.js';
import { ticksPrompt } from './ticks-prompt.js';

/**
 * The keys' names in the help line: symbols where the terminal can show them, else their names
 * as printed on keyboards. The arrows stay, as in inquirer's own fallback: every console font has them.
 */
export function keyNames(t: Translator, unicode: boolean): { arrows: string; sides: string; enter: string; space: string } {
  // The space bar by its name: first-time users did not read ␣ as a key.
  return unicode ? { arrows: '↑↓', sides: '←→', enter: '⏎', space: t('prompt.keys.spaceKey') } : { arrows: '↑↓', sides: '←→', enter: t('prompt.keys.enterKey'), space: t('prompt.keys.spaceKey') };
}

/** What each prompt is handed; `clearPromptOnDone` is read by inquirer when the prompt ends. */
interface PromptContext {
  input: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal: AbortSignal;
  clearPromptOnDone?: boolean;
}

/** Where the prompts read and draw: the process's terminal unless a test hands in streams. */
export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export function inquirerPrompter(
  t: Translator,
  style: Style,
  output: { write(text: string): unknown; columns?: number },
  streams?: PromptStreams,
  // inquirer draws on the process's own terminal, so its environment is the one to judge.
  unicode = unicodeSupported(process.env),
): Prompter {
  const width = () => Math.min(output.columns ?? 80, 100) - 1;
  const fit = (text: string) => wrap(text, width());
  const keys = (pairs: [string, string][]) => style('dim', pairs.map(([key, action]) => `${key} ${action}`).join(' · '));
  const key = keyNames(t, unicode);
  const selectTheme = {
    style: {
      keysHelpTip: () => keys([[key.arrows, t('prompt.keys.move')], [key.enter, t('prompt.keys.choose')]]),
    },
  };
  // Questions, notes, choices and defaults carry the file's text: shown, never obeyed by the terminal.
  // Wrapped here, after the "? " inquirer puts before it: inquirer's own wrapping keeps the
  // space it breaks at, which would start the next line.
  const question = (q: Question) => wrap(visible(q.message), width() - 2);
  const message = (q: Question) => ({
    message: question(q),
    theme: { style: { message: (text: string, status: string) => style('bold', text) + (q.help && status !== 'done' ? `\n${style('dim', fit(`  ${visible(q.help)}`))}` : '') } },
  });
  const names = <T>(choices: readonly Choice<T>[]) => choices.map((c) => ({ value: c.value, name: visible(c.label), ...(c.hint ? { description: visible(c.hint) } : {}) }));

  const stdin = streams?.input ?? process.stdin;
  /**
   * Closed input (a pipe or a file that ran out, a terminal gone) is not an answer: inquirer
   * would wait, then call it Ctrl-C at exit. Each prompt is aborted when the input ends, and
   * that is said as what it is.
   */
  const ask = async <T>(prompt: (context: PromptContext) => Promise<T>, above = 0): Promise<T> => {
    const closed = () => new UsageError(t('prompt.inputClosed'));
    if ((stdin as { readableEnded?: boolean }).readableEnded) throw closed();
    const controller = new AbortController();
    const context: PromptContext = { input: stdin, ...(streams ? { output: streams.output } : {}), signal: controller.signal };
    const onEnd = () => controller.abort();
    let back = false;
    const onKey = (_: unknown, key?: { name?: string }) => {
      if (key?.name !== 'escape' || !prompter.back) return;
      back = true;
      // inquirer reads this as the prompt ends: the question left behind leaves the screen.
      context.clearPromptOnDone = true;
      controller.abort();
    };
    stdin.once('end', onEnd);
    stdin.on('keypress', onKey);
    try {
      return await prompt(context);
    } catch (error) {
      if (back) {
        // The help line written above the question goes with it.
        if (above > 0) output.write(`\x1b[${above}A\x1b[0J`);
        throw new GoBack();
      }
      if (controller.signal.aborted) throw closed();
      throw error;
    } finally {
      stdin.removeListener('end', onEnd);
      stdin.removeListener('keypress', onKey);
    }
  };

  /** What a grid and a checklist grid show alike: the question, its rows made visible, its keys. */
  const rowsShown = (q: Question & { rows: readonly { label: string; choices: readonly Choice<unknown>[] }[] }, keyLine: [string, string][]) => ({
    ...message(q),
    labels: q.rows.map((row) => visible(row.label)),
    choices: q.rows.map((row) => row.choices.map((c) => visible(c.label))),
    hints: q.rows.map((row) => row.choices.map((c) => (c.hint ? visible(c.hint) : undefined))),
    width: width(),
    text: { blank: t('prompt.grid.blank'), keys: keys(keyLine), unicode },
    style,
    pair: (label: string, choice: string | undefined) => t('prompt.grid.pair', { label, choice: choice ?? '—' }),
  });

  const prompter: Prompter = {
    back: false,
    async text(q) {
      // Above the question, so that what the user types lands on the question's own line.
      const help = q.help ? fit(`  ${visible(q.help)}`) : undefined;
      if (help) output.write(`${style('dim', help)}\n`);
      const answer = await ask(
        (context) =>
        input(
          {
            message: question(q),
            ...(q.default ? { default: q.default } : {}),
            validate: (value: string) => q.validate?.(value.trim()) ?? true,
            // Shown visibly; Enter still keeps the value exactly as it is in the file.
            transformer: (value: string, { isFinal }: { isFinal: boolean }) => (isFinal ? style('cyan', visible(value)) : visible(value)),
            theme: { style: { message: (text: string) => style('bold', text), defaultAnswer: (text: string) => style('dim', `(${visible(text)})`) } },
          },
          context,
        ),
        help ? help.split('\n').length : 0,
      );
      return answer.trim();
    },
    async select(q) {
      const base = message(q);
      return ask((context) =>
        select(
          {
            message: base.message,
            choices: names(q.choices),
            ...(q.default !== undefined ? { default: q.default } : {}),
            pageSize: 12,
            // ↓ on the last entry stays there: it never wraps round onto the first (often "Add…").
            loop: false,
            theme: { style: { ...selectTheme.style, ...base.theme.style } },
          },
          context,
        ),
      );
    },
    async checkbox(q) {
      const chosen = new Set(q.default ?? []);
      const base = message(q);
      return ask((context) =>
        checkbox(
          {
            message: base.message,
            choices: names(q.choices).map((c) => ({ ...c, checked: chosen.has(c.value) })),
            pageSize: 12,
            loop: false,
            instructions: keys([[key.arrows, t('prompt.keys.move')], [key.space, t('prompt.keys.tick')], [key.enter, t('prompt.keys.confirm')]]),
            theme: { style: { ...base.theme.style, keysHelpTip: () => keys([[key.arrows, t('prompt.keys.move')], [key.space, t('prompt.keys.tick')], [key.enter, t('prompt.keys.confirm')]]) } },
            ...(q.validate ? { validate: (items: readonly { value: unknown }[]) => q.validate!(items.map((i) => i.value) as never) } : {}),
          },
          context,
        ),
      );
    },
    async confirm(q) {
      // A choice rather than (y/N): "o" for oui would read as no in inquirer's confirm.
      const base = message(q);
      return ask((context) =>
        select(
          {
            message: base.message,
            choices: [
              { value: true, name: t('prompt.yes') },
              { value: false, name: t('prompt.no') },
            ],
            default: q.default ?? true,
            loop: false,
            theme: { style: { ...selectTheme.style, ...base.theme.style } },
          },
          context,
        ),
      );
    },
    async grid(q) {
      if (q.rows.length === 0) return [];
      const picked = await ask((context) =>
        gridPrompt(
          {
            ...rowsShown(q, [[key.arrows, t('prompt.keys.row')], [key.sides, t('prompt.keys.choice')], [key.enter, t('prompt.keys.confirm')]]),
            start: q.rows.map((row) => (row.default === undefined ? -1 : row.choices.findIndex((c) => c.value === row.default))),
            ...(q.required ? { required: t('prompt.grid.required') } : {}),
          },
          context,
        ),
      );
      return q.rows.map((row, index) => row.choices[picked[index]!]?.value);
    },
    async ticks(q) {
      if (q.rows.length === 0) return [];
      const ticked = await ask((context) =>
        ticksPrompt(
          {
            ...rowsShown(q, [[key.arrows, t('prompt.keys.row')], [key.sides, t('prompt.keys.choice')], [key.space, t('prompt.keys.tick')], [key.enter, t('prompt.keys.confirm')]]),
            start: q.rows.map((row) => row.choices.flatMap((c, i) => (row.default?.includes(c.value) ? [i] : []))),
          },
          context,
        ),
      );
      return q.rows.map((row, index) => ticked[index]!.map((i) => row.choices[i]!.value));
    },
    say(text: string) {
      // Notes mix adopt's styling with user text, which t() has already made visible.
      output.write(`${fit(visibleKeepingStyle(text))}\n`);
    },
  };
  return prompter;
}
