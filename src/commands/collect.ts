/**
 * `adopt collect FILE...`: answers that came back from the forms (response files, CSV exports of
 * a form service) recorded in the project file. Everything is read and checked first; one file
 * refused and nothing is written, so a half-collected batch never has to be untangled. What will
 * be recorded is shown, and asked for at a terminal, before the one write.
 */
import path from 'node:path';
import type { Context } from '../context.js';
import type { Project, Response } from '../generated/model.js';
import type { Translator } from '../i18n/index.js';
import { FileProblemsError, UsageError } from '../errors.js';
import { openProject } from '../project.js';
import { checkProject } from '../check.js';
import { formatProblem } from '../problems.js';
import { workingCopy, writeProjectData, writeNotes } from '../store.js';
import { audienceIds } from '../derive/audiences.js';
import { shownPath } from '../util/shown-path.js';
import { outputWidth, wrap } from '../view/wrap.js';
import { isInteractive, makePrompter, type WizardOptions } from '../wizard/session.js';
import { readAnswers } from './collect-read.js';
import { asked, interpret, type PocRecord, type ReviewRecord } from './collect-answers.js';

export interface CollectOptions extends WizardOptions {
  files: string[];
  yes?: boolean;
}

export async function collect(options: CollectOptions, ctx: Context): Promise<void> {
  const { t, io } = ctx;
  if (options.files.length === 0) throw new UsageError(t('collect.noFiles'));
  const run = { ...ctx, ...options };
  // Said before any work: a script that forgot --yes learns it at once, and nothing is written.
  if (!options.yes && !isInteractive(run)) throw new UsageError(t('collect.noTerminal'));
  const { source } = await openProject(ctx.file, ctx.shownFile, t);
  const project = source.data as unknown as Project;
  const asking = await asked(project);

  const refusals: string[] = [];
  const records: (PocRecord | ReviewRecord)[] = [];
  for (const file of options.files) {
    const full = path.resolve(io.cwd, file);
    const shown = shownPath(io.cwd, full);
    const read = await readAnswers(full, shown, t);
    if (!read.ok) {
      refusals.push(read.refusal);
      continue;
    }
    for (const set of read.sets) {
      const found = interpret(set, project, asking, t);
      if (found.ok) records.push(found.record);
      else refusals.push(found.refusal);
    }
  }
  if (refusals.length > 0) throw new FileProblemsError(t('collect.nothingRecorded', { file: ctx.shownFile }), refusals);

  const working = workingCopy(project);
  const lines = apply(working.copy, records, ctx);
  // The same checks as any write: what a form let through and the file would not is refused here.
  const checked = await checkProject({ ...source, data: working.copy as unknown as Record<string, unknown> }, t, { locateReferences: false });
  if (checked.structural.length > 0) {
    throw new FileProblemsError(t('collect.nothingRecorded', { file: ctx.shownFile }), checked.structural.map((p) => formatProblem({ ...p, file: ctx.shownFile })));
  }

  const width = outputWidth(io.stdout, io.env);
  io.stdout.write(`${wrap([t('collect.willRecord', { file: ctx.shownFile }), ...lines.map((line) => `  ${line}`)].join('\n'), width)}\n`);
  if (!options.yes) {
    const prompter = await makePrompter(run);
    if (!(await prompter.confirm({ message: t('collect.confirm'), default: true }))) {
      io.stdout.write(`${t('collect.cancelled')}\n`);
      return;
    }
  }
  const written = await writeProjectData(source, { before: source.data, after: working.copy as unknown as Record<string, unknown>, originOf: working.originOf }, t);
  for (const note of writeNotes(written, t)) io.stderr.write(`${note}\n`);
  const reviews = records.filter((r) => r.kind === 'review').length;
  const keyUsers = new Set(records.flatMap((r) => (r.kind === 'poc' ? [r.by] : []))).size;
  const what = [...(reviews ? [t('collect.count.reviewResponses', { n: reviews })] : []), ...(keyUsers ? [t('collect.count.keyUserScores', { n: keyUsers })] : [])];
  io.stdout.write(`${wrap(t('collect.saved', { file: ctx.shownFile, what: t.list(what) }), width)}\n`);
  if (reviews > 0) io.stdout.write(`${wrap(t('collect.nextEvaluate'), width)}\n`);
}

/** Puts the records into the project, and returns what to show: one or more lines per file. */
function apply(project: Project, records: readonly (PocRecord | ReviewRecord)[], ctx: Context): string[] {
  const { t } = ctx;
  const lines: string[] = [];
  const pocs = records.filter((r): r is PocRecord => r.kind === 'poc');
  const answeredBefore = new Map<string, string>();
  for (const record of pocs) {
    const name = project.keyUsers?.find((k) => k.id === record.by)?.name ?? record.by;
    const tools = new Set([...record.scores, ...record.comments].map((s) => s.candidate));
    const poc = (project.poc ??= {});
    const replaced = (poc.scores ?? []).some((s) => s.by === record.by && tools.has(s.candidate)) || (poc.comments ?? []).some((c) => c.by === record.by && tools.has(c.candidate));
    // One set of scores per key user and tool: a later response is their latest word.
    poc.scores = [...(poc.scores ?? []).filter((s) => !(s.by === record.by && tools.has(s.candidate))), ...record.scores.map((s) => ({ candidate: s.candidate, by: record.by, criterion: s.criterion, score: s.score }))];
    const comments = [...(poc.comments ?? []).filter((c) => !(c.by === record.by && tools.has(c.candidate))), ...record.comments.map((c) => ({ candidate: c.candidate, by: record.by, comment: c.comment }))];
    if (comments.length > 0) poc.comments = comments;
    else delete poc.comments;
    const where = where_(record, t);
    const scores = t('collect.count.scores', { n: record.scores.length });
    lines.push(t('collect.pocLine', { where, name, scores: record.comments.length ? t.list([scores, t('collect.count.comments', { n: record.comments.length })]) : scores, tools: t('collect.count.tools', { n: tools.size }) }));
    const earlier = answeredBefore.get(record.by);
    if (earlier) lines.push(`  ${t('collect.replacesInRun', { name, earlier })}`);
    else if (replaced) lines.push(`  ${t('collect.replaces', { name })}`);
    answeredBefore.set(record.by, where);
  }

  const reviews = records.filter((r): r is ReviewRecord => r.kind === 'review');
  if (reviews.length === 0) return lines;
  const evaluation = (project.evaluation ??= {});
  const taken = (evaluation.responses ?? []).map((r) => /^R(\d+)$/.exec(r.id)?.[1]).filter(Boolean).map(Number);
  let next = Math.max(0, ...taken) + 1;
  const added: Response[] = reviews.map((record) => {
    const { form, ...rest } = record.response;
    return { id: `R${next++}`, received: ctx.today, form, ...rest };
  });
  evaluation.responses = [...(evaluation.responses ?? []), ...added];
  // A response names its audience by the id the form gave it: written down, so that reordering
  // the list later cannot move answers to another group.
  const audiences = project.needs?.audiences;
  if (audiences && added.some((r) => r.audience) && audiences.some((a) => !a.id)) {
    const ids = audienceIds(project.needs?.audiences);
    audiences.forEach((audience, i) => {
      if (!audience.id) audience.id = ids[i]!;
    });
  }
  const whoOf = new Map(audienceIds(project.needs?.audiences).map((id, i) => [id, audiences?.[i]?.who ?? id]));
  const byFile = new Map<string, ReviewRecord[]>();
  for (const record of reviews) byFile.set(record.from.file, [...(byFile.get(record.from.file) ?? []), record]);
  for (const [file, inFile] of byFile) {
    const groups = new Map<string, number>();
    for (const r of inFile) {
      const who = r.response.audience ? whoOf.get(r.response.audience)! : t('collect.noGroup');
      groups.set(who, (groups.get(who) ?? 0) + 1);
    }
    const named = inFile.filter((r) => r.response.name).length;
    const withSus = inFile.filter((r) => r.response.sus).length;
    lines.push(
      t('collect.reviewLine', {
        where: file,
        responses: t('collect.count.responses', { n: inFile.length }),
        groups: t.list([...groups].map(([who, n]) => t('collect.groupCount', { who, n }))),
        sus: withSus > 0 ? t('collect.count.withSus', { n: withSus }) : t('collect.noSus'),
        named: named > 0 ? t('collect.count.named', { n: named }) : t('collect.allAnonymous'),
      }),
    );
    for (const r of inFile.filter((x) => x.partialSus)) lines.push(`  ${t('collect.partialSus', { where: where_(r, t) })}`);
  }
  return lines;
}

function where_(record: PocRecord | ReviewRecord, t: Translator): string {
  return record.from.row === undefined ? record.from.file : t('collect.fileRow', { file: record.from.file, row: record.from.row });
}
