import type { Translator } from '../i18n/index.js';
import { loadProject } from '../store.js';
import { checkProject } from '../check.js';
import { FileProblemsError, CheckFailedError } from '../errors.js';
import { formatProblem } from '../problems.js';
import type { Project } from '../generated/model.js';
import { progress, type StepProgress } from '../derive/completeness.js';
import { warnings as findWarnings, type Warning } from '../derive/warnings.js';
import { datedEvents, nextEvent, lateMilestones, evaluationStatus, type DatedEvent, type EvaluationStatus } from '../derive/events.js';
import type { Context } from '../context.js';
import type { DanglingReference } from '../derive/references.js';
import { makeStyle } from '../view/style.js';
import { printStatus, eventLabel } from '../view/status.js';
import { warningMessage } from '../view/warnings.js';

export interface StatusOptions {
  json?: boolean;
  strict?: boolean;
}

export interface StatusReport {
  file: string;
  today: string;
  title?: string;
  organisation?: string;
  steps: StepProgress[];
  warnings: (Warning & { message: string })[];
  next?: DatedEvent;
  late: DatedEvent[];
  evaluation: EvaluationStatus;
}

/** Everything status shows, computed from the project: shared by the text and JSON forms. */
export function statusReport(project: Project, shownFile: string, today: string, t: Translator, dangling?: readonly DanglingReference[]): StatusReport {
  const events = datedEvents(project);
  const next = nextEvent(project, today, events);
  return {
    file: shownFile,
    today,
    ...(project.project?.title ? { title: project.project.title } : {}),
    ...(project.project?.organisation ? { organisation: project.project.organisation } : {}),
    steps: progress(project, today),
    warnings: findWarnings(project, today, dangling).map((w) => ({ ...w, message: warningMessage(w, t) })),
    ...(next ? { next } : {}),
    late: lateMilestones(project, today, events),
    evaluation: evaluationStatus(project, today),
  };
}

/** What `status --json` prints: stable keys that scripts rely on (the warning codes: docs/warnings.md). */
export function statusJson(report: StatusReport, t: Translator): unknown {
  return {
    file: report.file,
    today: report.today,
    steps: report.steps.map((s) => ({ id: s.id, ...(s.number ? { number: s.number } : {}), state: s.state, missing: s.missing.map((m) => m.path) })),
    warnings: report.warnings.map((w) => ({ code: w.code, message: w.message, path: w.path })),
    next: report.next ? { date: report.next.date, kind: report.next.kind, label: eventLabel(report.next, t), path: report.next.path } : null,
    late: report.late.map((e) => ({ date: e.date, label: eventLabel(e, t), path: e.path })),
    evaluation: {
      due: report.evaluation.due ?? null,
      overdue: report.evaluation.overdue,
      reviews: report.evaluation.reviews,
      ...(report.evaluation.suggested ? { suggested: report.evaluation.suggested } : {}),
    },
  };
}

export async function status(options: StatusOptions, ctx: Context): Promise<void> {
  const { t, io } = ctx;
  const loaded = await loadProject(ctx.file, t, ctx.shownFile);
  // Dangling references are warnings here, with their path: no need to locate them in the file.
  const checked = loaded.ok ? await checkProject(loaded.source, t, { locateReferences: false }) : undefined;
  const problems = checked ? checked.structural : loaded.ok ? [] : loaded.problems;
  if (!loaded.ok || !checked || problems.length > 0) {
    const lines = problems.map((p) => formatProblem({ ...p, file: ctx.shownFile }));
    throw new FileProblemsError(t('status.problems', { file: ctx.shownFile }), lines);
  }
  const report = statusReport(loaded.source.data as unknown as Project, ctx.shownFile, ctx.today, t, checked.dangling);
  if (options.json) io.stdout.write(`${JSON.stringify(statusJson(report, t), null, 2)}\n`);
  else io.stdout.write(printStatus(report, t, await makeStyle({ color: ctx.color, env: io.env })));
  if (options.strict && report.warnings.length > 0) throw new CheckFailedError(t('status.strictFailed'));
}
