/**
 * The one entry point: runs the command line, and is the only place that turns an error into a
 * message and an exit code, and the only place that exits.
 */
import { processIo, type Io } from './io.js';
import { AdoptError, ExitCode } from './errors.js';
import { wrap } from './view/wrap.js';
import { isClosedPipe } from './terminal.js';
import { readFileSync } from 'node:fs';
import { resolveLanguage, loadTranslator, localeLanguage, langFlag, fileLanguage, projectFile } from './i18n/index.js';

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    // The command parser is loaded only when there is something to parse (see preparedOutput).
    const { runCli } = await import('./cli.js');
    await runCli(argv, io);
    return ExitCode.ok;
  } catch (error) {
    return await report(error, argv, io);
  }
}

async function report(error: unknown, argv: readonly string[], io: Io): Promise<number> {
  // At a terminal, long messages wrap between words rather than wherever the line ends.
  const fit = (text: string) => (io.stderr.isTTY ? wrap(text, ((io.stderr as { columns?: number }).columns ?? 80) - 1) : text);
  if (error instanceof AdoptError) {
    if ('lines' in error && Array.isArray(error.lines)) for (const line of error.lines) io.stderr.write(`${line}\n`);
    // After Ctrl-C the cursor is still on the prompt's line.
    const start = error.exitCode === ExitCode.interrupted ? '\n' : '';
    if (error.message) io.stderr.write(`${start}${fit(error.message)}\n`);
    return error.exitCode;
  }
  const t = await loadTranslator(resolveLanguage(langFlag(argv), fileLanguage(projectFile(io.cwd, io.env)), io.env));
  // Ctrl-C at a prompt: inquirer's own error, caught here once for every command.
  if (error instanceof Error && error.name === 'ExitPromptError') {
    io.stderr.write(`\n${fit(t('cli.interrupted'))}\n`);
    return ExitCode.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${t('cli.unexpected', { message })}\n`);
  if (io.env.ADOPT_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.usage;
}

/** The help and version text prepared at build time, when adopt runs from its build. */
function preparedOutput(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (argv.length !== 1 || !['--help', '-h', '--version', '-V'].includes(argv[0]!)) return undefined;
  try {
    const prepared = JSON.parse(readFileSync(new URL('./prepared.json', import.meta.url), 'utf8')) as Record<string, string>;
    return argv[0] === '--version' || argv[0] === '-V' ? `${prepared.version}\n` : prepared[fileLanguage(projectFile(process.cwd(), env)) ?? localeLanguage(env) ?? 'en'];
  } catch {
    return undefined;
  }
}

export async function main(): Promise<void> {
  // A reader that stops early (adopt status | head) is not an error: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (isClosedPipe(error)) process.exit(ExitCode.ok);
      throw error;
    });
  }
  // Ctrl-C outside a prompt (inquirer has its own), Ctrl-Break in a Windows console, a closed
  // terminal: a write in progress is atomic, so only its temporary file and lock need removing.
  for (const signal of ['SIGINT', 'SIGBREAK', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void import('./util/atomic.js').then(({ cleanUpNow }) => {
        cleanUpNow();
        process.exit(signal === 'SIGHUP' ? 129 : ExitCode.interrupted);
      });
    });
  }
  const argv = process.argv.slice(2);
  const prepared = preparedOutput(argv, process.env);
  if (prepared !== undefined) {
    process.stdout.write(prepared);
    return;
  }
  const code = await run(argv);
  // Let what was printed reach a pipe before the process ends.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
