/** `adopt render`: the plan, the checklist and the evaluation report, in Markdown, HTML and Word. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../generated/model.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { openProject } from '../project.js';
import { planView, checklistView, evaluationView } from '../render/views.js';
import { makeRenderer, type DocName, type Format } from '../render/engine.js';
import { writeOutputs, type Output } from '../write-documents.js';
import { isValidIsoDate } from '../util/dates.js';
import { outputWidth, wrap } from '../view/wrap.js';
import { shownPath } from '../util/shown-path.js';

export interface RenderOptions {
  docs?: string;
  formats?: string;
  out?: string;
  templates?: string;
  /** Show today's date in the documents (left out by default, so that they stay still in git). */
  stamp?: boolean;
}

const allDocs: readonly DocName[] = ['plan', 'checklist', 'evaluation'];
type OutputFormat = Format | 'docx';
const allFormats: readonly OutputFormat[] = ['md', 'html', 'docx'];
const defaultFormats: readonly OutputFormat[] = ['md', 'html'];

function parseList<T extends string>(value: string | undefined, allowed: readonly T[], fallback: readonly T[], error: (bad: string) => UsageError): T[] {
  if (value === undefined) return [...fallback];
  const items = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw error(item);
  return [...new Set(items as T[])];
}

export async function render(options: RenderOptions, ctx: Context): Promise<string[]> {
  const { t, io, today } = ctx;
  const { source } = await openProject(ctx.file, ctx.shownFile, t);
  const project = source.data as unknown as Project;
  const hasReviews = (project.evaluation?.reviews ?? []).length > 0;
  const docs = parseList(options.docs, allDocs, hasReviews ? allDocs : allDocs.filter((d) => d !== 'evaluation'), (bad) => new UsageError(t('render.unknownDoc', { name: bad, docs: allDocs.join(', ') })));
  const formats = parseList(options.formats, allFormats, defaultFormats, (bad) => new UsageError(t('render.unknownFormat', { name: bad })));
  if (docs.includes('evaluation') && !hasReviews) throw new UsageError(t('render.noReview'));

  let templates: string | undefined;
  if (options.templates) {
    templates = path.resolve(io.cwd, options.templates);
    const info = await stat(templates).catch(() => undefined);
    if (info && !info.isDirectory()) throw new UsageError(t('render.templatesIsFile', { dir: options.templates }));
    if (!info) throw new UsageError(t('render.noTemplates', { dir: options.templates }));
  }
  const renderer = await makeRenderer(t, templates, options.templates);
  const out = path.resolve(io.cwd, options.out ?? path.join(path.dirname(ctx.file), 'adopt-docs'));

  const stamp = options.stamp ? today : undefined;
  const views: Record<DocName, () => object> = {
    plan: () => planView(project, today, t, stamp),
    checklist: () => checklistView(project, today, t, stamp),
    evaluation: () => evaluationView(project, today, t, stamp),
  };
  const shown = (file: string) => shownPath(io.cwd, file);
  // Word is made from the HTML, so that both say the same; its library is loaded only when asked for.
  const toDocx = formats.includes('docx') ? (await import('../render/docx.js')).htmlToDocx : undefined;
  const created = project.project?.created;
  // The Word archive's dates: the project's, never today's, so the same project gives the same bytes.
  const archiveDate = typeof created === 'string' && isValidIsoDate(created) ? created : '1980-01-01';
  const outputs: Output[] = [];
  for (const doc of docs) {
    const view = views[doc]();
    for (const format of formats) {
      const data =
        format === 'docx'
          ? await toDocx!(renderer.render(doc, 'html', view), { title: `${project.project?.title ?? t('status.untitled')} — ${t(`${doc}.docName`)}`, lang: t.lang, colon: t('doc.colon'), stamp: archiveDate })
          : renderer.render(doc, format, view);
      outputs.push({ target: path.join(out, `${doc}.${format}`), data });
    }
  }
  await writeOutputs(outputs, { project: ctx.file, folder: out, cwd: io.cwd, advice: 'out-folder', shown, t });
  const written = outputs.map((output) => shown(output.target));
  const fit = (text: string) => wrap(text, outputWidth(io.stdout, io.env));
  for (const file of written) io.stdout.write(`${fit(t('render.wrote', { file }))}\n`);
  if (formats.includes('html') && docs.includes('plan')) io.stdout.write(`${fit(t('render.open', { file: shown(path.join(out, 'plan.html')) }))}\n`);
  return written;
}
