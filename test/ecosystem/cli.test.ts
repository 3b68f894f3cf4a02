/** The command line as people expect it: mistyped lines say what is wrong, exit 2; help ends with an example. */
import { describe, expect, it } from 'vitest';
import { appeal, REPO } from '../helpers.js';

const MISTYPED: [string[], RegExp][] = [
  [['new', '--cas', 'metinpur', '--to', 'un-rapporteurs'], /unknown option '--cas'\n\(Did you mean --case\?\)/],
  [['new', '--to', 'un-rapporteurs'], /required option '--case <id>' not specified/],
  [['nwe'], /unknown command 'nwe'\n\(Did you mean new\?\)/],
  [['batch', '--to', 'un-rapporteurs'], /name the cases with exactly one of --cases, --changed-since or --all/],
  [['batch', '--to', 'un-rapporteurs', '--all', '--cases', 'a'], /exactly one of --cases, --changed-since or --all/],
  [['validate', '--format', 'xml'], /'xml' is invalid\. Allowed choices are text, json, github/],
  [['schema', 'cases'], /'cases' is invalid for argument 'which'\. Allowed choices are case, config, entry/],
  [['completion', 'powershell'], /Allowed choices are bash, zsh, fish/],
  [['completion'], /missing required argument 'shell'/],
  [['register'], /Usage: appeal register/],
  [['register', 'ad'], /unknown command 'ad'/],
  [['log', '--jsn'], /unknown option '--jsn'\n\(Did you mean --json\?\)/],
  [['new', '--case'], /option '--case <id>' argument missing/],
];

describe('mistyped command lines', () => {
  for (const [args, said] of MISTYPED) {
    it(`appeal ${args.join(' ')}`, () => {
      const r = appeal(REPO, ...args);
      expect(r.stderr).toMatch(said);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    });
  }

  it('bare appeal prints the help on stderr and exits 2, as for any wrong command line', () => {
    const r = appeal(REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: appeal [options] [command]');
  });

  it("every command's --help ends with an example", () => {
    for (const cmd of [
      'new',
      'batch',
      'validate',
      'log',
      'register',
      'register add',
      'repair',
      'recipients',
      'schema',
      'init',
      'completion',
    ]) {
      const r = appeal(REPO, ...cmd.split(' '), '--help');
      expect(r.code, cmd).toBe(0);
      expect(r.stdout.trimEnd().split('\n').pop(), cmd).toMatch(/^Example: appeal /);
    }
  });
});
