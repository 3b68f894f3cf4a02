/** `appeal recipients`: the directory as of a date, for people and for --json. */
import { AppealError } from '../errors.js';
import { findWorkspace } from '../load/find.js';
import { describePartial, loadDirectory, startOf } from '../plan/directory.js';
import { letterDate, printJson, type GlobalOptions } from './common.js';

export function directoryListing(root: string | undefined, date: string) {
  const directory = loadDirectory(root);
  const recipients = directory.names().map((key) => {
    const members = directory.groups.get(key);
    if (members) return { key, group: true, members };
    let name: string;
    try {
      name = directory.resolve(key, date)[0]!.name;
    } catch {
      name = `${directory.recipients.get(key)!.addressee} (no holder known on ${date})`;
    }
    const r = directory.recipients.get(key)!;
    return { key, group: false, addressee: name, circulate: r.circulate, verified: r.verified };
  });
  const mandates = [...directory.mandates.values()].map((m) => {
    const { title } = directory.mandateTitle(m.key, date);
    return {
      key: m.key,
      title: title ?? null,
      since: m.since,
      exists: startOf(m.since) <= date,
      verified: m.verified && m.titles.every((t) => t.verified),
    };
  });
  const lines: string[] = [`Recipients (--to), as of ${date}:`];
  for (const r of recipients) {
    lines.push(
      r.group
        ? `  ${r.key.padEnd(24)} group: ${r.members!.join(', ')}`
        : `  ${r.key.padEnd(24)} ${r.addressee}${r.verified ? '' : ' (unverified)'}`,
    );
  }
  lines.push('', `Mandates (concerns in a case), titles as of ${date}:`);
  for (const m of mandates) {
    const what = m.exists ? m.title : `(from ${describePartial(m.since)})`;
    lines.push(`  ${m.key.padEnd(24)} ${what}${m.verified ? '' : ' (unverified)'}`);
  }
  return { date, recipients, mandates, text: `${lines.join('\n')}\n` };
}

export interface RecipientsOptions extends GlobalOptions {
  date?: string;
  json?: boolean;
}

export async function recipientsCommand(opts: RecipientsOptions): Promise<void> {
  const date = letterDate(opts.date);
  let root: string | undefined;
  try {
    root = findWorkspace(process.cwd(), opts.workspace);
  } catch (e) {
    // Outside a workspace: the built-in directory. A workspace named and not found is an error.
    if (opts.workspace || !(e instanceof AppealError)) throw e;
  }
  const listing = directoryListing(root, date);
  if (opts.json) printJson(listing);
  else process.stdout.write(listing.text);
}
