/** One answer for an item's name and what comes next: an amount, or a date. */
import { loadTranslator, localeOf, type Translator } from '../../src/i18n/index.js';
import { readNameAndAmount, readNameAndDate } from '../../src/wizard/along.js';
import { loadDateReader } from '../../src/util/dates.js';
import { TODAY } from '../helpers.js';

let fr: Translator;
let en: Translator;
beforeAll(async () => {
  [fr, en] = await Promise.all([loadTranslator('fr'), loadTranslator('en')]);
});

test.each([
  ['fr', 'Abonnement Adhésio : 29 €/mois', { name: 'Abonnement Adhésio', amount: { amount: 29, currency: 'EUR', period: 'month' } }],
  ['fr', 'Abonnement Adhésio, 29 € par mois', { name: 'Abonnement Adhésio', amount: { amount: 29, currency: 'EUR', period: 'month' } }],
  ['fr', 'Formation : 350 € une fois', { name: 'Formation', amount: { amount: 350, currency: 'EUR', once: true } }],
  ['fr', 'Sauvegarde : 48', { name: 'Sauvegarde', amount: { amount: 48 } }],
  ['en', 'Set-up £400 one-off', { name: 'Set-up', amount: { amount: 400, currency: 'GBP', once: true } }],
  ['en', 'Subscription: £29 a month', { name: 'Subscription', amount: { amount: 29, currency: 'GBP', period: 'month' } }],
])('%s: "%s" is a name and its amount', (lang, text, expected) => {
  expect(readNameAndAmount(text, lang === 'fr' ? fr : en)).toEqual(expected);
});

test.each([
  ['fr', 'Formation 2027'],
  ['fr', 'Abonnement (formule association)'],
  ['fr', 'Paiement : en ligne'],
  ['en', 'Training, 2 days'],
])('%s: "%s" is a name alone', (lang, text) => {
  expect(readNameAndAmount(text, lang === 'fr' ? fr : en)).toBeUndefined();
});

test('a milestone and its date, typed the usual way or in words once the reader is loaded', async () => {
  expect(readNameAndDate("Choix de l'outil : 15/03/2027", fr, TODAY)).toEqual({ name: "Choix de l'outil", date: { iso: '2027-03-15', guessedYear: false, swapped: false } });
  await loadDateReader(localeOf('fr').dateWords);
  expect(readNameAndDate('Lancement : 1er avril 2027', fr, TODAY)).toMatchObject({ name: 'Lancement', date: { iso: '2027-04-01' } });
  // A year left out is not guessed along: the date's own question asks it.
  expect(readNameAndDate('Lancement : 1er avril', fr, TODAY)).toBeUndefined();
  expect(readNameAndDate('Réunion de bureau', fr, TODAY)).toBeUndefined();
});
