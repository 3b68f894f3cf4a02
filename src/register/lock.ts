/**
 * The register lock (register/.lock): concurrent runs take turns, so that numbers, update numbers
 * and the events since the last letter are worked out on a register that does not change
 * underneath. A lock whose process is gone is broken; leftovers of killed runs are swept.
 */
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { AppealError } from '../errors.js';

const LOCK = '.lock';

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a process that is gone (killed, crashed) may be broken. */
function isStale(lockPath: string): { stale: boolean; holder: string } {
  let text = '';
  let age = 0;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
    age = Date.now() - fs.statSync(lockPath).mtimeMs;
  } catch {
    return { stale: false, holder: '' }; // released meanwhile: try again
  }
  const m = /^(\d+)@(\S+)/.exec(text);
  if (!m) return { stale: age > 5_000, holder: text }; // killed between creating and writing it
  const [, pid, host] = m;
  if (host === hostname() && !processAlive(Number(pid))) return { stale: true, holder: text };
  return { stale: age > 10 * 60_000, holder: text };
}

/**
 * Removes the temporary files of runs that were killed before they could clean up
 * ('.tmp-<pid>...' or '-stale-<pid>' where that process is gone), in `dir` and below.
 * Returns what it removed, relative to `root`.
 */
export function sweepLeftovers(dir: string, root = dir): string[] {
  const removed: string[] = [];
  if (!fs.existsSync(dir)) return removed;
  for (const name of fs.readdirSync(dir)) {
    const abs = join(dir, name);
    const m = /\.(?:tmp|stale)-(\d+)(?:-|\.|$)/.exec(name);
    if (m && !processAlive(Number(m[1]))) {
      try {
        fs.unlinkSync(abs);
        removed.push(relative(root, abs));
      } catch {
        /* gone already */
      }
    } else if (!name.startsWith('.') && fs.lstatSync(abs).isDirectory()) {
      removed.push(...sweepLeftovers(abs, root));
    }
  }
  return removed;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LockOptions {
  /** How long to wait for another run, in milliseconds (default 120 s). */
  waitMs?: number;
  /** Told once, at once, when another run holds the lock: who, since when. */
  onWait?: (holder: { pid?: number; host?: string; since?: string; waitMs: number }) => void;
}

/**
 * Runs `work` while holding the register lock. Waits for other appeal processes (up to
 * `waitMs`), breaks a lock whose process is gone, and always releases its own.
 */
export async function withRegisterLock<T>(root: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 120_000;
  let told = false;
  const dir = join(root, 'register');
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK);
  const token = `${process.pid}@${hostname()} ${new Date().toISOString()}\n`;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      try {
        fs.writeSync(fd, token);
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const { stale, holder } = isStale(lockPath);
    if (stale) {
      const aside = `${lockPath}-stale-${process.pid}`;
      try {
        fs.renameSync(lockPath, aside);
        // Another process may have broken it and taken it in between: put a live lock back.
        if (fs.readFileSync(aside, 'utf8') !== holder) {
          try {
            fs.linkSync(aside, lockPath);
          } catch {
            /* someone holds it already */
          }
        }
        fs.unlinkSync(aside);
      } catch {
        /* it went away: try again */
      }
      continue;
    }
    if (!told && options.onWait) {
      told = true;
      const m = /^(\d+)@(\S+)\s+(\S+)/.exec(holder);
      options.onWait({ pid: m ? Number(m[1]) : undefined, host: m?.[2], since: m?.[3], waitMs });
    }
    if (Date.now() >= deadline) {
      throw new AppealError({
        file: 'register/.lock',
        message:
          `the register is locked by another appeal run (${holder.trim() || 'unknown'}), and it did not finish within ` +
          `${Math.round(waitMs / 1000)} s. Wait for it and run again (or wait longer with --lock-wait SECONDS); ` +
          'if no appeal run is going on, delete register/.lock.',
      });
    }
    await sleep(Math.min(200, 5 + attempt * 5) + Math.floor(Math.random() * 20));
  }
  sweepLeftovers(dir);
  try {
    return await work();
  } finally {
    try {
      if (fs.readFileSync(lockPath, 'utf8') === token) fs.unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  }
}
