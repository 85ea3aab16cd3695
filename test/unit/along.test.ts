/** One answer for an item's name and what comes next: an amount, a date, two dates, a role; and what its words say it is for. */
import { loadTranslator, localeOf, type Translator } from '../../src/i18n/index.js';
import { refusedCarried, type Asking } from '../../src/wizard/carried.js';
import { carriesTwo, endBefore, readDates, readNameAndAmount, readNameAndDate, readNameAndDates, readNameAndRole, readSort } from '../../src/wizard/along.js';
import { dateAlone } from '../../src/wizard/answers.js';
import { choices } from '../../src/generated/schema-facts.js';
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

test.each([
  ['Sophie Lambert, Animatrice (salariée)', { name: 'Sophie Lambert', role: 'Animatrice (salariée)' }],
  ['Jean-Pierre Martin - trésorier', { name: 'Jean-Pierre Martin', role: 'trésorier' }],
  ['Priya Shah — warehouse volunteer', { name: 'Priya Shah', role: 'warehouse volunteer' }],
  // A comma inside brackets belongs to the role the brackets hold.
  ['Mme Lefèvre (retraitée, fait les permanences)', { name: 'Mme Lefèvre', role: 'retraitée, fait les permanences' }],
])('"%s" is a name and a role', (text, expected) => {
  expect(readNameAndRole(text)).toEqual(expected);
});

test.each(['Jean-Pierre Martin', 'Sophie Lambert,', 'Camille Martin '])('"%s" is a name alone (a hyphen inside a name separates nothing)', (text) => {
  expect(readNameAndRole(text)).toBeUndefined();
});

describe('a name with when it starts and ends', () => {
  beforeAll(async () => {
    await Promise.all([loadDateReader(localeOf('fr').dateWords), loadDateReader(localeOf('en').dateWords)]);
  });
  test.each([
    ['fr', 'Bureau et salariées : 05/12/2026 – 31/12/2026', ['Bureau et salariées', '2026-12-05', '2026-12-31']],
    ['fr', 'Accueil : du 04/01/2027 au 28/02/2027', ['Accueil', '2027-01-04', '2027-02-28']],
    ['fr', 'Accueil : 2027-01-04 - 2027-02-28', ['Accueil', '2027-01-04', '2027-02-28']],
    ['fr', 'Accueil : du 4 janvier 2027 au 28 février 2027', ['Accueil', '2027-01-04', '2027-02-28']],
    ['en', 'Pilot: 05/01/2027 to 28/02/2027', ['Pilot', '2027-01-05', '2027-02-28']],
    ['en', 'Pilot: from 5 January 2027 until 28 February 2027', ['Pilot', '2027-01-05', '2027-02-28']],
  ])('%s: "%s"', (lang, text, [name, from, to]) => {
    const carried = readNameAndDates(text, lang === 'fr' ? fr : en, TODAY);
    expect(carried && 'from' in carried ? [carried.name, carried.from.iso, carried.to.iso] : carried).toEqual([name, from, to]);
  });
  test.each([
    ['fr', 'Phase 1 : 05/12/2026'], // one date is not a start and an end
    ['fr', 'Phase 1 : du 5 au 31 décembre'], // a year guessed is asked, not taken
    ['fr', 'Bureau et accueil'],
  ])('%s: "%s" carries no dates', (lang, text) => {
    expect(readNameAndDates(text, lang === 'fr' ? fr : en, TODAY)).toBeUndefined();
  });
  test("a phase's dates the wrong way round are refused at its name, as at its end's question", () => {
    const field = { kind: 'text' as const, key: 'name', label: 'field.phase.name' as const, carries: 'dates' as const };
    const asking = { t: fr, ctx: { project: { version: 1 as const }, today: TODAY, item: {} } } as unknown as Asking;
    expect(refusedCarried(field, 'Bureau : 31/12/2026 – 05/12/2026', asking)).toMatch(/^La fin précède le début/);
    expect(refusedCarried(field, 'Bureau : 05/12/2026 – 31/12/2026', asking)).toBe(true);
  });
  test("a period alone, as the test's start takes it; an end before its start is refused", () => {
    const period = readDates('du 19/10/2026 au 13/11/2026', fr, TODAY);
    expect([period?.from.iso, period?.to.iso]).toEqual(['2026-10-19', '2026-11-13']);
    expect(readDates('19/10/2026 to 13/11/2026', en, TODAY)?.to.iso).toBe('2026-11-13');
    expect(readDates('19/10/2026', fr, TODAY)).toBeUndefined();
    expect(endBefore(period!, fr)).toBeUndefined();
    expect(endBefore(readDates('13/11/2026 – 19/10/2026', fr, TODAY)!, fr)).toMatch(/^La fin précède le début/);
  });
});

describe("a cost line's words say what it is for", () => {
  const sorts = { choices: choices['needs.budget.items[].category'], words: 'answer.category' };
  test.each([
    ['fr', 'Abonnement Adhésio (formule association)', 'licence'],
    ['fr', 'Paramétrage et reprise des données des tableurs', 'setup'],
    ['fr', "Demi-journée de formation par une intervenante", 'training'],
    ['fr', 'Sauvegarde externe chiffrée', 'hosting'],
    ['fr', 'Hébergement associatif (prix libre)', 'hosting'],
    ['en', 'Monthly subscription', 'licence'],
    ['en', 'Set-up and data import', 'setup'],
    ['en', 'Training for the drivers', 'training'],
    ['en', 'Hosting', 'hosting'],
  ])('%s: "%s" is for %s', (lang, text, category) => {
    expect(readSort(text, sorts, lang === 'fr' ? fr : en)).toBe(category);
  });
  test.each([
    ['fr', 'Module de paiement en ligne'], // no word says it
    ['fr', 'Formation au logiciel'], // two say different things: asked, not guessed
    ['en', 'Planning'], // "plan" is a word, not a part of one
  ])('%s: "%s" is not guessed', (lang, text) => {
    expect(readSort(text, sorts, lang === 'fr' ? fr : en)).toBeUndefined();
  });
});

describe('what people type that the first reading missed', () => {
  test("an organisation with the tool it uses, read as a person's role is", () => {
    expect(readNameAndRole('AMAP des Pentes, Adhésio')).toEqual({ name: 'AMAP des Pentes', role: 'Adhésio' });
    expect(readNameAndRole('Vélo-Cité Lyon 4e (Cotiz)')).toEqual({ name: 'Vélo-Cité Lyon 4e', role: 'Cotiz' });
    expect(readNameAndRole('Vélo-Cité Lyon 4e')).toBeUndefined();
  });

  test('a role in brackets after the name', () => {
    expect(readNameAndRole('Sophie Lemaire (trésorière)')).toEqual({ name: 'Sophie Lemaire', role: 'trésorière' });
    // a comma still comes first: the brackets are then part of the role
    expect(readNameAndRole('Camille Martin, Coordinatrice (salariée)')).toEqual({ name: 'Camille Martin', role: 'Coordinatrice (salariée)' });
  });

  test('a date written in full at the end of a name, without a colon', () => {
    const carried = readNameAndDate('Test avec Julien et Amadou 20/02/2027', fr, TODAY);
    expect(carried && 'date' in carried ? [carried.name, carried.date.iso] : carried).toEqual(['Test avec Julien et Amadou', '2027-02-20']);
    // a year alone is part of the name
    expect(readNameAndDate('Bilan 2027', fr, TODAY)).toBeUndefined();
  });

  test('two items typed as one are told apart from one item', () => {
    const two = readNameAndAmount('Abonnement logiciel : 30 €/mois, formation des bénévoles : 200 € une fois', fr)!;
    expect(carriesTwo(two, fr, TODAY)).toBe(true);
    expect(carriesTwo(readNameAndAmount('Abonnement Adhésio (formule association) : 29 €/mois', fr)!, fr, TODAY)).toBe(false);
    const milestones = readNameAndDate('Outil choisi : 15/03/2027, Lancement : 10/04/2027', fr, TODAY)!;
    expect(carriesTwo(milestones, fr, TODAY)).toBe(true);
  });

  test('a date among words that say nothing of the day', () => {
    expect(dateAlone('avant le 15 mars 2027 (rentrée du printemps)', fr)).toBe('15 mars 2027');
    expect(dateAlone('by 15 March 2027', en)).toBe('15 March 2027');
    expect(dateAlone('15/03/2027', fr)).toBe('15/03/2027');
  });
});
