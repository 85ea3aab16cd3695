import type { Translator } from '../i18n/index.js';
import { loadProject } from '../store.js';
import { checkProject } from '../check.js';
import { FileProblemsError, CheckFailedError } from '../errors.js';
import { formatProblem } from '../problems.js';
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
  const loaded = await loadProject(options.file, t, options.shownFile);
  // Dangling references are warnings here, with their path: no need to locate them in the file.
  const checked = loaded.ok ? await checkProject(loaded.source, t, { locateReferences: false }) : undefined;
  const problems = checked ? checked.structural : loaded.ok ? [] : loaded.problems;
  if (!loaded.ok || !checked || problems.length > 0) {
    const lines = problems.map((p) => formatProblem({ ...p, file: options.shownFile }));
    throw new FileProblemsError(t('status.problems', { file: options.shownFile }), lines);
  }
  const report = statusReport(loaded.source.data as unknown as Project, options.shownFile, options.today, (w) => warningMessage(w, t), checked.dangling);
  if (options.json) io.stdout.write(`${JSON.stringify(statusJson(report, t), null, 2)}\n`);
  else io.stdout.write(printStatus(report, t, makeStyle({ color: options.color, env: io.env, isTTY: io.stdout.isTTY })));
  if (options.strict && report.warnings.length > 0) throw new CheckFailedError(t('status.strictFailed'));
}
