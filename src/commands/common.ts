/**
 * What every command shares: the workspace it runs in, the register held with the lock-wait the
 * user chose, the flags that take dates and formats, and printing one JSON document.
 */
import { AppealError } from '../errors.js';
import { daysBetween, FORMATS, isRealDate, todayIso, type OutputFormat } from '../domain/terms.js';
import { findWorkspace } from '../load/find.js';
import type { Workspace } from '../load/workspace.js';
import type { LockOptions } from '../register/index.js';
import { didYouMean } from '../suggest.js';

/** The options every command takes (declared once on the program). */
export interface GlobalOptions {
  workspace?: string;
  /** Seconds to wait for another run that holds the register lock. */
  lockWait?: string;
}

/** The workspace the command runs in: named by --workspace, or found from the current folder. */
export async function openWorkspaceFor(global: GlobalOptions): Promise<Workspace> {
  const root = findWorkspace(process.cwd(), global.workspace);
  const { openWorkspace } = await import('../load/workspace.js');
  return openWorkspace(root);
}

/** How long to wait for the register lock, and saying so at once on stderr. */
export function lockOptions(global: GlobalOptions): LockOptions {
  let waitMs = 120_000;
  const raw = global.lockWait ?? process.env.APPEAL_LOCK_WAIT;
  if (raw !== undefined) {
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new AppealError({ key: '--lock-wait', message: `'${raw}' is not a number of seconds: give one such as 30, or 0 not to wait.` });
    }
    waitMs = seconds * 1000;
  }
  return {
    waitMs,
    onWait: ({ pid, host, since }) => {
      const who = pid ? `appeal run ${pid}${host ? ` on ${host}` : ''}${since ? ` since ${since}` : ''}` : 'another appeal run';
      process.stderr.write(`The register is in use by ${who}; waiting up to ${Math.round(waitMs / 1000)} s for it to finish.\n`);
    },
  };
}

/** Days after today a letter may be dated without --allow-future (posted on a Monday, say). */
const FUTURE_DAYS = 7;

/** --date as given, checked; today when absent. A date far ahead is a typo unless `allowFuture`. */
export function letterDate(value: string | undefined, allowFuture = true, key = '--date'): string {
  if (value === undefined) return todayIso();
  if (!isRealDate(value)) {
    throw new AppealError({
      key,
      message: `'${value}' is not a real date: write it as yyyy-mm-dd (for example 2007-12-23), a day that exists in that month.`,
    });
  }
  const ahead = daysBetween(todayIso(), value);
  if (!allowFuture && ahead > FUTURE_DAYS) {
    throw new AppealError({
      key,
      message:
        `${value} is ${ahead} days from today: a letter is dated the day it ` +
        `is sent. Correct the date, or give --allow-future to date it ahead.`,
    });
  }
  return value;
}

/** --format as a list of formats, or undefined for the workspace's own. */
export function outputFormats(value: string | undefined): OutputFormat[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new AppealError({
      key: '--format',
      message:
        `'${value}' is not a list of formats: use ${FORMATS.join(', ')}, or ` +
        `several joined by commas (txt,pdf).${didYouMean(bad[0] ?? '', FORMATS)}`,
    });
  }
  return [...new Set(list)] as OutputFormat[];
}

/** Prints one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Says on stderr which recipients an .eml could not be addressed to. */
export function reportNotSent(reference: string, files: { notSent?: string[] }[]): void {
  for (const f of files) {
    for (const name of f.notSent ?? []) {
      process.stderr.write(
        `${reference}: not sent by e-mail to ${name}: no address in the directory (send it by post, or add email: to the recipient).\n`,
      );
    }
  }
}
