/**
 * `appeal repair`: finishes or undoes what stopped runs left behind (see register/pending.ts),
 * and removes their temporary files. Every run that takes the register lock does the same; this
 * command does it on its own, and says what it did.
 */
import { join } from 'node:path';
import { leavesWorkspace } from '../load/inside.js';
import { sweepLeftovers, withRegisterLock } from '../register/lock.js';
import { recoverPending } from '../register/pending.js';
import { lockOptions, openWorkspaceFor, printJson, type GlobalOptions } from './common.js';

export interface RepairOptions extends GlobalOptions {
  json?: boolean;
}

export async function repairCommand(opts: RepairOptions): Promise<void> {
  const ws = await openWorkspaceFor(opts);
  const result = await withRegisterLock(
    ws.root,
    async () => {
      const recovered = recoverPending(ws.root, ws.config);
      const removed = [
        ...sweepLeftovers(join(ws.root, 'register'), ws.root),
        ...(leavesWorkspace(ws.root, ws.config.output.dir) ? [] : sweepLeftovers(join(ws.root, ws.config.output.dir), ws.root)),
      ];
      return { ...recovered, removed };
    },
    lockOptions(opts),
  );
  if (opts.json) return printJson(result);
  const lines = [
    ...result.completed.map((ref) => `${ref}: was issued; its letters are in place.`),
    ...result.rolledBack.map((ref) => `${ref}: was not issued (the run was stopped); its files were removed and the number is free.`),
    ...result.removed.map((f) => `removed ${f}`),
  ];
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'Nothing to repair: no run was left unfinished.\n');
}
