import { readFile } from 'node:fs/promises';
import { adopt, tempDir, withFile } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/** Every field the comparison of tools added to version 1, each used once. */
const everyNewField = [
  'version: 1',
  'needs:',
  '  budget:',
  '    currency: EUR',
  '    items:',
  '      - { item: Abonnement, amount: 240, kind: recurring, period: year, category: licence }',
  '      - { item: Formation, amount: 300, kind: one-off, category: training }',
  '    ceiling: { amount: 600, per: year }',
  '    hourValue: 15',
  '    horizon: 5',
  'research:',
  '  candidates:',
  '    - id: outil-a',
  '      costs:',
  '        - { item: Licence, amount: 20, kind: recurring, period: month, category: licence }',
  '        - { item: Hébergement, amount: 45, kind: recurring, period: quarter, category: hosting }',
  '      hoursPerMonth: 2.5',
  '      dataProtection: { agreement: signed, jurisdiction: EU, subprocessors: OVHcloud }',
  '      accessibility: { statement: partial, notes: Testé au lecteur d\'écran }',
  'practices:',
  '  ideas:',
  '    - { date: 2027-01-05, from: Karim, idea: Relances automatiques, status: new }',
  '',
].join('\n');

async function validate(content: string) {
  const file = await withFile(dir, 'adopt.yaml', content);
  const before = await readFile(file);
  const result = await adopt(['validate'], { cwd: dir });
  expect(await readFile(file)).toEqual(before);
  return result;
}

describe('adopt validate: the fields that compare tools and collect ideas', () => {
  test('a file that uses every new field is valid, and so is one that uses none', async () => {
    expect(await validate(everyNewField)).toMatchObject({ code: 0, stderr: '', stdout: 'adopt.yaml: valid.\n' });
    expect(await validate('version: 1\nneeds:\n  budget:\n    items:\n      - { item: Licence, amount: 10 }\n')).toMatchObject({ code: 0 });
  });

  // Each new field wrongly typed: [line, lines it replaces, the wrong line, what validate says].
  test.each([
    [6, 1, '      - { item: Abonnement, amount: 240, kind: recurring, period: year, category: licences }', '6:83 Budget line 1, Abonnement › category: "licences" is not one of licence, setup, training, hosting, maintenance, other. Did you mean "licence"?'],
    [8, 1, '    ceiling: { amount: lots, per: year }', '8:24 needs.budget.ceiling.amount must be a number, not "lots".'],
    [8, 1, '    ceiling: { amount: 600, per: month }', '8:34 needs.budget.ceiling.per: "month" is not one of year, total.'],
    [8, 1, '    ceiling: 600', '8:14 needs.budget.ceiling must be a group of keys, not 600.'],
    [9, 1, '    hourValue: -15', '9:16 needs.budget.hourValue must be at least 0, not -15.'],
    [10, 1, '    horizon: 12', '10:14 needs.budget.horizon must be at most 10, not 12.'],
    [10, 1, '    horizon: 2.5', '10:14 needs.budget.horizon must be a whole number, not 2.5.'],
    [14, 3, '      costs: 300 € par an', '14:14 Candidate tool 1 › costs must be a list, not "300 € par an".'],
    [15, 1, '        - { item: Licence, amount: 20, kind: monthly, period: month, category: licence }', '15:46 Candidate tool 1 › cost line 1, Licence › kind: "monthly" is not one of one-off, recurring.'],
    [16, 1, '        - { item: Hébergement, amount: 45, kind: recurring, period: quarter, category: hébergement }', '16:88 Candidate tool 1 › cost line 2, Hébergement › category: "hébergement" is not one of licence, setup, training, hosting, maintenance, other.'],
    [17, 1, '      hoursPerMonth: two', '17:22 Candidate tool 1 › hoursPerMonth must be a number, not "two".'],
    [18, 1, '      dataProtection: EU', '18:23 Candidate tool 1 › dataProtection must be a group of keys, not "EU".'],
    [18, 1, '      dataProtection: { agreement: yes, jurisdiction: EU, subprocessors: OVHcloud }', '18:36 Candidate tool 1 › dataProtection.agreement: "yes" is not one of signed, offered, none, unknown.'],
    [18, 1, '      dataProtection: { agreement: signed, jurisdiction: USA, subprocessors: OVHcloud }', '18:58 Candidate tool 1 › dataProtection.jurisdiction: "USA" is not one of EU, UK, US, other, unknown. Did you mean "US"?'],
    [18, 1, '      dataProtection: { agreement: signed, jurisdiction: EU, subprocessors: 3 }', '18:77 Candidate tool 1 › dataProtection.subprocessors: 3 is read as a number, not as text. Put it in quotes: "3".'],
    [19, 1, '      accessibility: { statement: good }', '19:35 Candidate tool 1 › accessibility.statement: "good" is not one of full, partial, none, unknown.'],
    [19, 1, '      accessibility: full', '19:22 Candidate tool 1 › accessibility must be a group of keys, not "full".'],
    [21, 2, '  ideas: Relances automatiques', '21:10 practices.ideas must be a list, not "Relances automatiques".'],
    [22, 1, '    - { date: 5/1/2027, from: Karim, idea: Relances automatiques, status: new }', '22:15 Ideas item 1 › date: "5/1/2027" is not a date written YYYY-MM-DD (such as 2027-03-15).'],
    [22, 1, '    - { date: 2027-01-05, from: Karim, idea: Relances automatiques, status: open }', '22:77 Ideas item 1 › status: "open" is not one of new, planned, done, declined.'],
  ])('line %i wrongly typed: one clear line', async (line, span, wrong, expected) => {
    const lines = everyNewField.split('\n');
    lines.splice(line - 1, span, wrong);
    const result = await validate(lines.join('\n'));
    expect(result).toMatchObject({ code: 1, stdout: `adopt.yaml:${expected}\n` });
    expect(result.stderr).toMatch(/^1 problem\b/);
  });
});
