import { openProject } from '../project.js';
import { CheckFailedError } from '../errors.js';
import type { Project } from '../generated/model.js';
import type { Context } from '../context.js';
import { statusReport } from '../progress/status.js';
import { makeStyle } from '../view/style.js';
import { outputWidth } from '../view/wrap.js';
import { printStatus, statusJson } from '../view/status.js';
import { warningAdvice, warningMessage } from '../view/warnings.js';

export interface StatusOptions {
  json?: boolean;
  strict?: boolean;
}

export async function status(options: StatusOptions, ctx: Context): Promise<void> {
  const { t, io } = ctx;
  const { source, dangling } = await openProject(ctx.file, ctx.shownFile, t, 'status.problems');
  const report = statusReport(source.data as unknown as Project, ctx.shownFile, ctx.today, (w) => ({ message: warningMessage(w, t, source.data), advice: warningAdvice(w, t) }), dangling);
  if (options.json) io.stdout.write(`${JSON.stringify(statusJson(report, t), null, 2)}\n`);
  else io.stdout.write(printStatus(report, t, await makeStyle({ color: ctx.color, env: io.env }), { colour: ctx.color, width: outputWidth(io.stdout, io.env) }));
  if (options.strict && report.warnings.length > 0) throw new CheckFailedError(t('status.strictFailed'));
}
