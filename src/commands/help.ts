/**
 * `adopt help [topic]`: a command's help, or one of the guides. The guides are printed from the
 * package itself, in the user's language, because a global install leaves no docs/ folder
 * beside the user and the repository's pages may be out of reach (offline, or private).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Io } from '../io.js';
import type { Lang, Translator } from '../i18n/index.js';
import { packageRoot } from '../package-root.js';
import { UsageError } from '../errors.js';
import { closest } from '../util/suggest.js';

/** Each topic's page: docs/<name> in English, docs/<lang>/<name> in another language. */
export const guides = { format: 'file-format.md', warnings: 'warnings.md' } as const;
export type Topic = keyof typeof guides;

export function guideFile(topic: Topic, lang: Lang): string {
  return path.join(packageRoot(), 'docs', ...(lang === 'en' ? [] : [lang]), guides[topic]);
}

function isTopic(value: string): value is Topic {
  return Object.hasOwn(guides, value);
}

export interface HelpOptions {
  topic?: string;
  t: Translator;
  io: Io;
  /** The commands' names, and how to print the help of one of them, or of adopt itself. */
  commands: readonly string[];
  commandHelp(name?: string): void;
}

export async function help(options: HelpOptions): Promise<void> {
  const { topic, t, io } = options;
  if (topic === undefined) return options.commandHelp();
  if (isTopic(topic)) {
    io.stdout.write(await readFile(guideFile(topic, t.lang), 'utf8'));
    return;
  }
  if (options.commands.includes(topic)) return options.commandHelp(topic);
  const suggestion = closest(topic, [...Object.keys(guides), ...options.commands]);
  throw new UsageError(suggestion ? t('help.unknownTopicSuggest', { topic, suggestion: `adopt help ${suggestion}` }) : t('help.unknownTopic', { topic }));
}
