/** The information points in the calendar: one recurring event, read back by ical.js. */
import ICAL from 'ical.js';
import { icsCalendar } from '../../src/render/ics.js';
import { loadTranslator } from '../../src/i18n/index.js';
import type { Project } from '../../src/generated/model.js';

type Frequency = 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'milestones';

const project = (frequency: Frequency, withPhases = true): Project => ({
  version: 1,
  project: { title: 'Rota', organisation: 'Food bank', created: '2026-07-01' },
  deployment: {
    launch: { format: 'Launch evening', date: '2027-01-14' },
    ...(withPhases
      ? {
          phases: [
            { id: 'P1', name: 'Warehouse', start: '2027-01-14', end: '2027-02-14' },
            { id: 'P2', name: 'Drivers', start: '2027-02-15', end: '2027-06-30' },
          ],
        }
      : {}),
    infoPoints: { frequency, channel: 'Saturday briefing' },
  },
  evaluation: { due: '2027-09-30' },
});

async function infoPoints(p: Project) {
  const text = icsCalendar(p, await loadTranslator('en'));
  const calendar = new ICAL.Component(ICAL.parse(text));
  const found = calendar.getAllSubcomponents('vevent').filter((c) => String(c.getFirstPropertyValue('uid')).endsWith('-info-points@adopt'));
  return { text, found };
}

/** Every occurrence's day, as a calendar app expands the rule. */
function occurrences(component: ICAL.Component): string[] {
  const event = new ICAL.Event(component);
  const days: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && days.length < 100; next = iterator.next()) days.push(next.toString());
  return days;
}

describe('the information points in the calendar', () => {
  test.each([
    ['weekly', 'FREQ=WEEKLY;UNTIL=20270630', 24, ['2027-01-14', '2027-01-21', '2027-01-28'], '2027-06-24'],
    ['fortnightly', 'FREQ=WEEKLY;INTERVAL=2;UNTIL=20270630', 12, ['2027-01-14', '2027-01-28', '2027-02-11'], '2027-06-17'],
    ['monthly', 'FREQ=MONTHLY;UNTIL=20270630', 6, ['2027-01-14', '2027-02-14', '2027-03-14'], '2027-06-14'],
    ['quarterly', 'FREQ=MONTHLY;INTERVAL=3;UNTIL=20270630', 2, ['2027-01-14', '2027-04-14'], '2027-04-14'],
  ] as const)('%s: one event from the launch to the end of the last phase', async (frequency, rule, count, first, last) => {
    const { text, found } = await infoPoints(project(frequency));
    expect(found).toHaveLength(1);
    expect(text).toContain(`RRULE:${rule}\r\n`);
    const event = found[0]!;
    const recur = event.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(recur.until!.toString()).toBe('2027-06-30');
    const days = occurrences(event);
    expect(days).toHaveLength(count);
    expect(days.slice(0, first.length)).toEqual(first);
    expect(days.at(-1)).toBe(last);
    expect(new ICAL.Event(event).summary).toBe('Rota — Information point');
    expect(new ICAL.Event(event).description).toBe('Where: Saturday briefing');
    expect(event.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });

  test('without phases, until the evaluation is due', async () => {
    const { found } = await infoPoints(project('monthly', false));
    expect((found[0]!.getFirstPropertyValue('rrule') as ICAL.Recur).until!.toString()).toBe('2027-09-30');
    expect(occurrences(found[0]!).at(-1)).toBe('2027-09-14');
  });

  test('"at each milestone" adds no event, nor does a project without a launch date or an end', async () => {
    expect((await infoPoints(project('milestones'))).found).toEqual([]);
    const noLaunch = project('weekly');
    delete noLaunch.deployment!.launch;
    expect((await infoPoints(noLaunch)).found).toEqual([]);
    const noEnd = project('weekly', false);
    delete noEnd.evaluation;
    expect((await infoPoints(noEnd)).found).toEqual([]);
  });

  test('DTSTAMP comes from the project: its last recorded day, whatever today is', async () => {
    const p = project('weekly');
    expect((await infoPoints(p)).text.match(/^DTSTAMP:.*$/gm)!.every((line) => line.startsWith('DTSTAMP:20260701T000000Z'))).toBe(true);
    p.practices = { communications: [{ date: '2027-01-20', audience: 'All', message: 'News' }] };
    expect((await infoPoints(p)).text).toContain('DTSTAMP:20270120T000000Z');
  });
});
