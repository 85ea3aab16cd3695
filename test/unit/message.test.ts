import { argumentsOf, formatMessage, type Formatting } from '../../src/i18n/message.js';

const english: Formatting = { plural: (n) => new Intl.PluralRules('en-GB').select(n), show: (value) => `<${String(value)}>` };
const french: Formatting = { ...english, plural: (n) => new Intl.PluralRules('fr-FR').select(n) };
const say = (template: string, params: Record<string, unknown>, how = english) => formatMessage(template, params, how);

describe('messages in ICU form', () => {
  test('a parameter, shown the way the translator is told to show user text', () => {
    expect(say('Wrote {file}.', { file: 'plan.md' })).toBe('Wrote <plan.md>.');
    expect(say('Wrote {file}.', {})).toBe('Wrote {file}.');
    expect(formatMessage('{file}', undefined, english)).toBe('{file}');
  });

  test('plurals choose their case by the rules of the language, exact cases first', () => {
    const files = '{n, plural, =0 {no file} one {# file} other {# files}}';
    expect([0, 1, 2].map((n) => say(files, { n }))).toEqual(['no file', '1 file', '2 files']);
    const problems = '{n, plural, one {# problème} other {# problèmes}}';
    expect([0, 1, 2].map((n) => say(problems, { n }, french))).toEqual(['0 problème', '1 problème', '2 problèmes']);
    expect(say('{count} in {n, plural, one {# place: {where}} other {# places}}.', { n: 1, count: 3, where: 'x' })).toBe('<3> in 1 place: <x>.');
  });

  test('selects, nested in plurals and around them', () => {
    const effect = '{kind, select, positive {{n, plural, one {# gain} other {# gains}}} negative {# loss} other {{kind}}}';
    expect(say(effect, { kind: 'positive', n: 2 })).toBe('2 gains');
    expect(say(effect, { kind: 'negative', n: 2 })).toBe('# loss');
    expect(say(effect, { kind: 'odd', n: 2 })).toBe('<odd>');
  });

  test('apostrophes are apostrophes, and a malformed message comes out as written rather than crash', () => {
    expect(say("l'équipe de {name}, {n, plural, one {# personne} other {# personnes}}", { name: 'A', n: 3 }, french)).toBe("l'équipe de <A>, 3 personnes");
    for (const broken of ['{n, plural, one {# file}', '{n, plural, }', '{n, plural, one {x}} {', '}{', '{n, select, a {x}}']) expect(typeof say(broken, { n: 1 })).toBe('string');
    expect(say('{n, select, a {x}}', { n: 'b' })).toBe('{n, select, a {x}}');
  });

  test('the parameters of a message, found inside plurals and selects, not among their words', () => {
    expect(argumentsOf('They no longer fit {file} ({what}).')).toEqual(['file', 'what']);
    expect(argumentsOf('{kind, select, positive {{n, plural, one {# gain in {place}} other {# gains}}} other {{kind}}}')).toEqual(['kind', 'n', 'place']);
  });
});
