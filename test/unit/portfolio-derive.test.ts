/**
 * The portfolio's derivations on their own: a summary from a small project built here, the
 * order of attention, and the totals across summaries (costs per currency, overlaps, the
 * contract window, reviews overdue, stalled projects). No file, no command.
 */
import { byAttention, compareText, STALLED_MONTHS, summarise, type ProjectSummary, type StepMark } from '../../src/derive/portfolio.js';
import { portfolioTotals } from '../../src/derive/portfolio-totals.js';
import { CONTRACT_NOTICE_DAYS } from '../../src/derive/warnings.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { portfolioJson } from '../../src/view/portfolio.js';
import type { Project } from '../../src/generated/model.js';
import { addDays, addMonths } from '../../src/util/dates.js';

const TODAY = '2026-11-27';
const STEPS: StepMark[] = ['complete', 'complete', 'partial', 'empty', 'empty', 'empty', 'empty', 'empty'];
type Inventory = NonNullable<NonNullable<NonNullable<Project['practices']>['vision']>['inventory']>;

const summary = (project: Partial<Project>, file = 'adopt.yaml', warnings: ProjectSummary['warnings'] = []) => summarise({ version: 1, ...project } as Project, file, TODAY, { steps: STEPS, warnings });

/** A project of an organisation with these tools in place, and, when given, the tool it chose and its yearly price. */
function member(organisation: string | undefined, file: string, inventory: Inventory, options: { currency?: string; chosen?: { name: string; yearly?: number }; title?: string } = {}): ProjectSummary {
  const chosen = options.chosen;
  return summary(
    {
      project: { ...(organisation !== undefined ? { organisation } : {}), title: options.title ?? file },
      ...(options.currency ? { needs: { budget: { currency: options.currency } } } : {}),
      ...(chosen
        ? {
            research: { candidates: [{ id: 'new', name: chosen.name, shortlisted: true, ...(chosen.yearly !== undefined ? { costs: [{ item: 'Licence', amount: chosen.yearly, kind: 'recurring' as const, period: 'year' as const }] } : {}) }] },
            poc: { decision: { chosen: 'new' } },
          }
        : {}),
      practices: { vision: { inventory } },
    },
    file,
  );
}

describe('one project summed up', () => {
  test('names are trimmed, a blank one is left out, and the steps and warnings are those given', () => {
    const s = summary({ project: { organisation: '  Jardins  ', title: '   ' }, lead: { name: ' Camille Martin ' } }, 'a/adopt.yaml', ['few-key-users']);
    expect(s).toMatchObject({ file: 'a/adopt.yaml', organisation: 'Jardins', lead: 'Camille Martin', steps: STEPS, warnings: ['few-key-users'], currency: 'EUR' });
    expect(s).not.toHaveProperty('title');
  });

  test('the next date is the first one still to come, and only past milestones not reached are late', () => {
    const s = summary({
      needs: {
        schedule: {
          milestones: [
            { id: 'M1', name: 'Passed, reached', date: '2026-10-01', done: true },
            { id: 'M2', name: 'Passed, not reached', date: '2026-11-01' },
            { id: 'M3', name: 'Another one late', date: '2026-11-26' },
            { id: 'M4', name: 'Reached early', date: '2026-12-01', done: true },
            { id: 'M5', name: 'Today', date: TODAY },
          ],
        },
      },
    });
    expect(s.late).toBe(2);
    expect(s.next).toEqual({ date: TODAY, kind: 'milestone', name: 'Today' });
  });

  test('the evaluation is overdue, due, done with its decision, or not set', () => {
    expect(summary({ evaluation: { due: '2026-11-01' } }).evaluation).toEqual({ state: 'overdue', due: '2026-11-01' });
    // A review on or after the due date is the evaluation done.
    expect(summary({ evaluation: { due: '2026-11-01', reviews: [{ date: '2026-11-02', decision: 'adjust' }] } }).evaluation).toEqual({ state: 'done', lastReview: '2026-11-02', decision: 'adjust' });
    expect(summary({ evaluation: { due: '2027-02-01' } }).evaluation).toEqual({ state: 'due', due: '2027-02-01' });
    // The latest review counts, whatever its place in the file.
    const reviews = [{ date: '2026-09-01', decision: 'stop' as const }, { date: '2026-06-01', decision: 'continue' as const }];
    expect(summary({ evaluation: { reviews } }).evaluation).toEqual({ state: 'done', lastReview: '2026-09-01', decision: 'stop' });
    expect(summary({}).evaluation).toEqual({ state: 'none' });
  });

  test('usability comes from the latest review that has scores, objectives from the latest review', () => {
    const s = summary({
      needs: { objectives: [{ id: 'O1', text: 'a' }, { id: 'O2', text: 'b' }, { id: 'O3', text: 'c' }] },
      evaluation: {
        reviews: [
          { date: '2026-03-01', usability: [50, 70], objectives: [{ id: 'O1', status: 'unmet' }] },
          { date: '2026-09-01', objectives: [{ id: 'O1', status: 'met' }, { id: 'O2', status: 'met' }, { id: 'O3', status: 'partial' }] },
        ],
      },
    });
    expect(s.usability).toEqual({ mean: 60, respondents: 2, date: '2026-03-01', scores: [50, 70] });
    expect(s.objectives).toEqual({ met: 2, partial: 1, unmet: 0 });
  });

  test('the chosen tool comes with its yearly cost in cents; no go and unknown costs are said as such', () => {
    expect(member('A', 'a.adopt.yaml', [], { chosen: { name: 'Paheko', yearly: 119.9 } }).chosen).toEqual({ id: 'new', name: 'Paheko', known: true, yearlyCents: 11990 });
    expect(member('A', 'a.adopt.yaml', [], { chosen: { name: 'Paheko' } }).chosen).toEqual({ id: 'new', name: 'Paheko', known: false, yearlyCents: 0 });
    expect(summary({ research: { candidates: [{ id: 'x', name: 'X', shortlisted: true }] }, poc: { decision: { chosen: 'none' } } }).chosen).toBeUndefined();
  });

  test('the inventory keeps named tools, costs in cents and real contract ends', () => {
    const s = member('A', 'a.adopt.yaml', [
      { tool: ' Mailchimp ', use: 'newsletter', fate: 'replaced', monthlyCost: 13.5, contractEnd: '2027-01-10' },
      { tool: '  ', use: 'nothing' },
      { tool: 'Drive', contractEnd: '2027-02-30' },
    ]);
    expect(s.inventory).toEqual([{ tool: 'Mailchimp', use: 'newsletter', fate: 'replaced', monthlyCents: 1350, contractEnd: '2027-01-10' }, { tool: 'Drive' }]);
  });

  test(`a project whose latest date is more than ${STALLED_MONTHS} months old is stalled; a contract running on is no sign of work`, () => {
    const edge = addMonths(TODAY, -STALLED_MONTHS);
    const stalled = summary({ project: { created: addDays(edge, -1) }, practices: { vision: { inventory: [{ tool: 'Drive', contractEnd: '2027-06-01' }] } } });
    expect(stalled).toMatchObject({ latest: addDays(edge, -1), stalled: true });
    expect(summary({ project: { created: edge } })).toMatchObject({ latest: edge, stalled: false });
    expect(summary({})).toMatchObject({ stalled: false });
    expect(summary({})).not.toHaveProperty('latest');
  });
});

describe('the order of attention', () => {
  test('an overdue review first, then late milestones, then warnings, then by organisation, title and file', () => {
    const base = (organisation: string, file: string): ProjectSummary => ({ ...summary({ project: { organisation, title: 'T' } }, file) });
    const overdue = { ...base('Z', 'z'), evaluation: { state: 'overdue' as const, due: '2026-01-01' } };
    const late = { ...base('Z', 'y'), late: 2 };
    const lessLate = { ...base('Z', 'x'), late: 1, warnings: ['few-key-users' as const, 'poc-length' as const] };
    const warned = { ...base('Z', 'w'), warnings: ['few-key-users' as const] };
    const accented = base('Écoles', 'v');
    const plain = base('ecoles', 'u');
    const first = base('Amap', 't');
    const sorted = [plain, first, warned, accented, lessLate, overdue, late].sort(byAttention);
    expect(sorted.map((s) => s.file)).toEqual(['z', 'y', 'x', 'w', 't', 'u', 'v']);
  });

  test('text is compared without case or accents, then exactly, so that the order never depends on the machine', () => {
    expect(compareText('écoles', 'Ecoles b')).toBeLessThan(0);
    expect(compareText('Ecoles', 'écoles')).toBeLessThan(0);
    expect(compareText('b', 'B')).toBeGreaterThan(0);
    expect(compareText('same', 'same')).toBe(0);
  });
});

describe('the totals across projects', () => {
  test('costs are summed per organisation and overall, each currency apart', () => {
    const projects = [
      member('Jardins', 'j1.adopt.yaml', [{ tool: 'HelloAsso', use: 'adhésions', monthlyCost: 15 }, { tool: 'Drive', use: 'documents', monthlyCost: 6.5 }]),
      // The same organisation written otherwise, and the same tool: counted once.
      member('jardins ', 'j2.adopt.yaml', [{ tool: 'helloasso', use: 'Adhésions', monthlyCost: 99 }]),
      member('Riverside', 'r.adopt.yaml', [{ tool: 'Mailchimp', use: 'newsletter', monthlyCost: 12 }], { currency: 'GBP' }),
      member('Riverside', 'r2.adopt.yaml', [{ tool: 'Slack', use: 'chat' }], { currency: 'GBP' }),
    ];
    const totals = portfolioTotals(projects, TODAY);
    const jardins = totals.organisations.find((o) => o.name === 'Jardins')!;
    expect(jardins.projects).toBe(2);
    expect(jardins.tools.map((t) => [t.tool, t.monthlyCents])).toEqual([['Drive', 650], ['HelloAsso', 1500]]);
    expect(jardins.costs).toEqual([{ currency: 'EUR', monthlyCents: 1500 + 650, yearlyCents: (1500 + 650) * 12 }]);
    // A tool whose cost is unknown is not counted as free: it is left out of the sums.
    const riverside = totals.organisations.find((o) => o.name === 'Riverside')!;
    expect(riverside.tools.find((t) => t.tool === 'Slack')).not.toHaveProperty('monthlyCents');
    expect(riverside.costs).toEqual([{ currency: 'GBP', monthlyCents: 1200, yearlyCents: 14400 }]);
    expect(totals.costs).toEqual([
      { currency: 'EUR', monthlyCents: 2150, yearlyCents: 25800 },
      { currency: 'GBP', monthlyCents: 1200, yearlyCents: 14400 },
    ]);
  });

  test('a replaced tool goes once its successor is chosen, and the chosen tool serves its uses', () => {
    const projects = [
      member('Club', 'a.adopt.yaml', [{ tool: 'Excel', use: 'members', fate: 'replaced', monthlyCost: 10 }], { chosen: { name: 'Paheko', yearly: 120 } }),
      member('Club', 'b.adopt.yaml', [{ tool: 'Trello', use: 'tasks', fate: 'replaced', monthlyCost: 5 }]),
    ];
    const [club] = portfolioTotals(projects, TODAY).organisations;
    expect(club!.tools.map((t) => [t.tool, t.source, t.uses, t.monthlyCents, t.yearlyCents])).toEqual([
      ['Paheko', 'chosen', ['members'], 1000, 12000],
      // No successor chosen in its project yet: it stays.
      ['Trello', 'inventory', ['tasks'], 500, 6000],
    ]);
    expect(club!.costs).toEqual([{ currency: 'EUR', monthlyCents: 1500, yearlyCents: 18000 }]);
  });

  test('two tools for one use in one organisation overlap; in two organisations they do not', () => {
    const projects = [
      member('Club', 'a.adopt.yaml', [{ tool: 'HelloAsso', use: 'Inscriptions' }]),
      member('Club', 'b.adopt.yaml', [{ tool: 'Google Forms', use: 'inscriptions ' }]),
      member('Other', 'c.adopt.yaml', [{ tool: 'Framaforms', use: 'inscriptions' }]),
    ];
    // The use as the first tool in name order writes it, trimmed.
    expect(portfolioTotals(projects, TODAY).overlaps).toEqual([{ organisation: 'Club', use: 'inscriptions', tools: ['Google Forms', 'HelloAsso'] }]);
  });

  test(`contracts ending from today to ${CONTRACT_NOTICE_DAYS} days on are listed once per organisation, soonest first`, () => {
    const last = addDays(TODAY, CONTRACT_NOTICE_DAYS);
    const projects = [
      member('Club', 'a.adopt.yaml', [
        { tool: 'Last day', contractEnd: last },
        { tool: 'Too late', contractEnd: addDays(last, 1) },
        { tool: 'Already over', contractEnd: addDays(TODAY, -1) },
        { tool: 'Today', contractEnd: TODAY },
      ]),
      // The same contract in another project of the same organisation is one decision.
      member('club', 'b.adopt.yaml', [{ tool: 'today', contractEnd: TODAY }]),
      member('Other', 'c.adopt.yaml', [{ tool: 'Today', contractEnd: TODAY }]),
    ];
    const contracts = portfolioTotals(projects, TODAY).contracts;
    expect(contracts.map((c) => [c.tool, c.date, c.organisation])).toEqual([
      ['Today', TODAY, 'Club'],
      ['Today', TODAY, 'Other'],
      ['Last day', last, 'Club'],
    ]);
  });

  test('reviews overdue, stalled projects, objectives and usability are gathered across projects', () => {
    const a = summary({ project: { organisation: 'Club', title: 'A', created: '2025-01-01' }, evaluation: { due: '2026-05-01', reviews: [{ date: '2026-01-10', usability: [60, 80], objectives: [{ id: 'O1', status: 'met' }] }] } }, 'a.adopt.yaml');
    const b = summary({ project: { organisation: 'Club', title: 'B', created: '2026-11-01' }, evaluation: { reviews: [{ date: '2026-11-10', usability: [90], objectives: [{ id: 'O1', status: 'unmet' }, { id: 'O2', status: 'partial' }] }] } }, 'b.adopt.yaml');
    const totals = portfolioTotals([a, b], TODAY);
    expect(totals.overdue).toEqual([{ organisation: 'Club', title: 'A', file: 'a.adopt.yaml', due: '2026-05-01' }]);
    expect(totals.stalled).toEqual([{ organisation: 'Club', title: 'A', file: 'a.adopt.yaml', latest: '2026-05-01' }]);
    expect(totals.objectives).toEqual({ met: 1, partial: 1, unmet: 1 });
    // The mean of every respondent, not the mean of the projects' means.
    expect(totals.organisations[0]!.usability).toEqual({ mean: Math.round(((60 + 80 + 90) / 3) * 10) / 10, respondents: 3, projects: 2 });
  });

  test('projects without an organisation are grouped together, listed last', () => {
    const totals = portfolioTotals([member(undefined, 'x.adopt.yaml', []), member('Zeta', 'z.adopt.yaml', []), member(undefined, 'y.adopt.yaml', [])], TODAY);
    expect(totals.organisations.map((o) => [o.name, o.projects])).toEqual([['Zeta', 1], [undefined, 2]]);
  });
});

describe('anonymity', () => {
  test('the summary keeps the lead for a named run; the totals never name a person; --json leaves the lead and the events’ names out', async () => {
    const s = summary({
      project: { organisation: 'Club', title: 'Adhésions', created: '2026-10-01' },
      lead: { name: 'Camille Martin' },
      needs: { schedule: { milestones: [{ id: 'M1', name: 'Réunion chez Camille Martin', date: '2027-01-05' }] } },
    });
    expect(s.lead).toBe('Camille Martin');
    expect(JSON.stringify(portfolioTotals([s], TODAY))).not.toContain('Camille');
    const report = { today: TODAY, files: 1, projects: [s], problems: [{ file: 'b/adopt.yaml', line: 3, col: 1, message: 'Camille Martin is not a number' }], unreadable: [], totals: portfolioTotals([s], TODAY) };
    const t = await loadTranslator('en');
    expect(JSON.stringify(portfolioJson({ ...report, anonymous: false }, t))).toContain('Camille Martin');
    const anonymous = JSON.stringify(portfolioJson({ ...report, anonymous: true }, t));
    expect(anonymous).not.toContain('Camille');
    expect(anonymous).toContain('"date":"2027-01-05"');
  });
});
