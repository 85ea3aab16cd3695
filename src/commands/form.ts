/**
 * `adopt form poc|review [--csv]`: a form for the people who will never run a command. Writes the
 * offline page into adopt-docs/ (or, with --csv, prints its questions for a form service). The
 * answers come back through `adopt collect`; the questions and their codes are
 * derive/form-questions.ts, so that what is asked here is what collect recognises.
 */
import path from 'node:path';
import type { Context } from '../context.js';
import type { Project } from '../generated/model.js';
import { CheckFailedError, UsageError } from '../errors.js';
import { openProject } from '../project.js';
import { FORM_KINDS, type FormKind } from '../derive/form-questions.js';
import { audienceIds } from '../derive/audiences.js';
import { workingCopy, writeNotes, writeProjectData, type ProjectSource } from '../store.js';
import { writeOutputs } from '../write-documents.js';
import { shownPath } from '../util/shown-path.js';
import { outputWidth, wrap } from '../view/wrap.js';
import type { MsgKey } from '../i18n/index.js';

export interface FormOptions {
  kind: string;
  csv?: boolean;
}

/** What the form needs from the file, in the order a coordinator would fill it in. */
function missing(project: Project, kind: FormKind): MsgKey | undefined {
  if (kind === 'review') return (project.needs?.objectives ?? []).length === 0 ? 'form.refuse.noObjective' : undefined;
  if (!(project.research?.candidates ?? []).some((c) => c.shortlisted === true)) return 'form.refuse.noShortlisted';
  if ((project.poc?.criteria ?? []).length === 0) return 'form.refuse.noCriterion';
  if ((project.keyUsers ?? []).length === 0) return 'form.refuse.noKeyUser';
  return undefined;
}

/**
 * Answers name their audience by id: an audience without one gets the id it is asked by (A1, A2…
 * by position) written into the file now, so a later reorder of the list cannot move answers.
 */
async function keepAudienceIds(source: ProjectSource, project: Project, ctx: Context): Promise<{ project: Project; note?: string }> {
  const missingIds = (project.needs?.audiences ?? []).filter((a) => !a.id).length;
  if (missingIds === 0) return { project };
  const ids = audienceIds(project.needs?.audiences);
  const working = workingCopy(project);
  const copy = working.copy;
  // Set on the working copy's own items, so the store edits those lines and keeps the rest as written.
  copy.needs!.audiences!.forEach((audience, i) => (audience.id ??= ids[i]!));
  const written = await writeProjectData(source, { before: source.data, after: copy as unknown as Record<string, unknown>, originOf: working.originOf }, ctx.t);
  for (const note of writeNotes(written, ctx.t)) ctx.io.stderr.write(`${note}\n`);
  return { project: copy, note: ctx.t('form.idsWritten', { n: missingIds }) };
}

export async function form(options: FormOptions, ctx: Context): Promise<void> {
  const { t, io } = ctx;
  if (!(FORM_KINDS as readonly string[]).includes(options.kind)) throw new UsageError(t('form.badKind', { value: options.kind }));
  const kind = options.kind as FormKind;
  const { source } = await openProject(ctx.file, ctx.shownFile, t);
  let project = source.data as unknown as Project;
  const refusal = missing(project, kind);
  if (refusal) throw new CheckFailedError(t(refusal));
  const width = outputWidth(io.stdout, io.env);
  let note: string | undefined;
  if (kind === 'review') ({ project, note } = await keepAudienceIds(source, project, ctx));

  if (options.csv) {
    const { formCsv } = await import('../render/form-csv.js');
    // The CSV alone on stdout, so that `> questions.csv` holds nothing else.
    if (note) io.stderr.write(`${note}\n`);
    io.stdout.write(formCsv(project, kind, t));
    return;
  }
  const { formPage } = await import('../render/form-page.js');
  const folder = path.join(path.dirname(ctx.file), 'adopt-docs');
  const target = path.join(folder, `form-${kind}.html`);
  const shown = (file: string) => shownPath(io.cwd, file);
  await writeOutputs([{ target, data: formPage(project, kind, t) }], { project: ctx.file, folder, cwd: io.cwd, advice: 'none', shown, t });
  if (note) io.stdout.write(`${wrap(note, width)}\n`);
  io.stdout.write(`${wrap(t('form.wrote', { file: shown(target) }), width)}\n`);
}
