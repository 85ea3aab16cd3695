/**
 * The command table, and the context of a run. Each command loads its own module only when it
 * runs, so that `adopt --help` costs little more than starting Node.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { isLang, languageFrom, loadTranslator, fileLanguage, projectFile, type Lang, type MsgKey, type Translator } from './i18n/index.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import type { Context } from './context.js';
import { colourWanted } from './view/style.js';
import { outputWidth, wrap } from './view/wrap.js';
import { today, isRealDate, inDateRange } from './util/dates.js';
import { closest } from './util/suggest.js';
import { packageRoot } from './package-root.js';
import { stepNames } from './steps/ids.js';

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
}

const version = () => (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The options that take a value, so that the global options can be read ahead of the command
 * parser without taking a value for an option (`--out -f`). A test keeps it in line with the
 * program.
 */
export const valueOptions: ReadonlySet<string> = new Set(['-f', '--file', '--lang', '--doc', '--format', '--out', '--templates', '--from', '--date', '--by']);

/**
 * -f, --lang and --no-color as commander will read them: the last one wins, values of other
 * options are skipped, `--` ends the options. They are needed before parsing: the help and the
 * parser's own errors speak the file's language.
 */
export function globalFlags(argv: readonly string[]): { file?: string; lang?: string; color: boolean } {
  const found: { file?: string; lang?: string; color: boolean } = { color: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    // -f value, -fvalue, --file value, --file=value
    const name = eq > 0 ? arg.slice(0, eq) : arg.startsWith('-f') && arg.length > 2 ? '-f' : arg;
    const value = eq > 0 ? arg.slice(eq + 1) : name !== arg ? arg.slice(2) : valueOptions.has(name) ? argv[++i] : undefined;
    if (name === '-f' || name === '--file') found.file = value;
    else if (name === '--lang') found.lang = value;
    else if (name === '--no-color') found.color = false;
  }
  return found;
}

/** The one place a run's language, translator, day, project file and colour are decided. */
export async function createContext(argv: readonly string[], io: Io): Promise<Context> {
  const flags = globalFlags(argv);
  const named = flags.file ?? io.env.ADOPT_FILE ?? 'adopt.yaml';
  const file = projectFile(io.cwd, io.env, flags.file);
  // The file is read only when its language can matter (its first 4 KB, plain files only).
  const { lang, from } = languageFrom(isLang(flags.lang) ? flags.lang : undefined, () => fileLanguage(file), io.env);
  return {
    io,
    lang,
    langFrom: from,
    t: await loadTranslator(lang),
    today: today(io.env),
    file,
    // As the user named it: relative stays relative, absolute stays absolute.
    shownFile: path.isAbsolute(named) ? named : path.relative(io.cwd, file) || named,
    color: colourWanted({ flag: flags.color, env: io.env, isTTY: io.stdout.isTTY }),
  };
}

export async function runCli(argv: readonly string[], ctx: Context): Promise<void> {
  const { t } = ctx;
  const program = buildProgram(ctx);
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

export function buildProgram(ctx: Context): Command {
  const { t, io } = ctx;
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
    })
    .hook('preAction', (_program, action) => {
      const pinned = io.env.ADOPT_TODAY;
      if (pinned && !(isRealDate(pinned) && inDateRange(pinned))) throw new UsageError(t('cli.error.badToday', { value: pinned }));
      // The context was resolved from the command line read ahead of the parser: were they ever
      // to disagree, a command would work on a file the user did not name.
      const global = action.optsWithGlobals<GlobalOptions>();
      // An empty -f would name the current folder: a slip, such as a variable that was not set.
      if (global.file === '') throw new UsageError(t('cli.error.emptyFile'));
      if (projectFile(io.cwd, io.env, global.file) !== ctx.file || (global.lang !== undefined && global.lang !== ctx.lang)) {
        throw new Error(`the command line was read as -f ${ctx.shownFile} --lang ${ctx.lang}, then parsed as -f ${global.file} --lang ${global.lang}`);
      }
    });
  configure(program);

  const command: CommandMaker = (name, description) => {
    const sub = program.command(name).description(t(description)).helpOption('-h, --help', t('cli.option.help'));
    configure(sub);
    return sub;
  };
  askingCommands(command, ctx);
  fileCommands(command, ctx);
  helpCommand(command, program, ctx);
  return program;
}

type CommandMaker = (name: string, description: MsgKey) => Command;

/** The commands that ask questions (init, edit, evaluate): they can be told whether to. */
function askingCommands(command: CommandMaker, ctx: Context): void {
  const { t } = ctx;
  const asking = (sub: Command) => sub.option('--interactive', t('cli.option.interactive')).option('--no-interactive');

  asking(command('init', 'cli.cmd.init'))
    .option('--restart', t('cli.option.restart'))
    .option(`--from <${t('cli.placeholder.file')}>`, t('cli.option.from'))
    .option('-y, --yes', t('cli.option.yes'))
    .action(async (options: { interactive?: boolean; restart?: boolean; from?: string; yes?: boolean }) => {
      const { init } = await import('./commands/init.js');
      await init(options, ctx);
    });

  asking(command('edit', 'cli.cmd.edit'))
    // Optional: without it, a terminal gets a menu of the steps (commands/init.ts).
    .argument(`[${t('cli.placeholder.step')}]`, t('cli.arg.step', { steps: stepNames(ctx.lang).join(', ') }))
    .option('--blanks', t('cli.option.blanks'))
    .action(async (step: string | undefined, options: { interactive?: boolean; blanks?: boolean }) => {
      const { edit } = await import('./commands/init.js');
      await edit({ ...options, step }, ctx);
    });

  asking(command('evaluate', 'cli.cmd.evaluate'))
    .option(`--date <${t('cli.placeholder.date')}>`, t('cli.option.date'))
    .option(`--from <${t('cli.placeholder.file')}>`, t('cli.option.fromReview'))
    .option('-y, --yes', t('cli.option.yes'))
    .action(async (options: { interactive?: boolean; date?: string; from?: string; yes?: boolean }) => {
      const { evaluate } = await import('./commands/evaluate.js');
      await evaluate(options, ctx);
    });
}

/** The commands that work from the file alone, asking nothing. */
function fileCommands(command: CommandMaker, ctx: Context): void {
  const { t } = ctx;
  command('render', 'cli.cmd.render')
    .option(`--doc <${t('cli.placeholder.docs')}>`, t('cli.option.doc'), addToList)
    .option(`--format <${t('cli.placeholder.formats')}>`, t('cli.option.format'), addToList)
    .option(`--out <${t('cli.placeholder.dir')}>`, t('cli.option.out'))
    .option(`--templates <${t('cli.placeholder.dir')}>`, t('cli.option.templates'))
    .option('--stamp', t('cli.option.stamp'))
    .action(async (options: { doc?: string; format?: string; out?: string; templates?: string; stamp?: boolean }) => {
      const { render } = await import('./commands/render.js');
      await render({ docs: options.doc, formats: options.format, out: options.out, templates: options.templates, stamp: options.stamp === true }, ctx);
    });

  command('calendar', 'cli.cmd.calendar')
    .option(`--out <${t('cli.placeholder.file')}>`, t('cli.option.calendarOut'))
    .action(async (options: { out?: string }) => {
      const { calendar } = await import('./commands/calendar.js');
      await calendar(options, ctx);
    });

  command('status', 'cli.cmd.status')
    .option('--json', t('cli.option.json'))
    .option('--strict', t('cli.option.strict'))
    .action(async (options: { json?: boolean; strict?: boolean }) => {
      const { status } = await import('./commands/status.js');
      await status(options, ctx);
    });

  command('idea', 'cli.cmd.idea')
    .argument(`<${t('cli.placeholder.idea')}>`, t('cli.arg.idea'))
    .option(`--by <${t('cli.placeholder.name')}>`, t('cli.option.by'))
    .action(async (text: string, options: { by?: string }) => {
      const { idea } = await import('./commands/idea.js');
      await idea({ text, ...options }, ctx);
    });

  command('form', 'form.cmd')
    .argument('<poc|review>', t('form.arg.kind'))
    .option('--csv', t('form.option.csv'))
    .action(async (kind: string, options: { csv?: boolean }) => {
      const { form } = await import('./commands/form.js');
      await form({ kind, csv: options.csv === true }, ctx);
    });

  // The files are optional here so that `adopt collect` alone gets collect's own sentence, with an example.
  command('collect', 'cli.cmd.collect')
    .argument(`[${t('cli.placeholder.files')}...]`, t('cli.arg.collectFiles'))
    .option('-y, --yes', t('cli.option.collectYes'))
    .addHelpText('after', () => `\n${wrap(t('collect.helpSteps'), outputWidth(ctx.io.stdout, ctx.io.env), (line) => /^ +\d+\. /.exec(line)?.[0].length)}`)
    .action(async (files: string[], options: { yes?: boolean }) => {
      const { collect } = await import('./commands/collect.js');
      await collect({ files, ...options }, ctx);
    });

  command('validate', 'cli.cmd.validate')
    .argument(`[${t('cli.placeholder.files')}...]`, t('cli.arg.files'))
    .action(async (files: string[]) => {
      const { validate } = await import('./commands/validate.js');
      await validate({ files }, ctx);
    });

  command('portfolio', 'portfolio.cli.cmd')
    .argument(`[${t('cli.placeholder.dir')}...]`, t('portfolio.cli.paths'))
    .option(`--out <${t('cli.placeholder.dir')}>`, t('portfolio.cli.out'))
    .option('--json', t('cli.option.json'))
    .option('--strict', t('portfolio.cli.strict'))
    .option('--anonymous', t('portfolio.cli.anonymous'))
    .action(async (paths: string[], options: { out?: string; json?: boolean; strict?: boolean; anonymous?: boolean }) => {
      const { portfolio } = await import('./commands/portfolio.js');
      await portfolio({ paths, ...options }, ctx);
    });

  command('schema', 'cli.cmd.schema')
    .option('--write', t('cli.option.schemaWrite'))
    .action(async (options: { write?: boolean }) => {
      const { printSchema, writeSchema } = await import('./commands/schema.js');
      await (options.write ? writeSchema(ctx) : printSchema(ctx.io));
    });
}

/** `adopt help [topic]`: a command's help, or one of the guides shipped with adopt. */
function helpCommand(command: CommandMaker, program: Command, ctx: Context): void {
  command('help', 'cli.cmd.help')
    .argument(`[${ctx.t('cli.placeholder.topic')}]`)
    .action(async (topic: string | undefined) => {
      const { help } = await import('./commands/help.js');
      const commands = program.commands.map((c) => c.name());
      const commandHelp = (name?: string) => (program.commands.find((c) => c.name() === name) ?? program).outputHelp();
      await help({ ...ctx, topic, commands, commandHelp });
    });
}
