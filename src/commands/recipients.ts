/** `appeal recipients`: the directory as of a date, for people and for --json. */
import { AppealError } from '../errors.js';
import { findWorkspace } from '../load/find.js';
import { describePartial, loadDirectory, startOf } from '../plan/directory.js';
import { languageProblem, useWorkspaceLanguages } from '../plan/phrases.js';
import { letterDate, printJson, type GlobalOptions } from './common.js';

export function directoryListing(root: string | undefined, date: string, lang = 'en') {
  const directory = loadDirectory(root);
  const recipients = directory.names().map((key) => {
    const members = directory.groups.get(key);
    if (members) return { key, group: true, members };
    let name: string;
    try {
      name = directory.resolve(key, date, lang)[0]!.name;
    } catch {
      // Before the first holder the directory knows: say so where the name would stand.
      name = directory.recipients.get(key)!.addressee.replaceAll('{holder}', `(no holder known on ${date})`);
    }
    const r = directory.recipients.get(key)!;
    return { key, group: false, addressee: name, circulate: r.circulate, verified: r.verified };
  });
  const mandates = [...directory.mandates.values()].map((m) => {
    const { title, translated, translationVerified } = directory.mandateTitle(m.key, date, lang);
    return {
      key: m.key,
      title: title ?? null,
      /** false: no title in the language is known, and letters print the English one. */
      translated: lang === 'en' || !!translated,
      /** false: the title in the language was not confirmed by a source. */
      translationVerified: translationVerified ?? true,
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
  lines.push('', `Mandates (concerns in a case), titles as of ${date}${lang === 'en' ? '' : `, in '${lang}'`}:`);
  for (const m of mandates) {
    const what = m.exists ? m.title : `(from ${describePartial(m.since)})`;
    const english = !m.exists
      ? ''
      : !m.translated
        ? ` (no '${lang}' title known: letters print the English one)`
        : m.translationVerified
          ? ''
          : ` ('${lang}' title unverified)`;
    lines.push(`  ${m.key.padEnd(24)} ${what}${english}${m.verified ? '' : ' (unverified)'}`);
  }
  return { date, recipients, mandates, text: `${lines.join('\n')}\n` };
}

export interface RecipientsOptions extends GlobalOptions {
  date?: string;
  lang?: string;
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
  if (root) useWorkspaceLanguages(root);
  const lang = opts.lang ?? 'en';
  const bad = languageProblem(lang);
  if (bad) throw new AppealError({ key: '--lang', message: bad });
  const listing = directoryListing(root, date, lang);
  if (opts.json) printJson(listing);
  else process.stdout.write(listing.text);
}
