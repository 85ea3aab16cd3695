/**
 * Answers given along with another one, so that their own questions are not asked: a period
 * typed with an amount, an amount or a date typed after an item's name ("Abonnement Adhésio :
 * 29 €/mois", "Choix de l'outil : 15/03/2027"), an impact chosen with a likelihood.
 */
import { localeOf, type Translator } from '../i18n/index.js';
import { alternatives, amountWords, either, parseAmount, type Amount } from './answers.js';
import { loadDateReader, loadedDateReader, parseDate, type DateReading } from '../util/dates.js';
import { endAfterStart } from '../steps/poc.js';

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

/** What an item's first answer carried besides the name: an amount (with a period, or paid once), a date, two dates, or a role. */
export type Carried = { name: string; amount: Amount } | { name: string; date: DateReading } | { name: string; from: DateReading; to: DateReading } | { name: string; role: string };

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
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const colon = /^(.*\S)\s*:\s*(\S.*)$/u.exec(value);
  // "Test avec Julien 20/02/2027": a date written in full at the end needs no colon.
  const split = colon ?? /^(.*\S)\s+(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{1,2}-\d{1,2})$/u.exec(value);
  const date = split ? certainDate(split[2]!, t, today) : undefined;
  return date ? { name: split![1]!, date } : undefined;
}

/**
 * A date read from what follows a name, only when nothing was guessed: written the usual way,
 * or in words once the date reader is loaded, with its year and the day before the month.
 */
function certainDate(text: string, t: Translator, today: string): DateReading | undefined {
  const { dateOrder, dateWords } = localeOf(t.lang);
  const strict = parseDate(text.trim(), dateOrder);
  if (strict) return { iso: strict, guessedYear: false, swapped: false };
  const read = loadedDateReader(dateWords)?.(text.trim(), today);
  return read && !read.guessedYear && !read.swapped ? read : undefined;
}

/**
 * "Sophie Lambert, animatrice (salariée)": a person's name, then their role, after a comma or
 * a spaced dash. A hyphen inside a name (Jean-Pierre) is no separator, nor a comma inside
 * brackets ("Mme Lefèvre (retraitée, fait les permanences)": the brackets hold the role).
 */
export function readNameAndRole(text: string): Carried | undefined {
  const split = /^\s*([^,(]*?\S)\s*(?:,|\s[-–—]\s)\s*(\S.*?)\s*$/u.exec(text);
  if (split) return { name: split[1]!, role: split[2]! };
  // "Sophie Lemaire (trésorière)": a role in brackets after the name.
  const bracketed = /^\s*([^()]*?\S)\s*\(\s*([^()]*?\S)\s*\)\s*$/u.exec(text);
  return bracketed ? { name: bracketed[1]!, role: bracketed[2]! } : undefined;
}

/**
 * "Bénévoles d'accueil : 04/01/2027 – 28/02/2027", "Pilot: 5/1/2027 to 28/2/2027": the name, then
 * when it starts and ends, read as the dates of the language are; both must be certain.
 */
export function readNameAndDates(text: string, t: Translator, today: string): Carried | undefined {
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const colon = /^(.*?\S)\s*:\s*(\S.*)$/u.exec(value);
  const dates = colon ? readDates(colon[2]!, t, today) : undefined;
  return dates ? { name: colon![1]!, ...dates } : undefined;
}

/**
 * "du 19/10/2026 au 13/11/2026", "19/10/2026 – 13/11/2026", "5/1/2027 to 28/2/2027": when
 * something starts and ends, read as the dates of the language are; both must be certain.
 */
export function readDates(text: string, t: Translator, today: string): { from: DateReading; to: DateReading } | undefined {
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  // A bare hyphen is inside 2027-01-04: only a spaced one, a long dash or a word separates.
  const range = new RegExp(`^(?:(?:${either(alternatives(t('answer.from')))})\\s+)?(.+?)(?:\\s*[–—]\\s*|\\s+-\\s+|\\s+(?:${either(alternatives(t('answer.to')))})\\s+)(.+)$`, 'iu').exec(value);
  if (!range) return undefined;
  const from = certainDate(range[1]!, t, today);
  const to = certainDate(range[2]!, t, today);
  return from && to ? { from, to } : undefined;
}

/** An end before its start, refused as at the end's own question. */
export function endBefore(dates: { from: DateReading; to: DateReading }, t: Translator): string | undefined {
  const wrong = endAfterStart(dates.from.iso, dates.to.iso);
  return wrong ? t(wrong.key, wrong.params) : undefined;
}

/** Whether an answer of `target` came along and its question is still to pass, without passing it. */
export function isAlong(target: object, key: string): boolean {
  return along.get(target)?.has(key) ?? false;
}

/**
 * The one choice whose words the text has ("Abonnement Adhésio" → licence, "Demi-journée de
 * formation" → training); none when no word or the words of two choices are there.
 */
export function readSort(text: string, sorts: { choices: readonly string[]; words: string }, t: Translator): string | undefined {
  const found = sorts.choices.filter((value) => {
    const words = t.has(`${sorts.words}.${value}`) ? alternatives(t.named(`${sorts.words}.${value}`)) : [];
    return words.length > 0 && new RegExp(`(?<![\\p{L}\\d])(?:${either(words)})(?![\\p{L}])`, 'iu').test(text);
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Two items typed as one ("Abonnement : 30 €/mois, Formation : 200 € une fois"): the name left
 * once the last amount or date is read still has one of its own. Refused, rather than kept as
 * one item whose name hides the other's amount.
 */
export function carriesTwo(carried: Carried, t: Translator, today: string): boolean {
  if ('amount' in carried) return readNameAndAmount(carried.name, t) !== undefined || /\d\s*(?:€|£|\$)|[€£$]\s*\d/u.test(carried.name);
  if ('date' in carried) return readNameAndDate(carried.name, t, today) !== undefined || /(?<!\d)(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})(?!\d)/u.test(carried.name);
  return false;
}

/** The date reader, loaded when an answer may carry a date in words ("15 mars 2027"). */
export async function readyForDates(text: string, t: Translator): Promise<void> {
  if (/:\s*\S/.test(text) && /\p{L}/u.test(text.slice(text.lastIndexOf(':') + 1))) await loadDateReader(localeOf(t.lang).dateWords).catch(() => undefined);
}
