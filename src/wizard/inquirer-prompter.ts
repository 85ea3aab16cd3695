/** The real prompter: @inquirer/prompts, in the user's language, with a help line per question. */
import { input, select, checkbox } from '@inquirer/prompts';
import type { Translator } from '../i18n/index.js';
import type { Style } from '../view/style.js';
import type { Choice, Prompter, Question } from './prompter.js';
import { wrap } from '../view/wrap.js';
import { unicodeSupported } from '../terminal.js';

/**
 * The keys' names in the help line: symbols where the terminal can show them, else their names
 * as printed on keyboards. The arrows stay, as in inquirer's own fallback: every console font has them.
 */
export function keyNames(t: Translator, unicode: boolean): { arrows: string; enter: string; space: string } {
  return unicode ? { arrows: '↑↓', enter: '⏎', space: '␣' } : { arrows: '↑↓', enter: t('prompt.keys.enterKey'), space: t('prompt.keys.spaceKey') };
}

export function inquirerPrompter(
  t: Translator,
  style: Style,
  output: { write(text: string): unknown; columns?: number },
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
  // The help line shows while the question is open; once answered, only the question stays.
  const message = (q: Question) => ({
    message: q.message,
    theme: { style: { message: (text: string, status: string) => style('bold', text) + (q.help && status !== 'done' ? `\n${style('dim', fit(`  ${q.help}`))}` : '') } },
  });
  const names = <T>(choices: readonly Choice<T>[]) => choices.map((c) => ({ value: c.value, name: c.label, ...(c.hint ? { description: c.hint } : {}) }));

  return {
    async text(q) {
      // Above the question, so that what the user types lands on the question's own line.
      if (q.help) output.write(`${style('dim', fit(`  ${q.help}`))}\n`);
      const answer = await input({
        message: q.message,
        ...(q.default ? { default: q.default } : {}),
        validate: (value: string) => q.validate?.(value.trim()) ?? true,
        theme: { style: { message: (text: string) => style('bold', text), defaultAnswer: (text: string) => style('dim', `(${text})`) } },
      });
      return answer.trim();
    },
    async select(q) {
      const base = message(q);
      return select({
        message: base.message,
        choices: names(q.choices),
        ...(q.default !== undefined ? { default: q.default } : {}),
        pageSize: 12,
        theme: { style: { ...selectTheme.style, ...base.theme.style } },
      });
    },
    async checkbox(q) {
      const chosen = new Set(q.default ?? []);
      const base = message(q);
      return checkbox({
        message: base.message,
        choices: names(q.choices).map((c) => ({ ...c, checked: chosen.has(c.value) })),
        pageSize: 12,
        instructions: keys([[key.arrows, t('prompt.keys.move')], [key.space, t('prompt.keys.tick')], [key.enter, t('prompt.keys.confirm')]]),
        theme: { style: { ...base.theme.style, keysHelpTip: () => keys([[key.arrows, t('prompt.keys.move')], [key.space, t('prompt.keys.tick')], [key.enter, t('prompt.keys.confirm')]]) } },
        ...(q.validate ? { validate: (items: readonly { value: unknown }[]) => q.validate!(items.map((i) => i.value) as never) } : {}),
      });
    },
    async confirm(q) {
      // A choice rather than (y/N): "o" for oui would read as no in inquirer's confirm.
      const base = message(q);
      return select({
        message: base.message,
        choices: [
          { value: true, name: t('prompt.yes') },
          { value: false, name: t('prompt.no') },
        ],
        default: q.default ?? true,
        theme: { style: { ...selectTheme.style, ...base.theme.style } },
      });
    },
    say(text: string) {
      output.write(`${fit(text)}\n`);
    },
  };
}
