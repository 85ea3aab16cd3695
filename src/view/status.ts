import { Composed, type Translator, type MsgKey } from '../i18n/index.js';
import type { StatusReport } from '../progress/status.js';
import type { Style } from './style.js';
import type { DatedEvent } from '../derive/events.js';
import { daysBetween } from '../util/dates.js';
import { visible } from '../util/visible.js';
import { plannedDate, progressLine, stateMark } from './progress.js';
import { tally } from '../progress/completeness.js';
import { warningLines } from './warnings.js';
import { wrap } from './wrap.js';
import { stepName } from '../steps/ids.js';

const MAX_MISSING_SHOWN = 4;

export function relativeDay(date: string, today: string, t: Translator): string {
  const days = daysBetween(today, date);
  if (days === 0) return t('status.today');
  if (days === 1) return t('status.inOneDay');
  if (days === -1) return t('status.oneDayAgo');
  return days > 0 ? t('status.inDays', { count: days }) : t('status.daysAgo', { count: -days });
}

export function eventLabel(event: DatedEvent, t: Translator): string {
  if (event.name === undefined && event.kind === 'launch') return t('event.launchPlain');
  if (event.name === undefined && event.kind === 'training') return t('event.trainingPlain');
  return t(`event.${event.kind}`, { name: event.name ?? '' });
}

type Shown = { code: string; message: string; advice?: string };

/**
 * One deleted key user leaves a dangling reference in every score they gave: for a person, one
 * line per missing id says it better than one per place.
 */
function groupDangling(warnings: StatusReport['warnings'], t: Translator): Shown[] {
  const out: Shown[] = [];
  const groups = new Map<string, StatusReport['warnings']>();
  for (const warning of warnings) {
    if (warning.code !== 'dangling-reference' || !warning.reference) {
      out.push(warning);
      continue;
    }
    const key = `${warning.reference.target} ${warning.reference.id}`;
    if (!groups.has(key)) {
      groups.set(key, []);
      out.push({ code: warning.code, message: key, ...(warning.advice ? { advice: warning.advice } : {}) });
    }
    groups.get(key)!.push(warning);
  }
  return out.map((line) => {
    const group = groups.get(line.message);
    if (line.code !== 'dangling-reference' || !group) return line;
    if (group.length === 1) return { ...line, message: group[0]!.message };
    const { id, target } = group[0]!.reference!;
    return { ...line, message: t('warning.dangling-grouped', { id, target: t(`target.${target}`), places: t('noun.place', { n: group.length }) }) };
  });
}

export interface PrintOptions {
  /** Whether style() colours: the warning's code is shown dimmed only then. */
  colour?: boolean;
  /** The terminal's width, to wrap between words; none for a pipe. */
  width?: number;
}

/** The status for a person: one screen, most important first, in their language. */
export function printStatus(report: StatusReport, t: Translator, style: Style, options: PrintOptions = {}): string {
  const lines: string[] = [];
  // Each line wraps on its own, continuing under the text that follows its mark or label.
  const out = { push: (...added: string[]) => lines.push(...added.map((line) => wrap(line, options.width, hanging))) };
  const title = report.title === undefined ? t('status.untitled') : visible(report.title);
  out.push(style('bold', report.organisation ? `${title} — ${visible(report.organisation)}` : title));
  out.push(style('dim', `${visible(report.file)} · ${t('status.steps', { progress: progressLine(report.steps, t) })}`), '');

  const names = report.steps.map((s) => `${s.number ?? ' '} ${t(`step.${s.id}`)}`);
  const width = Math.max(...names.map((n) => n.length));
  report.steps.forEach((step, index) => {
    const mark = stateMark(step.state, style);
    const state = t(`state.${step.state}`);
    let detail = '';
    if (step.state === 'planned') detail = ` ${plannedDate(step, t)}`;
    else if (step.state !== 'complete') {
      const labels = step.missing.map((m) => (m.item ? t('status.itemField', { item: m.item, field: t(m.label) }) : t(m.label)));
      const shown = labels.slice(0, MAX_MISSING_SHOWN).join(', ');
      const list = labels.length > MAX_MISSING_SHOWN ? t('status.missingMore', { list: shown, more: t('noun.more', { n: labels.length - MAX_MISSING_SHOWN }) }) : shown;
      detail = step.state === 'empty' ? style('dim', ` → ${t('status.fillWith', { step: stepName(step.id, t.lang) })}`) : style('dim', ` — ${t('status.missing', { list })}`);
    }
    out.push(` ${mark} ${names[index]!.padEnd(width)}  ${state}${detail}`);
  });

  out.push('', style('bold', t('status.warnings')));
  const shownWarnings = groupDangling(report.warnings, t);
  if (shownWarnings.length === 0) out.push(`  ${style('green', t('status.noWarnings'))}`);
  for (const warning of shownWarnings) out.push(...warningLines(warning, style, options.colour === true));

  out.push(...costLines(report, t, style));

  out.push('');
  // Both parts are adopt's own composition, styled: user text in them went through t().
  const line = (label: MsgKey, value: string) => t('status.labelValue', { label: new Composed(style('bold', t(label))), value: new Composed(value) });
  out.push(
    line('status.next', report.next ? `${t.date(report.next.date)} — ${eventLabel(report.next, t)} (${relativeDay(report.next.date, report.today, t)})` : t('status.nothingNext')),
  );
  const evaluation = report.evaluation;
  const when = evaluation.due
    ? evaluation.overdue
      ? style('red', t('status.evaluationOverdue', { date: t.date(evaluation.due), relative: relativeDay(evaluation.due, report.today, t) }))
      : t('status.evaluationDue', { date: t.date(evaluation.due), relative: relativeDay(evaluation.due, report.today, t) })
    : evaluation.suggested
      ? t('status.evaluationSuggested', { date: t.date(evaluation.suggested) })
      : t('status.evaluationNone');
  const reviews = evaluation.reviews ? t('status.reviews', { reviews: t('noun.review', { n: evaluation.reviews }) }) : t('status.reviewsNone');
  out.push(line('status.evaluation', `${when} · ${reviews}`));
  if (report.ideas.new > 0) out.push(line('status.ideas', t('status.ideasNew', { n: report.ideas.new })));
  return `${lines.join('\n')}\n`;
}

/** Where a status line goes on when it wraps: under the text after its mark, label or arrow. */
function hanging(line: string): number | undefined {
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  // " ◐ 3 Needs and constraints    in progress — …": under the state, after the padded name.
  const row = /^ \S+ [\d ] .*?  +/u.exec(plain);
  return row && !plain.startsWith('  ') ? row[0].length : undefined;
}

/** Each tool's net cost over the horizon, and per point of score: only once a tool has costs. */
function costLines(report: StatusReport, t: Translator, style: Style): string[] {
  const { tools, currency, horizon } = report.costs;
  if (!tools.some((tool) => tool.known)) return [];
  const out = ['', style('bold', t('status.costs', { n: horizon }))];
  const width = Math.max(...tools.map((tool) => visible(tool.name).length));
  for (const tool of tools) {
    const name = visible(tool.name).padEnd(width);
    if (!tool.known) out.push(`  ${name}  ${style('dim', t('status.costUnknown'))}`);
    else if (tool.perPoint !== undefined) out.push(`  ${name}  ${t('status.costScored', { net: t.money(tool.net, currency), score: t.number(tool.weighted!, 2), perPoint: t.money(tool.perPoint, currency) })}`);
    else out.push(`  ${name}  ${t.money(tool.net, currency)}`);
  }
  return out;
}

/** The JSON contract of `status --json` (DESIGN.md): stable keys for scripts. */
export function statusJson(report: StatusReport, t: Translator): unknown {
  return {
    file: report.file,
    today: report.today,
    steps: report.steps.map((s) => ({ id: s.id, ...(s.number ? { number: s.number } : {}), state: s.state, ...(s.planned ? { until: s.planned.until } : {}), missing: s.missing.map((m) => m.path) })),
    progress: tally(report.steps),
    warnings: report.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.advice ? { advice: w.advice } : {}), path: w.path })),
    next: report.next ? { date: report.next.date, kind: report.next.kind, label: eventLabel(report.next, t), path: report.next.path } : null,
    late: report.late.map((e) => ({ date: e.date, label: eventLabel(e, t), path: e.path })),
    evaluation: {
      due: report.evaluation.due ?? null,
      overdue: report.evaluation.overdue,
      reviews: report.evaluation.reviews,
      ...(report.evaluation.suggested ? { suggested: report.evaluation.suggested } : {}),
    },
    costs: report.costs,
    ideas: report.ideas,
  };
}
