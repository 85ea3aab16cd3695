/** `adopt calendar`: the project's dates as an .ics file for the team's calendar app. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Translator } from '../i18n/index.js';
import type { Project } from '../generated/model.js';
import type { Io } from '../io.js';
import { UsageError } from '../errors.js';
import { openForChange } from '../wizard/session.js';
import { icsCalendar, calendarEvents } from '../render/ics.js';

export interface CalendarOptions {
  file: string;
  shownFile: string;
  t: Translator;
  io: Io;
  today: string;
  out?: string;
}

/** Writes the calendar and returns where, as shown to the user. */
export async function calendar(options: CalendarOptions): Promise<string> {
  const { t, io } = options;
  const source = await openForChange(options.file, options.shownFile, t);
  const project = source.data as unknown as Project;
  const target = path.resolve(io.cwd, options.out ?? path.join(path.dirname(options.file), 'adopt.ics'));
  const shown = path.relative(io.cwd, target) || target;
  // A slip such as --out adopt.yaml would replace the project with its calendar.
  if (target === path.resolve(options.file)) throw new UsageError(t('calendar.outIsProject', { file: shown }));
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, icsCalendar(project, options.today, t));
  } catch (error) {
    throw new UsageError(t('calendar.writeFailed', { file: shown, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  const empty = calendarEvents(project, t).length === 0;
  io.stdout.write(`${t(empty ? 'calendar.wroteEmpty' : 'calendar.wrote', { file: shown })}\n`);
  return shown;
}
