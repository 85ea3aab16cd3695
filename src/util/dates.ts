/** Calendar dates as YYYY-MM-DD strings, computed in UTC so that no time zone shifts a day. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(value: string): boolean {
  const match = ISO.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
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
