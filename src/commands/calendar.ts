/** `adopt calendar`: the project's dates as an .ics file for the team's calendar app. */
import path from 'node:path';
import type { Project } from '../generated/model.js';
import type { Context } from '../context.js';
import { openProject } from '../project.js';
import { icsCalendar, calendarEvents } from '../render/ics.js';
import { writeOutputs } from '../write-documents.js';
import { shownPath } from '../util/shown-path.js';
import { outputWidth, wrap } from '../view/wrap.js';

export interface CalendarOptions {
  out?: string;
}

/** Writes the calendar and returns where, as shown to the user. */
export async function calendar(options: CalendarOptions, ctx: Context): Promise<string> {
  const { t, io } = ctx;
  const { source } = await openProject(ctx.file, ctx.shownFile, t);
  const project = source.data as unknown as Project;
  const target = path.resolve(io.cwd, options.out ?? path.join(path.dirname(ctx.file), 'adopt.ics'));
  const shown = (file: string) => shownPath(io.cwd, file);
  // A slip such as --out adopt.yaml would replace the project with its calendar: refused there.
  await writeOutputs([{ target, data: icsCalendar(project, t) }], { project: ctx.file, folder: options.out ? path.dirname(target) : undefined, cwd: io.cwd, advice: 'out-file', shown, t });
  const empty = calendarEvents(project, t).length === 0;
  io.stdout.write(`${wrap(t(empty ? 'calendar.wroteEmpty' : 'calendar.wrote', { file: shown(target) }), outputWidth(io.stdout, io.env))}\n`);
  return shown(target);
}
