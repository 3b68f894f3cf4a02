/**
 * `appeal completion bash|zsh|fish`: a script that completes the commands, their flags and the
 * flags' fixed values, and asks `appeal __complete cases|recipients` for the case ids and the
 * recipient ids of the workspace at hand (the one of --workspace when the command line names one).
 * The scripts are generated from the commands' descriptions, so they never fall behind the CLI.
 */
import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findWorkspace } from '../load/find.js';
import { loadDirectory } from '../plan/directory.js';

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

export interface CompletionCommand {
  /** "new", or "register add" for a subcommand; "" for the options that go before any command. */
  name: string;
  /** As commander writes them: "--case <id>", "-w, --workspace <dir>", "--dry-run". */
  flags: string[];
  /** The fixed values of a flag, by its long name: { "--format": ["text", "json", "github"] }. */
  choices?: Record<string, string[]>;
  /** The first argument: its fixed values, or "dirs" for a folder. */
  args?: string[] | 'dirs';
}

/** Flags whose values the workspace knows: what `appeal __complete <what>` prints, one per line. */
const DYNAMIC: Record<string, 'cases' | 'recipients'> = {
  '--case': 'cases',
  '--cases': 'cases',
  '--to': 'recipients',
};

/** The commands of a commander program, for completionScript(); hidden ones (`__complete`) left out. */
export function completionCommands(program: Command): CompletionCommand[] {
  const out: CompletionCommand[] = [];
  const walk = (cmd: Command, name: string) => {
    const choices: Record<string, string[]> = {};
    for (const o of cmd.options) if (o.long && o.argChoices) choices[o.long] = [...o.argChoices];
    const first = cmd.registeredArguments[0];
    const args = first?.argChoices ? [...first.argChoices] : first?.name() === 'dir' ? ('dirs' as const) : undefined;
    out.push({
      name,
      flags: [...cmd.options.filter((o) => !o.hidden).map((o) => o.flags), '-h, --help'],
      choices,
      ...(args ? { args } : {}),
    });
    for (const sub of cmd.commands) if (!sub.name().startsWith('_')) walk(sub, name ? `${name} ${sub.name()}` : sub.name());
  };
  walk(program, '');
  return out;
}

interface Flag {
  names: string[];
  /** What completes its value: "" when it takes none. */
  kind: string;
}

function parseFlags(c: CompletionCommand): Flag[] {
  return c.flags.map((spec) => {
    const names = spec.split(/[\s,|]+/).filter((t) => /^--?[A-Za-z0-9][\w-]*$/.test(t));
    const long = names.find((n) => n.startsWith('--'));
    const takesValue = /[<[]/.test(spec);
    let kind = '';
    if (takesValue) {
      const fixed = long ? c.choices?.[long] : undefined;
      if (long && DYNAMIC[long]) kind = DYNAMIC[long];
      else if (fixed?.length) kind = `choices ${fixed.join(' ')}`;
      else if (long === '--workspace' || /<dir>/.test(spec)) kind = 'dirs';
      else kind = 'value';
    }
    return { names, kind };
  });
}

/** Shell words are ids, flags and fixed values: anything else would be a bug in the caller. */
function word(s: string): string {
  if (!/^[\w@%+=:,./-]*$/.test(s)) throw new Error(`completion: '${s}' is not a plain word`);
  return s;
}

interface Tables {
  parents: string[];
  /** [command, flag names, kind] for each flag that takes a value. */
  valued: [string, string[], string][];
  /** [command, every flag name of it and of the global options]. */
  flags: [string, string[]][];
  /** [command or "" for the top, what its next word is: "choices a b" or "dirs"]. */
  words: [string, string][];
}

function tables(commands: CompletionCommand[]): Tables {
  const root = commands.find((c) => c.name === '');
  const globalFlags = root ? parseFlags(root) : [];
  const subs = commands.filter((c) => c.name !== '');
  const childrenOf = (parent: string) =>
    subs.filter((c) =>
      parent ? c.name.startsWith(`${parent} `) && !c.name.slice(parent.length + 1).includes(' ') : !c.name.includes(' '),
    );
  const parents = subs.filter((c) => childrenOf(c.name).length > 0).map((c) => c.name);
  const t: Tables = { parents, valued: [], flags: [], words: [] };
  const top = childrenOf('').map((c) => c.name);
  t.words.push(['', `choices ${top.join(' ')}`]);
  for (const f of globalFlags) if (f.kind) t.valued.push(['*', f.names, f.kind]);
  t.flags.push(['', globalFlags.flatMap((f) => f.names)]);
  for (const c of subs) {
    const own = parseFlags(c);
    for (const f of own) if (f.kind) t.valued.push([c.name, f.names, f.kind]);
    const names = [...new Set([...own.flatMap((f) => f.names), ...globalFlags.flatMap((f) => f.names)])];
    t.flags.push([c.name, names]);
    const kids = childrenOf(c.name).map((k) => k.name.slice(c.name.length + 1));
    if (kids.length) t.words.push([c.name, `choices ${kids.join(' ')}`]);
    else if (c.args === 'dirs') t.words.push([c.name, 'dirs']);
    else if (c.args?.length) t.words.push([c.name, `choices ${c.args.join(' ')}`]);
  }
  for (const c of commands) c.name.split(' ').forEach(word);
  for (const [, names, kind] of t.valued) [...names, ...kind.split(' ')].forEach(word);
  for (const [, names] of t.flags) names.forEach(word);
  for (const [, what] of t.words) what.split(' ').forEach(word);
  return t;
}

/** `case` arms, the same in bash and zsh. */
function shCase(fn: string, arms: [string[], string][], args: string): string {
  const body = arms.map(([patterns, value]) => `    ${patterns.join('|')}) echo '${value}' ;;`).join('\n');
  return `${fn}() {\n  case ${args} in\n${body}\n  esac\n}`;
}

function fishSwitch(fn: string, arms: [string[], string][], args: string): string {
  const body = arms.map(([patterns, value]) => `        case ${patterns.join(' ')}\n            echo '${value}'`).join('\n');
  return `function ${fn}\n    switch ${args}\n${body}\n    end\nend`;
}

/** The data of the script as shell functions: __appeal_flag CMD FLAG, __appeal_flags CMD, __appeal_words CMD. */
function dataFunctions(t: Tables, fish: boolean): string {
  const q = (s: string) => `'${s}'`;
  const valued: [string[], string][] = t.valued.map(([cmd, names, kind]) => [
    names.map((n) => (cmd === '*' ? `*'|${n}'` : q(`${cmd}|${n}`))),
    kind,
  ]);
  const flags: [string[], string][] = t.flags.map(([cmd, names]) => [[q(cmd)], names.join(' ')]);
  const words: [string[], string][] = t.words.map(([cmd, what]) => [[q(cmd)], what]);
  if (fish) {
    // fish's `case` takes globs in quotes: `'*|--workspace'`.
    const fishValued: [string[], string][] = t.valued.map(([cmd, names, kind]) => [
      names.map((n) => q(`${cmd === '*' ? '*' : cmd}|${n}`)),
      kind,
    ]);
    return [
      fishSwitch('__appeal_flag', fishValued, '"$argv[1]|$argv[2]"'),
      fishSwitch('__appeal_flags', flags, '"$argv[1]"'),
      fishSwitch('__appeal_words', words, '"$argv[1]"'),
    ].join('\n\n');
  }
  return [
    shCase('__appeal_flag', valued, '"$1|$2"'),
    shCase('__appeal_flags', flags, '"$1"'),
    shCase('__appeal_words', words, '"$1"'),
  ].join('\n\n');
}

function bash(t: Tables): string {
  return `# bash completion for appeal. Load it in this shell:  source <(appeal completion bash)
# or for good:  appeal completion bash > ~/.local/share/bash-completion/completions/appeal
${dataFunctions(t, false)}

__appeal_parents=' ${t.parents.join(' ')} '

_appeal() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=
  local i w kind values cmd= given=0 head=
  local -a ws=()
  COMPREPLY=()
  (( COMP_CWORD > 0 )) && prev=\${COMP_WORDS[COMP_CWORD-1]}
  # --flag=value: bash splits it at the '=' (COMP_WORDBREAKS).
  if [[ $cur == = ]]; then cur=
  elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  for (( i = 1; i < COMP_CWORD; i++ )); do
    w=\${COMP_WORDS[i]}
    case $w in
      =) ;;
      -*)
        if [[ -n $(__appeal_flag "$cmd" "$w") ]]; then
          [[ \${COMP_WORDS[i+1]} == = ]] && (( i++ ))
          (( i++ ))
          if [[ $w == --workspace || $w == -w ]] && (( i < COMP_CWORD )); then ws=(--workspace "\${COMP_WORDS[i]}"); fi
        fi ;;
      *)
        if [[ -z $cmd ]]; then cmd=$w
        elif [[ $__appeal_parents == *" $cmd "* ]]; then cmd="$cmd $w"
        else (( given++ ))
        fi ;;
    esac
  done
  if [[ $prev == -* ]]; then kind=$(__appeal_flag "$cmd" "$prev"); else kind=; fi
  if [[ -z $kind && $cur != -* ]]; then
    (( given > 0 )) && return 0
    kind=$(__appeal_words "$cmd")
  fi
  case $kind in
    cases|recipients) values=$(command appeal "\${ws[@]}" __complete "$kind" 2>/dev/null) ;;
    dirs) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
    choices\\ *) values=\${kind#choices } ;;
    value) return 0 ;;
    '') COMPREPLY=($(compgen -W "$(__appeal_flags "$cmd")" -- "$cur")); return 0 ;;
  esac
  # A comma-separated list: complete its last item.
  if [[ $cur == *,* ]]; then head=\${cur%,*},; cur=\${cur##*,}; fi
  COMPREPLY=($(compgen -P "$head" -W "$values" -- "$cur"))
}

complete -F _appeal appeal
`;
}

function zsh(t: Tables): string {
  return `#compdef appeal
# zsh completion for appeal. Load it in this shell:  source <(appeal completion zsh)
# or for good:  appeal completion zsh > "\${fpath[1]}/_appeal"
${dataFunctions(t, false)}

__appeal_parents=' ${t.parents.join(' ')} '

_appeal() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  local i w kind cmd= given=0
  local -a ws values
  for (( i = 2; i < CURRENT; i++ )); do
    w=\${words[i]}
    case $w in
      --*=*)
        [[ \${w%%=*} == --workspace ]] && ws=(--workspace "\${w#*=}") ;;
      -*)
        if [[ -n $(__appeal_flag "$cmd" "$w") ]]; then
          (( i++ ))
          if [[ $w == --workspace || $w == -w ]] && (( i < CURRENT )); then ws=(--workspace "\${words[i]}"); fi
        fi ;;
      *)
        if [[ -z $cmd ]]; then cmd=$w
        elif [[ $__appeal_parents == *" $cmd "* ]]; then cmd="$cmd $w"
        else (( given++ ))
        fi ;;
    esac
  done
  if [[ $cur == --*=* ]]; then
    prev=\${cur%%=*}
    compset -P '*='
    cur=\${cur#*=}
  fi
  if [[ $prev == -* ]]; then kind=$(__appeal_flag "$cmd" "$prev"); else kind=; fi
  if [[ -z $kind && $cur != -* ]]; then
    (( given > 0 )) && return 1
    kind=$(__appeal_words "$cmd")
  fi
  case $kind in
    cases|recipients) values=(\${(f)"$(command appeal $ws __complete $kind 2>/dev/null)"}) ;;
    dirs) _files -/; return ;;
    choices\\ *) values=(\${=kind#choices }) ;;
    value) return 1 ;;
    '') values=(\${=$(__appeal_flags "$cmd")}) ;;
  esac
  # A comma-separated list: complete its last item.
  [[ -n $kind ]] && compset -P '*,'
  compadd -- $values
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _appeal "$@"
else
  compdef _appeal appeal
fi
`;
}

function fish(t: Tables): string {
  return `# fish completion for appeal. Load it in this shell:  appeal completion fish | source
# or for good:  appeal completion fish > ~/.config/fish/completions/appeal.fish
${dataFunctions(t, true)}

function __appeal_complete
    set -l parents ${t.parents.join(' ')}
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l cmd ''
    set -l ws
    set -l given 0
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        switch $w
            case '--*=*'
                if string match -q -- '--workspace=*' $w
                    set ws --workspace (string replace -- '--workspace=' '' $w)
                end
            case '-*'
                set -l k (__appeal_flag "$cmd" $w)
                if test -n "$k"
                    set i (math $i + 1)
                    if contains -- $w --workspace -w; and test $i -le (count $tokens)
                        set ws --workspace $tokens[$i]
                    end
                end
            case '*'
                if test -z "$cmd"
                    set cmd $w
                else if contains -- $cmd $parents
                    set cmd "$cmd $w"
                else
                    set given (math $given + 1)
                end
        end
        set i (math $i + 1)
    end
    set -l prev ''
    test (count $tokens) -ge 2; and set prev $tokens[-1]
    set -l head ''
    if string match -q -- '--*=*' $cur
        set prev (string replace -r -- '=.*' '' $cur)
        set head (string replace -r -- '^([^=]*=).*' '$1' $cur)
        set cur (string replace -r -- '^[^=]*=' '' $cur)
    end
    set -l kind ''
    string match -q -- '-*' $prev; and set kind (__appeal_flag "$cmd" $prev)
    if test -z "$kind"; and not string match -q -- '-*' $cur
        test $given -gt 0; and return
        set kind (__appeal_words "$cmd")
    end
    set -l values
    switch "$kind"
        case cases recipients
            set values (command appeal $ws __complete $kind 2>/dev/null)
        case dirs
            __fish_complete_directories $cur
            return
        case 'choices *'
            set values (string split -- ' ' (string replace 'choices ' '' $kind))
        case value
            return
        case ''
            set values (string split -- ' ' (__appeal_flags "$cmd"))
    end
    # A comma-separated list: complete its last item.
    if test -n "$kind"; and string match -q -- '*,*' $cur
        set head "$head"(string replace -r -- '[^,]*$' '' $cur)
    end
    for v in $values
        echo "$head$v"
    end
end

complete -c appeal -f -a '(__appeal_complete)'
`;
}

/** The completion script for `shell`, for these commands (see completionCommands()). */
export function completionScript(shell: Shell, commands: CompletionCommand[]): string {
  const t = tables(commands);
  return shell === 'bash' ? bash(t) : shell === 'zsh' ? zsh(t) : fish(t);
}

/**
 * What `appeal [--workspace DIR] __complete cases|recipients` prints, one per line: the case ids
 * of the workspace, or the recipient and group ids of its directory (the built-in one outside a
 * workspace). Never throws: a completion must not print errors while someone types.
 */
export function completionValues(what: string, cwd: string, workspace?: string): string[] {
  let root: string | undefined;
  try {
    root = findWorkspace(cwd, workspace);
  } catch {
    root = undefined;
  }
  try {
    if (what === 'cases') {
      if (!root || !existsSync(join(root, 'cases'))) return [];
      return readdirSync(join(root, 'cases'))
        .filter((f) => /^[a-z0-9][a-z0-9-]*\.yaml$/.test(f))
        .map((f) => f.slice(0, -'.yaml'.length))
        .sort();
    }
    if (what === 'recipients') return [...loadDirectory(root).names()].sort();
  } catch {
    return [];
  }
  return [];
}
