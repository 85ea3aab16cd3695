import { isLang, languages, localeOf, registerLocale, loadTranslator, type Catalogue, type Lang } from '../../src/i18n/index.js';
import { parseNumber } from '../../src/wizard/answers.js';
import { readDate } from '../../src/util/dates.js';
import { findStep, steps } from '../../src/steps/index.js';
import { readFileSync } from 'node:fs';

const english = JSON.parse(readFileSync(new URL('../../src/i18n/locales/en.json', import.meta.url), 'utf8')) as Catalogue;

describe('the locale table', () => {
  test('the shipped languages, each with a tag Intl knows', () => {
    expect(languages()).toEqual(['fr', 'en']);
    for (const lang of languages()) expect(Intl.NumberFormat.supportedLocalesOf([localeOf(lang).tag])).toEqual([localeOf(lang).tag]);
    expect(isLang('de')).toBe(false);
    expect(isLang('constructor')).toBe(false);
  });

  test('numbers are read with the decimal mark of the row, not of a language named in the code', async () => {
    expect(parseNumber('1 240,50', 'fr')).toBe(1240.5);
    expect(parseNumber('12.50', 'fr')).toBe(12.5);
    expect(parseNumber('1.200', 'fr')).toBeUndefined();
    expect(parseNumber('1,240.50', 'en')).toBe(1240.5);
    expect(parseNumber('1 200,50', 'en')).toBeUndefined();
    // A language the code has never heard of takes its habits from its row alone.
    registerLocale('xy', { ...localeOf('fr'), tag: 'de-DE', typography: undefined }, english);
    expect(parseNumber('1 240,50', 'xy' as Lang)).toBe(1240.5);
    expect((await loadTranslator('xy' as Lang)).number(1240.5)).toBe('1.240,5');
  });

  test('typed dates are read in the order of the row', () => {
    expect(readDate('03/04/2027', localeOf('en').dateOrder)).toBe('2027-04-03');
    expect(readDate('03/04/2027', 'mdy')).toBe('2027-03-04');
    expect(readDate('13/04/2027', 'mdy')).toBeUndefined();
    expect(readDate('2027-03-04', 'mdy')).toBe('2027-03-04');
  });

  test('the names a language types for the steps name real steps, in any language of the run', () => {
    for (const lang of languages()) for (const [name, id] of Object.entries(localeOf(lang).stepNames)) expect([name, steps.some((step) => step.id === id)]).toEqual([name, true]);
    expect(findStep('Besoins')?.id).toBe('needs');
    expect(findStep('déploiement')?.id).toBe('deployment');
    expect(findStep('nope')).toBeUndefined();
    expect(findStep('constructor')).toBeUndefined();
  });
});
