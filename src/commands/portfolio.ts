/**
 * `adopt portfolio [PATH...]`: every project file under the given folders in one overview, for
 * an association with several projects or a network following its members. A file with
 * problems is listed with its first one and left out of the totals; the run goes on.
 */
import path from 'node:path';
import type { Context } from '../context.js';
import { CheckFailedError, FileSystemError } from '../errors.js';
import { byAttention } from '../derive/portfolio.js';
import { portfolioTotals } from '../derive/portfolio-totals.js';
import { printPortfolio, portfolioJson, type PortfolioReport } from '../view/portfolio.js';
import { makeStyle } from '../view/style.js';
import { outputWidth, wrap } from '../view/wrap.js';
import { shownPath } from '../util/shown-path.js';
import { findProjectFiles } from './portfolio-files.js';
import { readAll } from './portfolio-threads.js';

export interface PortfolioOptions {
  paths: string[];
  out?: string;
  json?: boolean;
  strict?: boolean;
  anonymous?: boolean;
}

export async function portfolio(options: PortfolioOptions, ctx: Context): Promise<void> {
  const { t, io, today } = ctx;
  const fit = (text: string) => wrap(text, outputWidth(io.stderr, io.env));
  const found = await findProjectFiles(options.paths.length > 0 ? options.paths : ['.'], io.cwd, t);
  for (const line of found.unreadable) io.stderr.write(`${fit(line)}\n`);

  const results = await readAll(found.files, ctx);
  const projects = results.flatMap((r) => (r.ok ? [r.summary] : [])).sort(byAttention);
  const report: PortfolioReport = {
    today,
    files: found.files.length,
    projects,
    problems: results.flatMap((r) => (r.ok ? [] : [r.problem])),
    unreadable: found.unreadable,
    totals: portfolioTotals(projects, today),
    anonymous: options.anonymous === true,
  };

  if (found.files.length === 0 && !options.json) {
    io.stderr.write(`${fit(t('portfolio.noneFound', { paths: (options.paths.length > 0 ? options.paths : ['.']).join(', ') }))}\n`);
  } else if (options.json) io.stdout.write(`${JSON.stringify(portfolioJson(report, t), null, 2)}\n`);
  else io.stdout.write(printPortfolio(report, t, await makeStyle({ color: ctx.color, env: io.env }), outputWidth(io.stdout, io.env)));

  if (options.out !== undefined && found.files.length > 0) {
    const { writePortfolioDocuments } = await import('../render/portfolio-documents.js');
    const out = path.resolve(io.cwd, options.out);
    const written = await writePortfolioDocuments(report, out, ctx);
    // With --json, stdout is the object alone: what was written is said beside it.
    const say = options.json ? io.stderr : io.stdout;
    for (const file of written) say.write(`${fit(t('render.wrote', { file: shownPath(io.cwd, file) }))}\n`);
  }

  const strictFailures = options.strict ? projects.filter((p) => p.warnings.length > 0).length : 0;
  const failing = report.problems.length + strictFailures;
  const summary = failing > 0 ? t(options.strict ? 'portfolio.failedStrict' : 'portfolio.failed', { problems: t('noun.file', { n: report.problems.length }), warned: t('noun.file', { n: strictFailures }) }) : '';
  if (found.unreadable.length > 0) throw new FileSystemError(summary || t('portfolio.unreadableSummary', { n: found.unreadable.length }));
  if (failing > 0) throw new CheckFailedError(summary);
}
