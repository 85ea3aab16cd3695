import { readFileSync, readdirSync } from 'node:fs';
import { loadTranslator, resolveLanguage, localeLanguage, frenchTypography, type MsgKey, type Translator } from '../../src/i18n/index.js';
import { argumentsOf } from '../../src/i18n/message.js';
import { steps } from '../../src/steps/index.js';
import type { Field } from '../../src/steps/types.js';
import { warningCodes } from '../../src/derive/warnings.js';

/** A catalogue as its translator wrote it. */
const source = (lang: string) => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as Record<MsgKey, string>;
const en = source('en');
const fr = source('fr');

const placeholders = (text: string) => argumentsOf(text).sort();

function* allFields(fields: readonly Field[]): Generator<Field> {
  for (const field of fields) {
    yield field;
    if (field.kind === 'group' || field.kind === 'list') yield* allFields(field.fields);
  }
}

let awaitedEn: Translator;
let awaitedFr: Translator;
beforeAll(async () => {
  awaitedEn = await loadTranslator('en');
  awaitedFr = await loadTranslator('fr');
});

describe('catalogues', () => {
  test('every locale has the English keys and the same placeholders, and is flat JSON of text', async () => {
    const locales = readdirSync(new URL('../../src/i18n/locales/', import.meta.url)).filter((file) => file.endsWith('.json'));
    expect(locales.sort()).toEqual(['en.json', 'fr.json']);
    for (const file of locales) {
      const other = source(file.replace(/\.json$/, ''));
      expect([file, Object.keys(other).sort()]).toEqual([file, Object.keys(en).sort()]);
      for (const key of Object.keys(en) as MsgKey[]) {
        expect([file, key, typeof other[key]]).toEqual([file, key, 'string']);
        expect([file, key, placeholders(other[key])]).toEqual([file, key, placeholders(en[key])]);
      }
    }
  });

  test('every plural has the cases its language needs, and reads whole for any count', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const t = await loadTranslator(lang);
      const plurals = (Object.keys(en) as MsgKey[]).filter((key) => /\{\s*\w+\s*,\s*plural\s*,/.test(source(lang)[key]));
      expect(plurals.length).toBeGreaterThan(5);
      for (const key of plurals) {
        expect([lang, key, /\bother\s*\{/.test(source(lang)[key])]).toEqual([lang, key, true]);
        for (const n of [0, 1, 2, 5, 21, 1000000]) expect([lang, key, n, t(key, { n })]).toEqual([lang, key, n, expect.stringMatching(new RegExp(`^[^{}#]*${n}[^{}#]*$`))]);
      }
    }
    expect([0, 1, 2].map((n) => `${(awaitedEn)('noun.problem', { n })} / ${awaitedFr('noun.problem', { n })}`)).toEqual(['0 problems / 0 problème', '1 problem / 1 problème', '2 problems / 2 problèmes']);
  });

  test('no message is empty, and French is not English left untranslated', async () => {
    const sameOnPurpose = /^(cli\.error\.generic|status\.title|warning\.dangling-reference|field\.notes|enum\.licence\.freemium|field\.needs\.budget|field\.lead\.contact|enum\.format\.e-learning|enum\.licence\.open-source|field\.deployment\.phases|field\.training\.formats|field\.session\.format|field\.communication\.message|field\.practices\.communications|field\.score\.comment|field\.poc\.criteria|field\.candidate\.licence|field\.poc\.decision\.date|field\.decision\.decision|field\.risk\.impact|field\.phase\.name|field\.session\.date|field\.milestone\.date|field\.decision\.date|field\.communication\.date|field\.candidate\.name|field\.lead\.name|field\.keyUser\.name|cli\.help\.options|cli\.help\.arguments|enum\.profile\.volunteer|field\.phase\.start|field\.inventory\.tool|field\.peer\.tool|field\.score\.candidate|field\.budget\.amount|status\.labelValue|status\.fillWith|date\.long|cli\.help\.usageLine|status\.itemField|calendar\.summary|position\.named|noun\.source|noun\.adaptation)$/;
    for (const key of Object.keys(en) as MsgKey[]) {
      expect([key, en[key].trim().length > 0, fr[key].trim().length > 0]).toEqual([key, true, true]);
      if (!sameOnPurpose.test(key) && en[key].length > 12) expect([key, fr[key]]).not.toEqual([key, en[key]]);
    }
  });

  test('every label, help and choice the steps declare exists', async () => {
    for (const step of steps) {
      expect(en).toHaveProperty([step.title]);
      for (const field of allFields(step.fields)) {
        expect(en).toHaveProperty([field.label]);
        if (field.help) expect(en).toHaveProperty([field.help]);
        if (field.kind === 'choice' || field.kind === 'choices') for (const choice of field.choices) expect(en).toHaveProperty([`${field.labels}.${choice}`]);
        if (field.kind === 'list') for (const form of ['title', 'a', 'another']) expect(en).toHaveProperty([`item.${field.item}.${form}`]);
      }
    }
    for (const code of warningCodes) expect(en).toHaveProperty([`warning.${code}`]);
  });

  test('French typography: non-breaking spaces before double punctuation and inside guillemets', async () => {
    const t = (await loadTranslator('fr'));
    expect(t('cli.error.badLang', { value: 'de' })).toBe('Langue inconnue «\u00a0de\u00a0»\u00a0: choisissez fr ou en.');
    for (const key of Object.keys(en) as MsgKey[]) expect([key, / [:;?!»]/.test(t(key))]).toEqual([key, false]);
    expect(frenchTypography('Vraiment ? Oui !')).toBe('Vraiment\u00a0? Oui\u00a0!');
    expect(frenchTypography("l'équipe d'accueil")).toBe('l’équipe d’accueil');
  });

  test('dates are written as Intl.DateTimeFormat writes them, every month, both languages, but for the French 1er', async () => {
    for (const [lang, locale] of [['en', 'en-GB'], ['fr', 'fr-FR']] as const) {
      const t = await loadTranslator(lang);
      const intl = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 9, 28]) {
          const iso = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          // Intl writes "1 janvier"; French writes the first of the month "1er janvier".
          expect(t.date(iso)).toBe(intl.format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, lang === 'fr' ? '1er ' : '1 '));
        }
      }
      expect(t.date('not a date')).toBe('not a date');
    }
  });

  test('a list is headed with the word its items are called by, and a help names the options offered', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const t = await loadTranslator(lang);
      const item = t('item.audience.title', { n: 1 }).replace(/\s*(?:n°\s*)?1$/, '').toLowerCase();
      expect([lang, t('field.needs.audiences')]).toEqual([lang, expect.stringContaining(item)]);
      // "Urgency: high / medium / low": the help speaks of the levels the choice shows.
      const help = t('help.needs.schedule.urgency').toLowerCase();
      for (const level of ['enum.level.high', 'enum.level.low'] as const) expect([lang, help]).toEqual([lang, expect.stringContaining(t(level))]);
    }
  });

  test('dates and money read naturally in each language', async () => {
    expect((await loadTranslator('en')).date('2027-03-15')).toBe('15 March 2027');
    expect((await loadTranslator('fr')).date('2027-03-15')).toBe('15 mars 2027');
    // The first of the month is an ordinal in French, in the terminal and in the documents alike.
    expect((await loadTranslator('fr')).date('2027-09-01')).toBe('1er septembre 2027');
    expect((await loadTranslator('fr')).date('2027-09-11')).toBe('11 septembre 2027');
    expect((await loadTranslator('en')).date('2027-09-01')).toBe('1 September 2027');
    expect((await loadTranslator('fr')).money(1240.5, 'EUR')).toMatch(/^1\s240,50\s€$/);
    expect((await loadTranslator('en')).money(1240, 'GBP')).toBe('£1,240');
    expect((await loadTranslator('en')).money(10, 'XXZ')).toMatch(/XXZ/);
  });

  test('language: --lang, then the file, then the locale, then English', async () => {
    expect(resolveLanguage('en', 'fr', { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, 'fr', { LANG: 'en_GB.UTF-8' })).toBe('fr');
    expect(resolveLanguage(undefined, undefined, { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(resolveLanguage(undefined, 'de', { LC_ALL: 'fr_BE.UTF-8', LANG: 'en_US' })).toBe('fr');
    expect(resolveLanguage(undefined, undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeLanguage({ LANG: 'C' })).toBeUndefined();
  });
});

test.each(['fr', 'en'] as const)('every step a %s message sends to is named as people of that language type it', async (lang) => {
  const { stepNames } = await import('../../src/steps/ids.js');
  const catalogue: Record<string, string> = source(lang);
  const names = new Set(stepNames(lang));
  for (const [key, text] of Object.entries(catalogue)) {
    for (const [, step] of text.matchAll(/adopt edit ([^\s.,;:)]+)/g)) {
      if (/^[{<-]/.test(step!)) continue; // a placeholder, filled with the step's name where it is used, or an option
      expect([key, names.has(step!)]).toEqual([key, true]);
    }
  }
});
