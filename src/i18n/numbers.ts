/**
 * Numbers and amounts written without Intl for the locales adopt ships: the first
 * Intl.NumberFormat of a run costs 20 to 30 ms (ICU's data), as much as the rest of `status`.
 * The output is Intl's own, character for character (test/unit/numbers.test.ts compares them
 * on random values); anything outside this table goes to Intl.
 */
interface Shape {
  group: string;
  decimal: string;
  /** Where the currency goes, and how it is written, per ISO code. */
  currency: 'before' | 'after';
  symbols: Readonly<Record<string, string>>;
}

const shapes: Readonly<Record<string, Shape>> = {
  'en-GB': { group: ',', decimal: '.', currency: 'before', symbols: { EUR: '€', GBP: '£', USD: 'US$' } },
  'fr-FR': { group: '\u202f', decimal: ',', currency: 'after', symbols: { EUR: '€', GBP: '£GB', USD: '$US' } },
};

/** Beyond this, toFixed writes exponents and doubles lose cents: Intl's business. */
const LARGEST = 1e15;

/**
 * The absolute value rounded half away from zero, as Intl does, on its shortest decimal writing
 * (2.675 is "2.675" to Intl, though the double is a hair below: toFixed would say 2.67).
 */
function rounded(value: number, places: number): [string, string] {
  const written = Math.abs(value).toString();
  // Below 1e-6 JavaScript writes an exponent; such a value is 0 at the places shown here.
  if (written.includes('e')) return ['0', ''.padEnd(places, '0')];
  const [whole = '0', decimals = ''] = written.split('.');
  if (decimals.length <= places) return [whole, decimals.padEnd(places, '0')];
  const kept = BigInt(whole + decimals.slice(0, places)) + (decimals[places]! >= '5' ? 1n : 0n);
  const all = kept.toString().padStart(places + 1, '0');
  return [all.slice(0, all.length - places), all.slice(all.length - places)];
}

function digits(value: number, shape: Shape, fraction: { min: number; max: number }): string | undefined {
  if (!Number.isFinite(value) || Math.abs(value) >= LARGEST) return undefined;
  let [whole, decimals] = rounded(value, fraction.max);
  while (decimals.length > fraction.min && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, shape.group);
  // Intl keeps the sign of a negative value that rounds to zero ("-0").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${decimals ? shape.decimal + decimals : ''}`;
}

export function plainNumber(locale: string, value: number, maximumFractionDigits: number): string | undefined {
  const shape = shapes[locale];
  return shape ? digits(value, shape, { min: 0, max: maximumFractionDigits }) : undefined;
}

export function plainMoney(locale: string, amount: number, currency: string): string | undefined {
  const shape = shapes[locale];
  const symbol = shape?.symbols[currency];
  if (!shape || !symbol) return undefined;
  const written = digits(amount, shape, { min: Number.isInteger(amount) ? 0 : 2, max: 2 });
  if (written === undefined) return undefined;
  const negative = written.startsWith('-');
  const unsigned = negative ? written.slice(1) : written;
  return shape.currency === 'before' ? `${negative ? '-' : ''}${symbol}${unsigned}` : `${written}\u00a0${symbol}`;
}
