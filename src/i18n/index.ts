import { plainMoney, plainNumber } from './numbers.js';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { visible } from '../util/visible.js';
import { typedDate } from '../util/dates.js';
import type { Catalogue, MsgKey } from './catalogue.js';
import { locales, type Locale } from './locales.js';
import { formatMessage, type Formatting } from './message.js';

export type { Catalogue, MsgKey } from './catalogue.js';
export type Params = Record<string, string | number | Composed>;

/**
 * A parameter adopt composed itself, its own styling included, that goes into a message as it
 * is. Every other parameter may hold user text, and is shown visibly (util/visible.ts).
 */
export class Composed {
  constructor(readonly text: string) {}
}

export type Lang = keyof typeof locales;
export type { Locale } from './locales.js';
export { frenchTypography } from './locales.js';

// The shipped rows, and any a test registers (registerLocale).
const table: Record<string, Locale> = { ...locales };

/** The languages adopt speaks, in the order it offers them. */
export function languages(): Lang[] {
  return Object.keys(table) as Lang[];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(table, value);
}

export function localeOf(lang: Lang): Locale {
  return table[lang]!;
}

/**
 * A language adopt does not ship, with its catalogue: how a test proves that a language is one
 * catalogue and one row of the locale table (test/unit/pseudo-locale.test.ts).
 */
export function registerLocale(lang: string, locale: Locale, catalogue: Catalogue): void {
  table[lang] = locale;
  catalogues.set(lang as Lang, typeset(lang as Lang, catalogue));
}

/**
 * Only the language in use is loaded, from JSON a translator edits (src/i18n/locales/). The
 * build copies it into dist/i18n with its typography already applied; the sources under test
 * read the catalogue as the translator wrote it and typeset it here.
 */
function loadCatalogue(lang: Lang): Catalogue {
  // The bundle runs from dist/ or dist/chunks/; the sources from src/i18n/, which has no i18n/ beside it.
  for (const dir of ['i18n', '../i18n']) {
    const built = readCatalogue(new URL(`${dir}/${lang}.json`, import.meta.url));
    if (built) return built;
  }
  const source = readCatalogue(new URL(`locales/${lang}.json`, import.meta.url));
  if (!source) throw new Error(`the catalogue of ${lang} is missing`);
  return typeset(lang, source);
}

function readCatalogue(url: URL): Catalogue | undefined {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as Catalogue;
  } catch {
    // not built, or not from here
    return undefined;
  }
}
const catalogues = new Map<Lang, Catalogue>();
function typeset(lang: Lang, catalogue: Catalogue): Catalogue {
  const rule = localeOf(lang).typography;
  if (!rule) return catalogue;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) out[key] = rule(value);
  return out as Catalogue;
}

export interface Translator {
  readonly lang: Lang;
  (key: MsgKey, params?: Params): string;
  /** Whether the catalogue has this message: for keys named outside adopt (a user's template). */
  has(key: string): boolean;
  /** Dates as people read them: "15 March 2027", « 15 mars 2027 » (as Intl writes them). */
  date(iso: string): string;
  money(amount: number, currency: string): string;
  number(value: number, maximumFractionDigits?: number): string;
  list(items: readonly string[]): string;
  /** A message named outside adopt's code (a user's template): it may not exist, and then shows its key. */
  named(key: string, params?: Params): string;
}


export async function loadTranslator(lang: Lang): Promise<Translator> {
  let catalogue = catalogues.get(lang);
  if (!catalogue) {
    catalogue = loadCatalogue(lang);
    catalogues.set(lang, catalogue);
  }
  return makeTranslator(lang, catalogue);
}

function makeTranslator(lang: Lang, catalogue: Catalogue): Translator {
  const locale = localeOf(lang).tag;
  const months = catalogue['date.months'].split(',');
  // An Intl formatter is costly to make and cheap to use: one of each kind per translator.
  const formatters = new Map<string, Intl.NumberFormat>();
  const formatter = (key: string, make: () => Intl.NumberFormat) => {
    let found = formatters.get(key);
    if (!found) formatters.set(key, (found = make()));
    return found;
  };
  let listFormat: Intl.ListFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  const formatting: Formatting = {
    plural: (n) => (plurals ??= new Intl.PluralRules(locale)).select(n),
    // The one place user text enters a message: what a terminal would obey is shown instead.
    show: (value) => (value instanceof Composed ? value.text : visible(String(value))),
    number: (n) => t.number(n),
    date: (iso) => visible(typedDate(iso, localeOf(lang).dateOrder)),
  };
  const interpolate = (template: string, params?: Params) => formatMessage(template, params, formatting);
  // A key named in a user's template may not exist: it then shows itself rather than crash,
  // and "constructor" is not a message inherited from Object.
  const named = (key: string, params?: Params) => interpolate(Object.hasOwn(catalogue, key) ? catalogue[key as MsgKey] : visible(key), params);
  const t = ((key: MsgKey, params?: Params) => named(key, params)) as Translator;
  Object.assign(t, {
    lang,
    has: (key: string) => Object.hasOwn(catalogue, key),
    named,
    // The catalogue's month names rather than Intl: the same text, without loading ICU's
    // calendar data (20 to 30 ms) on every run of status.
    date(iso: string) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      const month = match ? months[Number(match[2]) - 1] : undefined;
      if (!match || !month) return visible(iso);
      // The first of the month is an ordinal in some languages: "1er septembre".
      const day = match[3] === '01' ? catalogue['date.first'] : Number(match[3]);
      return interpolate(catalogue['date.long'], { day, month, year: match[1]! });
    },
    money(amount: number, currency: string) {
      const plain = plainMoney(locale, amount, currency);
      if (plain !== undefined) return plain;
      const whole = Number.isInteger(amount);
      try {
        return formatter(`money ${currency} ${whole}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: whole ? 0 : 2 })).format(amount);
      } catch {
        return `${formatter('number 2', () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(amount)} ${visible(currency)}`;
      }
    },
    number(value: number, maximumFractionDigits = 2) {
      const plain = plainNumber(locale, value, maximumFractionDigits);
      if (plain !== undefined) return plain;
      return formatter(`number ${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(value);
    },
    list(items: readonly string[]) {
      listFormat ??= new Intl.ListFormat(locale, { type: 'conjunction' });
      return listFormat.format(items.map(visible));
    },
  });
  return t;
}

/**
 * The language of the user's system, from LC_ALL, LC_MESSAGES or LANG ("fr_FR.UTF-8" → fr),
 * else, as on Windows where none of them is set, from the locale ICU took from the system.
 */
export function localeLanguage(env: NodeJS.ProcessEnv, fromSystem: () => string = systemLocale): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    const code = value.slice(0, 2).toLowerCase();
    return isLang(code) ? code : undefined;
  }
  const code = fromSystem().slice(0, 2).toLowerCase();
  return isLang(code) ? code : undefined;
}

/**
 * Every Intl service has the same default locale; PluralRules is asked because it is by far the
 * cheapest to create (well under a millisecond, where DateTimeFormat takes tens of milliseconds
 * to load calendar data at every start).
 */
export function systemLocale(): string {
  try {
    return new Intl.PluralRules().resolvedOptions().locale;
  } catch {
    return '';
  }
}

/** --lang first, then the file's language, then the system locale, then English. */
export function resolveLanguage(flag: Lang | undefined, fileLanguage: unknown, env: NodeJS.ProcessEnv): Lang {
  return languageFrom(flag, () => fileLanguage, env).lang;
}

export type LangSource = 'flag' | 'file' | 'locale' | 'default';

/** The same rule, saying where the language came from; the file is asked only when --lang is absent. */
export function languageFrom(flag: Lang | undefined, file: () => unknown, env: NodeJS.ProcessEnv): { lang: Lang; from: LangSource } {
  if (flag) return { lang: flag, from: 'flag' };
  const fromFile = file();
  if (isLang(fromFile)) return { lang: fromFile, from: 'file' };
  const fromLocale = localeLanguage(env);
  return fromLocale ? { lang: fromLocale, from: 'locale' } : { lang: 'en', from: 'default' };
}

/** The project file a command works on when none is named: $ADOPT_FILE, else ./adopt.yaml. */
export function projectFile(cwd: string, env: NodeJS.ProcessEnv, named?: string): string {
  return path.resolve(cwd, named ?? env.ADOPT_FILE ?? 'adopt.yaml');
}

/**
 * The `language:` of a project file, read without parsing it, to speak the user's language
 * early. Only the head of the file is read: `language` is the second key of the format.
 */
export function fileLanguage(file: string): Lang | undefined {
  let handle: number | undefined;
  try {
    // A pipe named adopt.yaml would block the open until someone writes to it: plain files only.
    if (!statSync(file).isFile()) return undefined;
    handle = openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const read = readSync(handle, head, 0, head.length, 0);
    const found = /^language:\s*["']?([a-z]{2,3})["']?\s*(#.*)?$/m.exec(head.toString('utf8', 0, read))?.[1];
    return isLang(found) ? found : undefined;
  } catch {
    return undefined;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}
