import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { adopt, tempDir, examples, copyExample, withFile } from '../helpers.js';
import { escapeText, foldLine, icsCalendar } from '../../src/render/ics.js';
import { loadTranslator } from '../../src/i18n/index.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

async function calendarOf(example: string, env: NodeJS.ProcessEnv = {}) {
  await copyExample(example, dir);
  const result = await adopt(['calendar'], { cwd: dir, env });
  if (result.code !== 0) throw new Error(result.stderr);
  return { result, text: await readFile(path.join(dir, 'adopt.ics'), 'utf8') };
}

/** The calendar as a real iCalendar parser reads it. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      alarms: component.getAllSubcomponents('valarm'),
    };
  });
  return { calendar, events };
}

/** What RFC 5545 asks of the raw text: CRLF everywhere, no line over 75 octets. */
function checkLines(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/[^\r]\n|\r[^\n]/.test(text)).toBe(false);
  expect(text.split('\r\n').filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
}

const summaries = (events: { summary: string; start: string; end: string }[]) => events.map((e) => [e.summary, e.start, e.end]);

describe('adopt calendar on the French example', () => {
  test('every dated item as an all-day event, in French, prefixed with the project', async () => {
    const { result, text } = await calendarOf(examples.jardins);
    expect(result.stdout).toBe('Écrit\u00a0: adopt.ics. Importez-le dans votre agenda\u00a0; l’importer de nouveau met à jour les événements au lieu de les dupliquer.\n');
    checkLines(text);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//adopt//adopt-cli//EN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Gestion des adhésions et des bénévoles');
    const p = 'Gestion des adhésions et des bénévoles — ';
    expect(summaries(events)).toEqual([
      [`${p}Jalon\u00a0: Besoins validés par le bureau`, '2026-07-08', '2026-07-09'],
      [`${p}Test en conditions réelles`, '2026-10-19', '2026-11-14'],
      [`${p}Jalon\u00a0: Fin du test et choix de l'outil`, '2026-11-20', '2026-11-21'],
      [`${p}Jalon\u00a0: Lancement auprès de l'équipe`, '2026-12-05', '2026-12-06'],
      [`${p}Lancement\u00a0: Petit-déjeuner de lancement au local du jardin, avec démonstration sur tablette`, '2026-12-05', '2026-12-06'],
      [`${p}Phase de déploiement\u00a0: Bureau et salariées`, '2026-12-05', '2027-01-01'],
      [`${p}Point d’information`, '2026-12-05', '2026-12-06'],
      [`${p}Formation\u00a0: Saisir et retrouver une adhésion`, '2026-12-08', '2026-12-09'],
      [`${p}Formation\u00a0: L'accueil du samedi avec la tablette`, '2026-12-12', '2026-12-13'],
      [`${p}Phase de déploiement\u00a0: Bénévoles d'accueil et adhésion en ligne`, '2027-01-04', '2027-03-01'],
      [`${p}Formation\u00a0: Suivi des cotisations et export comptable`, '2027-01-14', '2027-01-15'],
      [`${p}Jalon\u00a0: Toutes les adhésions 2027 dans l'outil`, '2027-02-28', '2027-03-01'],
      [`${p}Jalon\u00a0: Première évaluation en bureau`, '2027-05-18', '2027-05-19'],
      [`${p}Évaluation prévue`, '2027-05-18', '2027-05-19'],
      [`${p}Renouveler ou arrêter\u00a0? Le contrat de Logiciel de comptabilité prend fin le 30 juin 2027`, '2027-05-31', '2027-06-01'],
      [`${p}Fin du contrat\u00a0: Logiciel de comptabilité`, '2027-06-30', '2027-07-01'],
    ]);
    expect(events.every((e) => e.allDay)).toBe(true);
    // a long summary was folded, and the parser read it back whole
    expect(text).toContain('\r\n ');
    const training = events.find((e) => e.summary.endsWith('L\'accueil du samedi avec la tablette'))!;
    expect(training.description).toBe('Thème\u00a0: L\'accueil du samedi avec la tablette\nPublic\u00a0: Bénévoles d\'accueil\nFormat\u00a0: session en présentiel');
  });

  test('the evaluation has a reminder a week before, a contract end 30 days before, and nothing else has one', async () => {
    const { events } = parse((await calendarOf(examples.jardins)).text);
    const withAlarm = events.filter((e) => e.alarms.length > 0);
    expect(withAlarm.map((e) => e.summary)).toEqual(['Gestion des adhésions et des bénévoles — Évaluation prévue', 'Gestion des adhésions et des bénévoles — Fin du contrat\u00a0: Logiciel de comptabilité']);
    const contract = withAlarm[1]!.alarms[0]!;
    expect((contract.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-30 * 86400);
    expect(contract.getFirstPropertyValue('description')).toContain('30 juin 2027');
    const [alarm] = withAlarm[0]!.alarms;
    expect(alarm!.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect((alarm!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-7 * 86400);
    expect(alarm!.getFirstPropertyValue('description')).toContain('18 mai 2027');
  });
});

describe('adopt calendar on the English example', () => {
  test('milestones, test, launch, phases, trainings and evaluation, in English', async () => {
    const { result, text } = await calendarOf(examples.foodBank);
    expect(result.stdout).toMatch(/^Wrote adopt\.ics: import it into your calendar/);
    checkLines(text);
    const { events } = parse(text);
    const p = 'Volunteer shift scheduling — ';
    expect(summaries(events)).toEqual(
      expect.arrayContaining([
        [`${p}Milestone: Launch evening`, '2027-01-14', '2027-01-15'],
        [`${p}Proof of concept`, '2026-10-05', '2026-10-31'],
        [`${p}Launch: Launch evening at the warehouse with tea and a live sign-up demo`, '2027-01-14', '2027-01-15'],
        [`${p}Deployment phase: Warehouse shifts`, '2027-01-14', '2027-02-15'],
        [`${p}Deployment phase: Distribution sessions and delivery drivers`, '2027-02-15', '2027-04-01'],
        [`${p}Training: Managing the rota and filling gaps`, '2027-01-20', '2027-01-21'],
        [`${p}Evaluation due`, '2027-07-05', '2027-07-06'],
      ]),
    );
    // milestones, test, launch, phases, trainings, evaluation, the recurring information points, a contract's end and its reminder
    expect(events).toHaveLength(5 + 1 + 1 + 2 + 3 + 1 + 1 + 2);
    expect(events.find((e) => e.summary.endsWith('Warehouse shifts'))!.description).toMatch(/^Weekday and Saturday warehouse shifts/);
    expect(events.find((e) => e.summary.endsWith('Proof of concept'))!.description).toMatch(/^Tools tested: \w+ and \w+$/);
    const evaluation = events.find((e) => e.summary.endsWith('Evaluation due'))!;
    expect(evaluation.alarms[0]!.getFirstPropertyValue('description')).toBe('Volunteer shift scheduling — The evaluation is due in a week (5 July 2027): plan the review meeting with the key users.');
  });
});

describe('contract ends of the tools in place', () => {
  test('each one an event on its day, and a reminder event 30 days before that every calendar shows, alarms or not', async () => {
    await copyExample(examples.foodBank, dir);
    const file = path.join(dir, 'adopt.yaml');
    // A second tool with a contract, one without a date, and one whose date is not a date: only real dates count.
    const text = (await readFile(file, 'utf8')).replace(
      '      - { tool: Donor and grants database,',
      '      - { tool: "Mailing, list; service", fate: kept, monthlyCost: 9, contractEnd: 2027-03-15 }\n      - { tool: Phone line, fate: kept }\n      - { tool: Donor and grants database,',
    );
    await writeFile(file, text);
    const result = await adopt(['calendar'], { cwd: dir });
    expect(result.code).toBe(0);
    const ics = await readFile(path.join(dir, 'adopt.ics'), 'utf8');
    checkLines(ics);
    const { events } = parse(ics);
    const p = 'Volunteer shift scheduling — ';
    const contracts = events.filter((e) => /contract/i.test(e.summary));
    expect(summaries(contracts)).toEqual([
      [`${p}Renew or stop? The contract for Mailing, list; service ends on 15 March 2027`, '2027-02-13', '2027-02-14'],
      [`${p}Contract ends: Mailing, list; service`, '2027-03-15', '2027-03-16'],
      [`${p}Renew or stop? The contract for Donor and grants database ends on 30 September 2027`, '2027-08-31', '2027-09-01'],
      [`${p}Contract ends: Donor and grants database`, '2027-09-30', '2027-10-01'],
    ]);
    // the reminder says what to do; the end itself rings 30 days ahead where alarms are kept
    expect(contracts[2]!.description).toBe('The contract for Donor and grants database ends in 30 days, on 30 September 2027. Check the notice period, decide with the people who decide, and note the decision: adopt edit practices.');
    const alarm = contracts[3]!.alarms[0]!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect((alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-30 * 86400);
    expect(alarm.getFirstPropertyValue('description')).toBe(`${p}${contracts[2]!.description}`);
    expect(contracts[2]!.alarms).toEqual([]);
    // escaped as RFC 5545 TEXT in the raw file, and each with its own UID
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Volunteer shift scheduling — Contract ends: Mailing\\, list\\; service');
    const uids = contracts.map((e) => e.uid);
    expect(new Set(uids).size).toBe(4);
    expect(uids).toContain('riverside-community-food-bank.volunteer-shift-scheduling-contract-donor-and-grants-database@adopt');
  });
});

describe('UIDs', () => {
  test('the same at every run, different between events, so that a re-import updates', async () => {
    const first = await calendarOf(examples.foodBank);
    const second = await calendarOf(examples.foodBank);
    expect(second.text).toBe(first.text);
    const uids = parse(first.text).events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^riverside-community-food-bank\.volunteer-shift-scheduling-[\w.-]+@adopt$/);
    expect(uids).toEqual(expect.arrayContaining(['riverside-community-food-bank.volunteer-shift-scheduling-milestone-M4@adopt', 'riverside-community-food-bank.volunteer-shift-scheduling-evaluation@adopt']));
    // another day: the same bytes, DTSTAMP being the last day the project recorded something
    const later = await calendarOf(examples.foodBank, { ADOPT_TODAY: '2027-01-02' });
    expect(later.text).toBe(first.text);
    expect(later.text.match(/^DTSTAMP:.*$/gm)!.every((line) => line === 'DTSTAMP:20261125T000000Z')).toBe(true);
  });

  test('a milestone moved and renamed keeps its UID', async () => {
    const before = parse((await calendarOf(examples.jardins)).text).events.find((e) => e.uid.endsWith('-milestone-M3@adopt'))!;
    const file = path.join(dir, 'adopt.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace("name: Lancement auprès de l'équipe, date: 2026-12-05", 'name: Lancement, date: 2026-12-12'));
    await adopt(['calendar'], { cwd: dir });
    const after = parse(await readFile(path.join(dir, 'adopt.ics'), 'utf8')).events.find((e) => e.uid === before.uid)!;
    expect([after.summary, after.start]).toEqual(['Gestion des adhésions et des bénévoles — Jalon\u00a0: Lancement', '2026-12-12']);
  });
});

describe('RFC 5545 text', () => {
  test('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a;b,c\\d')).toBe('a\\;b\\,c\\\\d');
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('tab\tstays, bell\u0007 goes')).toBe('tab\tstays\\, bell goes');
  });

  test('what is escaped, a parser reads back as written', async () => {
    const name = 'a;b,c\\d\nsecond: line';
    const text = icsCalendar({ version: 1, project: { title: 'T' }, needs: { schedule: { milestones: [{ id: 'M1', name, date: '2027-01-01' }] } } }, await loadTranslator('en'));
    expect(parse(text).events[0]!.summary).toBe(`T — Milestone: ${name}`);
  });

  test('folds at 75 octets without splitting a character, and unfolds to the original', () => {
    let line = 'DESCRIPTION:';
    for (let i = 0; Buffer.byteLength(line) < 200; i++) line += ['é', 'a', '€', '😀', ' '][i % 5];
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // a character cut in two would not survive the round trip through UTF-8
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });
});

describe('adopt calendar, edge cases', () => {
  test('a project with no dates gives a valid, empty calendar', async () => {
    await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\nproject:\n  title: Newsletter tool\n');
    const { code, stdout } = await adopt(['calendar'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('Wrote adopt.ics, with no event yet: the project has no dates so far.\n');
    const text = await readFile(path.join(dir, 'adopt.ics'), 'utf8');
    checkLines(text);
    const { calendar, events } = parse(text);
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Newsletter tool');
  });

  test('--out writes where it is told, creating the folder', async () => {
    await copyExample(examples.foodBank, dir);
    const { code, stdout } = await adopt(['calendar', '--out', 'shared/team.ics'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote shared\/team\.ics: /);
    expect(parse(await readFile(path.join(dir, 'shared/team.ics'), 'utf8')).events.length).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, 'adopt.ics'))).toBe(false);
  });

  test('--out naming the project file is refused, and the project is left alone', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    const { code, stderr } = await adopt(['calendar', '--out', 'adopt.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/is the project file itself/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('a missing project file exits 2 and writes nothing', async () => {
    const { code, stderr } = await adopt(['calendar'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/There is no project file/);
    expect(existsSync(path.join(dir, 'adopt.ics'))).toBe(false);
  });
});
