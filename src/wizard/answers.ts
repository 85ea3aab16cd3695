/** Reading what people type: dates, numbers and e-mails, leniently, in their language's habits. */
import { isRealDate } from '../util/dates.js';
import type { Lang } from '../i18n/index.js';

/** 2027-03-15, or the day-first 15/03/2027 and 15.03.2027 that people in France and the UK write. */
export function parseDate(text: string): string | undefined {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isRealDate(value) ? value : undefined;
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  if (!dayFirst) return undefined;
  const iso = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

/** "1 240,50" in French, "1,240.50" in English; spaces (also non-breaking) are ignored. */
export function parseNumber(text: string, lang: Lang): number | undefined {
  let value = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[€£$]/g, '');
  if (value === '') return undefined;
  value = lang === 'fr' ? value.replace(',', '.') : value.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** A contact is an e-mail address or a phone number. */
export function isContact(text: string): boolean {
  const value = text.trim();
  return value.includes('@') ? isEmail(value) : /^\+?[\d\s().-]{6,}$/.test(value);
}

/** An id made from a name: lower case, no accents, words joined by dashes. */
export function slug(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return base || 'item';
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
