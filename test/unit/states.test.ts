/** The four states of a step on given days, the progress line, and the two warnings on dates. */
import { progress, tally, type StepState } from '../../src/progress/completeness.js';
import { warnings } from '../../src/derive/warnings.js';
import { warningAdvice, warningMessage } from '../../src/view/warnings.js';
import { progressLine } from '../../src/view/progress.js';
import { printSummary, type Session, type SessionOptions } from '../../src/wizard/session.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { addDays } from '../../src/util/dates.js';
import type { Project } from '../../src/generated/model.js';
import { examples, loadExample } from '../helpers.js';

const states = (project: Project, today: string): Record<string, StepState> => Object.fromEntries(progress(project, today).map((s) => [s.id, s.state]));

describe('the four states on given days (food bank example)', () => {
  let project: Project;
  beforeAll(async () => (project = await loadExample(examples.foodBank)));

  test('before the launch: deployment, training and evaluation are planned, not done', () => {
    const all = progress(project, '2026-11-27');
    expect(all.map((s) => s.state)).toEqual(['complete', 'complete', 'complete', 'complete', 'complete', 'planned', 'planned', 'planned', 'complete']);
    expect(all.find((s) => s.id === 'deployment')!.planned).toEqual({ until: '2027-03-31', label: 'state.until' });
    expect(all.find((s) => s.id === 'training')!.planned).toEqual({ until: '2027-02-17', label: 'state.until' });
    expect(all.find((s) => s.id === 'evaluation')!.planned).toEqual({ until: '2027-07-05', label: 'state.dueOn' });
    expect(tally(all)).toEqual({ done: 5, planned: 3, todo: 0 });
  });

  test('a step is done on its last day, and after', () => {
    expect(states(project, '2027-02-16').training).toBe('planned');
    expect(states(project, '2027-02-17').training).toBe('complete');
    expect(states(project, '2027-03-30').deployment).toBe('planned');
    expect(states(project, '2027-04-01').deployment).toBe('complete');
  });

  test('the evaluation: planned until its due date, then in progress until its first review, then done', () => {
    expect(states(project, '2027-07-04').evaluation).toBe('planned');
    const due = progress(project, '2027-07-05').find((s) => s.id === 'evaluation')!;
    expect([due.state, due.missing.map((m) => m.path)]).toEqual(['partial', ['evaluation.reviews']]);
    const reviewed: Project = { ...project, evaluation: { due: '2027-10-05', reviews: [{ date: '2027-07-06', decision: 'continue' }] } };
    // the next due date after a review is the next round, not a plan: the step stays done
    expect(states(reviewed, '2027-07-07').evaluation).toBe('complete');
  });
});

describe('the four states on a project built here', () => {
  const base: Project = {
    version: 1,
    project: { title: 'T', organisation: 'O' },
    lead: { name: 'C', role: 'R', contact: 'c@example.org', availability: '1 day', skills: { projectManagement: 'strong', facilitation: 'some' } },
    keyUsers: [
      { id: 'a', name: 'A', role: 'R', profile: 'daily', use: 'U' },
      { id: 'b', name: 'B', role: 'R', profile: 'occasional', use: 'U' },
    ],
  };

  test('step 8 is never complete before a review, whatever the day', () => {
    const project: Project = { ...base, evaluation: { due: '2027-06-01' } };
    for (let day = '2026-01-01'; day < '2028-01-01'; day = addDays(day, 17)) expect([day, states(project, day).evaluation]).not.toEqual([day, 'complete']);
    expect(states(project, '2027-05-31').evaluation).toBe('planned');
    expect(states(project, '2027-06-01').evaluation).toBe('partial');
  });

  test('a project with only its lead, key users and an evaluation date: 2 done, 1 planned, 6 to do', async () => {
    const all = progress({ ...base, evaluation: { due: '2027-06-01' } }, '2026-12-01');
    expect(tally(all)).toEqual({ done: 2, planned: 1, todo: 5 });
    expect(progressLine(all, await loadTranslator('en'))).toBe('2 done · 1 planned · 5 to do');
    expect(progressLine(all, await loadTranslator('fr'))).toBe('2 terminées · 1 prévue · 5 à faire');
  });

  test('a partly answered step stays in progress even if its dates are ahead; an empty count is left out', async () => {
    const project: Project = { ...base, poc: { start: '2027-01-10', end: '2027-02-07' } };
    expect(states(project, '2026-12-01').poc).toBe('partial');
    expect(progressLine(progress(base, '2026-12-01'), await loadTranslator('en'))).toBe('2 done · 6 to do');
  });

  test('without a day, nothing can be planned', () => {
    expect(progress({ ...base, evaluation: { due: '2027-06-01' } }).find((s) => s.id === 'evaluation')!.state).toBe('partial');
  });

  test("the wizard's summary shows the same states and progress", async () => {
    const t = await loadTranslator('en');
    const session = { t, style: (_: string, text: string) => text, project: { ...base, evaluation: { due: '2027-06-01' } } } as unknown as Session;
    const text = printSummary(session, { today: '2026-12-01', shownFile: 'adopt.yaml' } as SessionOptions);
    expect(text).toContain('◷ 8 Evaluation — planned for 1 June 2027');
    expect(text).toContain('steps: 2 done · 1 planned · 5 to do');
  });
});

describe('date-order', () => {
  const dated = (decision?: string, launch?: string, due?: string): Project => ({
    version: 1,
    poc: { start: '2027-01-10', end: '2027-02-07', ...(decision ? { decision: { chosen: 'x', date: decision } } : {}) },
    ...(launch ? { deployment: { launch: { date: launch } } } : {}),
    ...(due ? { evaluation: { due } } : {}),
  });
  const found = (project: Project) => warnings(project, '2026-12-01').filter((w) => w.code === 'date-order');

  test('the decision before the end of the test, the launch before the decision, the evaluation before the launch', () => {
    expect(found(dated('2027-02-01')).map((w) => w.path)).toEqual(['poc.decision.date']);
    expect(found(dated('2027-02-10', '2027-02-09')).map((w) => w.path)).toEqual(['deployment.launch.date']);
    expect(found(dated('2027-02-10', '2027-03-01', '2027-02-20')).map((w) => w.path)).toEqual(['evaluation.due']);
  });

  test('dates in order, or on the same day, raise none', () => {
    expect(found(dated('2027-02-07', '2027-02-07', '2027-02-07'))).toEqual([]);
    expect(found(dated('2027-02-10', '2027-03-01', '2027-06-01'))).toEqual([]);
  });

  test('said with both dates, in both languages', async () => {
    const [warning] = found(dated('2027-02-01'));
    expect(warningMessage(warning!, await loadTranslator('en'))).toBe('The decision on the tool (1 February 2027) falls before the end of the proof of concept (7 February 2027), while the method puts them the other way round: check both dates.');
    expect(warningMessage(warning!, await loadTranslator('fr'))).toBe('La décision sur l’outil (1er février 2027) tombe avant la fin du test (7 février 2027), alors que la méthode les place dans l’autre ordre\u00a0: vérifiez ces deux dates.');
  });
});

describe('communication-behind', () => {
  const deploying = (frequency: 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'milestones', communications: string[] = []): Project => ({
    version: 1,
    deployment: { launch: { date: '2027-01-14' }, phases: [{ id: 'P1', name: 'All', start: '2027-01-14', end: '2027-12-31' }], infoPoints: { frequency, channel: 'Briefing' } },
    practices: { communications: communications.map((date) => ({ date, audience: 'All', message: 'News' })) },
  });
  const behind = (project: Project, today: string) => warnings(project, today).filter((w) => w.code === 'communication-behind');

  test.each([
    ['weekly', 7],
    ['fortnightly', 14],
    ['monthly', 31],
    ['quarterly', 92],
  ] as const)('%s: more than %i days since the launch, with nothing logged', (frequency, days) => {
    expect(behind(deploying(frequency), addDays('2027-01-14', days))).toEqual([]);
    expect(behind(deploying(frequency), addDays('2027-01-14', days + 1))).toEqual([{ code: 'communication-behind', path: 'practices.communications', params: { since: '2027-01-14', due: addDays('2027-01-14', days), frequency } }]);
  });

  test('counted from the last communication logged up to today, not before the launch', () => {
    expect(behind(deploying('weekly', ['2027-01-20']), '2027-01-27')).toEqual([]);
    expect(behind(deploying('weekly', ['2027-01-20']), '2027-01-28')).toHaveLength(1);
    // one logged before the launch does not count against the team; one dated ahead is not done yet
    expect(behind(deploying('weekly', ['2026-12-01']), '2027-01-21')).toEqual([]);
    expect(behind(deploying('weekly', ['2027-01-14', '2027-03-01']), '2027-01-22')).toHaveLength(1);
  });

  test('only during the deployment, and never for "at each milestone"', () => {
    expect(behind(deploying('weekly'), '2027-01-10')).toEqual([]);
    expect(behind(deploying('weekly'), '2028-01-10')).toEqual([]);
    expect(behind(deploying('milestones'), '2027-06-01')).toEqual([]);
  });

  test('said with dates, not a count of days, so that the plan stays still', async () => {
    const [warning] = behind(deploying('fortnightly', ['2027-02-01']), '2027-03-01');
    expect(warningMessage(warning!, await loadTranslator('en'))).toBe('Nothing has been logged among the communications since 1 February 2027, while the teams are to be kept informed every two weeks: the next information point was due by 15 February 2027.');
    expect(warningMessage(warning!, await loadTranslator('fr'))).toContain('depuis le 1er février 2027');
    // What to do names the step as people of each language type it.
    expect(warningAdvice(warning!, await loadTranslator('en'))).toBe('Inform the teams, then log it with adopt edit practices, then in its menus: communications.');
    expect(warningAdvice(warning!, await loadTranslator('fr'))).toBe('Informez les équipes, puis notez-le avec adopt edit pratiques, puis dans ses menus : communications.');
  });
});
