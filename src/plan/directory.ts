/**
 * The directory: Special Procedures mandates with their titles by date, and the recipients
 * `--to` can name. Built in from data/*.yaml; a workspace adds or replaces recipients in
 * recipients/*.yaml.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { AppealError, type Problem } from '../errors.js';
import { phrases } from './phrases.js';
import { readYaml, type YamlSource } from '../load/source.js';
import { readBuiltin, type Builtin } from '../load/builtin.js';
import { check, didYouMean as didYouMeanIn } from '../load/check.js';

/** "1985", "2010-10" or "2000-04-26": the first day it stands for, as yyyy-mm-dd. */
const partialDate = z.pipe(
  z.transform((v: unknown) => (typeof v === 'number' ? String(v) : v)),
  z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'write a date as yyyy, yyyy-mm or yyyy-mm-dd' })),
);
const someText = z.string().check(z.minLength(1));

const mandateSchema = z.strictObject({
  since: partialDate,
  source: z.optional(z.string()),
  verified: z._default(z.boolean(), true),
  titles: z
    .array(
      z.strictObject({
        from: partialDate,
        title: someText,
        verified: z._default(z.boolean(), true),
        // The title in Azerbaijani (data/lang/az.yaml), where it came from, or `az_verified: false`.
        az: z.optional(someText),
        az_source: z.optional(z.string()),
        az_verified: z.optional(z.boolean()),
      }),
    )
    .check(z.minLength(1)),
});

const recipientSchema = z.strictObject({
  addressee: someText,
  // A holder's name as the letters of a language write it ("az: cənab İlham Əliyev"); else the name, its honorific translated.
  holders: z.optional(z.array(z.strictObject({ from: partialDate, name: someText, az: z.optional(someText) }))),
  address: z._default(z.array(z.string()), []),
  email: z.optional(z.string()),
  salutation: z._default(z.string(), 'Dear Sir or Madam,'),
  /** Addressed as an Excellency: several such addressees together are "Dear Excellencies,". */
  excellency: z._default(z.boolean(), false),
  /** How the addressee is named inside a sentence, as in an open letter's title; default: addressee. */
  'in-title': z.optional(someText),
  circulate: z._default(z.boolean(), false),
  verified: z._default(z.boolean(), true),
  // The addressee line and salutation in Azerbaijani, where they came from, or `az_verified: false`.
  az: z.optional(
    z.strictObject({
      addressee: z.optional(someText),
      salutation: z.optional(someText),
      address: z.optional(z.array(z.string())),
    }),
  ),
  az_source: z.optional(z.string()),
  az_verified: z.optional(z.boolean()),
});

const mandatesFile = z.strictObject({ mandates: z.record(z.string(), mandateSchema) });
const recipientsFile = z.strictObject({
  recipients: z._default(z.record(z.string(), recipientSchema), {}),
  groups: z._default(z.record(z.string(), z.strictObject({ members: z.array(z.string()).check(z.minLength(1)) })), {}),
});

export type Mandate = z.infer<typeof mandateSchema> & { key: string };
export type Recipient = z.infer<typeof recipientSchema> & { key: string };

/** The first day a partial date stands for. */
export function startOf(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

/** "1985", "October 2010", "26 April 2000": a partial date as a person reads it. */
export function describePartial(partial: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = partial.split('-');
  if (!m) return y!;
  const month = months[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The entry of a dated list in force on `date` (yyyy-mm-dd), or undefined before the first. */
function inForce<T extends { from: string }>(list: T[], date: string): T | undefined {
  let found: T | undefined;
  for (const item of [...list].sort((a, b) => (startOf(a.from) < startOf(b.from) ? -1 : 1))) {
    if (startOf(item.from) <= date) found = item;
  }
  return found;
}

/** "Mr. Alain Berset" as a language writes it: "cənab Alain Berset" (its honorifics, data/lang). */
function ownHonorific(name: string, lang: string): string {
  const [first, ...rest] = name.split(' ');
  const own = phrases(lang).honorifics[first!];
  return own && rest.length ? [own, ...rest].join(' ') : name;
}

export interface Addressee {
  key: string;
  /** "The Office of the High Commissioner for Human Rights, Geneva" or "Mr. Alain Berset, Secretary General ...". */
  name: string;
  address: string[];
  email?: string;
  salutation: string;
  excellency: boolean;
  /** The addressee inside a sentence: "United Nations Secretary-General Mr. António Guterres". */
  inTitle: string;
  circulate: boolean;
}

export class Directory {
  constructor(
    readonly mandates: Map<string, Mandate>,
    readonly recipients: Map<string, Recipient>,
    readonly groups: Map<string, string[]>,
  ) {}

  /**
   * The mandate's title on `date`, in the letter's language where the directory has it (else in
   * English, `translated: false`), or a problem sentence if the mandate did not exist yet.
   */
  mandateTitle(
    key: string,
    date: string,
    lang = 'en',
  ): { title?: string; translated?: boolean; translationVerified?: boolean; error?: string } {
    const m = this.mandates.get(key)!;
    if (startOf(m.since) > date) {
      return {
        error:
          `the mandate '${key}' (${m.titles[0]!.title}) began in ${describePartial(m.since)}; a ` +
          `letter dated ${date} cannot address it. Remove it from concerns, or date the letter later.`,
      };
    }
    const entry = inForce(m.titles, date)! as Record<string, unknown> & { title: string };
    const own = lang === 'en' ? entry.title : entry[lang];
    if (typeof own !== 'string') return { title: entry.title, translated: false };
    return { title: own, translated: true, translationVerified: lang === 'en' || entry[`${lang}_verified`] !== false };
  }

  /** Every recipient or group name `--to` accepts. */
  names(): string[] {
    return [...this.recipients.keys(), ...this.groups.keys()].sort();
  }

  /** The addressees of `to` (comma-separated names of recipients or groups) on `date`. */
  resolve(to: string, date: string, lang = 'en'): Addressee[] {
    const problems: Problem[] = [];
    const out: Addressee[] = [];
    const seen = new Set<string>();
    const add = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const r = this.recipients.get(key)!;
      let holder = '';
      if (r.holders) {
        const held = inForce(r.holders, date);
        if (!held) {
          problems.push({
            key: '--to',
            message:
              `'${key}' has no holder known on ${date} (the first listed took office in ` +
              `${describePartial(r.holders[0]!.from)}). Add the holder of that date under holders in recipients/${key}.yaml.`,
          });
          return;
        }
        holder =
          lang === 'en' ? held.name : (((held as Record<string, unknown>)[lang] as string | undefined) ?? ownHonorific(held.name, lang));
      }
      // In the letter's language where the directory has it: "BMT-nin ... Ali Komissarlığı".
      const own =
        lang === 'en'
          ? undefined
          : ((r as Record<string, unknown>)[lang] as { addressee?: string; salutation?: string; address?: string[] } | undefined);
      const addressee = own?.addressee ?? r.addressee;
      const name = addressee.replaceAll('{holder}', holder);
      const inTitle = (own?.addressee ?? r['in-title'] ?? r.addressee).replaceAll('{holder}', holder);
      out.push({
        key,
        name,
        address: own?.address ?? r.address,
        email: r.email,
        salutation: own?.salutation ?? (lang === 'en' ? r.salutation : phrases(lang).salutations.default),
        excellency: r.excellency,
        inTitle,
        circulate: r.circulate,
      });
    };
    for (const raw of to
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (this.groups.has(raw)) this.groups.get(raw)!.forEach(add);
      else if (this.recipients.has(raw)) add(raw);
      else {
        const all = this.names();
        problems.push({
          key: '--to',
          message: `'${raw}' is not a recipient or group of the directory.${didYouMeanIn(
            raw,
            all,
          )} Run 'appeal recipients' to list them, or add it in recipients/*.yaml.`,
        });
      }
    }
    if (problems.length) throw new AppealError(problems);
    if (out.length === 0) throw new AppealError({ key: '--to', message: 'name at least one recipient, for example --to un-rapporteurs.' });
    return out;
  }
}

/** Reads the built-in directory and the workspace's own recipients/*.yaml over it. */
export function loadDirectory(workspaceRoot?: string): Directory {
  const problems: Problem[] = [];
  const mandates = new Map<string, Mandate>();
  const recipients = new Map<string, Recipient>();
  const groups = new Map<string, string[]>();
  // Where each group was defined, for a problem with its members.
  const origin = new Map<string, () => YamlSource>();

  const m = readBuiltin('mandates.yaml', mandatesFile);
  problems.push(...m.problems);
  for (const [key, value] of Object.entries(m.value?.mandates ?? {})) mandates.set(key, { ...value, key });

  // The built-in recipients, then the workspace's own files over them.
  const files: (() => Builtin<z.infer<typeof recipientsFile>>)[] = [() => readBuiltin('recipients.yaml', recipientsFile)];
  if (workspaceRoot) {
    const dir = join(workspaceRoot, 'recipients');
    if (existsSync(dir)) {
      for (const f of readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()) {
        files.push(() => {
          const source = readYaml(join(dir, f), `recipients/${f}`);
          return { ...check(source, recipientsFile), source: () => source };
        });
      }
    }
  }
  for (const file of files) {
    let r: Builtin<z.infer<typeof recipientsFile>>;
    try {
      r = file();
    } catch (e) {
      if (e instanceof AppealError) {
        problems.push(...e.problems);
        continue;
      }
      throw e;
    }
    problems.push(...r.problems);
    const source = r.source;
    for (const [key, value] of Object.entries(r.value?.recipients ?? {})) {
      recipients.set(key, { ...value, key });
      groups.delete(key);
      origin.set(key, source);
    }
    for (const [key, value] of Object.entries(r.value?.groups ?? {})) {
      groups.set(key, value.members);
      recipients.delete(key);
      origin.set(key, source);
    }
  }
  // Every group member must be a recipient.
  for (const [key, members] of groups) {
    members.forEach((member, i) => {
      if (!recipients.has(member)) {
        const src = origin.get(key)!();
        problems.push(
          src.problem(['groups', key, 'members', i], `'${member}' is not a recipient.${didYouMeanIn(member, [...recipients.keys()])}`),
        );
      }
    });
  }
  if (problems.length) throw new AppealError(problems);
  return new Directory(mandates, recipients, groups);
}
