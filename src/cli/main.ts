/**
 * The command line: declares the commands and their flags, calls the command module of each
 * (src/commands/<name>.ts, loaded only when it runs), and maps errors to exit codes:
 * 0 done; 1 the input or the machine is wrong (each problem names file, line, column and key);
 * 2 the command line is wrong; 70 a bug in appeal (with its stack, to report).
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppealError, formatProblem, systemProblem, UsageError } from '../errors.js';
import { packageRoot } from '../paths.js';

/** The version of this installation, from its package.json. */
function toolVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

const EXIT_STATUS = `
Exit status: 0 done; 1 the input is wrong, or the machine refused (a full disk, a read-only folder):
each problem is printed as file:line:col: key: what to do, and nothing is written; 2 the command
line is wrong; 70 a bug in appeal (please report it). Errors go to stderr; --json prints one JSON
document on stdout.`;

const program = new Command('appeal')
  .description('Numbered letters to the UN Special Procedures, treaty bodies and governments, from case files kept in git.')
  .version(toolVersion())
  .option('-w, --workspace <dir>', 'the workspace folder (default: the nearest folder at or above this one with appeal.yaml)')
  .option('--lock-wait <seconds>', 'how long to wait for another run that holds the register (default: 120, or APPEAL_LOCK_WAIT)')
  .showHelpAfterError('(run appeal --help for the commands)')
  .addHelpText('after', `${EXIT_STATUS}\n\nExample: appeal new --case metinpur --to un-rapporteurs --date 2007-12-23 --dry-run`)
  .exitOverride();

/**
 * A flag the command needs. Checked after commander has looked for unknown flags (its own
 * mandatory check runs first, so `--cas x` would be reported as a missing --case).
 */
const REQUIRED = new WeakSet<Option>();
function required(flags: string, description: string): Option {
  const option = new Option(flags, `${description} (required)`);
  REQUIRED.add(option);
  return option;
}

program.hook('preAction', (_program, action) => {
  for (const option of action.options) {
    if (REQUIRED.has(option) && action.getOptionValue(option.attributeName()) === undefined) {
      action.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue' });
    }
  }
});

/** The options of a command with the program's own (--workspace, --lock-wait). */
function all<T>(cmd: Command): T {
  return cmd.optsWithGlobals() as T;
}

program
  .command('new')
  .description('issue a letter: the next reference, rendered, written and recorded in the register')
  .addOption(required('--case <id>', 'the case (its file name in cases/, without .yaml)'))
  .addOption(required('--to <who>', 'recipients or groups, comma-separated (see appeal recipients)'))
  .option('--kind <kind>', 'the kind of letter: a template name (default: update if the case has a communication, else communication)')
  .option('--date <yyyy-mm-dd>', "the letter's date (default: today)")
  .option('--signed-by <ids>', "who signs: signatories/<id>.yaml, comma-separated (default: the case's signed-by, else appeal.yaml)")
  .option('--allow-future', 'allow a date more than 7 days ahead')
  .option('--lang <code>', "the letter's language: en, az, ... (default: language of appeal.yaml, else en)")
  .option('--format <list>', 'txt, pdf, eml, or several: txt,pdf (default: output.formats of appeal.yaml)')
  .option('--dry-run', 'print the letter; take no number, write nothing')
  .option('--json', 'print one JSON document with the reference and files')
  .addHelpText('after', '\nExample: appeal new --case metinpur --to un-rapporteurs --date 2007-12-23 --dry-run')
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/new.js')).newCommand(all(cmd));
  });

program
  .command('batch')
  .description('issue one letter for each of many cases, for CI')
  .addOption(required('--to <who>', 'recipients or groups, comma-separated'))
  .option('--kind <kind>', 'the kind of letter (default: as for appeal new)')
  .option('--cases <ids>', 'these cases, comma-separated')
  .option('--changed-since <git-rev>', 'the cases whose files changed since this git revision')
  .option('--all', 'every case')
  .option('--date <yyyy-mm-dd>', "the letters' date (default: today)")
  .option('--allow-future', 'allow a date more than 7 days ahead')
  .option('--lang <code>', "the letter's language: en, az, ... (default: language of appeal.yaml, else en)")
  .option('--format <list>', 'txt, pdf, eml, or several: txt,pdf')
  .option('--dry-run', 'take no number, write nothing')
  .option('--json', 'print one JSON document')
  .option('--quiet', 'no progress on stderr')
  .addHelpText('after', '\nExample: appeal batch --to un-rapporteurs --changed-since HEAD~1 --json')
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/batch.js')).batchCommand(all(cmd));
  });

program
  .command('validate')
  .description('check the whole workspace: configuration, cases, recipients, templates, register')
  .addOption(new Option('--format <format>', 'how to report').choices(['text', 'json', 'github']).default('text'))
  .addHelpText('after', '\nExample: appeal validate --format github')
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/validate.js')).validateCommand(all(cmd));
  });

program
  .command('log')
  .description('the register, newest first')
  .option('--case <id>', 'only this case')
  .option('--json', 'print one JSON document')
  .addHelpText('after', '\nExample: appeal log --case metinpur')
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/log.js')).logCommand(all(cmd));
  });

const register = program
  .command('register')
  .description('the outgoing register')
  .addHelpText('after', '\nExample: appeal register add --ref 473/2007 --date 2007-12-12 --case metinpur --kind update');
register
  .command('add')
  .description('record a communication sent outside the tool, so numbering and updates continue from it')
  .addOption(required('--ref <reference>', 'its reference, in the format of appeal.yaml (e.g. 473/2007)'))
  .addOption(required('--date <yyyy-mm-dd>', 'its date'))
  .addOption(required('--case <id>', 'the case'))
  .addOption(required('--kind <kind>', 'its kind: communication, update, or another kind with a template'))
  .option('--update <n>', 'its update number (default: the next on the case)')
  .option('--to <who>', 'its recipients')
  .option('--json', 'print one JSON document')
  .addHelpText(
    'after',
    '\nExample: appeal register add --ref 473/2007 --date 2007-12-12 --case metinpur --kind update --update 2 --to un-rapporteurs',
  )
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/register-add.js')).registerAddCommand(all(cmd));
  });

program
  .command('repair')
  .description('finish or undo what a stopped run left (a kill, a full disk): every run that takes the register does it too')
  .option('--json', 'print one JSON document')
  .addHelpText('after', '\nExample: appeal repair')
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/repair.js')).repairCommand(all(cmd));
  });

program
  .command('recipients')
  .description('the directory: recipients, groups and mandates, titles as of a date')
  .option('--date <yyyy-mm-dd>', 'titles and office-holders as of this date (default: today)')
  .option('--lang <code>', 'titles in this language where known (az, ...), else English, marked')
  .option('--json', 'print one JSON document')
  .addHelpText('after', '\nExample: appeal recipients --date 2007-12-23')
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/recipients.js')).recipientsCommand(all(cmd));
  });

program
  .command('schema')
  .description('JSON Schema of a case file, of appeal.yaml or of a register entry, for editors')
  .addArgument(new Argument('[which]', 'case, config or entry').choices(['case', 'config', 'entry']).default('case'))
  .addHelpText('after', '\nExample: appeal schema case > .appeal/schema/case.json')
  .action(async (which: 'case' | 'config' | 'entry') => (await import('../commands/schema.js')).schemaCommand(which));

program
  .command('init')
  .description('a new workspace: appeal.yaml, an example case, .gitignore, package.json, editor schemas, a CI workflow')
  .argument('[dir]', 'the folder', '.')
  .addHelpText('after', '\nExample: appeal init my-committee')
  .action(async (dir: string) => (await import('../commands/init.js')).initCommand(dir));

const templates = program
  .command('templates')
  .description('the templates in force, by language; copy a built-in one into the workspace to edit')
  .addHelpText('after', '\nExample: appeal templates eject update --lang az');
templates
  .command('list')
  .description("every template in force: kind, language, built in or the workspace's own")
  .option('--json', 'print one JSON document')
  .addHelpText('after', '\nExample: appeal templates list')
  .action(async (_opts, cmd: Command) => {
    await (await import('../commands/templates.js')).templatesListCommand(all(cmd));
  });
templates
  .command('eject')
  .description('copy a built-in template (a kind, or a partial as _header) into templates/<lang>/ to edit; never over a file')
  .argument('<kind>', 'the kind of letter, or a partial (_header)')
  .option('--lang <code>', 'its language (default: language of appeal.yaml)')
  .option('--from <code>', 'copy the built-in template of this language, to start a new one (--lang ru --from en)')
  .addHelpText('after', '\nExample: appeal templates eject update --lang az')
  .action(async (kind: string, _opts, cmd: Command) => {
    await (await import('../commands/templates.js')).templatesEjectCommand(kind, all(cmd));
  });

program
  .command('completion')
  .description('print a shell completion script: commands, flags, case ids and recipients')
  .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
  .addHelpText('after', '\nExample: appeal completion bash >> ~/.bashrc')
  .action(async (shell: 'bash' | 'zsh' | 'fish') => {
    const { completionCommands, completionScript } = await import('../commands/completion.js');
    process.stdout.write(completionScript(shell, completionCommands(program)));
  });

program
  .command('__complete', { hidden: true })
  .argument('<what>', 'cases or recipients')
  .action(async (what: string, _opts, cmd: Command) => {
    const { completionValues } = await import('../commands/completion.js');
    const values = completionValues(what, process.cwd(), cmd.optsWithGlobals<{ workspace?: string }>().workspace);
    if (values.length) process.stdout.write(`${values.join('\n')}\n`);
  });

/** Runs the command line; returns the exit status. */
async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof AppealError) {
      for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
      return 1;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander printed its message
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n(run appeal --help for the commands)\n`);
      return 2;
    }
    const system = systemProblem(e, process.cwd());
    if (system) {
      process.stderr.write(`${formatProblem(system)}\n`);
      return 1;
    }
    process.stderr.write(`appeal: internal error, please report it: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}

// A reader that stops early (appeal log | head) is no error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// No top-level await: the CLI is bundled as CommonJS to run with a V8 code cache (see src/cli/start.ts).
void main(process.argv).then((status) => {
  process.exitCode = status;
});
