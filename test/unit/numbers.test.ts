import fc from 'fast-check';
import { plainMoney, plainNumber } from '../../src/i18n/numbers.js';

/** The fast path must write what Intl writes, or nothing (then Intl is used). */
const locales = ['en-GB', 'fr-FR'];
const currencies = ['EUR', 'GBP', 'USD'];
const amounts = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.integer({ min: -1e6, max: 1e6 }).map((cents) => cents / 100),
  fc.constantFrom(0, -0, 0.005, 1.005, 2.675, 999.995, 1000, 9999.999, -0.001, 1e14, 123456789.125),
);

test.each(locales)('numbers in %s are written as Intl writes them', (locale) => {
  fc.assert(
    fc.property(amounts, fc.integer({ min: 0, max: 3 }), (value, max) => {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(value);
      expect(plainNumber(locale, value, max)).toBe(intl);
    }),
    { numRuns: 3000 },
  );
});

test.each(locales.flatMap((locale) => currencies.map((currency) => [locale, currency])))('amounts in %s, %s are written as Intl writes them', (locale, currency) => {
  fc.assert(
    fc.property(amounts, (amount) => {
      const whole = Number.isInteger(amount);
      const intl = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: whole ? 0 : 2 }).format(amount);
      expect(plainMoney(locale, amount, currency)).toBe(intl);
    }),
    { numRuns: 2000 },
  );
});

test('what the table does not know is left to Intl', () => {
  expect(plainMoney('fr-FR', 12, 'CHF')).toBeUndefined();
  expect(plainNumber('de-DE', 12, 2)).toBeUndefined();
  expect(plainNumber('en-GB', 1e16, 2)).toBeUndefined();
  expect(plainNumber('en-GB', Number.NaN, 2)).toBeUndefined();
});
