/**
 * Answers given along with another one, so that their own questions are not asked: a period
 * typed with an amount, an amount or a date typed after an item's name ("Abonnement Adhésio :
 * 29 €/mois", "Choix de l'outil : 15/03/2027"), an impact chosen with a likelihood.
 */
import { localeOf, type Translator } from '../i18n/index.js';
import { amountWords, parseAmount, type Amount } from './answers.js';
import { loadDateReader, loadedDateReader, parseDate, type DateReading } from '../util/dates.js';

const along = new WeakMap<object, Set<string>>();

/** The answers of `target` under these keys came with another one: their questions are passed, once. */
export function markAlong(target: object, keys: readonly string[]): void {
  const marked = along.get(target) ?? new Set<string>();
  for (const key of keys) marked.add(key);
  along.set(target, marked);
}

/** Whether this answer came with another one just now; asking says so only once. */
export function answeredAlong(target: object, key: string): boolean {
  return along.get(target)?.delete(key) ?? false;
}

/** What an item's first answer carried besides the name: an amount (with a period, or paid once) or a date. */
export type Carried = { name: string; amount: Amount } | { name: string; date: DateReading };

/**
 * "Name : 29 €/mois", "Name, 29 € par mois", "Set-up £400 one-off": the name, then its amount.
 * After a colon a bare number is an amount; after a comma or a space only an amount that says
 * itself one (a currency, a period, "one-off"), so that "Formation 2027" stays a name.
 */
export function readNameAndAmount(text: string, t: Translator): Carried | undefined {
  const words = amountWords(t);
  const amountOf = (tail: string) => parseAmount(tail, t.lang, words);
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const colon = /^(.*\S)\s*:\s*(\S.*)$/u.exec(value);
  if (colon) {
    const amount = amountOf(colon[2]!);
    if (amount) return { name: colon[1]!, amount };
  }
  const spoken = /^(.*?\S)\s*(?:,\s*|\s+)([€£$]?\s?\d.*)$/u.exec(value);
  if (spoken) {
    const amount = amountOf(spoken[2]!);
    if (amount && (amount.currency || amount.period || amount.once)) return { name: spoken[1]!, amount };
  }
  return undefined;
}

/**
 * "Choix de l'outil : 15/03/2027": the name, then its date, read at once when typed the usual
 * way, else by the date reader once it is loaded. A date it had to guess (the year, or the
 * day and month the other way round) is not taken: the date's own question asks it.
 */
export function readNameAndDate(text: string, t: Translator, today: string): Carried | undefined {
  const { dateOrder, dateWords } = localeOf(t.lang);
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const colon = /^(.*\S)\s*:\s*(\S.*)$/u.exec(value);
  if (!colon) return undefined;
  const tail = colon[2]!;
  const strict = parseDate(tail, dateOrder);
  if (strict) return { name: colon[1]!, date: { iso: strict, guessedYear: false, swapped: false } };
  const read = loadedDateReader(dateWords)?.(tail, today);
  return read && !read.guessedYear && !read.swapped ? { name: colon[1]!, date: read } : undefined;
}

/** The date reader, loaded when an answer may carry a date in words ("15 mars 2027"). */
export async function readyForDates(text: string, t: Translator): Promise<void> {
  if (/:\s*\S/.test(text) && /\p{L}/u.test(text.slice(text.lastIndexOf(':') + 1))) await loadDateReader(localeOf(t.lang).dateWords).catch(() => undefined);
}
