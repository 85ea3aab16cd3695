/** Reading what people type: dates, numbers and e-mails, leniently, in their language's habits. */
import { inDateRange, isRealDate } from '../util/dates.js';
import type { Lang } from '../i18n/index.js';

/** 2027-03-15, or the day-first 15/03/2027 and 15.03.2027 that people in France and the UK write: a day that exists. */
export function readDate(text: string): string | undefined {
  const value = text.trim();
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  const iso = dayFirst ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}` : value;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isRealDate(iso) ? iso : undefined;
}

/** A date answer adopt can take: a day that exists, between 1900 and 2199 (util/dates.ts). */
export function parseDate(text: string): string | undefined {
  const iso = readDate(text);
  return iso && inDateRange(iso) ? iso : undefined;
}

/**
 * Amounts as people write them: "1 240,50" or "12.50" in French, "1,240.50" or "1 240.50" in
 * English. Thousands are grouped by three or not at all; anything ambiguous ("1 200,50" in
 * English, "1.200" in French) is refused rather than guessed.
 */
export function parseNumber(text: string, lang: Lang): number | undefined {
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ').replace(/\s*[€£$]\s*/g, '');
  if (value === '') return undefined;
  const [group, decimal] = lang === 'fr' ? ['[ ]', ','] : ['[ ,]', '\\.'];
  const grouped = new RegExp(`^(-?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(\\d+))?$`).exec(value);
  // A dot before one or two digits is a decimal point in French too (12.50).
  const dotted = lang === 'fr' ? /^(-?)(\d+)\.(\d{1,2})$/.exec(value) : null;
  const match = grouped ?? dotted;
  if (!match) return undefined;
  return Number(`${match[1]}${match[2]!.replace(/[ ,]/g, '')}${match[3] ? `.${match[3]}` : ''}`);
}

export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** A contact is an e-mail address or a phone number. */
export function isContact(text: string): boolean {
  const value = text.trim();
  return value.includes('@') ? isEmail(value) : /^\+?[\d\s().-]{6,}$/.test(value);
}

/**
 * An id made from a name: lower case, no accents, words joined by dashes; never "none", which
 * the format keeps for a decision that chose no tool.
 */
export function slug(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return base === 'none' ? 'none-2' : base || 'item';
}

export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function nextNumberedId(prefix: string, taken: ReadonlySet<string>): string {
  let highest = 0;
  for (const id of taken) {
    const match = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}${highest + 1}`;
}
