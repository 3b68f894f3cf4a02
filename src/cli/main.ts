/**
 * The command line: parses flags and calls the library. Exit 0 done; 1 the input is wrong
 * (each problem names file, line, column and key); 2 the command line is wrong.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { AppealError, formatProblem } from '../errors.js';
import { findWorkspace } from '../load/find.js';
import { didYouMean } from '../load/suggest.js';
import { FORMATS, isRealDate, KINDS, type OutputFormat } from '../load/terms.js';
import type { Workspace } from '../load/workspace.js';

interface Global {
  workspace?: string;
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** --date as given, checked; today when absent. */
export function letterDate(value: string | undefined): string {
  if (value === undefined) return today();
  if (!isRealDate(value)) {
    throw new AppealError({
      key: '--date',
      message: `'${value}' is not a real date: write it as yyyy-mm-dd (for example 2007-12-23), a day that exists in that month.`,
    });
  }
  return value;
}

function formats(value: string | undefined): OutputFormat[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new AppealError({
      key: '--format',
      message: `'${value}' is not a list of formats: use txt, pdf or txt,pdf.${didYouMean(bad[0] ?? '', FORMATS)}`,
    });
  }
  return [...new Set(list)] as OutputFormat[];
}

async function workspace(cmd: Command): Promise<Workspace> {
  const opts = cmd.optsWithGlobals<Global>();
  const root = findWorkspace(process.cwd(), opts.workspace);
  const { openWorkspace } = await import('../load/workspace.js');
  return openWorkspace(root);
}

function json(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const program = new Command('appeal')
  .description('Numbered letters to the UN Special Procedures, treaty bodies and governments, from case files kept in git.')
  .version('0.1.0')
  .option('-w, --workspace <dir>', 'the workspace folder (default: the nearest folder at or above this one with appeal.yaml)')
  .showHelpAfterError('(run appeal --help for the commands)')
  .addHelpText(
    'after',
    '\nExit status: 0 done; 1 the input is wrong (each problem is printed as file:line:col: key: what to do,\nand nothing is written); 2 the command line is wrong. Errors go to stderr; --json prints one\nJSON document on stdout.\n\nExample: appeal new --case metinpur --to un-rapporteurs --date 2007-12-23 --dry-run',
  )
  .exitOverride();

program
  .command('new')
  .description('issue a letter: the next reference, rendered, written and recorded in the register')
  .requiredOption('--case <id>', 'the case (its file name in cases/, without .yaml)')
  .requiredOption('--to <who>', 'recipients or groups, comma-separated (see appeal recipients)')
  .addOption(new Option('--kind <kind>', 'the kind of letter (default: update if the case has a communication, else communication)'))
  .option('--date <yyyy-mm-dd>', "the letter's date (default: today)")
  .option('--format <list>', 'txt, pdf or txt,pdf (default: output.formats of appeal.yaml)')
  .option('--dry-run', 'print the letter; take no number, write nothing')
  .option('--json', 'print one JSON document with the reference and files')
  .action(
    async (
      opts: { case: string; to: string; kind?: string; date?: string; format?: string; dryRun?: boolean; json?: boolean },
      cmd: Command,
    ) => {
      const date = letterDate(opts.date);
      const fmts = formats(opts.format);
      const ws = await workspace(cmd);
      const { issueLetter } = await import('../issue.js');
      const { renderText } = await import('../write/text.js');
      const issued = await issueLetter(ws, { caseId: opts.case, to: opts.to, kind: opts.kind, date, formats: fmts, dryRun: opts.dryRun });
      const { entry } = issued;
      const summary = {
        ...entry,
        dryRun: !!opts.dryRun,
        register: issued.entryFile,
        files: entry.files.map((f) => ({ ...f, written: !opts.dryRun })),
      };
      // The text letter as written, or rendered for the screen when only a PDF was asked for.
      const txt = issued.files.find((f) => f.format === 'txt');
      const text = () => (txt ? Buffer.from(txt.bytes).toString('utf8') : renderText(issued.letter, ws.config.output.width));
      if (opts.json) json(opts.dryRun ? { ...summary, text: text() } : summary);
      else if (opts.dryRun) process.stdout.write(text());
      else process.stdout.write(`${entry.reference}\n${entry.files.map((f) => `  ${f.path}\n`).join('')}`);
    },
  );

program
  .command('batch')
  .description('issue one letter for each of many cases, for CI')
  .requiredOption('--to <who>', 'recipients or groups, comma-separated')
  .option('--kind <kind>', 'the kind of letter (default: as for appeal new)')
  .option('--cases <ids>', 'these cases, comma-separated')
  .option('--changed-since <git-rev>', 'the cases whose files changed since this git revision')
  .option('--all', 'every case')
  .option('--date <yyyy-mm-dd>', "the letters' date (default: today)")
  .option('--format <list>', 'txt, pdf or txt,pdf')
  .option('--dry-run', 'take no number, write nothing')
  .option('--json', 'print one JSON document')
  .action(
    async (
      opts: {
        to: string;
        kind?: string;
        cases?: string;
        changedSince?: string;
        all?: boolean;
        date?: string;
        format?: string;
        dryRun?: boolean;
        json?: boolean;
      },
      cmd: Command,
    ) => {
      const chosen = [opts.cases !== undefined, opts.changedSince !== undefined, !!opts.all].filter(Boolean).length;
      if (chosen !== 1)
        throw new CommanderError(2, 'appeal.batch', 'error: name the cases with exactly one of --cases, --changed-since or --all');
      const date = letterDate(opts.date);
      const fmts = formats(opts.format);
      const ws = await workspace(cmd);
      const { runBatch } = await import('../batch.js');
      const result = await runBatch(ws, { ...opts, date, formats: fmts });
      if (opts.json) json(result);
      else {
        for (const r of result.issued) process.stdout.write(`${r.reference}  ${r.case}  ${r.files.join('  ')}\n`);
        for (const s of result.skipped) process.stdout.write(`skipped ${s.case}: ${s.reason}\n`);
      }
    },
  );

program
  .command('validate')
  .description('check the whole workspace: configuration, cases, recipients, templates, register')
  .addOption(new Option('--format <format>', 'how to report').choices(['text', 'json', 'github']).default('text'))
  .action(async (opts: { format: 'text' | 'json' | 'github' }, cmd: Command) => {
    const root = findWorkspace(process.cwd(), cmd.optsWithGlobals<Global>().workspace);
    const { validateWorkspace } = await import('../validate.js');
    const report = await validateWorkspace(root);
    if (opts.format === 'json') json({ ok: report.problems.length === 0, ...report });
    else if (opts.format === 'github') {
      for (const p of report.problems) {
        const props = [
          p.file && `file=${p.file.replace(/ \(built in\)$/, '')}`,
          p.line && `line=${p.line}`,
          p.col && `col=${p.col}`,
          p.key && `title=${p.key}`,
        ]
          .filter(Boolean)
          .join(',');
        process.stdout.write(`::error ${props}::${p.message.replace(/\n/g, '%0A')}\n`);
      }
    } else {
      for (const p of report.problems) process.stderr.write(`${formatProblem(p)}\n`);
      if (report.problems.length)
        process.stderr.write(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found.\n`);
      else process.stdout.write(`ok: ${report.cases} cases, ${report.entries} register entries\n`);
    }
    if (report.problems.length) process.exitCode = 1;
  });

program
  .command('log')
  .description('the register, newest first')
  .option('--case <id>', 'only this case')
  .option('--json', 'print one JSON document')
  .action(async (opts: { case?: string; json?: boolean }, cmd: Command) => {
    const ws = await workspace(cmd);
    if (opts.case) {
      const bad = ws.caseIdProblem(opts.case);
      if (bad) throw new AppealError(bad);
    }
    const { registerEntries } = await import('../issue.js');
    const { label } = await import('../plan/phrases.js');
    const entries = registerEntries(ws)
      .filter((e) => !opts.case || e.case === opts.case)
      .reverse();
    if (opts.json) {
      json(entries.map(({ source: _s, ...e }) => e));
      return;
    }
    for (const e of entries) {
      const what = label(e.kind, e.update);
      const extra = e.external ? '  (sent outside appeal)' : '';
      process.stdout.write(
        `${e.reference.padEnd(12)} ${e.date}  ${e.case.padEnd(16)} ${what.padEnd(14)} ${e.recipients.join(',')}${extra}\n`,
      );
    }
  });

const register = program.command('register').description('the outgoing register');
register
  .command('add')
  .description('record a communication sent outside the tool, so numbering and updates continue from it')
  .requiredOption('--ref <reference>', 'its reference, in the format of appeal.yaml (e.g. 473/2007)')
  .requiredOption('--date <yyyy-mm-dd>', 'its date')
  .requiredOption('--case <id>', 'the case')
  .requiredOption('--kind <kind>', KINDS.join(' | '))
  .option('--update <n>', 'its update number (default: the next on the case)')
  .option('--to <who>', 'its recipients')
  .option('--json', 'print one JSON document')
  .action(
    async (opts: { ref: string; date: string; case: string; kind: string; update?: string; to?: string; json?: boolean }, cmd: Command) => {
      let update: number | undefined;
      if (opts.update !== undefined) {
        update = Number(opts.update);
        if (!Number.isInteger(update) || update < 1)
          throw new AppealError({ key: '--update', message: `'${opts.update}' is not an update number: give a whole number from 1.` });
      }
      const ws = await workspace(cmd);
      const { recordExternal } = await import('../record.js');
      const { entry, file } = await recordExternal(ws, {
        reference: opts.ref,
        date: opts.date,
        caseId: opts.case,
        kind: opts.kind,
        update,
        to: opts.to,
      });
      if (opts.json) json({ ...entry, file });
      else process.stdout.write(`${entry.reference} recorded in ${file}\n`);
    },
  );

program
  .command('recipients')
  .description('the directory: recipients, groups and mandates, titles as of a date')
  .option('--date <yyyy-mm-dd>', 'titles and office-holders as of this date (default: today)')
  .option('--json', 'print one JSON document')
  .action(async (opts: { date?: string; json?: boolean }, cmd: Command) => {
    const date = letterDate(opts.date);
    let root: string | undefined;
    try {
      root = findWorkspace(process.cwd(), cmd.optsWithGlobals<Global>().workspace);
    } catch (e) {
      if (cmd.optsWithGlobals<Global>().workspace) throw e; // outside a workspace: the built-in directory
    }
    const { directoryListing } = await import('../plan/listing.js');
    const listing = directoryListing(root, date);
    if (opts.json) json(listing);
    else process.stdout.write(listing.text);
  });

program
  .command('schema')
  .description('JSON Schema of a case file or of appeal.yaml, for editors')
  .addArgument(new Argument('[which]', 'case or config').choices(['case', 'config', 'entry']).default('case'))
  .action(async (which: 'case' | 'config' | 'entry') => {
    const { jsonSchema } = await import('../load/json-schema.js');
    json(jsonSchema(which));
  });

program
  .command('init')
  .description('a new workspace: appeal.yaml, an example case, .gitignore, a CI workflow')
  .argument('[dir]', 'the folder (default: this one)', '.')
  .action(async (dir: string) => {
    const { initWorkspace } = await import('../init.js');
    const written = initWorkspace(dir);
    process.stdout.write(
      `${written.map((f) => `created ${f}\n`).join('')}Next: edit appeal.yaml, then try: appeal new --case example --to un-rapporteurs --dry-run\n`,
    );
  });

async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof AppealError) {
      for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
      return 1;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'appeal.batch') process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`appeal: internal error, please report it: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}

process.exitCode = await main(process.argv);
