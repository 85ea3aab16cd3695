/** What people type, read as they mean it: every form issue 9 lists, in both languages, and the refusals. */
import { loadTranslator, type Translator } from '../../src/i18n/index.js';
import { amountWords, emailSuggestion, isContact, isCurrencyCode, parseAmount, parseNumber, parseOutOf, readCurrency, readScores } from '../../src/wizard/answers.js';
import { loadDateReader, loadedDateReader, parseDate, typedDate, type DateReader } from '../../src/util/dates.js';

let fr: Translator;
let en: Translator;
let readFr: DateReader;
let readEn: DateReader;
const TODAY = '2026-11-27';

beforeAll(async () => {
  fr = await loadTranslator('fr');
  en = await loadTranslator('en');
  readFr = await loadDateReader('fr');
  readEn = await loadDateReader('en.GB');
});

describe('dates', () => {
  test('French forms: 15 mars 2027, 1er avril 2027, 15/03/27, read for sure', () => {
    expect(readFr('15 mars 2027', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: false, swapped: false });
    expect(readFr('1er avril 2027', TODAY)).toEqual({ iso: '2027-04-01', guessedYear: false, swapped: false });
    expect(readFr('15/03/27', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: false, swapped: false });
    expect(readFr('le 15 mars 2027', TODAY)?.iso).toBe('2027-03-15');
  });

  test('English forms, day first as in the UK: 15 March 2027, March 15, 2027, 15/03/27', () => {
    expect(readEn('15 March 2027', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: false, swapped: false });
    expect(readEn('March 15, 2027', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: false, swapped: false });
    expect(readEn('15/03/27', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: false, swapped: false });
    expect(readEn('03/04/2027', TODAY)?.iso).toBe('2027-04-03');
  });

  test('a guessed year and a swapped day and month are marked, to be confirmed', () => {
    expect(readFr('15 mars', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: true, swapped: false });
    expect(readEn('15 March', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: true, swapped: false });
    expect(readEn('03/15/2027', TODAY)).toEqual({ iso: '2027-03-15', guessedYear: false, swapped: true });
  });

  test('what is not one real day is refused', () => {
    for (const text of ['oui', '31/02/2027', '13/14/2027', 'du 3 au 5 mars 2027', 'mars 2027', '15 mars 2027 ou le 16 mars 2027', '15 mars 2300']) expect([text, readFr(text, TODAY)]).toEqual([text, undefined]);
    for (const text of ['yes', 'next week', 'soon']) expect([text, readEn(text, TODAY)]).toEqual([text, undefined]);
  });

  test('the strict forms still read without chrono-node, and a date is shown as the label asks', () => {
    expect(parseDate('15/03/2027')).toBe('2027-03-15');
    expect(parseDate('2027-03-15')).toBe('2027-03-15');
    expect(typedDate('2027-03-15')).toBe('15/03/2027');
    expect(typedDate('2027-03-15', 'mdy')).toBe('03/15/2027');
    expect(loadedDateReader('fr')).toBeDefined();
  });
});

describe('amounts', () => {
  const amount = (text: string, t: Translator) => parseAmount(text, t.lang, amountWords(t));

  test('amount, currency and period in one answer', () => {
    expect(amount('50€/mois', fr)).toEqual({ amount: 50, currency: 'EUR', period: 'month' });
    expect(amount('50 € par mois', fr)).toEqual({ amount: 50, currency: 'EUR', period: 'month' });
    expect(amount('1 200,50 € par an', fr)).toEqual({ amount: 1200.5, currency: 'EUR', period: 'year' });
    expect(amount('240 euros par année', fr)).toEqual({ amount: 240, currency: 'EUR', period: 'year' });
    expect(amount('60 EUR trimestriel', fr)).toEqual({ amount: 60, currency: 'EUR', period: 'quarter' });
    expect(amount('20 par mois', fr)).toEqual({ amount: 20, period: 'month' });
    expect(amount('£35 a month', en)).toEqual({ amount: 35, currency: 'GBP', period: 'month' });
    expect(amount('$1,200.50 per year', en)).toEqual({ amount: 1200.5, currency: 'USD', period: 'year' });
    expect(amount('£20/month', en)).toEqual({ amount: 20, currency: 'GBP', period: 'month' });
    expect(amount('12.50', en)).toEqual({ amount: 12.5 });
    // As a first-time user typed them: a plural, and an upper bound said with the amount.
    expect(amount('15 € par ans', fr)).toEqual({ amount: 15, currency: 'EUR', period: 'year' });
    expect(amount('500€ par an max', fr)).toEqual({ amount: 500, currency: 'EUR', period: 'year' });
    expect(amount('£500 a year at most', en)).toEqual({ amount: 500, currency: 'GBP', period: 'year' });
    expect(amount('environ 60 € par an', fr)).toEqual({ amount: 60, currency: 'EUR', period: 'year' });
    expect(amount('about £60 a year', en)).toEqual({ amount: 60, currency: 'GBP', period: 'year' });
  });

  test('free is 0', () => {
    expect(amount('gratuit', fr)).toEqual({ amount: 0 });
    expect(amount('Gratuit', fr)).toEqual({ amount: 0 });
    expect(amount('free', en)).toEqual({ amount: 0 });
  });

  test('free with a remark in parentheses is 0; an amount paid once says so', () => {
    expect(amount('gratuit (c’est moi qui la fais)', fr)).toEqual({ amount: 0 });
    expect(amount('150 euros une fois', fr)).toEqual({ amount: 150, currency: 'EUR', once: true });
    expect(amount('150 € ponctuel', fr)).toEqual({ amount: 150, currency: 'EUR', once: true });
    expect(amount('80 (devis reçu)', fr)).toEqual({ amount: 80 });
    expect(amount('£150 one-off', en)).toEqual({ amount: 150, currency: 'GBP', once: true });
    expect(amount('150 once', en)).toEqual({ amount: 150, once: true });
    for (const text of ['une fois', '20 par mois une fois', '(gratuit)']) expect([text, amount(text, fr)]).toEqual([text, undefined]);
  });

  test('what is not an amount is refused', () => {
    for (const text of ['oui', '50 par semaine', '50 bananes', '€', 'par mois']) expect([text, amount(text, fr)]).toEqual([text, undefined]);
    for (const text of ['yes', '1 200,50', '£35 a fortnight']) expect([text, amount(text, en)]).toEqual([text, undefined]);
  });
});

describe('currencies', () => {
  test('a real ISO 4217 code, or the symbol of one: oui is not a currency', () => {
    expect(readCurrency('EUR')).toBe('EUR');
    expect(readCurrency('chf')).toBe('CHF');
    expect(readCurrency('€')).toBe('EUR');
    expect(readCurrency('£')).toBe('GBP');
    expect(readCurrency('$')).toBe('USD');
    expect(readCurrency('euros', amountWords(fr))).toBe('EUR');
    expect(readCurrency('pounds', amountWords(en))).toBe('GBP');
    expect(readCurrency('oui')).toBeUndefined();
    expect(readCurrency('OUI')).toBeUndefined();
    expect(readCurrency('yes')).toBeUndefined();
    expect(isCurrencyCode('XYZ')).toBe(false);
  });
});

describe('weights and scores', () => {
  test('a weight as a mark out of the top of its scale: 4/5', () => {
    expect(parseOutOf('4/5', 'fr', 5)).toBe(4);
    expect(parseOutOf('4 / 5', 'en', 5)).toBe(4);
    expect(parseOutOf('4', 'en', 5)).toBe(4);
    expect(parseOutOf('4/10', 'en', 5)).toBeUndefined();
  });

  test('scores separated by spaces or semicolons, where a comma is a decimal comma', () => {
    expect(readScores('4 5 3', 3)).toEqual([4, 5, 3]);
    expect(readScores('4;3,5;5', 3)).toEqual([4, 3.5, 5]);
    expect(readScores('4 ; 3,5 ; 5', 3)).toEqual([4, 3.5, 5]);
    expect(readScores('3,5 4 - 2', 4)).toEqual([3.5, 4, undefined, 2]);
    expect(readScores('4.5 3', 2)).toEqual([4.5, 3]);
    expect(readScores('4, 2, 4', 3)).toEqual([4, 2, 4]);
  });

  test('commas alone separate scores when there are as many as criteria', () => {
    expect(readScores('4,2,4,4,5', 5)).toEqual([4, 2, 4, 4, 5]);
    expect(readScores('4,5', 2)).toEqual([4, 5]);
    expect(readScores('4,5', 1)).toEqual([4.5]);
  });

  test('the wrong count or a score out of 0..5 is refused', () => {
    expect(readScores('4,2,4', 5)).toBeUndefined();
    expect(readScores('4 5', 3)).toBeUndefined();
    expect(readScores('4 6 3', 3)).toBeUndefined();
    expect(readScores('4 oui 3', 3)).toBeUndefined();
  });
});

describe('e-mail slips', () => {
  test('did you mean gmail.com?', () => {
    expect(emailSuggestion('camille@gmail,com')).toBe('camille@gmail.com');
    expect(emailSuggestion('camille@gmial.com')).toBe('camille@gmail.com');
    expect(emailSuggestion('camille@hotmail.con')).toBe('camille@hotmail.com');
    expect(emailSuggestion('camille@orange fr')).toBe('camille@orange.fr');
  });

  test('only the address is rewritten, never glued to the words around it', () => {
    expect(emailSuggestion('06 12 34 56 78 ou claire.jdq@gmial.com')).toBe('06 12 34 56 78 ou claire.jdq@gmail.com');
    expect(emailSuggestion('claire@orange fr le soir')).toBe('claire@orange.fr le soir');
    expect(emailSuggestion('06 12 34 56 78 ou claire.jdq@gmail.com')).toBeUndefined();
    expect(emailSuggestion('écrire à claire@exemple.org')).toBeUndefined();
    expect(emailSuggestion('claire@gmail.com, le soir')).toBeUndefined();
    expect(emailSuggestion('claire@gmial.com, le soir')).toBe('claire@gmail.com, le soir');
  });

  test('a phone number or an address among other words is a contact', () => {
    for (const text of ['06 12 34 56 78 ou claire.jdq@gmail.com', 'claire@exemple.org (le soir)', 'tél. 06 12 34 56 78', '+33 6 12 34 56 78', '06.12.34.56.78']) expect([text, isContact(text)]).toEqual([text, true]);
    for (const text of ['Claire', 'le soir', 'rue 12', 'claire@exemple', 'claire chez gmail']) expect([text, isContact(text)]).toEqual([text, false]);
  });

  test('a right address, or another service, is left alone', () => {
    for (const text of ['camille@gmail.com', 'camille@example.org', 'nom@exemple.org', 'a@mail.com', 'camille', '06 12 34 56 78']) expect([text, emailSuggestion(text)]).toEqual([text, undefined]);
  });
});

describe('numbers and dates in messages', () => {
  test('a number in French has the decimal comma; a date in a message is typed as the label asks', () => {
    expect(fr('poc.rankingLine', { rank: 1, name: 'Outil A', score: 3.59 })).toBe('  1. Outil A\u00a0: 3,59');
    expect(en('poc.rankingLine', { rank: 1, name: 'Tool A', score: 3.59 })).toBe('  1. Tool A: 3.59');
    expect(fr('prompt.pastDate', { date: '2027-03-15' })).toMatch(/\(15\/03\/2027\)/);
    expect(en('prompt.endBeforeStart', { start: '2027-03-15' })).toMatch(/\(15\/03\/2027\)/);
  });
});

describe('an amount asked per month', () => {
  test('an amount paid once is refused where a monthly cost is asked, as a yearly one is', async () => {
    const { askKind } = await import('../../src/wizard/ask-kind.js');
    const { ScriptedPrompter } = await import('../../src/wizard/prompter.js');
    const prompter = new ScriptedPrompter(['150 € une fois', '240 € par an', '12 € par mois']);
    const field = { kind: 'number', key: 'monthlyCost', label: 'field.inventory.monthlyCost', min: 0, money: 'monthly' } as const;
    const value = await askKind(field, undefined, { project: { version: 1 } as never }, { prompter, t: fr });
    expect(value).toBe(12);
    expect(prompter.refused).toEqual([fr('prompt.monthlyOnly'), fr('prompt.monthlyOnly')]);
  });
});

test('in French, a comma before exactly three digits could be thousands the English way: refused, not read as 1,2', () => {
  expect(parseNumber('1,200', 'fr')).toBeUndefined();
  expect(parseNumber('10,000', 'fr')).toBeUndefined();
  expect(parseNumber('1,25', 'fr')).toBe(1.25);
  expect(parseNumber('1 200,50', 'fr')).toBe(1200.5);
  expect(parseNumber('1 200,125', 'fr')).toBe(1200.125);
  expect(parseNumber('1,200', 'en')).toBe(1200);
});

test.each([['en.GB', '5 h'], ['en.GB', '10am'], ['fr', '5 h']] as const)('a time of day is not a date (%s, %s): refused, never read as today', async (words, text) => {
  const reader = await loadDateReader(words);
  expect(reader(text, '2026-11-27')).toBeUndefined();
  expect(reader(words === 'fr' ? '15 mars 2027' : '15 March 2027', '2026-11-27')?.iso).toBe('2027-03-15');
});
