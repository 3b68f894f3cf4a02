/**
 * Shell completion: the scripts run in the real shells, with the command line set as the shell
 * sets it, and `appeal __complete` played by a stand-in on PATH that logs how it was asked.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { completionCommands, completionScript, completionValues, type Shell } from '../../src/commands/completion.js';
import { caseFile, config, REPO, tempDir, workspace } from '../helpers.js';

/** A program shaped like appeal's command line. */
function program(): Command {
  const p = new Command('appeal').version('0.1.0').option('-w, --workspace <dir>', 'the workspace');
  p.command('new')
    .requiredOption('--case <id>', 'case')
    .requiredOption('--to <who>', 'to')
    .option('--kind <kind>')
    .option('--date <yyyy-mm-dd>')
    .option('--dry-run');
  p.command('batch')
    .requiredOption('--to <who>')
    .option('--cases <ids>')
    .option('--changed-since <git-rev>')
    .option('--all')
    .option('--json');
  p.command('validate').addOption(new Option('--format <format>').choices(['text', 'json', 'github']));
  p.command('register').command('add').requiredOption('--ref <reference>').requiredOption('--case <id>').option('--json');
  p.command('schema').addArgument(new Argument('[which]').choices(['case', 'config', 'entry']));
  p.command('init').argument('[dir]');
  p.command('completion').addArgument(new Argument('<shell>').choices(['bash', 'zsh', 'fish']));
  p.command('__complete', { hidden: true }).argument('<what>');
  return p;
}

let dir: string; // cwd of the shells: holds the folders ngo/ and old/ and a file
let bin: string;
let log: string;

beforeAll(() => {
  dir = tempDir('appeal-completion-');
  mkdirSync(join(dir, 'ngo'));
  mkdirSync(join(dir, 'old'));
  writeFileSync(join(dir, 'notes.txt'), '');
  bin = join(dir, 'bin');
  mkdirSync(bin);
  log = join(dir, 'calls.log');
  // The stand-in for `appeal __complete`: logs its arguments, prints ids.
  writeFileSync(
    join(bin, 'appeal'),
    `#!/bin/sh\necho "$*" >> '${log}'\ncase "$*" in\n  *"__complete cases") printf 'metinpur\\nqenilu\\nseferi\\n' ;;\n  *"__complete recipients") printf 'cat\\ncpt\\nun-rapporteurs\\n' ;;\n  *) exit 1 ;;\nesac\n`,
  );
  chmodSync(join(bin, 'appeal'), 0o755);
  for (const shell of ['bash', 'zsh', 'fish'] as Shell[])
    writeFileSync(join(dir, `appeal.${shell}`), completionScript(shell, completionCommands(program())));
});

const env = () => ({ ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const calls = () => {
  try {
    return readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    return [];
  }
};

/** COMPREPLY for the command line `words` with the cursor at the end of the last word. */
function bash(...words: string[]): string[] {
  const script = [
    `source ${quote(join(dir, 'appeal.bash'))}`,
    `COMP_WORDS=(${words.map(quote).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    `COMP_LINE=${quote(words.join(' '))}`,
    '_appeal',
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { cwd: dir, env: env(), encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('completionCommands', () => {
  it('describes each command of a commander program, its flags and fixed values, and leaves out hidden ones', () => {
    const cmds = completionCommands(program());
    expect(cmds.map((c) => c.name)).toEqual(['', 'new', 'batch', 'validate', 'register', 'register add', 'schema', 'init', 'completion']);
    expect(cmds[0]!.flags).toEqual(['-V, --version', '-w, --workspace <dir>', '-h, --help']);
    expect(cmds.find((c) => c.name === 'validate')!.choices).toEqual({ '--format': ['text', 'json', 'github'] });
    expect(cmds.find((c) => c.name === 'schema')!.args).toEqual(['case', 'config', 'entry']);
    expect(cmds.find((c) => c.name === 'init')!.args).toBe('dirs');
  });
});

describe('the bash script, in bash', () => {
  it('completes the commands, and the subcommands of a command', () => {
    expect(bash('appeal', '')).toEqual(['batch', 'completion', 'init', 'new', 'register', 'schema', 'validate']);
    expect(bash('appeal', 'n')).toEqual(['new']);
    expect(bash('appeal', 'register', '')).toEqual(['add']);
    expect(bash('appeal', '--workspace', 'ngo', 'val')).toEqual(['validate']);
  });

  it("completes a command's flags and the global ones", () => {
    expect(bash('appeal', 'new', '--c')).toEqual(['--case']);
    expect(bash('appeal', 'new', '--case', 'metinpur', '--')).toEqual([
      '--case',
      '--date',
      '--dry-run',
      '--help',
      '--kind',
      '--to',
      '--version',
      '--workspace',
    ]);
    expect(bash('appeal', 'register', 'add', '--r')).toEqual(['--ref']);
    expect(bash('appeal', '-')).toEqual(['--help', '--version', '--workspace', '-V', '-h', '-w']);
  });

  it('completes case ids and recipient ids from `appeal __complete`, passing on --workspace', () => {
    writeFileSync(log, '');
    expect(bash('appeal', 'new', '--case', '')).toEqual(['metinpur', 'qenilu', 'seferi']);
    expect(bash('appeal', 'new', '--dry-run', '--case', 'q')).toEqual(['qenilu']);
    expect(bash('appeal', '--workspace', 'ngo', 'new', '--to', 'c')).toEqual(['cat', 'cpt']);
    expect(bash('appeal', '-w', 'old', 'register', 'add', '--case', 's')).toEqual(['seferi']);
    expect(calls()).toEqual([
      '__complete cases',
      '__complete cases',
      '--workspace ngo __complete recipients',
      '--workspace old __complete cases',
    ]);
  });

  it('completes the last item of a comma-separated list, and a value after --flag=', () => {
    expect(bash('appeal', 'batch', '--to', 'un-rapporteurs,c')).toEqual(['un-rapporteurs,cat', 'un-rapporteurs,cpt']);
    expect(bash('appeal', 'batch', '--cases', 'metinpur,')).toEqual(['metinpur,metinpur', 'metinpur,qenilu', 'metinpur,seferi']);
    expect(bash('appeal', 'validate', '--format', '=', 'g')).toEqual(['github']);
    expect(bash('appeal', 'validate', '--format', '=')).toEqual(['github', 'json', 'text']);
  });

  it("completes fixed values and folders, and offers nothing for a free value or after a command's argument", () => {
    expect(bash('appeal', 'validate', '--format', '')).toEqual(['github', 'json', 'text']);
    expect(bash('appeal', 'schema', '')).toEqual(['case', 'config', 'entry']);
    expect(bash('appeal', 'completion', 'z')).toEqual(['zsh']);
    expect(bash('appeal', 'init', '')).toEqual(['bin', 'ngo', 'old']);
    expect(bash('appeal', '--workspace', '')).toEqual(['bin', 'ngo', 'old']);
    expect(bash('appeal', 'new', '--date', '')).toEqual([]);
    expect(bash('appeal', 'schema', 'case', '')).toEqual([]);
  });
});

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

describe.skipIf(!has('fish'))('the fish script, in fish', () => {
  /** fish's own completion of a command line (`complete -C`), candidates without descriptions. */
  const fish = (line: string) => {
    const r = spawnSync('fish', ['--no-config', '-c', `source ${quote(join(dir, 'appeal.fish'))}; complete -C ${quote(line)}`], {
      cwd: dir,
      env: env(),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0]!)
      .sort();
  };

  it('completes commands, flags, fixed values, ids and lists', () => {
    expect(fish('appeal ')).toEqual(['batch', 'completion', 'init', 'new', 'register', 'schema', 'validate']);
    expect(fish('appeal register ')).toEqual(['add']);
    expect(fish('appeal new --c')).toEqual(['--case']);
    expect(fish('appeal validate --format ')).toEqual(['github', 'json', 'text']);
    expect(fish('appeal validate --format=j')).toEqual(['--format=json']);
    writeFileSync(log, '');
    expect(fish('appeal -w ngo new --case q')).toEqual(['qenilu']);
    expect(calls()).toEqual(['--workspace ngo __complete cases']);
    expect(fish('appeal batch --to un-rapporteurs,c')).toEqual(['un-rapporteurs,cat', 'un-rapporteurs,cpt']);
    expect(fish('appeal new --date ')).toEqual([]);
  });
});

describe.skipIf(!has('zsh'))('the zsh script, in zsh', () => {
  /** _appeal with zsh's `words` and `CURRENT` set, compadd and compset standing in as zsh's completion system would. */
  const zsh = (...words: string[]) => {
    const script = [
      'compdef() { :; }',
      'compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@"; }',
      'compset() { [[ $1 == -P && $PREFIX == *,* ]] && PREFIX=${PREFIX##*,}; return 0; }',
      '_files() { print -rl -- *(/); }',
      `source ${quote(join(dir, 'appeal.zsh'))}`,
      `words=(${words.map(quote).join(' ')})`,
      `CURRENT=${words.length}`,
      `PREFIX=${quote(words.at(-1)!)}`,
      '_appeal',
    ].join('\n');
    const r = spawnSync('zsh', ['-f', '-c', script], { cwd: dir, env: env(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const cur = words
      .at(-1)!
      .replace(/^.*,/, '')
      .replace(/^--\w+=/, '');
    return r.stdout
      .split('\n')
      .filter((v) => v && v.startsWith(cur))
      .sort();
  };

  it('offers commands, flags, fixed values and ids', () => {
    expect(zsh('appeal', '')).toEqual(['batch', 'completion', 'init', 'new', 'register', 'schema', 'validate']);
    expect(zsh('appeal', 'register', '')).toEqual(['add']);
    expect(zsh('appeal', 'new', '--c')).toEqual(['--case']);
    expect(zsh('appeal', 'validate', '--format', '')).toEqual(['github', 'json', 'text']);
    writeFileSync(log, '');
    expect(zsh('appeal', '--workspace', 'ngo', 'new', '--case', 'q')).toEqual(['qenilu']);
    expect(calls()).toEqual(['--workspace ngo __complete cases']);
    expect(zsh('appeal', 'new', '--date', '')).toEqual([]);
  });
});

describe('completionValues (what `appeal __complete` prints)', () => {
  it('lists the case ids of the workspace, and the recipients and groups of its directory', () => {
    const ws = workspace({
      'appeal.yaml': config(),
      'cases/b-two.yaml': caseFile('B', []),
      'cases/a.yaml': caseFile('A', []),
      'cases/README.md': '',
    });
    expect(completionValues('cases', ws)).toEqual(['a', 'b-two']);
    expect(completionValues('cases', REPO, ws)).toEqual(['a', 'b-two']);
    const recipients = completionValues('recipients', ws);
    expect(recipients).toContain('un-rapporteurs');
    expect(recipients).toContain('cpt');
  });

  it('prints nothing rather than an error outside a workspace or for something unknown', () => {
    const outside = tempDir();
    expect(completionValues('cases', outside)).toEqual([]);
    expect(completionValues('cases', outside, join(outside, 'nowhere'))).toEqual([]);
    expect(completionValues('recipients', outside)).toContain('un-rapporteurs');
    expect(completionValues('mandates', REPO)).toEqual([]);
  });
});
