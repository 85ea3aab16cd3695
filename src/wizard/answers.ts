/** Reading what people type: numbers, amounts, scores, currencies and e-mails, leniently, in their language's habits (dates: util/dates.ts). */
import { localeOf, type Lang, type Translator } from '../i18n/index.js';
import { closest } from '../util/suggest.js';

/**
 * Amounts as people write them: "1 240,50" or "12.50" in French, "1,240.50" or "1 240.50" in
 * English. Thousands are grouped by three or not at all; anything ambiguous ("1 200,50" in
 * English, "1.200" or "1,200" in French) is refused rather than guessed.
 */
export function parseNumber(text: string, lang: Lang): number | undefined {
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ').replace(/\s*[€£$]\s*/g, '');
  if (value === '') return undefined;
  const comma = localeOf(lang).decimal === ',';
  // "1,200" is 1,2 in French and 1200 in English: a person in between may mean either.
  if (comma && /^-?\d{1,3},\d{3}$/.test(value)) return undefined;
  const [group, decimal] = comma ? ['[ ]', ','] : ['[ ,]', '\\.'];
  const grouped = new RegExp(`^(-?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(\\d+))?$`).exec(value);
  // A dot before one or two digits is a decimal point where the comma is too (12.50).
  const dotted = comma ? /^(-?)(\d+)\.(\d{1,2})$/.exec(value) : null;
  const match = grouped ?? dotted;
  if (!match) return undefined;
  return Number(`${match[1]}${match[2]!.replace(/[ ,]/g, '')}${match[3] ? `.${match[3]}` : ''}`);
}

/** A number out of the scale's top, as people write a mark: "4/5" for a weight from 1 to 5. */
export function parseOutOf(text: string, lang: Lang, top: number | undefined): number | undefined {
  const mark = /^(.+?)\s*\/\s*(\d+)$/.exec(text.trim());
  if (mark && top !== undefined && Number(mark[2]) === top) return parseNumber(mark[1]!, lang);
  return parseNumber(text, lang);
}

export type Period = 'month' | 'quarter' | 'year';

/** The words of a language that an amount may carry, from its catalogue. */
export interface AmountWords {
  free: readonly string[];
  /** What says a cost is paid once: "une fois", "one-off". */
  once: readonly string[];
  per: readonly string[];
  periods: Readonly<Record<Period, readonly string[]>>;
  /** Words that say an amount is an upper bound ("500 € par an max"): the amount is the same. */
  most: readonly string[];
  /** Words that say an amount is an estimate ("environ 60 € par an"): an estimate is what is asked. */
  about: readonly string[];
  /** Currency names people type instead of a code: "euros" → EUR. */
  currencies: Readonly<Record<string, string>>;
}

/** A catalogue list of words ("du|à partir du"), as the answers are matched: lower case, trimmed. */
export const alternatives = (text: string) => text.split('|').map((word) => word.trim().toLowerCase()).filter(Boolean);

export function amountWords(t: Translator): AmountWords {
  const currencies: Record<string, string> = {};
  for (const entry of t('answer.currencyNames').split(',')) {
    const [code, names] = entry.split('=');
    for (const name of alternatives(names ?? '')) currencies[name] = code!.trim().toUpperCase();
  }
  return {
    free: alternatives(t('answer.free')),
    once: alternatives(t('answer.once')),
    per: alternatives(t('answer.per')),
    most: alternatives(t('answer.most')),
    about: alternatives(t('answer.about')),
    periods: { month: alternatives(t('answer.period.month')), quarter: alternatives(t('answer.period.quarter')), year: alternatives(t('answer.period.year')) },
    currencies,
  };
}

/** The symbols people type for the currencies they mean: € is the euro wherever it is typed. */
const SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', $: 'USD' };

let isoCodes: ReadonlySet<string> | undefined;

/** A real ISO 4217 code, as Intl knows them: "oui" is not a currency. */
export function isCurrencyCode(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code.toUpperCase());
}

/** The currency an answer names: a code (eur, GBP), a symbol (€), or a name (euros). */
export function readCurrency(text: string, words?: AmountWords): string | undefined {
  const value = text.trim();
  if (Object.hasOwn(SYMBOLS, value)) return SYMBOLS[value];
  if (/^[A-Za-z]{3}$/.test(value) && isCurrencyCode(value)) return value.toUpperCase();
  const named = words?.currencies[value.toLowerCase()];
  return named && isCurrencyCode(named) ? named : undefined;
}

/** An amount with, when typed with it, its currency and how often it is paid: "50 € par mois". */
export interface Amount {
  amount: number;
  currency?: string;
  period?: Period;
  /** Typed as paid once ("150 € une fois"), as a period says it recurs. */
  once?: true;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regular expression's alternatives for these words, the longest first. */
export const either = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
// Word edges that know accented letters (\b does not: "année").
const edge = (pattern: string) => `(?<![\\p{L}\\d])(?:${pattern})(?![\\p{L}])`;

/**
 * "50€/mois", "50 € par mois", "£35 a month", "240 EUR par an", "150 euros une fois", "gratuit":
 * one answer, up to three facts. A remark in parentheses after it is the person's own, and left
 * out: "gratuit (c'est moi qui la fais)".
 */
export function parseAmount(text: string, lang: Lang, words: AmountWords): Amount | undefined {
  let value = text.trim().replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
  value = value.replace(/(?<=\S)\s*\([^()]*\)\.?$/, '');
  if (words.about.length) value = value.replace(new RegExp(`^(?:${either(words.about)})\\s*(?=[\\d€£$])`, 'iu'), '');
  if (words.most.length) value = value.replace(new RegExp(`(?<=\\S),?\\s+${edge(either(words.most))}\\.?$`, 'iu'), '');
  if (value === '') return undefined;
  if (words.free.includes(value.toLowerCase())) return { amount: 0 };
  const once = words.once.length ? new RegExp(`\\s*,?\\s+${edge(either(words.once))}\\.?$`, 'iu').exec(value) : null;
  if (once) {
    const read = parseAmount(value.slice(0, once.index), lang, { ...words, once: [], periods: { month: [], quarter: [], year: [] } });
    return read && { ...read, once: true };
  }
  let period: Period | undefined;
  for (const [name, list] of Object.entries(words.periods) as [Period, readonly string[]][]) {
    if (list.length === 0) continue;
    const per = words.per.length ? `(?:\\s*/\\s*|\\s+${edge(either(words.per))}\\s+|\\s+)` : '(?:\\s*/\\s*|\\s+)';
    const found = new RegExp(`${per}${edge(either(list))}\\.?$`, 'iu').exec(value);
    if (found) {
      period = name;
      value = value.slice(0, found.index).trim();
      break;
    }
  }
  let currency: string | undefined;
  const symbol = /[€£$]/.exec(value);
  if (symbol) {
    currency = SYMBOLS[symbol[0]];
    value = (value.slice(0, symbol.index) + value.slice(symbol.index + 1)).trim();
  } else {
    const named = /^(\p{L}+)\s*(?=[-\d])|(?<=\d)\s*(\p{L}+)$/u.exec(value);
    if (named) {
      currency = readCurrency(named[1] ?? named[2]!, words);
      if (!currency) return undefined;
      value = (value.slice(0, named.index) + value.slice(named.index + named[0].length)).trim();
    }
  }
  const amount = parseNumber(value, lang);
  if (amount === undefined) return undefined;
  return { amount, ...(currency ? { currency } : {}), ...(period ? { period } : {}) };
}

/**
 * A line of scores, one per criterion, 0 to 5: "4 5 3", "4;3,5;5" (where a comma is then a
 * decimal comma), or "4,2,4,4,5" when the commas give exactly one score per criterion. "-"
 * leaves a score blank. Undefined when the line is not that many scores.
 */
export function readScores(line: string, count: number): (number | undefined)[] | undefined {
  const value = line.trim();
  let parts: string[];
  if (/[\s;/]/.test(value)) parts = value.split(/\s*[;/]\s*|,?\s+/).filter(Boolean);
  else if (value.includes(',') && value.split(',').length === count) parts = value.split(',');
  else parts = [value];
  if (parts.length !== count) return undefined;
  const values = parts.map((part) => (/^\d+(?:[.,]\d+)?$/.test(part) ? Number(part.replace(',', '.')) : undefined));
  return values.every((v, i) => (parts[i] === '-' ? true : v !== undefined && v >= 0 && v <= 5)) ? values : undefined;
}

export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** The mail services whose names are mistyped most, for "did you mean gmail.com?". */
const DOMAINS = ['gmail.com', 'yahoo.com', 'yahoo.fr', 'hotmail.com', 'hotmail.fr', 'outlook.com', 'outlook.fr', 'live.com', 'icloud.com', 'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'wanadoo.fr', 'btinternet.com', 'proton.me', 'protonmail.com'];

/** The endings a domain split by a space most often lost its dot before: "orange fr". */
const ENDINGS = /^(?:com|fr|net|org|eu|be|ch|ca|uk|me|io)$/i;

/**
 * The address the user most likely meant, when what was typed looks like a slip: a comma or a
 * space for a dot (gmail,com), a known service misspelt (gmial.com), ".con" for ".com". Only the
 * address is rewritten: the words around it ("06 12 34 56 78 ou …") stay as they were typed.
 */
export function emailSuggestion(text: string): string | undefined {
  const value = text.trim();
  const at = value.indexOf('@');
  if (at <= 0 || value.indexOf('@', at + 1) >= 0) return undefined;
  // Words and the spaces between them, so that the others are given back exactly as typed.
  const parts = value.split(/(\s+)/);
  const i = parts.findIndex((part) => part.includes('@'));
  const [local, typed] = [parts[i]!.slice(0, parts[i]!.indexOf('@')), parts[i]!.slice(parts[i]!.indexOf('@') + 1)];
  if (local === '') return undefined;
  // Punctuation after a whole address ("gmail.com, le soir") belongs to the sentence.
  const trail = /^(.*\..*?)([,;.:)»]+)$/.exec(typed);
  let domain = (trail ? trail[1]! : typed).toLowerCase();
  const after = trail ? trail[2]! : '';
  let taken = 1;
  // "orange fr": a space where the dot was, only before an ending a domain has.
  const next = parts[i + 2];
  if (!/[.,;]./.test(domain) && next !== undefined && ENDINGS.test(next)) {
    domain = `${domain.replace(/[,;]$/, '')}.${next.toLowerCase()}`;
    taken = 3;
  }
  domain = domain.replace(/[,;]/g, '.').replace(/\.{2,}/g, '.');
  domain = domain.replace(/\.(con|cmo|ocm|cm|om|comm)$/, '.com').replace(/\.(frr|fe|rf)$/, '.fr');
  // Only a service of the same first letter: mail.com is not a slip of gmail.com.
  const known = closest(domain, DOMAINS.filter((d) => d[0] === domain[0]));
  if (known) domain = known;
  const email = `${local}@${domain}`;
  if (!isEmail(email)) return undefined;
  const suggestion = [...parts.slice(0, i), email + after, ...parts.slice(i + taken)].join('');
  return suggestion !== value ? suggestion : undefined;
}

/** A phone number: at least six digits, grouped as people group them. */
const PHONE = /\+?\d[\d\s().-]*\d/g;

/**
 * A contact is an e-mail address or a phone number, alone or among other words ("06 12 34 56 78
 * ou claire@exemple.org", "claire@exemple.org (le soir)"): what holds one is taken as typed.
 */
export function isContact(text: string): boolean {
  const value = text.trim();
  if (value.split(/\s+/).some((word) => isEmail(word.replace(/^[(<«"']+|[)>»"',;.:]+$/g, '')))) return true;
  return [...value.matchAll(PHONE)].some((found) => found[0].replace(/\D/g, '').length >= 6);
}

/**
 * "avant le 15 mars 2027 (rentrée du printemps)", "by 15 March 2027": the date alone, without
 * the words before it that say nothing of the day, nor a remark in brackets after it.
 */
export function dateAlone(text: string, t: Translator): string {
  let value = text.trim().replace(/\s*\([^()]*\)\s*$/u, '');
  const lead = alternatives(t('answer.dateLead'));
  if (lead.length > 0) value = value.replace(new RegExp(`^(?:${either(lead)})\\s+`, 'iu'), '');
  return value.trim() || text.trim();
}
