import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { init, edit } from '../../src/commands/init.js';
import { ScriptedPrompter, INTERRUPT, type ScriptedAnswer } from '../../src/wizard/prompter.js';
import { progress } from '../../src/progress/completeness.js';
import { warnings } from '../../src/derive/warnings.js';
import type { Project } from '../../src/generated/model.js';
import type { Io } from '../../src/io.js';
import { adopt, tempDir, TODAY, examples, copyExample, contextFor } from '../helpers.js';
import { PassThrough } from 'node:stream';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

function io(): Io & { out: () => string } {
  let out = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (out += text) },
    stdin: Object.assign(new PassThrough(), { isTTY: true }),
    env: { LANG: 'C' },
    cwd: dir,
    out: () => out,
  };
}

const asking = (prompter: ScriptedPrompter) => ({ interactive: true, prompter });
const context = (lang: 'en' | 'fr' = 'en') => contextFor(io(), { lang, today: TODAY });

const read = async () => parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;

/** Steps 1 to 3, as a coordinator answers them on day one. */
const daysOne = (fr: boolean): ScriptedAnswer[] => [
  // step 1: the project and its lead
  fr ? 'Gestion des adhésions' : 'Volunteer rota',
  fr ? 'Les Jardins Partagés' : 'Riverside Food Bank',
  // the summary is a detail: left for adopt edit
  'Camille Martin',
  fr ? 'Coordinatrice' : 'Coordinator',
  'camille@example.org',
  'strong none', // project management and facilitation, in one menu: facilitation is weak
  fr ? 'Co-animation avec Karim' : 'Co-facilitation with Karim', // support, asked at once because a skill is weak
  fr ? '1 jour par semaine' : 'one day a week',
  // step 2: key users
  // each one's expected use is a detail; their profiles come together, once the list is done
  'Karim Benali', fr ? 'Trésorier' : 'Treasurer',
  'Léa Dubois', fr ? 'Accueil' : 'Reception',
  '', // Enter on a third key user's name: the list is done
  ['occasional', 'daily'], // the profile of each, one grid
  // step 3: needs
  fr ? 'Centraliser les adhésions' : 'One list of volunteers', fr ? '100 % des adhésions saisies' : 'All volunteers listed',
  fr ? 'Relancer les cotisations' : 'Fewer missed shifts', fr ? 'Moins de 5 % d\'impayés' : 'Under 5% missed',
  '',
  ['must', 'should'], // the priority of each objective, one grid
  fr ? 'Bénévoles d\'accueil' : 'Shift volunteers',
  '',
  [['consult', 'feed']], // what each audience will do with the tool, one checklist per row
  fr ? 'Abonnement : 20 €/mois' : 'Subscription: £20 a month', // the name, the amount and how often, in one answer; its currency the budget's
  fr ? 'Paramétrage' : 'Setup', fr ? '1 200,50' : '1,200.50', 'one-off',
  '',
  fr ? 'Subvention régionale' : 'Council grant',
  '1500', '', // a ceiling, per year (the proposal); the hour value and the horizon are details
  'medium', // urgency
  '2027-09-01', // deadline
  // other projects at the same time are a detail, left for adopt edit
  fr ? 'Choix de l\'outil : 15/02/2027' : 'Tool chosen: 15/02/2027', // name and date in one answer; ahead, so "reached?" is not asked
  '',
  'mixed', 'some', // maturity (its notes are a detail)
  'high', // interface
  // a risk's mitigation is worked out later, with the key users: a detail
  fr ? 'Fuite de données personnelles' : 'Personal data leak',
  '',
  ['data-protection'], ['medium'], ['high'], // what each risk is about, then its likelihood, then its impact: grids
];

type Later = 'research' | 'poc' | 'deployment' | 'training' | 'evaluation' | 'practices';
/** "Carry on now" before a later step, where the run offers to stop for the day. */
const now = (step: Later, breaks: readonly Later[]): ScriptedAnswer[] => (breaks.includes(step) ? ['now'] : []);

/**
 * Steps 4 to 8 and the practices, weeks later. The choice to stop for the day comes after a
 * step done in the same run, twice at most: `breaks` names the steps it comes before.
 */
const later = (fr: boolean, breaks: readonly Later[] = ['research', 'poc']): ScriptedAnswer[] => [
  ...now('research', breaks),
  fr ? 'Comparateur en ligne ; Réseau local' : 'Online directory; local network', // the sources, in one answer
  fr ? 'AMAP du Centre' : 'Northside Pantry', 'Outil A', fr ? 'Simple à prendre en main' : 'Easy to learn', '',
  // a tool's vendor, website and licence are details
  'Outil A', fr ? '20 €/mois' : '£20/month', '', '',
  'Outil B', fr ? 'Gratuit' : 'Free', '', '',
  '',
  // then the tools side by side: hosting, export, the two ticked for the test, the law (EU proposed
  // from the hosting), the agreement, the accessibility statement
  ['EU', 'outside-EU'], ['full', 'partial'], [0, 1], ['', 'UK'], ['signed', 'offered'], ['partial', 'unknown'],
  // shortlisted, so each one's two usual cost lines, taken: the first typed again with its amount, the second's name kept
  fr ? 'Abonnement ou licence : 20 €/mois' : 'Subscription or licence: £20 a month', '', '300', '',
  '', '', '', '', '', // no cost lines yet: each proposed one left without an amount
  ...now('poc', breaks),
  '2027-01-10', '2027-02-07',
  '', // keep all the criteria proposed from objectives and constraints
  ...Array<string>(6).fill(''), // each proposed criterion's text offered for change, kept
  '', // no seventh criterion
  '', // their weights side by side, as proposed from the priorities, kept
  // scores: typed now rather than gathered on forms, one line per key user and tool, a score per criterion
  'type',
  '4 5 4 4 5 3', '2 4 4 3 5 3', '3 3 3 3 2 3', '3 1 3 3 2 3',
  'outil-a', '2027-02-15', fr ? 'Le mieux noté, hébergé en UE' : 'Best scored, EU hosting',
  ...now('deployment', breaks),
  'docs/procedures.md', fr ? 'Petit-déjeuner de lancement' : 'Launch breakfast', '2027-03-01',
  fr ? 'Bureau : 01/03/2027 – 31/03/2027' : 'Office: 01/03/2027 to 31/03/2027', '', // name and dates in one answer; a phase's scope is a detail
  'monthly', fr ? 'Réunion d\'équipe' : 'Team meeting',
  ...now('training', breaks),
  ['karim-benali'], ['in-person', 'guide'],
  fr ? 'Prise en main' : 'First steps', '2027-03-08', fr ? 'Tous' : 'Everyone', '',
  ['in-person'], // each session's format
  fr ? 'Bénévoles du samedi' : 'Saturday volunteers', fr ? 'Séance en binôme' : 'One-to-one session', '',
  ...now('evaluation', breaks),
  '', // due: the proposal (end of deployment + 3 months)
  ...now('practices', breaks),
  fr ? 'Directrice' : 'Director', fr ? 'Tableur partagé' : 'Shared spreadsheet', '',
  ['replaced'], // what becomes of each tool
  fr ? 'Beaucoup de bénévoles ponctuels' : 'Many occasional volunteers',
  fr ? 'Lancer le projet : 20/11/2026' : 'Start the project: 20/11/2026', '', // a decision with its date, in one answer
  fr ? 'Présentation du projet' : 'Project outline', '2026-11-27', fr ? 'Conseil d\'administration' : 'Board', '',
];

describe('adopt init, scripted', () => {
  test.each([['en'], ['fr']] as const)('a whole project in one go (%s): every step complete, no warning, a valid file', async (lang) => {
    const fr = lang === 'fr';
    const prompter = new ScriptedPrompter([...daysOne(fr), ...later(fr)]);
    await init(asking(prompter), await context(lang));
    expect(prompter.remaining).toBe(0);
    const project = await read();
    expect(progress(project).filter((s) => s.state !== 'complete').map((s) => s.id)).toEqual(['evaluation']);
    // The lines' names said what they are for (a subscription paid monthly, a set-up): the budget has no training; the subscription is its upkeep.
    // The risk's mitigation, a detail, waits for adopt edit: a warning says so until then.
    expect(warnings(project, TODAY).map((w) => [w.code, w.params])).toEqual([['budget-gaps', { missing: 'training' }], ['risk-unmitigated', { n: 1, ids: 'R1' }]]);
    expect(project.needs!.budget!.items!.map((i) => i.category)).toEqual(['licence', 'setup']);
    expect((await adopt(['validate'], { cwd: dir })).code).toBe(0);
    // answers read in the user's habits, ids made from names, numbers from priorities
    expect(project.needs!.budget!.items![1]!.amount).toBe(1200.5);
    expect(project.needs!.schedule!.milestones![0]).toEqual({ id: 'M1', name: fr ? 'Choix de l\'outil' : 'Tool chosen', date: '2027-02-15' });
    expect(project.keyUsers!.map((u) => u.id)).toEqual(['karim-benali', 'lea-dubois']);
    expect(project.research!.sources).toEqual(fr ? ['Comparateur en ligne', 'Réseau local'] : ['Online directory', 'local network']);
    // a phase entered: the rollout is phased, as the file now says
    expect(project.deployment).toMatchObject({ phased: true, phases: [{ id: 'P1' }] });
    expect(project.poc!.criteria!.map((c) => [c.id, c.weight, c.objective])).toEqual([
      ['C1', 5, 'O1'],
      ['C2', 3, 'O2'],
      // from the constraints: a high interface importance, a mixed digital level, a high-impact data risk, accessibility
      ['C3', 4, undefined],
      ['C4', 3, undefined],
      ['C5', 5, undefined],
      ['C6', 3, undefined],
    ]);
    expect(project.poc!.criteria!.slice(2).map((c) => c.text)).toEqual(
      fr
        ? ['Facile à utiliser, même pour les moins à l’aise d’entre nous', 'Pris en main en une séance par notre équipe', 'Protège les données personnelles que nous y mettons (RGPD)', 'Utilisable par tous nos publics, y compris les personnes en situation de handicap']
        : ['Easy to use, even for the least comfortable of us', 'Learnt in one session by our team', 'Protects the personal data we put in it (GDPR)', 'Usable by all our users, including people with a disability'],
    );
    expect(project.poc!.scores).toHaveLength(24);
    // the budget's ceiling, and what the method needs of each shortlisted tool
    expect(project.needs!.budget!.ceiling).toEqual({ amount: 1500, per: 'year' });
    const [a, b] = project.research!.candidates!;
    expect(a).toMatchObject({ dataProtection: { jurisdiction: 'EU', agreement: 'signed' }, accessibility: { statement: 'partial' } });
    expect(a!.costs).toEqual([
      { item: fr ? 'Abonnement ou licence' : 'Subscription or licence', amount: 20, kind: 'recurring', period: 'month', category: 'licence' },
      { item: fr ? 'Mise en place et formation' : 'Set-up and training', amount: 300, kind: 'one-off', category: 'setup' },
    ]);
    expect(b).toMatchObject({ dataProtection: { jurisdiction: 'UK', agreement: 'offered' }, accessibility: { statement: 'unknown' } });
    expect(b!.costs).toBeUndefined();
    expect(project.evaluation!.due).toBe('2027-06-30');
    expect(project.project!.created).toBe(TODAY);
    // the details were left for adopt edit, which asks them
    expect(project.research!.candidates![0]!.vendor).toBeUndefined();
    // said in plain words, naming a step as typed; git only as an example for those who use it
    expect(prompter.said.at(-1)).toBe(fr ? 'Quelques questions de détail attendent\u00a0: adopt edit --blanks les pose toutes, étape après étape, en une fois.' : 'A few questions of detail wait for later: adopt edit --blanks asks them all, step after step, in one go.');
    const next = prompter.said.at(-2)!.split('\n');
    expect(next).toContain(fr ? '  adopt edit besoins (ou une autre étape)\u00a0: revenir sur une étape le moment venu' : '  adopt edit needs (or another step): come back to a step when its time comes');
    expect(next.at(-1)).toMatch(fr ? /^ {2}Partagez le fichier adopt\.yaml avec l’équipe\u00a0: un dossier partagé suffit \(si vous utilisez git, par exemple git add/ : /^ {2}Share the file adopt\.yaml with the team: a shared folder will do \(if you use git, for instance git add/);
    // keys in the format's order; no modeline, since no schema is beside the file to point to
    const text = await readFile(path.join(dir, 'adopt.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('version: 1');
    expect(Object.keys(parse(text))).toEqual(['version', 'language', 'project', 'lead', 'keyUsers', 'needs', 'research', 'poc', 'deployment', 'training', 'evaluation', 'practices']);
    // the ranking was shown before the decision, with the disagreement
    const said = prompter.said.join('\n');
    expect(said).toContain(fr ? 'Le classement à ce stade' : 'The ranking so far');
    expect(said).toMatch(fr ? /1\. Outil A\u00a0: / : /1\. Outil A: /);
    // the choice of step 5 is in the decision log, with its score and its reason, once
    const chosen = project.practices!.decisions!.filter((d) => d.decision!.includes('Outil A'));
    expect(chosen).toEqual([
      {
        date: '2027-02-15',
        decision: fr ? expect.stringMatching(/^Outil retenu après le test\u00a0: Outil A \(moyenne de \d,\d+ sur 5\)$/) : expect.stringMatching(/^Tool chosen after the test: Outil A \(mean score \d\.\d+ out of 5\)$/),
        rationale: fr ? 'Le mieux noté, hébergé en UE' : 'Best scored, EU hosting',
        by: 'Camille Martin',
      },
    ]);
  });

  test('day one: steps 1 to 3, everything later left for later, then Ctrl-C costs only the question on screen', async () => {
    // One choice at the end of day one, and "later" ends the run there.
    const first = new ScriptedPrompter([...daysOne(false), 'later']);
    await init(asking(first), await context());
    expect(first.remaining).toBe(0);
    let project = await read();
    expect(progress(project).map((s) => s.state)).toEqual(['complete', 'complete', 'complete', 'empty', 'empty', 'empty', 'empty', 'empty', 'empty']);

    // weeks later: research done, then Ctrl-C in the middle of the proof of concept
    const research = 29; // answers of step 4; then the choice, and the proof of concept begins
    const second = new ScriptedPrompter([...later(false, ['poc']).slice(0, research + 3), INTERRUPT]);
    await expect(init(asking(second), await context())).rejects.toMatchObject({ exitCode: 130 });
    project = await read();
    expect(progress(project).find((s) => s.id === 'research')!.state).toBe('complete');
    expect(project.poc).toEqual({ start: '2027-01-10', end: '2027-02-07' }); // each answer kept as given
    expect(second.asked).not.toContain('Project title'); // never re-asks what is answered

    // and once more: it resumes at the proof of concept's first unanswered question
    // no choice before the step the run starts with: the user has just said they want to go on
    const third = new ScriptedPrompter(later(false, ['deployment', 'training']).slice(research + 2));
    await init(asking(third), await context());
    expect(third.remaining).toBe(0);
    expect(progress(await read()).filter((s) => s.state !== 'complete').map((s) => s.id)).toEqual(['evaluation']);
  });

  test('answers are checked as the file is: refused answers are asked again, with a reason', async () => {
    const answers = daysOne(false);
    const at = (value: string) => answers.indexOf(value);
    answers.splice(at('camille@example.org'), 0, 'camille@'); // then the real address
    // The name alone, then its date or amount asked apart: each refused once.
    answers.splice(at('Tool chosen: 15/02/2027'), 1, 'Tool chosen', '30/02/2027', '15/02/2027');
    answers.splice(at('1,200.50'), 0, '1 200,50'); // French habits in an English project
    answers.splice(at('Subscription: £20 a month'), 1, 'Subscription', '-20', '20', 'recurring', 'month');
    answers.splice(at('Council grant'), 0, ''); // no amount said its currency: asked after the lines, the proposal kept
    const prompter = new ScriptedPrompter([...answers, 'later']);
    await init(asking(prompter), await context());
    expect(prompter.remaining).toBe(0);
    expect(prompter.refused).toEqual([
      'This e-mail address looks incomplete (such as name@example.org).',
      'At least 0.',
      'Write a number (240 or 12.50), an amount and its period (£20 a month, £150 once) or free.',
      'Write the date as DD/MM/YYYY (15/03/2027) or in words (15\u00a0March\u00a02027): a date that exists, between 1900 and 2199.',
    ]);
    const project = await read();
    expect(project.lead!.contact).toBe('camille@example.org');
    expect(project.needs!.budget!.items!.map((i) => i.amount)).toEqual([20, 1200.5]);
  });

  test('an end before its start is refused and asked again; a past deadline is confirmed', async () => {
    await copyExample(examples.foodBank, dir);
    const before = await read();
    const phases = before.deployment!.phases!;
    // The phases the file has are offered for change: the first one's start, typed before its end.
    const prompter = new ScriptedPrompter(['', '', '', 'edit:0', '', '', '2020-01-01', phases[0]!.end!, '', 'done', '', '']);
    await edit({ ...asking(prompter), step: 'deployment' }, await context());
    expect(prompter.remaining).toBe(0);
    // The start as the label asks dates to be typed: DD/MM/YYYY.
    expect(prompter.refused).toEqual([`The end is before the start (${phases[0]!.start!.split('-').reverse().join('/')}): give a later date.`]);
    expect((await read()).deployment).toEqual({ ...before.deployment, phased: true });
  });

  test('a POC shorter than a week is confirmed before it is kept', async () => {
    await copyExample(examples.jardins, dir);
    const before = await read();
    const lines = before.keyUsers!.length * before.research!.candidates!.filter((c) => c.shortlisted).length;
    // start, end (refused once), criteria kept, every line of scores kept, adaptations kept, decision kept
    const prompter = new ScriptedPrompter(['2027-01-10', '2027-01-12', false, '2027-01-31', 'done', ...Array(lines).fill(''), '', '', '', '']);
    await edit({ ...asking(prompter), step: 'poc' }, await context('fr'));
    expect(prompter.remaining).toBe(0);
    expect(prompter.asked[2]).toMatch(/Le test durerait 3 jours/);
    const project = await read();
    expect([project.poc!.start, project.poc!.end]).toEqual(['2027-01-10', '2027-01-31']);
    expect(project.poc!.scores).toEqual(before.poc!.scores);
    expect(project.poc!.decision).toEqual(before.poc!.decision);
  });
});

describe('adopt edit, scripted', () => {
  test('changes one answer, removes one item, keeps comments and every untouched line', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    const users = (parse(before) as Project).keyUsers!;
    const prompter = new ScriptedPrompter([
      `edit:0`, // change the first key user
      '', 'Volunteer coordinator', '', '', // name kept, role changed, profile kept, use kept
      `remove:${users.length - 1}`, true, // remove the last one
      'done',
    ]);
    await edit({ ...asking(prompter), step: 'key-users' }, await context());
    expect(prompter.remaining).toBe(0);
    const after = await readFile(file, 'utf8');
    const project = parse(after) as Project;
    expect(project.keyUsers![0]!.role).toBe('Volunteer coordinator');
    expect(project.keyUsers!.map((u) => u.id)).toEqual(users.slice(0, -1).map((u) => u.id));
    // every line not about the key users is byte-for-byte the same, comments included
    const untouched = (text: string) => text.split('\n').filter((line) => !/role:|Volunteer coordinator/.test(line));
    const lost = untouched(before).filter((line) => !after.split('\n').includes(line));
    const removedUser = users[users.length - 1]!;
    expect(lost.every((line) => Object.values(removedUser).some((v) => line.includes(String(v))))).toBe(true);
    expect(after).toContain('#');
  });

  test('adopt edit asks the details that init\'s first pass left out', async () => {
    await copyExample(examples.foodBank, dir);
    const prompter = new ScriptedPrompter(Array(12).fill(''));
    await edit({ ...asking(prompter), step: 'lead' }, await context());
    expect(prompter.asked).toContain('Summary');
    expect(prompter.remaining).toBe(12 - prompter.asked.length);
  });

  test('an unknown step is a usage error that lists the steps', async () => {
    await copyExample(examples.foodBank, dir);
    await expect(edit({ ...asking(new ScriptedPrompter([])), step: 'budget' }, await context())).rejects.toThrow(/There is no step "budget".*lead, key-users, needs/);
  });
});

describe('without a terminal', () => {
  test('init and edit exit 2 at once, saying what to do, and create nothing', async () => {
    const result = await adopt(['init'], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/needs a terminal.*adopt init --from answers\.yaml --yes/);
    await expect(readFile(path.join(dir, 'adopt.yaml'))).rejects.toThrow();
    await copyExample(examples.foodBank, dir);
    expect((await adopt(['edit', '3'], { cwd: dir })).code).toBe(2);
  });
});

describe('adopt init --from answers.yaml --yes', () => {
  test.each([['jardins'], ['foodBank']] as const)('from a complete example (%s): an equivalent file, exit 0', async (name) => {
    const example = examples[name];
    const result = await adopt(['init', '--from', example, '--yes'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { version: _v, ...expected } = parse(await readFile(example, 'utf8')) as Project;
    const written = await read();
    expect({ ...written, project: { ...written.project, created: expected.project!.created } }).toEqual({ version: 1, ...expected });
  });

  test('from a partial file: fills what it has, lists what is missing, exit 1', async () => {
    await writeFile(path.join(dir, 'answers.yaml'), 'version: 1\nlanguage: en\nproject:\n  title: Rota\nlead:\n  name: Sam\n');
    const result = await adopt(['init', '--from', 'answers.yaml', '--yes'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('adopt.yaml now holds the answers from answers.yaml.');
    expect(result.stdout).toMatch(/Still to answer \(\d+\):/);
    expect(result.stdout).toMatch(/ {2}lead\.role {2}role in the organisation \(Project lead\)/);
    expect(result.stdout).not.toContain('evaluation.reviews');
    expect((await read()).lead).toEqual({ name: 'Sam' });
  });

  test('an answers file with problems changes nothing', async () => {
    await writeFile(path.join(dir, 'answers.yaml'), 'version: 1\nkeyUsers:\n  - id: a\n    profile: dialy\n');
    const result = await adopt(['init', '--from', 'answers.yaml', '--yes'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^answers\.yaml:4:14 /);
    await expect(readFile(path.join(dir, 'adopt.yaml'))).rejects.toThrow();
  });

  test('--from without --yes is a usage error', async () => {
    expect((await adopt(['init', '--from', 'answers.yaml'], { cwd: dir })).code).toBe(2);
  });
});
