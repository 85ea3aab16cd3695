/**
 * The command table. Each command loads its own module only when it runs, so that
 * `adopt --help` costs little more than starting Node.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { isLang, resolveLanguage, loadTranslator, langFlag, type Lang, type MsgKey, type Translator } from './i18n/index.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { today } from './util/dates.js';
import { closest } from './util/suggest.js';
import { packageRoot } from './package-root.js';

interface GlobalOptions {
  file?: string;
  lang?: Lang;
  color: boolean;
}

const version = () => (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** The language of a project file, read without parsing it, to speak the user's language early. */
function fileLanguage(file: string): string | undefined {
  try {
    return /^language:\s*["']?(fr|en)["']?\s*(#.*)?$/m.exec(readFileSync(file, 'utf8').slice(0, 4096))?.[1];
  } catch {
    return undefined;
  }
}


export async function runCli(argv: readonly string[], io: Io): Promise<void> {
  const t = await loadTranslator(resolveLanguage(langFlag(argv), undefined, io.env));
  const program = buildProgram(t, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version were asked for and printed: that is success, not an error.
    if (['commander.helpDisplayed', 'commander.version'].includes(error.code)) return;
    // No command at all: the help went to stderr; it is a usage error.
    if (error.code === 'commander.help') throw new UsageError('');
    throw commanderToUsage(error, t, program);
  }
}

function commanderToUsage(error: CommanderError, t: Translator, program: Command): UsageError {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownCommand': {
      const suggestion = closest(quoted, program.commands.map((c) => c.name()));
      const hint = suggestion ? ` ${t('cli.error.didYouMean', { suggestion: `adopt ${suggestion}` })}` : '';
      return new UsageError(t('cli.error.unknownCommand', { name: quoted }) + hint);
    }
    case 'commander.unknownOption':
      return new UsageError(t('cli.error.unknownOption', { name: quoted }));
    case 'commander.missingArgument':
    case 'commander.optionMissingArgument':
      return new UsageError(t('cli.error.missingArgument', { name: quoted.split(' ')[0] ?? quoted }));
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
    .helpCommand('help [command]', t('cli.cmd.help'))
    .option('-f, --file <path>', t('cli.option.file'))
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
    const file = path.resolve(io.cwd, global.file ?? io.env.ADOPT_FILE ?? 'adopt.yaml');
    const lang = resolveLanguage(global.lang, fileLanguage(file), io.env);
    return {
      file,
      shownFile: path.relative(io.cwd, file) || file,
      t: lang === t.lang ? t : await loadTranslator(lang),
      color: global.color,
      today: today(io.env),
      io,
    };
  };

  const command = (name: string, description: MsgKey) => {
    const sub = program.command(name).description(t(description)).helpOption('-h, --help', t('cli.option.help'));
    configure(sub);
    return sub;
  };

  interface WizardFlags {
    interactive?: boolean;
  }
  const wizardContext = async (cmd: Command, flags: WizardFlags) => {
    const ctx = await context(cmd);
    const lang = cmd.optsWithGlobals<GlobalOptions>().lang;
    return { ...ctx, ...(lang ? { lang } : {}), ...(flags.interactive !== undefined ? { interactive: flags.interactive } : {}) };
  };

  command('init', 'cli.cmd.init')
    .option('--restart', t('cli.option.restart'))
    .option('--from <file>', t('cli.option.from'))
    .option('-y, --yes', t('cli.option.yes'))
    .option('--interactive', t('cli.option.interactive'))
    .option('--no-interactive')
    .action(async (options: WizardFlags & { restart?: boolean; from?: string; yes?: boolean }, cmd: Command) => {
      const { init } = await import('./commands/init.js');
      await init({ ...(await wizardContext(cmd, options)), restart: options.restart, from: options.from, yes: options.yes });
    });

  command('edit', 'cli.cmd.edit')
    .argument('<step>', t('cli.arg.step'))
    .option('--interactive', t('cli.option.interactive'))
    .option('--no-interactive')
    .action(async (step: string, options: WizardFlags, cmd: Command) => {
      const { edit } = await import('./commands/init.js');
      await edit({ ...(await wizardContext(cmd, options)), step });
    });

  command('status', 'cli.cmd.status')
    .option('--json', t('cli.option.json'))
    .option('--strict', t('cli.option.strict'))
    .action(async (options: { json?: boolean; strict?: boolean }, cmd: Command) => {
      const { status } = await import('./commands/status.js');
      await status({ ...(await context(cmd)), json: options.json, strict: options.strict });
    });

  command('validate', 'cli.cmd.validate')
    .argument('[files...]', t('cli.arg.files'))
    .action(async (files: string[], _options: unknown, cmd: Command) => {
      const { validate } = await import('./commands/validate.js');
      const ctx = await context(cmd);
      const lang = resolveLanguage(cmd.optsWithGlobals<GlobalOptions>().lang, files.length ? undefined : fileLanguage(ctx.file), io.env);
      await validate({ files: files.length ? files : [ctx.shownFile], t: await loadTranslator(lang), io });
    });

  command('schema', 'cli.cmd.schema').action(async () => {
    const { printSchema } = await import('./commands/schema.js');
    await printSchema(io);
  });

  return program;
}
