/**
 * The one entry point: runs the command line, and is the only place that turns an error into a
 * message and an exit code, and the only place that exits.
 */
import { processIo, type Io } from './io.js';
import { AdoptError, ExitCode, FileProblemsError } from './errors.js';
import { outputWidth, wrap } from './view/wrap.js';
import { isClosedPipe } from './terminal.js';
import { readFileSync } from 'node:fs';
import { loadTranslator, resolveLanguage, fileLanguage, projectFile, type Translator } from './i18n/index.js';

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let t: Translator | undefined;
  try {
    // The command parser is loaded only when there is something to parse (see preparedOutput).
    const { createContext, runCli } = await import('./cli.js');
    const ctx = await createContext(argv, io);
    t = ctx.t;
    await runCli(argv, ctx);
    return ExitCode.ok;
  } catch (error) {
    return await report(error, io, t);
  }
}

async function report(error: unknown, io: Io, given: Translator | undefined): Promise<number> {
  // At a terminal, long messages wrap between words rather than wherever the line ends.
  const fit = (text: string, hang?: number) => wrap(text, outputWidth(io.stderr, io.env), hang === undefined ? undefined : () => hang);
  if (error instanceof AdoptError) {
    if (error instanceof FileProblemsError) for (const line of error.lines) io.stderr.write(`${fit(line, 2)}\n`);
    // After Ctrl-C the cursor is still on the prompt's line.
    const start = error.exitCode === ExitCode.interrupted ? '\n' : '';
    if (error.message) io.stderr.write(`${start}${fit(error.message)}\n`);
    return error.exitCode;
  }
  // Without a context (it failed to load: a bug too), English.
  const t = given ?? (await loadTranslator('en'));
  // Ctrl-C at a prompt: inquirer's own error, caught here once for every command.
  if (error instanceof Error && error.name === 'ExitPromptError') {
    io.stderr.write(`\n${fit(t('cli.interrupted'))}\n`);
    return ExitCode.interrupted;
  }
  // Anything else is a bug in adopt, not something the user did: its own words and exit code.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${fit(t('cli.unexpected', { message }))}\n`);
  if (io.env.ADOPT_DEBUG && io.env.ADOPT_DEBUG !== '0' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return ExitCode.internal;
}

/** The help and version text prepared at build time, when adopt runs from its build. */
function preparedOutput(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (argv.length !== 1 || !['--help', '-h', '--version', '-V'].includes(argv[0]!)) return undefined;
  try {
    const prepared = JSON.parse(readFileSync(new URL('./prepared.json', import.meta.url), 'utf8')) as Record<string, string>;
    return argv[0] === '--version' || argv[0] === '-V' ? `${prepared.version}\n` : prepared[resolveLanguage(undefined, fileLanguage(projectFile(process.cwd(), env)), env)];
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
