import type { en } from './en.js';

export type MsgKey = keyof typeof en;
/** Every catalogue has exactly the English keys: a missing or extra key is a compile error. */
export type Catalogue = { readonly [K in MsgKey]: string };
export type Params = Record<string, string | number>;

export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** French typography: a non-breaking space before : ; ? ! and inside « guillemets ». */
export function frenchTypography(text: string): string {
  return text
    .replace(/ ([:;?!»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0');
}

/** Only the language in use is loaded: each catalogue is a good part of start-up. */
const loaders: Record<Lang, () => Promise<Catalogue>> = {
  en: async () => (await import('./en.js')).en,
  fr: async () => frenchTyped((await import('./fr.js')).fr),
};
const catalogues = new Map<Lang, Catalogue>();

function frenchTyped(catalogue: Catalogue): Catalogue {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) out[key] = frenchTypography(value);
  return out as Catalogue;
}

export interface Translator {
  readonly lang: Lang;
  (key: MsgKey, params?: Params): string;
  /** Dates as people read them: "15 March 2027", « 15 mars 2027 ». */
  date(iso: string): string;
  money(amount: number, currency: string): string;
  number(value: number, maximumFractionDigits?: number): string;
  list(items: readonly string[]): string;
}

export async function loadTranslator(lang: Lang): Promise<Translator> {
  let catalogue = catalogues.get(lang);
  if (!catalogue) {
    catalogue = await loaders[lang]();
    catalogues.set(lang, catalogue);
  }
  return makeTranslator(lang, catalogue);
}

function makeTranslator(lang: Lang, catalogue: Catalogue): Translator {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  let dateFormat: Intl.DateTimeFormat | undefined;
  let listFormat: Intl.ListFormat | undefined;
  const t = ((key: MsgKey, params?: Params) => interpolate(catalogue[key], params)) as Translator;
  Object.assign(t, {
    lang,
    date(iso: string) {
      dateFormat ??= new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      const parsed = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? iso : dateFormat.format(parsed);
    },
    money(amount: number, currency: string) {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
      } catch {
        return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
      }
    },
    number(value: number, maximumFractionDigits = 2) {
      return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
    },
    list(items: readonly string[]) {
      listFormat ??= new Intl.ListFormat(locale, { type: 'conjunction' });
      return listFormat.format(items);
    },
  });
  return t;
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The language of the user's system, from LC_ALL, LC_MESSAGES or LANG ("fr_FR.UTF-8" → fr). */
export function localeLanguage(env: NodeJS.ProcessEnv): Lang | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    const code = value.slice(0, 2).toLowerCase();
    return isLang(code) ? code : undefined;
  }
  return undefined;
}

/** --lang first, then the file's language, then the system locale, then English. */
export function resolveLanguage(flag: Lang | undefined, fileLanguage: unknown, env: NodeJS.ProcessEnv): Lang {
  return flag ?? (isLang(fileLanguage) ? fileLanguage : undefined) ?? localeLanguage(env) ?? 'en';
}
