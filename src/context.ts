/**
 * What a run of adopt knows before any command starts, resolved once in cli.ts and handed to
 * every command, so that every message of a run is in the same language and every command
 * sees the same day, the same file and the same terminal.
 */
import type { Io } from './io.js';
import type { Lang, LangSource, Translator } from './i18n/index.js';

export interface Context {
  io: Io;
  /** --lang, else the project file's `language`, else the locale, else English. */
  lang: Lang;
  /** Where `lang` came from: only `--lang` overrides the language of a file adopt is told to read. */
  langFrom: LangSource;
  t: Translator;
  /** YYYY-MM-DD: $ADOPT_TODAY when set, else the local date. */
  today: string;
  /** The project file: -f, else $ADOPT_FILE, else ./adopt.yaml, resolved against io.cwd. */
  file: string;
  /** The same file as the user named it, for messages: relative stays relative. */
  shownFile: string;
  /** Whether what goes to stdout is coloured (--no-color, NO_COLOR, FORCE_COLOR, a terminal). */
  color: boolean;
}
