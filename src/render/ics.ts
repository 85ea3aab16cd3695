/**
 * The project's dates as an RFC 5545 iCalendar, as text: no I/O, so it is tested without files.
 *
 * The file holds dates, not times, so every event is all-day: DTSTART;VALUE=DATE, and DTEND the
 * day after the last day, because DTEND is exclusive. A span (the proof of concept, a phase) is
 * one event over its days rather than two one-day events, so a calendar shows it as a bar.
 */
import { createHash } from 'node:crypto';
import type { Project } from '../generated/model.js';
import type { Translator } from '../i18n/index.js';
import { addDays, isValidIsoDate } from '../util/dates.js';
import { slug, uniqueId } from '../util/ids.js';
import { datedItems } from '../derive/dated.js';
import { infoPoints, type InfoPointFrequency } from '../derive/events.js';

export interface CalendarEvent {
  /** The item's stable name within the project (milestone-M1, poc, phase-P2...). */
  key: string;
  /** First and last day, both included. */
  start: string;
  end: string;
  summary: string;
  description?: string;
  /** A reminder before the event, with this text: a week before unless `alarmDays` says otherwise. */
  alarm?: string;
  alarmDays?: number;
  /** Repeats from `start` (its first day) until this day, included, at this rhythm. */
  repeat?: { frequency: InfoPointFrequency; until: string };
}

/** Days before a contract ends that the calendar reminds the team of it. */
export const CONTRACT_NOTICE_DAYS = 30;

/** The events in date order: milestones, proof of concept, launch, phases, trainings, evaluation, contract ends. */
export function calendarEvents(project: Project, t: Translator): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const title = project.project?.title ?? project.project?.organisation;
  // Prefixed with the project, so that the event still makes sense in a shared calendar.
  const named = (event: string) => (title ? t('calendar.summary', { project: title, event }) : event);
  const add = (key: string, date: unknown, summary: string, extra: Partial<CalendarEvent> = {}) => {
    if (isValidIsoDate(date)) events.push({ key, start: date, end: date, summary: named(summary), ...extra });
  };
  /** One event over the days of a span; its ends on their own when the span is incomplete. */
  const span = (key: string, start: unknown, end: unknown, summaries: [whole: string, first: string, last: string], description?: string) => {
    const extra = description ? { description } : {};
    if (isValidIsoDate(start) && isValidIsoDate(end) && start <= end) events.push({ key, start, end, summary: named(summaries[0]), ...extra });
    else {
      add(`${key}-start`, start, summaries[1], extra);
      add(`${key}-end`, end, summaries[2], extra);
    }
  };

  const tools = (project.research?.candidates ?? []).filter((c) => c.shortlisted === true).map((c) => c.name ?? c.id);
  for (const item of datedItems(project)) {
    switch (item.kind) {
      case 'milestone': {
        const m = item.milestone;
        add(`milestone-${m.id ?? item.index + 1}`, item.date, t('event.milestone', { name: m.name ?? m.id }), m.done === true ? { description: t('calendar.milestoneDone') } : {});
        break;
      }
      case 'poc':
        span('poc', item.start, item.end, [t('calendar.poc'), t('event.pocStart'), t('event.pocEnd')], tools.length ? t('calendar.pocTools', { tools: t.list(tools) }) : undefined);
        break;
      case 'launch':
        add('launch', item.date, item.format ? t('event.launch', { name: item.format }) : t('event.launchPlain'));
        break;
      case 'phase': {
        const p = item.phase;
        const name = p.name ?? p.id;
        span(`phase-${p.id}`, item.start, item.end, [t('calendar.phase', { name }), t('event.phaseStart', { name }), t('event.phaseEnd', { name })], p.scope);
        break;
      }
      case 'training': {
        const s = item.session;
        const about = [
          s.topic && t('calendar.topic', { topic: s.topic }),
          s.audience && t('calendar.audience', { audience: s.audience }),
          s.format && t('calendar.format', { format: t(`enum.format.${s.format}`) }),
        ].filter(Boolean);
        // No id in the file: its place and date name it, so that a re-import still matches it.
        add(`training-${item.index + 1}-${s.date}`, item.date, s.topic ? t('event.training', { name: s.topic }) : t('event.trainingPlain'), about.length ? { description: about.join('\n') } : {});
        break;
      }
      case 'evaluation': {
        const due = item.date;
        if (isValidIsoDate(due)) add('evaluation', due, t('event.evaluation'), { description: t('calendar.evaluation'), alarm: named(t('calendar.evaluationAlarm', { date: t.date(due) })) });
        break;
      }
      case 'action': {
        const a = item.action;
        // No id in the file: the review's day and the action's place name it.
        add(`action-${item.reviewDate}-${item.index + 1}`, item.date, t('event.action', { name: a.what }), a.who ? { description: t('calendar.actionWho', { who: a.who }) } : {});
        break;
      }
      // The deadline and the decision are dates of the plan, not events to attend.
    }
  }

  // Contract ends of the tools in place, with a reminder 30 days before: time to give notice
  // before a contract renews on its own. The reminder is an event of its own, because Google
  // Calendar drops the alarms of an imported file; apps that keep alarms also ring on the end.
  for (const tool of project.practices?.vision?.inventory ?? []) {
    const end = tool.contractEnd;
    if (!isValidIsoDate(end) || !tool.tool) continue;
    const name = tool.tool;
    const key = `contract-${slug(name) || 'tool'}`;
    const reminder = t('calendar.contractReminderDescription', { tool: name, date: t.date(end) });
    add(key, end, t('calendar.contractEnd', { tool: name }), { description: t('calendar.contractEndDescription', { tool: name }), alarm: named(reminder), alarmDays: CONTRACT_NOTICE_DAYS });
    add(`${key}-reminder`, addDays(end, -CONTRACT_NOTICE_DAYS), t('calendar.contractReminder', { tool: name, date: t.date(end) }), { description: reminder });
  }

  // The regular information points: one recurring event, so that the rhythm the team chose is in
  // everyone's calendar. "At each milestone" needs none: the milestones are events already.
  const points = infoPoints(project);
  if (points?.until) {
    events.push({
      key: 'info-points',
      start: points.start,
      end: points.start,
      summary: named(t('calendar.infoPoint')),
      ...(points.channel ? { description: t('calendar.infoPointChannel', { channel: points.channel }) } : {}),
      repeat: { frequency: points.frequency, until: points.until },
    });
  }

  // Stable: events on the same day keep the order above.
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // TEXT allows no other control character than a tab: one would break the file.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

const octets = (char: string) => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 §3.1). The limit is in
 * UTF-8 bytes, and a fold falls between characters, never inside one.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  // The space that starts a continuation line counts in its 75 octets.
  let room = 75;
  for (const char of line) {
    const n = octets(char);
    if (size + n > room) {
      parts.push(current);
      current = '';
      size = 0;
      room = 74;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (iso: string) => iso.replace(/-/g, '');

/**
 * Unique in the world and the same at every run: the organisation's and the project's names,
 * then the item's key. Not cut short like an id, so two long titles that start alike differ.
 */
function uidBase(project: Project): string {
  const names = [project.project?.organisation, project.project?.title].map((s) => (typeof s === 'string' ? uidPart(s) : '')).filter(Boolean);
  return names.length ? names.join('.') : 'project';
}

/**
 * A name as ASCII for a UID. Latin names keep the slug they always had (calendars that imported
 * the file match on it), œ and ß included; letters of other scripts a slug cannot keep (Cyrillic, Chinese, Arabic...) would all
 * come out empty or alike, so a short hash of the whole name tells those names apart.
 */
function uidPart(name: string): string {
  const bare = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = bare.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!/(?![\p{Script=Latin}0-9])[\p{L}\p{N}]/u.test(bare)) return slug;
  const hash = createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 10);
  return slug ? `${slug}-${hash}` : hash;
}

const RRULE: Record<InfoPointFrequency, string> = {
  weekly: 'FREQ=WEEKLY',
  fortnightly: 'FREQ=WEEKLY;INTERVAL=2',
  monthly: 'FREQ=MONTHLY',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3',
};

/**
 * DTSTAMP: the latest day the project file records something that happened (its creation, a
 * decision, a communication, a review...), at midnight UTC. Taken from the project rather than
 * the clock, so the same project gives the same bytes on any day; it moves on when the team
 * records something new.
 */
export function calendarStamp(project: Project): string | undefined {
  const recorded = [
    project.project?.created,
    project.poc?.decision?.date,
    ...(project.practices?.decisions ?? []).map((d) => d.date),
    ...(project.practices?.communications ?? []).map((c) => c.date),
    ...(project.evaluation?.reviews ?? []).map((r) => r.date),
  ].filter(isValidIsoDate);
  return recorded.sort().pop();
}

export function icsCalendar(project: Project, t: Translator): string {
  const title = project.project?.title ?? project.project?.organisation ?? 'adopt';
  const events = calendarEvents(project, t);
  // A project that records nothing yet: its first event's day, still taken from the file.
  const stamp = `${icsDate(calendarStamp(project) ?? events[0]?.start ?? '1970-01-01')}T000000Z`;
  const base = uidBase(project);
  const taken = new Set<string>();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//adopt//adopt-cli//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(title)}`];
  for (const event of events) {
    // Two items with the same id (a file validate would flag) must not overwrite each other.
    const key = uniqueId(event.key.replace(/[^A-Za-z0-9._-]+/g, '-'), taken);
    taken.add(key);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${base}-${key}@adopt`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.start)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(event.end, 1))}`,
      // UNTIL is a DATE like DTSTART (RFC 5545 §3.3.10), and includes that day.
      ...(event.repeat ? [`RRULE:${RRULE[event.repeat.frequency]};UNTIL=${icsDate(event.repeat.until)}`] : []),
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      // Markers on the calendar, not meetings: they must not show the team as busy all month.
      'TRANSP:TRANSPARENT',
      'SEQUENCE:0',
      ...(event.alarm ? ['BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-P${event.alarmDays ?? 7}D`, `DESCRIPTION:${escapeText(event.alarm)}`, 'END:VALARM'] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
