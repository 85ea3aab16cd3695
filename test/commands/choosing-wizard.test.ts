/**
 * The wizard asks what choosing with eyes open needs, and no more: for each shortlisted tool only,
 * the law its provider answers to, its processing agreement, its accessibility statement and the
 * amounts of its two usual cost lines, in `adopt init`'s first pass; the rest in `adopt edit
 * research`. Step 5 proposes criteria from the constraints of step 3 as well as the objectives.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse, stringify } from 'yaml';
import { init, edit } from '../../src/commands/init.js';
import { ScriptedPrompter, type ScriptedAnswer } from '../../src/wizard/prompter.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { steps } from '../../src/steps/index.js';
import type { ListField } from '../../src/steps/types.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { tempDir, TODAY, examples, copyExample, contextFor } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

function io(): Io {
  return { stdout: { write: () => undefined }, stderr: { write: () => undefined }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir };
}
const asking = (prompter: ScriptedPrompter) => ({ interactive: true, prompter });
const context = (lang: 'en' | 'fr' = 'en') => contextFor(io(), { lang, today: TODAY });
const read = async () => parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;

/** The food bank as it stood after step 3: what comes next is still to do. */
async function afterNeeds(): Promise<void> {
  const project = parse(await readFile(examples.foodBank, 'utf8')) as Project;
  for (const key of ['research', 'poc', 'deployment', 'training', 'evaluation', 'practices'] as const) delete project[key];
  await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
}

describe('step 4, first pass', () => {
  test('a shortlisted tool: its law, agreement, accessibility statement and two cost amounts; a tool left aside: none of them', async () => {
    await afterNeeds();
    let lawRows: string[] = [];
    const lawGrid: ScriptedAnswer = (q) => {
      lawRows = (q.rows ?? []).map((row) => row.label);
      return '';
    };
    const research: ScriptedAnswer[] = [
      'Regional directory', // the sources, in one answer
      'Eastgate Food Bank, Rotaly', 'Volunteers took to it within a month', '', // a peer with its tool, in one answer
      // two tools: name, pricing, strengths, weaknesses
      'Rotaly', '£35 a month', '', '',
      'CharityCRM Suite', 'From £120 a month', '', '',
      '',
      // the tools side by side: where each keeps its data, what it exports, the one to try in the test;
      // then, for that one only, the law (EU, proposed from the hosting: Enter), the agreement, the statement
      ['EU', 'outside-EU'], ['full', 'partial'], [0], lawGrid, ['signed'], ['partial'],
      // and its two usual cost lines, taken, their names kept, with their amounts; the subscription paid
      // yearly; no third line. Nothing more is asked of the tool left aside.
      '', '420', 'year', '', '400', '',
    ];
    const prompter = new ScriptedPrompter([...research, 'later']);
    await init(asking(prompter), await context());
    expect(prompter.remaining).toBe(0);
    const [rotaly, crm] = (await read()).research!.candidates!;
    expect(rotaly).toMatchObject({ dataProtection: { jurisdiction: 'EU', agreement: 'signed' }, accessibility: { statement: 'partial' } });
    expect(rotaly!.costs).toEqual([
      { item: 'Subscription or licence', amount: 420, kind: 'recurring', period: 'year', category: 'licence' },
      { item: 'Set-up and training', amount: 400, kind: 'one-off', category: 'setup' },
    ]);
    expect(crm!.dataProtection).toBeUndefined();
    expect(crm!.accessibility).toBeUndefined();
    expect(crm!.costs).toBeUndefined();
    // Each new question asked once, for the shortlisted tool; the details wait for adopt edit.
    const once = ['The law each provider answers to', "Each tool's data processing agreement (GDPR article 28)", "Each tool's accessibility statement (WCAG)"];
    for (const label of once) expect([label, prompter.asked.filter((q) => q === label).length]).toEqual([label, 1]);
    expect(lawRows).toEqual(['Rotaly']);
    for (const detail of ['Who else handles the data for the provider', 'What you saw yourselves (screen reader, keyboard, contrast)', 'Hours a month it takes to run (updates, accounts, questions)', 'What it is for']) expect(prompter.asked).not.toContain(detail);
    // The figure another count relies on: what a shortlisted tool adds to step 4 (3 choices, a yes, 3 answers, an Enter).
    expect(prompter.asked.length).toBe(research.length + 1); // and the choice to stop for the day
    expect(prompter.said).toContain('The usual cost lines of a tool, to start from: keep each name (Enter) or type it again with its amount (e.g. Subscription: £29 a month); an amount of 0 if there is none, Enter if you do not know it yet (the line is then left out).');
  });
});

describe('step 4, adopt edit research', () => {
  test('asks the details too, the current answers as defaults: Enter keeps the file as it was', async () => {
    await copyExample(examples.foodBank, dir);
    const before = await readFile(path.join(dir, 'adopt.yaml'), 'utf8');
    let opened = false;
    // Opens the first candidate once from the list's menu; Enter everywhere else.
    const answer = (q: { message: string; choices?: { value: unknown }[] }) => {
      if (!opened && q.choices?.some((c) => c.value === 'edit:0') && q.message.startsWith('Candidate tools')) {
        opened = true;
        return 'edit:0';
      }
      return '';
    };
    const prompter = new ScriptedPrompter(Array(200).fill(answer));
    await edit({ ...asking(prompter), step: 'research' }, await context());
    expect(opened).toBe(true);
    for (const detail of ['The law its provider answers to', 'Who else handles the data for the provider', 'What you saw yourselves (screen reader, keyboard, contrast)', 'Hours a month it takes to run (updates, accounts, questions)']) expect(prompter.asked).toContain(detail);
    expect(prompter.asked.some((q) => q.startsWith('What it would cost ('))).toBe(true);
    expect(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')).toBe(before);
  });
});

describe('step 5: criteria from the constraints too', () => {
  const criteria = steps.find((s) => s.id === 'poc')!.fields[0]!;
  const field = (criteria.kind === 'group' ? criteria.fields : []).find((f) => f.key === 'criteria') as ListField;

  test.each([['en'], ['fr']] as const)('worded in the user\'s language (%s), each with a first weight', async (lang) => {
    const t = await loadTranslator(lang);
    const project = parse(await readFile(examples.foodBank, 'utf8')) as Project;
    const proposed = field.propose!({ project }, (key) => t(key));
    // four objectives, then: a high interface importance, a mixed level, a data-protection risk of high impact, accessibility
    expect(proposed.slice(0, 4).map((c) => c.objective)).toEqual(['O1', 'O2', 'O3', 'O4']);
    expect(proposed.slice(4)).toEqual(
      lang === 'en'
        ? [
            { text: 'Easy to use, even for the least comfortable of us', weight: 4 },
            { text: 'Learnt in one session by our team', weight: 3 },
            { text: 'Protects the personal data we put in it (GDPR)', weight: 5 },
            { text: 'Usable by all our users, including people with a disability', weight: 3 },
          ]
        : [
            { text: 'Facile à utiliser, même pour les moins à l’aise d’entre nous', weight: 4 },
            { text: 'Pris en main en une séance par notre équipe', weight: 3 },
            { text: 'Protège les données personnelles que nous y mettons (RGPD)', weight: 5 },
            { text: 'Utilisable par tous nos publics, y compris les personnes en situation de handicap', weight: 3 },
          ],
    );
  });

  test('only the constraints that call for them: a comfortable team, a plain interface and no personal data leave accessibility alone', async () => {
    const t = await loadTranslator('en');
    const texts = (needs: Project['needs']) => field.propose!({ project: { version: 1, needs } }, (key) => t(key)).map((c) => c.text);
    expect(texts({ interface: { importance: 'medium' }, maturity: { level: 'high' }, risks: [{ id: 'R1', area: 'dispersion' }] })).toEqual(['Usable by all our users, including people with a disability']);
    // a low level weighs more than a mixed one; a data risk of medium impact, less than a high one
    const weights = field.propose!({ project: { version: 1, needs: { maturity: { level: 'low' }, risks: [{ id: 'R1', area: 'data-protection', impact: 'medium' }] } } }, (key) => t(key)).map((c) => [c.text, c.weight]);
    expect(weights).toEqual([
      ['Learnt in one session by our team', 4],
      ['Protects the personal data we put in it (GDPR)', 3],
      ['Usable by all our users, including people with a disability', 3],
    ]);
  });

  test('offered for a change of weight like the others: a new weight typed is kept', async () => {
    await copyExample(examples.foodBank, dir);
    const project = await read();
    delete project.poc!.criteria;
    delete project.poc!.scores;
    await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
    // only what is blank; keep every proposal ticked and each one's text; the four from the constraints have no
    // objective to check (Enter); then the weights side by side: every one kept but the interface's (the fifth row), raised to 5
    const answers: ScriptedAnswer[] = ['', '', ...Array<string>(8).fill(''), ...Array<string>(4).fill(''), ['', '', '', '', '5']];
    const prompter = new ScriptedPrompter([...answers, ...Array(60).fill('')]);
    await edit({ ...asking(prompter), step: 'poc' }, await context());
    const criteria = (await read()).poc!.criteria!;
    expect(criteria.map((c) => [c.id, c.text, c.weight])).toEqual([
      ['C1', 'Let volunteers sign up for and swap shifts themselves', 5],
      ['C2', 'See gaps in the rota early enough to fill them', 5],
      ['C3', 'Cut no-shows with automatic reminders', 3],
      ['C4', 'Report volunteer hours to funders without extra work', 1],
      ['C5', 'Easy to use, even for the least comfortable of us', 5],
      ['C6', 'Learnt in one session by our team', 3],
      ['C7', 'Protects the personal data we put in it (GDPR)', 5],
      ['C8', 'Usable by all our users, including people with a disability', 3],
    ]);
    expect(prompter.said).toContain('Proposed criteria, from your objectives and constraints (step 3):');
  });
});
