/**
 * The one entry point: runs the command line, and is the only place that turns an error into a
 * message and an exit code, and the only place that exits.
 */
import { processIo, type Io } from './io.js';
import { AdoptError, ExitCode } from './errors.js';
import { resolveLanguage, translator } from './i18n/index.js';
import { runCli, langFlag } from './cli.js';

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    await runCli(argv, io);
    return ExitCode.ok;
  } catch (error) {
    return report(error, argv, io);
  }
}

function report(error: unknown, argv: readonly string[], io: Io): number {
  const t = translator(resolveLanguage(langFlag(argv), undefined, io.env));
  if (error instanceof AdoptError) {
    if ('lines' in error && Array.isArray(error.lines)) for (const line of error.lines) io.stderr.write(`${line}\n`);
    if (error.message) io.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  // Ctrl-C at a prompt: inquirer's own error, caught here once for every command.
  if (error instanceof Error && error.name === 'ExitPromptError') {
    io.stderr.write(`${t('cli.interrupted')}\n`);
    return ExitCode.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${t('cli.unexpected', { message })}\n`);
  if (io.env.ADOPT_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.usage;
}

export async function main(): Promise<void> {
  const code = await run(process.argv.slice(2));
  // Let what was printed reach a pipe before the process ends.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
