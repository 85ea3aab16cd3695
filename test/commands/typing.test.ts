/**
 * Answers typed as people type them, through the wizard: each lands canonical in the file, and
 * the reading is asked back only when it was a guess (a year left out, a slip in an address).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { edit, init } from '../../src/commands/init.js';
import { ScriptedPrompter, type Question } from '../../src/wizard/prompter.js';
import { loadTranslator } from '../../src/i18n/index.js';
import type { Project } from '../../src/generated/model.js';
import { contextFor, copyExample, examples, tempDir, TODAY } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());
const io = () => ({ stdout: { write: () => true }, stderr: { write: () => true }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir });

/**
 * A person who types the given answers to the questions that match, in order, and presses
 * Enter everywhere else (keeping each default), whatever else the wizard asks on the way.
 */
function person(script: [RegExp, string | boolean | string[]][]): ScriptedPrompter & { defaults: Map<string, string | undefined> } {
  const defaults = new Map<string, string | undefined>();
  const answer = (q: Question & { default?: unknown }) => {
    defaults.set(q.message, typeof q.default === 'string' ? q.default : undefined);
    const at = script.findIndex(([question]) => question.test(q.message));
    return at >= 0 ? script.splice(at, 1)[0]![1] : '';
  };
  return Object.assign(new ScriptedPrompter(Array(300).fill(answer)), { defaults });
}

/** An example with some answers taken out, for init to ask them again. */
async function withHoles(example: string, holes: [string | RegExp, string][]): Promise<string> {
  const file = await copyExample(example, dir);
  let text = await readFile(file, 'utf8');
  for (const [hole, filler] of holes) {
    const next = text.replace(hole, filler);
    expect([hole, next === text]).toEqual([hole, false]);
    text = next;
  }
  await writeFile(file, text);
  return file;
}

const read = async (file: string) => parse(await readFile(file, 'utf8')) as Project;

describe('typed as people type, in French', () => {
  test('an address slip, a currency symbol, an amount per month, a date without its year: canonical in the file', async () => {
    const file = await withHoles(examples.jardins, [
      [/^ {2}contact: .*\n/m, ''],
      [/^ {4}currency: EUR\n/m, ''],
      [/^ {4}deadline: .*\n/m, ''],
      ['{ item: Sauvegarde externe chiffrée, amount: 48, kind: recurring, period: year, category: hosting }', '{ item: Sauvegarde externe chiffrée, category: hosting }'],
    ]);
    const prompter = person([
      [/^Contact/, 'camille@gmail,com'],
      [/Vouliez-vous dire camille@gmail\.com/, true],
      [/^Devise/, 'oui'],
      [/^Devise/, '€'],
      // No symbol with the amount: the currency, asked after the lines, is typed as a symbol.
      [/^Montant/, '4 par mois'],
      [/^Échéance/, '15 mars'],
      [/^Le 15 mars 2027, c’est bien ça/, true],
    ]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    const project = await read(file);
    expect(project.lead!.contact).toBe('camille@gmail.com');
    expect(project.needs!.budget!.currency).toBe('EUR');
    expect(project.needs!.budget!.items!.at(-1)).toEqual({ item: 'Sauvegarde externe chiffrée', amount: 4, kind: 'recurring', period: 'month', category: 'hosting' });
    expect(project.needs!.schedule!.deadline).toBe('2027-03-15');
    // "oui" is no currency; the kind and period came with the amount, so they were not asked.
    expect(prompter.refused).toEqual(['Un code de devise en trois lettres (EUR, GBP, CHF) ou son symbole (€,\u00a0£, $).'.replace(',\u00a0£', ', £')]);
    expect(prompter.asked.filter((q) => /^Ponctuel ou récurrent|^Payé chaque/.test(q))).toEqual([]);
    expect(prompter.asked).toContain('Le 15 mars 2027, c’est bien ça\u00a0?');
    expect(prompter.said).toContain('Compris\u00a0: 4 par mois.');
    expect(prompter.said).toContain('Compris\u00a0: EUR.');
  });

  test('a phone number and an address in one answer are kept as typed; a declined correction is not offered again', async () => {
    const file = await withHoles(examples.jardins, [[/^ {2}contact: .*\n/m, '']]);
    const prompter = person([[/^Contact/, '06 12 34 56 78 ou claire.jdq@gmail.com']]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    expect((await read(file)).lead!.contact).toBe('06 12 34 56 78 ou claire.jdq@gmail.com');
    expect(prompter.asked.filter((q) => q.startsWith('Vouliez-vous dire'))).toEqual([]);

    await writeFile(file, (await readFile(file, 'utf8')).replace(/^ {2}contact: .*\n/m, ''));
    const insisting = person([
      [/^Contact/, 'claire@gmail,com'],
      [/^Vouliez-vous dire/, false],
    ]);
    await init({ interactive: true, prompter: insisting }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    expect(insisting.asked.filter((q) => q.startsWith('Vouliez-vous dire'))).toEqual(['Vouliez-vous dire claire@gmail.com\u00a0?']);
    expect((await read(file)).lead!.contact).toBe('claire@gmail,com');
  });

  test('an amount paid once, and free with a remark: each kind known, no question of how often', async () => {
    const file = await withHoles(examples.jardins, [
      ['{ item: Paramétrage et reprise des données des tableurs, amount: 600, kind: one-off, category: setup }', '{ item: Paramétrage et reprise des données des tableurs, category: setup }'],
      ['{ item: Demi-journée de formation par une intervenante, amount: 350, kind: one-off, category: training }', '{ item: Demi-journée de formation par une intervenante, category: training }'],
    ]);
    const prompter = person([
      [/^Montant/, '150 euros une fois'],
      [/^Montant/, 'gratuit (c’est moi qui la fais)'],
    ]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    const items = (await read(file)).needs!.budget!.items!;
    expect(items[0]).toEqual({ item: 'Paramétrage et reprise des données des tableurs', amount: 150, kind: 'one-off', category: 'setup' });
    expect(items[1]).toEqual({ item: 'Demi-journée de formation par une intervenante', amount: 0, kind: 'one-off', category: 'training' });
    expect(prompter.refused).toEqual([]);
    expect(prompter.asked.filter((q) => /^Ponctuel ou récurrent|^Payé chaque/.test(q))).toEqual([]);
    expect(prompter.said).toContain('Compris\u00a0: 150\u00a0€, en une fois.');
  });

  test('two lines typed as one are refused, one at a time; a date at the end of a name, a deadline among words', async () => {
    const file = await withHoles(examples.jardins, [[/^ {4}deadline: .*\n/m, '']]);
    const prompter = person([
      [/encore vides?\. Que voulez-vous faire/, 'review'],
      [/^Lignes de budget \(\d+\)/, 'add'],
      [/^Ligne de budget/, 'Abonnement logiciel : 30 €/mois, formation des bénévoles : 200 € une fois'],
      [/^Ligne de budget/, 'Formation des bénévoles : 200 € une fois'],
      [/^Échéance/, 'avant le 15 mars 2027 (rentrée du printemps)'],
      [/^Jalons \(\d+\)/, 'add'],
      [/^Jalon$/, 'Test avec Julien et Amadou 20/02/2027'],
    ]);
    await edit({ interactive: true, prompter, step: 'needs' }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    const project = await read(file);
    expect(prompter.refused).toEqual(['Une seule à la fois\u00a0: tapez la première, puis Entrée\u00a0; la suivante vous est demandée juste après.']);
    expect(project.needs!.budget!.items!.at(-1)).toEqual({ item: 'Formation des bénévoles', amount: 200, kind: 'one-off', category: 'training' });
    expect(project.needs!.schedule!.deadline).toBe('2027-03-15');
    expect(project.needs!.schedule!.milestones!.at(-1)).toMatchObject({ name: 'Test avec Julien et Amadou', date: '2027-02-20' });
    expect(prompter.asked.filter((q) => q.startsWith('Date du jalon'))).toEqual([]);
    expect(prompter.said).toContain('Compris\u00a0: Formation des bénévoles · 200\u00a0€, en une fois · pour la formation.');
  });

  test('a weight left blank chosen in the criteria\'s grid, and scores with semicolons and a decimal comma', async () => {
    const file = await withHoles(examples.jardins, [
      ['{ id: C1, text: Saisir une nouvelle adhésion en moins de deux minutes, weight: 4, objective: O1 }', '{ id: C1, text: Saisir une nouvelle adhésion en moins de deux minutes, objective: O1 }'],
      [/^ {4}- \{ candidate: adhesio, by: sophie, criterion: C\d, score: \d \}\n/gm, ''],
    ]);
    const prompter = person([
      [/^Le poids de chaque critère/, ['4']], // only the blank one is a row
      [/^Sophie .* Adhésio/, '4;3,5;5;4'],
    ]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    const project = await read(file);
    expect(project.poc!.criteria![0]!.weight).toBe(4);
    const sophie = project.poc!.scores!.filter((s) => s.by === 'sophie' && s.candidate === 'adhesio');
    expect(sophie.map((s) => [s.criterion, s.score])).toEqual([['C1', 4], ['C2', 3.5], ['C3', 5], ['C4', 4]]);
    expect(prompter.refused).toEqual([]);
  });

  test('a deadline now past is kept by Enter, shown as the label asks, without a warning', async () => {
    const file = await withHoles(examples.jardins, []);
    const before = await read(file);
    // Every question of the step, not only its blanks: the deadline is answered already.
    const prompter = person([[/Que voulez-vous faire/, 'review']]);
    await edit({ interactive: true, prompter, step: 'needs' }, await contextFor(io(), { lang: 'fr', today: '2027-03-01' }));
    expect(prompter.defaults.get('Échéance (JJ/MM/AAAA)')).toBe('31/01/2027');
    expect(prompter.asked.filter((q) => /déjà passée/.test(q))).toEqual([]);
    expect((await read(file)).needs!.schedule!.deadline).toBe(before.needs!.schedule!.deadline);
  });
});

describe('typed as people type, in English', () => {
  test('£35 a month, March 15, 2027, a weight left blank chosen in its grid, commas between as many scores as criteria', async () => {
    const file = await withHoles(examples.foodBank, [
      [/^ {2}contact: .*\n/m, ''],
      [/^ {4}deadline: .*\n/m, ''],
      ['{ item: Rotaly subscription (charity plan; hosting and updates included), amount: 35, kind: recurring, period: month, category: hosting }', '{ item: Rotaly subscription (charity plan; hosting and updates included), category: hosting }'],
      ['weight: 5, objective: O1 }', 'objective: O1 }'],
      [/^ {4}- \{ candidate: rotaly, by: priya, criterion: C\d, score: \d \}\n/gm, ''],
    ]);
    const prompter = person([
      [/^Contact/, 'sam@gmial.com'],
      [/^Did you mean sam@gmail\.com\?/, false],
      [/^Amount/, '£35 a month'],
      [/^Deadline/, 'March 15, 2027'],
      [/^Each criterion's weight/, ['4']],
      [/^Priya .* Rotaly/, '4,2,4,4'],
    ]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'en', today: TODAY }));
    const project = await read(file);
    // The suggestion declined, the address is kept as typed: it is a valid one.
    expect(project.lead!.contact).toBe('sam@gmial.com');
    expect(project.needs!.budget!.items!.find((i) => i.item?.startsWith('Rotaly'))).toEqual({ item: 'Rotaly subscription (charity plan; hosting and updates included)', amount: 35, kind: 'recurring', period: 'month', category: 'hosting' });
    expect(project.needs!.schedule!.deadline).toBe('2027-03-15');
    expect(project.poc!.criteria![0]!.weight).toBe(4);
    expect(project.poc!.scores!.filter((s) => s.by === 'priya' && s.candidate === 'rotaly').map((s) => s.score)).toEqual([4, 2, 4, 4]);
    // A date written in full is said back, not asked about.
    expect(prompter.asked.filter((q) => /is that right/.test(q))).toEqual([]);
    expect(prompter.said).toContain('Understood: 15 March 2027.');
    expect(prompter.refused).toEqual([]);
  });

  test('one answer for what goes together: a ceiling in total, a tool free or a month\'s cost; no question left for them', async () => {
    const file = await withHoles(examples.foodBank, [
      [/^ {4}ceiling: .*\n/m, ''],
      [/^ {4}inventory:\n( {6}- .*\n)+/m, ''],
    ]);
    const prompter = person([
      [/^The most the structure can spend/, '£3,000 in total'],
      [/^Tool$/, 'Paper rota: free'],
      [/^Tool$/, 'Donor database: £480 a year'], // refused: a month's cost is asked
      [/^Tool$/, 'Donor database: £40 a month'],
      [/^What becomes of each tool/, ['replaced', 'kept']], // once both are listed, side by side
    ]);
    await edit({ interactive: true, prompter, step: 'needs' }, await contextFor(io(), { lang: 'en', today: TODAY }));
    await edit({ interactive: true, prompter, step: 'practices' }, await contextFor(io(), { lang: 'en', today: TODAY }));
    const project = await read(file);
    expect(project.needs!.budget!.ceiling).toEqual({ amount: 3000, per: 'total' });
    expect(project.practices!.vision!.inventory).toEqual([
      { tool: 'Paper rota', fate: 'replaced', monthlyCost: 0 },
      { tool: 'Donor database', fate: 'kept', monthlyCost: 40 },
    ]);
    expect(prompter.refused).toEqual(['A cost per month: divide a yearly amount by 12.']);
    expect(prompter.asked.filter((q) => /^This ceiling is|^Monthly cost/.test(q))).toEqual([]);
    expect(prompter.said).toContain('Understood: Paper rota · £0 a month.');
    expect(prompter.said).toContain('Understood: £3,000 in total.');
    // A paying tool's contract end is asked, a free one's is not.
    expect(prompter.asked.filter((q) => q.startsWith('Contract ends'))).toHaveLength(1);
  });

  test('a year left out, or a day and month the American way, is asked back; no puts the question again', async () => {
    // A line without its amount, for step 3 to be taken up again.
    const file = await withHoles(examples.foodBank, [
      [/^ {4}deadline: .*\n/m, ''],
      ['SMS reminder bundle, amount: 45,', 'SMS reminder bundle,'],
    ]);
    const prompter = person([
      [/^Amount/, '45'],
      [/^Deadline/, '03/15/2027'],
      [/^15 March 2027: is that right\?/, false],
      [/^Deadline/, '15 March'],
      [/^15 March 2027: is that right\?/, true],
    ]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'en', today: TODAY }));
    expect(prompter.asked.filter((q) => /^Deadline|is that right/.test(q))).toEqual(['Deadline (DD/MM/YYYY)', '15 March 2027: is that right?', 'Deadline (DD/MM/YYYY)', '15 March 2027: is that right?']);
    expect((await read(file)).needs!.schedule!.deadline).toBe('2027-03-15');
  });
});

test('Enter on a number written with more decimals than shown keeps the number as the file has it', async () => {
  const { askKind } = await import('../../src/wizard/ask-kind.js');
  const t = await loadTranslator('fr');
  const prompter = new ScriptedPrompter(['']);
  const field = { kind: 'number' as const, key: 'hoursPerMonth', label: 'field.candidate.hoursPerMonth' as const, min: 0 };
  expect(await askKind(field, 0.125, { project: { version: 1 } }, { prompter, t })).toBe(0.125);
});

describe('one answer where one answer holds', () => {
  test('the sources in one answer, said back one per line; a peer with the tool they use', async () => {
    const file = await copyExample(examples.jardins, dir);
    const prompter = person([
      [/encore vides?\. Que voulez-vous faire/, 'review'],
      [/^Sources consultées/, 'Centre de ressources ; ; Comparateur en ligne ;'],
      [/^Retours d’autres structures \(\d+\)/, 'add'],
      [/^Structure/, 'Collectif Vélo (Cotiz)'],
      [/^Ce qu’elle en retient/, 'Gratuit mais à installer soi-même.'],
    ]);
    await edit({ interactive: true, prompter, step: 'research' }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    const project = await read(file);
    // In review the items are the default, joined as they are typed, so Tab edits them.
    expect(prompter.defaults.get('Sources consultées')).toMatch(/^Point d'appui .* ; Annuaire en ligne .* ; Réseau des jardins .*\)$/);
    expect(project.research!.sources).toEqual(['Centre de ressources', 'Comparateur en ligne']);
    expect(prompter.said).toContain('Compris\u00a0: 2 sources.\n  · Centre de ressources\n  · Comparateur en ligne');
    expect(project.research!.peerFeedback!.at(-1)).toEqual({ organisation: 'Collectif Vélo', tool: 'Cotiz', takeaway: 'Gratuit mais à installer soi-même.' });
    expect(prompter.asked.filter((q) => /^Outil$/.test(q))).toEqual([]);
    expect(prompter.said).toContain('Compris\u00a0: Collectif Vélo · Cotiz.');
    expect(prompter.refused).toEqual([]);
  });

  test('Enter on the items keeps them as the file has them, a semicolon inside one included', async () => {
    const file = await withHoles(examples.jardins, [["Annuaire en ligne d'outils numériques pour les associations", 'Annuaire en ligne ; outils numériques']]);
    const before = (await read(file)).research!.sources;
    const prompter = person([[/encore vides?\. Que voulez-vous faire/, 'review']]);
    await edit({ interactive: true, prompter, step: 'research' }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    expect((await read(file)).research!.sources).toEqual(before);
    expect(before).toHaveLength(3);
  });

  test("the test's period and the launch with its date: the end's and the date's questions are passed", async () => {
    const file = await withHoles(examples.jardins, [
      [/^ {2}start: 2026-10-19\n {2}end: 2026-11-13\n/m, ''],
      [/^ {2}launch: .*\n/m, ''],
    ]);
    const prompter = person([
      [/^Date de début/, 'du 13/11/2026 au 19/10/2026'],
      [/^Date de début/, 'du 19/10/2026 au 13/11/2026'],
      [/^Format du lancement/, 'Petit-déjeuner au local : 05/12/2026'],
    ]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'fr', today: TODAY }));
    const project = await read(file);
    expect([project.poc!.start, project.poc!.end]).toEqual(['2026-10-19', '2026-11-13']);
    expect(project.deployment!.launch).toEqual({ format: 'Petit-déjeuner au local', date: '2026-12-05' });
    expect(prompter.asked.filter((q) => /^Date de fin|^Date du lancement/.test(q))).toEqual([]);
    // An end before its start is refused as at the end's own question.
    expect(prompter.refused).toEqual(['La fin précède le début (13/11/2026)\u00a0: indiquez une date plus tardive.']);
    expect(prompter.said).toContainEqual(expect.stringMatching(/^Compris\s: du 19\soctobre\s2026 au 13\snovembre\s2026\.$/u));
  });

  test('a period the method doubts, declined, asks the start again; a single date then asks the end', async () => {
    const file = await withHoles(examples.foodBank, [[/^ {2}start: \S+\n {2}end: \S+\n/m, '']]);
    const prompter = person([
      [/^Start date/, '19/10/2026 to 21/10/2026'],
      [/^The test would last 3 days/, false],
      [/^Start date/, '19/10/2026'],
    ]);
    await init({ interactive: true, prompter }, await contextFor(io(), { lang: 'en', today: TODAY }));
    const project = await read(file);
    // The end typed with the doubted start is not kept: its own question offers four weeks.
    expect([project.poc!.start, project.poc!.end]).toEqual(['2026-10-19', '2026-11-15']);
    expect(prompter.asked.filter((q) => /^End date/.test(q))).toHaveLength(1);
    expect(prompter.refused).toEqual([]);
  });
});
