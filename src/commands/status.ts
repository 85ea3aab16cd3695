import type { Translator } from '../i18n/index.js';
import { openProject } from '../project.js';
import { CheckFailedError } from '../errors.js';
import type { Project } from '../generated/model.js';
import type { Io } from '../io.js';
import { statusReport } from '../progress/status.js';
import { makeStyle } from '../view/style.js';
import { printStatus, statusJson } from '../view/status.js';
import { warningMessage } from '../view/warnings.js';

export interface StatusOptions {
  file: string;
  /** How the file is named to the user (relative to where they are). */
  shownFile: string;
  t: Translator;
  io: Io;
  today: string;
  json?: boolean;
  strict?: boolean;
  color?: boolean;
}

export async function status(options: StatusOptions): Promise<void> {
  const { t, io } = options;
  const { source, dangling } = await openProject(options.file, options.shownFile, t, 'status.problems');
  const report = statusReport(source.data as unknown as Project, options.shownFile, options.today, (w) => warningMessage(w, t), dangling);
  if (options.json) io.stdout.write(`${JSON.stringify(statusJson(report, t), null, 2)}\n`);
  else io.stdout.write(printStatus(report, t, makeStyle({ color: options.color, env: io.env, isTTY: io.stdout.isTTY })));
  if (options.strict && report.warnings.length > 0) throw new CheckFailedError(t('status.strictFailed'));
}
