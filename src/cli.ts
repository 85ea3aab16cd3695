/**
 * The command table. Each command loads its own module only when it runs, so that
 * `adopt --help` costs little more than starting Node.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { isLang, resolveLanguage, loadTranslator, langFlag, fileLanguage, projectFile, type Lang, type MsgKey, type Translator } from './i18n/index.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { today, isRealDate, inDateRange } from './util/dates.js';
import { closest } from './util/suggest.js';
import { packageRoot } from './package-root.js';

/**
 * A list option as a comma list, repeated, or both. Repeating is what works from PowerShell,
 * whose npm shim splits `--doc plan,checklist` at the comma into two arguments.
 */
function addToList(value: string, previous: string | undefined): string {
  return previous === undefined ? value : `${previous},${value}`;
}

interface GlobalOptions {
  file?: string;
  lang?: Lang;
  color: boolean;
}

const version = () => (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;



/** -f / --file as typed on the command line, before it is parsed. */
function fileFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-f' || argv[i] === '--file') return argv[i + 1];
    if (argv[i]!.startsWith('--file=')) return argv[i]!.slice(7);
  }
  return undefined;
}

export async function runCli(argv: readonly string[], io: Io): Promise<void> {
  const t = await loadTranslator(resolveLanguage(langFlag(argv), fileLanguage(projectFile(io.cwd, io.env, fileFlag(argv))), io.env));
  const program = buildProgram(t, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version were asked for and printed: that is success, not an error.
    if (['commander.helpDisplayed', 'commander.version'].includes(error.code)) return;
    // `adopt help` asked for help (exit 0); `adopt` alone got it on stderr as a usage error.
    if (error.code === 'commander.help') {
      if (error.exitCode === 0) return;
      throw new UsageError('');
    }
    throw commanderToUsage(error, t, program);
  }
}

function commanderToUsage(error: CommanderError, t: Translator, program: Command): UsageError {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownCommand': {
      const suggestion = closest(quoted, program.commands.map((c) => c.name()));
      return new UsageError(suggestion ? t('cli.error.unknownCommandSuggest', { name: quoted, suggestion: `adopt ${suggestion}` }) : t('cli.error.unknownCommand', { name: quoted }));
    }
    case 'commander.unknownOption':
      return new UsageError(t('cli.error.unknownOption', { name: quoted }));
    case 'commander.missingArgument':
      return new UsageError(t('cli.error.missingArgument', { name: quoted }));
    case 'commander.optionMissingArgument': {
      // "-f, --file <path>": name the option by its long form.
      const name = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
      return new UsageError(t('cli.error.missingArgument', { name }));
    }
    case 'commander.invalidArgument':
      // Our own argument checks already say it in the user's language, after commander's prefix.
      return new UsageError(error.message.replace(/^error: .*? is invalid\.\s*/, ''));
    case 'commander.excessArguments':
      return new UsageError(t('cli.error.tooManyArguments'));
    default:
      return new UsageError(error.message.replace(/^error: /, ''));
  }
}

function buildProgram(t: Translator, io: Io): Command {
  const titles: Record<string, MsgKey> = {
    'Usage:': 'cli.help.usage',
    'Options:': 'cli.help.options',
    'Commands:': 'cli.help.commands',
    'Arguments:': 'cli.help.arguments',
    'Global Options:': 'cli.help.globalOptions',
  };
  class TranslatedHelp extends Help {
    override showGlobalOptions = true;
    override styleTitle(title: string): string {
      const key = titles[title];
      return key ? t(key) : title;
    }
  }
  const program = new Command('adopt');
  const configure = (command: Command) =>
    command
      .exitOverride()
      .createHelp = () => Object.assign(new TranslatedHelp(), command.configureHelp());
  program
    .usage(t('cli.help.usageLine'))
    .description(t('cli.description'))
    .version(version(), '-V, --version', t('cli.option.version'))
    .helpOption('-h, --help', t('cli.option.help'))
    // Ours (below): it also prints the guides.
    .helpCommand(false)
    .option(`-f, --file <${t('cli.placeholder.path')}>`, t('cli.option.file'))
    .option('--lang <lang>', t('cli.option.lang'), (value: string) => {
      if (!isLang(value)) throw new InvalidArgumentError(t('cli.error.badLang', { value }));
      return value;
    })
    .option('--no-color', t('cli.option.noColor'))
    .addHelpText('after', `\n${t('cli.help.footer')}`)
    .showSuggestionAfterError(false)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    });
  configure(program);

  /** What every command gets: the project file, the user's language, today. */
  const context = async (command: Command) => {
    const global = command.optsWithGlobals<GlobalOptions>();
    const pinned = io.env.ADOPT_TODAY;
    if (pinned && !(isRealDate(pinned) && inDateRange(pinned))) throw new UsageError(t('cli.error.badToday', { value: pinned }));
    const named = global.file ?? io.env.ADOPT_FILE ?? 'adopt.yaml';
    const file = projectFile(io.cwd, io.env, global.file);
    const lang = resolveLanguage(global.lang, fileLanguage(file), io.env);
    return {
      file,
      // As the user named it: relative stays relative, absolute stays absolute.
      shownFile: path.isAbsolute(named) ? named : path.relative(io.cwd, file) || named,
      t: lang === t.lang ? t : await loadTranslator(lang),
      color: global.color,
      today: today(io.env),
      io,
    };
  };

  const command: Builder['command'] = (name, description) => {
    const sub = program.command(name).description(t(description)).helpOption('-h, --help', t('cli.option.help'));
    configure(sub);
    return sub;
  };

  const builder: Builder = { t, io, program, command, context };
  wizardCommands(builder);
  fileCommands(builder);
  return program;
}

/** What the commands are declared with: the language, the Io, and a command's context. */
interface Builder {
  t: Translator;
  io: Io;
  program: Command;
  command(name: string, description: MsgKey): Command;
  context(command: Command): Promise<CommandContext>;
}

type CommandContext = { file: string; shownFile: string; t: Translator; color?: boolean; today: string; io: Io };

interface WizardFlags {
  interactive?: boolean;
}

/** The commands that ask questions (init, edit, evaluate): they can be told whether to. */
function wizardCommands({ t, command, context }: Builder): void {
  /** Commands that ask questions: whether to, whatever adopt guesses about the terminal. */
  const asking = (sub: Command) => sub.option('--interactive', t('cli.option.interactive')).option('--no-interactive');

  const wizardContext = async (cmd: Command, flags: WizardFlags) => {
    const ctx = await context(cmd);
    const lang = cmd.optsWithGlobals<GlobalOptions>().lang;
    return { ...ctx, ...(lang ? { lang } : {}), ...(flags.interactive !== undefined ? { interactive: flags.interactive } : {}) };
  };

  asking(command('init', 'cli.cmd.init'))
    .option('--restart', t('cli.option.restart'))
    .option(`--from <${t('cli.placeholder.file')}>`, t('cli.option.from'))
    .option('-y, --yes', t('cli.option.yes'))
    .action(async (options: WizardFlags & { restart?: boolean; from?: string; yes?: boolean }, cmd: Command) => {
      const { init } = await import('./commands/init.js');
      await init({ ...(await wizardContext(cmd, options)), restart: options.restart, from: options.from, yes: options.yes });
    });

  asking(command('edit', 'cli.cmd.edit'))
    .argument(`<${t('cli.placeholder.step')}>`, t('cli.arg.step'))
    .action(async (step: string, options: WizardFlags, cmd: Command) => {
      const { edit } = await import('./commands/init.js');
      await edit({ ...(await wizardContext(cmd, options)), step });
    });

  asking(command('evaluate', 'cli.cmd.evaluate'))
    .option(`--date <${t('cli.placeholder.date')}>`, t('cli.option.date'))
    .option(`--from <${t('cli.placeholder.file')}>`, t('cli.option.fromReview'))
    .option('-y, --yes', t('cli.option.yes'))
    .action(async (options: WizardFlags & { date?: string; from?: string; yes?: boolean }, cmd: Command) => {
      const { evaluate } = await import('./commands/evaluate.js');
      await evaluate({ ...(await wizardContext(cmd, options)), date: options.date, from: options.from, yes: options.yes });
    });

}

/** The commands that work from the file without asking (render, calendar, status, validate, schema). */
function fileCommands({ t, io, program, command, context }: Builder): void {
  command('render', 'cli.cmd.render')
    .option(`--doc <${t('cli.placeholder.docs')}>`, t('cli.option.doc'), addToList)
    .option(`--format <${t('cli.placeholder.formats')}>`, t('cli.option.format'), addToList)
    .option(`--out <${t('cli.placeholder.dir')}>`, t('cli.option.out'))
    .option(`--templates <${t('cli.placeholder.dir')}>`, t('cli.option.templates'))
    .action(async (options: { doc?: string; format?: string; out?: string; templates?: string }, cmd: Command) => {
      const { render } = await import('./commands/render.js');
      await render({ ...(await context(cmd)), docs: options.doc, formats: options.format, out: options.out, templates: options.templates });
    });

  command('calendar', 'cli.cmd.calendar')
    .option(`--out <${t('cli.placeholder.file')}>`, t('cli.option.calendarOut'))
    .action(async (options: { out?: string }, cmd: Command) => {
      const { calendar } = await import('./commands/calendar.js');
      await calendar({ ...(await context(cmd)), out: options.out });
    });

  command('status', 'cli.cmd.status')
    .option('--json', t('cli.option.json'))
    .option('--strict', t('cli.option.strict'))
    .action(async (options: { json?: boolean; strict?: boolean }, cmd: Command) => {
      const { status } = await import('./commands/status.js');
      await status({ ...(await context(cmd)), json: options.json, strict: options.strict });
    });

  command('validate', 'cli.cmd.validate')
    .argument(`[${t('cli.placeholder.files')}...]`, t('cli.arg.files'))
    .action(async (files: string[], _options: unknown, cmd: Command) => {
      const { validate } = await import('./commands/validate.js');
      const ctx = await context(cmd);
      await validate({ files: files.length ? files : [ctx.shownFile], lang: cmd.optsWithGlobals<GlobalOptions>().lang, t: ctx.t, io });
    });

  command('schema', 'cli.cmd.schema')
    .option('--write', t('cli.option.schemaWrite'))
    .action(async (options: { write?: boolean }, cmd: Command) => {
      const { printSchema, writeSchema } = await import('./commands/schema.js');
      await (options.write ? writeSchema(await context(cmd)) : printSchema(io));
    });

  command('help', 'cli.cmd.help')
    .argument(`[${t('cli.placeholder.topic')}]`)
    .action(async (topic: string | undefined, _options: unknown, cmd: Command) => {
      const { help } = await import('./commands/help.js');
      const commands = program.commands.map((c) => c.name());
      const commandHelp = (name?: string) => (program.commands.find((c) => c.name() === name) ?? program).outputHelp();
      await help({ ...(await context(cmd)), topic, commands, commandHelp });
    });

}
