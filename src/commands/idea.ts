/**
 * `adopt idea "text" [--by NAME]`: the needs and proposals people raise over time, noted in one
 * line the moment they come up, so that the global view the method asks for has somewhere to
 * collect them. Appends one idea dated today, with the status `new`; writes nothing else.
 */
import type { Context } from '../context.js';
import type { Idea, Project } from '../generated/model.js';
import { UsageError } from '../errors.js';
import { openProject } from '../project.js';
import { ideaCounts } from '../derive/ideas.js';
import { workingCopy, writeProjectData, writeNotes } from '../store.js';

export interface IdeaOptions {
  text: string;
  by?: string;
}

export async function idea(options: IdeaOptions, ctx: Context): Promise<void> {
  const { t, io } = ctx;
  // One line in the file, as on the command line: line breaks a shell let through become spaces.
  const text = options.text.replace(/\s+/g, ' ').trim();
  if (!text) throw new UsageError(t('idea.empty'));
  const by = options.by?.replace(/\s+/g, ' ').trim();
  const { source } = await openProject(ctx.file, ctx.shownFile, t);
  const working = workingCopy(source.data as unknown as Project);
  const project = working.copy;
  const added: Idea = { date: ctx.today, ...(by ? { from: by } : {}), idea: text, status: 'new' };
  project.practices ??= {};
  project.practices.ideas = [...(project.practices.ideas ?? []), added];
  const written = await writeProjectData(source, { before: source.data, after: project as unknown as Record<string, unknown>, originOf: working.originOf }, t);
  for (const note of writeNotes(written, t)) io.stderr.write(`${note}\n`);
  io.stdout.write(`${t('idea.saved', { file: ctx.shownFile, date: t.date(ctx.today) })}\n${t('idea.waiting', { n: ideaCounts(project).new })}\n`);
}
