/**
 * The register as a store: read it, or hold it (the lock taken, what interrupted runs left
 * finished, the entries read) while a run issues letters.
 */
import type { Config } from '../load/schema.js';
import { withRegisterLock, type LockOptions } from './lock.js';
import { recoverPending } from './pending.js';
import { readValidRegister, type RegisteredEntry } from './read.js';

export type { LockOptions } from './lock.js';

/** Runs `work` with the register held: locked, recovered, read. */
export async function holdRegister<T>(
  root: string,
  config: Config,
  work: (entries: RegisteredEntry[]) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  return withRegisterLock(
    root,
    async () => {
      recoverPending(root, config);
      return work(readValidRegister(root, config));
    },
    options,
  );
}
