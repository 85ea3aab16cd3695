/** Reading what people type: numbers and e-mails, leniently, in their language's habits (dates: util/dates.ts). */
import { localeOf, type Lang } from '../i18n/index.js';

/**
 * Amounts as people write them: "1 240,50" or "12.50" in French, "1,240.50" or "1 240.50" in
 * English. Thousands are grouped by three or not at all; anything ambiguous ("1 200,50" in
 * English, "1.200" in French) is refused rather than guessed.
 */
export function parseNumber(text: string, lang: Lang): number | undefined {
  const value = text.trim().replace(/[\u00a0\u202f]/g, ' ').replace(/\s*[€£$]\s*/g, '');
  if (value === '') return undefined;
  const comma = localeOf(lang).decimal === ',';
  const [group, decimal] = comma ? ['[ ]', ','] : ['[ ,]', '\\.'];
  const grouped = new RegExp(`^(-?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(\\d+))?$`).exec(value);
  // A dot before one or two digits is a decimal point where the comma is too (12.50).
  const dotted = comma ? /^(-?)(\d+)\.(\d{1,2})$/.exec(value) : null;
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
