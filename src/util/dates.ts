/** Calendar dates as YYYY-MM-DD strings, computed in UTC so that no time zone shifts a day. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written with ASCII digits from `start` to `end` in `text`, or -1. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * YYYY-MM-DD naming a day of the calendar. Read digit by digit rather than through a Date:
 * every date of every file is checked, thousands of files in a portfolio. Years before 100
 * are not real dates (a Date reads them as 19xx, and they were always refused).
 */
export function isRealDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * The dates adopt works with: any project's past and future, and a slip of the year (9999,
 * 0202) is caught. Every date computed from one of them (three months on, the day after) still
 * has four digits.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

export function inDateRange(iso: string): boolean {
  return iso >= FIRST_DATE && iso <= LAST_DATE;
}

/** A computed date brought back into the range: the next review after a late 2199 one, say. */
export function withinRange(iso: string): string {
  return iso < FIRST_DATE ? FIRST_DATE : iso > LAST_DATE ? LAST_DATE : iso;
}

// Past year 9999 toISOString writes "+010000-03-01", which no file or calendar reads as a date.
const LAST_TIME = Date.parse('9999-12-31T00:00:00Z');
const FIRST_TIME = Date.parse('0000-01-01T00:00:00Z');

function fromTime(time: number): string {
  return new Date(Math.min(LAST_TIME, Math.max(FIRST_TIME, time))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  return fromTime(toTime(iso) + days * 86_400_000);
}

/** Adds calendar months, landing on the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromTime(target.getTime());
}

/**
 * Today as YYYY-MM-DD in the user's local time zone. ADOPT_TODAY pins it, so that scripts,
 * examples and tests see the same dates whatever day they run.
 */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.ADOPT_TODAY;
  if (pinned && isRealDate(pinned)) return pinned;
  const now = new Date();
  return fromTime(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export function isValidIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isRealDate(value);
}

/** The order of a typed 03/04/2027: day first in France and the UK, month first in the US. */
export type DateOrder = 'dmy' | 'mdy';

/** 2027-03-15, or 15/03/2027 and 15.03.2027 in the order people of the language write: a day that exists. */
export function readDate(text: string, order: DateOrder = 'dmy'): string | undefined {
  const value = text.trim();
  const typed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  const [day, month] = order === 'dmy' ? [typed?.[1], typed?.[2]] : [typed?.[2], typed?.[1]];
  const iso = typed ? `${typed[3]}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : value;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isRealDate(iso) ? iso : undefined;
}

/** A date answer adopt can take: a day that exists, between 1900 and 2199. */
export function parseDate(text: string, order: DateOrder = 'dmy'): string | undefined {
  const iso = readDate(text, order);
  return iso && inDateRange(iso) ? iso : undefined;
}

/** A date as the wizard asks for it beside "JJ/MM/AAAA": 15/03/2027 (or 03/15/2027 month first). */
export function typedDate(iso: string, order: DateOrder = 'dmy'): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  return order === 'dmy' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

/**
 * A date written in words or in a short form, and how sure the reading is: a year left out is
 * guessed (the next such day), and a day and month typed in the other order are swapped.
 */
export interface DateReading {
  iso: string;
  guessedYear: boolean;
  swapped: boolean;
}

/** The chrono-node parser that reads a language's dates: `fr`, or `en.GB` (day first). */
export type DateWords = 'fr' | 'en.GB';

export type DateReader = (text: string, today: string) => DateReading | undefined;

let chronoModule: Promise<typeof import('chrono-node')> | undefined;
let chronoLoaded: typeof import('chrono-node') | undefined;

/**
 * chrono-node is loaded on the first date typed in another form than 15/03/2027 or 2027-03-15:
 * it is half the size of the rest of adopt, and no command needs it to start.
 */
export async function loadDateReader(words: DateWords): Promise<DateReader> {
  chronoModule ??= import('chrono-node').then((module) => (chronoLoaded = module));
  return readerOf(await chronoModule, words);
}

/** The reader at once when chrono-node is already loaded (a prompt's check cannot wait). */
export function loadedDateReader(words: DateWords): DateReader | undefined {
  return chronoLoaded ? readerOf(chronoLoaded, words) : undefined;
}

function readerOf(chrono: typeof import('chrono-node'), words: DateWords): DateReader {
  const parser = words === 'fr' ? chrono.fr : chrono.en.GB;
  return (text, today) => {
    const value = text.trim().replace(/[\u00a0\u202f]/g, ' ');
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const results = parser.parse(value, new Date(y, m - 1, d, 12), { forwardDate: true });
    // One day, and nothing else said: "du 3 au 5 mars" or "15 mars, ou le 16" is not one answer.
    if (results.length !== 1 || results[0]!.end) return undefined;
    const found = results[0]!;
    const rest = value.slice(0, found.index) + value.slice(found.index + found.text.length);
    if (!/^[\s,.;:]*(?:\p{L}{1,3}[\s,.;:]*)?$/u.test(rest)) return undefined;
    const start = found.start;
    // A day named by its number: "next week" or "in a while" is not a date to plan by.
    if (!/\d/.test(found.text) || !start.isCertain('day') || !start.isCertain('month')) return undefined;
    // "5 h" is a time, which chrono places today: the questions here ask for a day.
    if (start.isCertain('hour')) return undefined;
    const iso = `${String(start.get('year')).padStart(4, '0')}-${String(start.get('month')).padStart(2, '0')}-${String(start.get('day')).padStart(2, '0')}`;
    if (!isRealDate(iso) || !inDateRange(iso)) return undefined;
    // chrono reads 03/15/2027 as 15 March even day first: the typed order was the other one.
    const typed = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}$/.exec(found.text.trim());
    const swapped = typed !== null && Number(typed[1]) !== start.get('day');
    return { iso, guessedYear: !start.isCertain('year'), swapped };
  };
}
