/**
 * The languages of letters: the fixed phrases of data/lang/<code>.yaml (labels, statuses,
 * salutations, how sources, citations, aliases and lists read, the date style, the page head),
 * each language read once. A language is a file here and a folder templates/<code>/: a third
 * language is data, not code. A workspace may add or correct one with lang/<code>.yaml.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { formatLangDate } from '../domain/dates.js';
import { STATUSES } from '../domain/terms.js';
import { AppealError } from '../errors.js';
import { readBuiltin } from '../load/builtin.js';
import { check } from '../load/check.js';
import { readYaml } from '../load/source.js';
import { dataDir } from '../paths.js';
import { didYouMean } from '../suggest.js';

/** What the code reads of a language file; the rest of it is for translators and templates. */
const phrasesSchema = z.looseObject({
  language: z.looseObject({ code: z.string(), name: z.string() }),
  date: z.strictObject({ pattern: z.string(), months: z.array(z.string()).check(z.length(12)) }),
  page: z.looseObject({ running_head: z.string() }),
  status: z.record(z.enum(STATUSES), z.string()),
  labels: z.record(z.string(), z.string()),
  salutations: z.looseObject({ default: z.string(), excellencies: z.string() }),
  sources_as: z.strictObject({ publication: z.string(), person: z.string() }),
  citations: z.strictObject({ first: z.string(), next: z.string() }),
  aliases: z.string(),
  /** "Mr." as the language writes it before a name: "cənab". */
  honorifics: z._default(z.record(z.string(), z.string()), {}),
  list: z.strictObject({ separator: z.string(), last: z.string() }),
  list_long: z.strictObject({ pair: z.string(), separator: z.string(), last: z.string() }),
});
export type Phrases = z.infer<typeof phrasesSchema>;

/** The language of a letter when neither --lang nor appeal.yaml says. */
export const DEFAULT_LANGUAGE = 'en';

const cache = new Map<string, Phrases>();
let workspaceRoot: string | undefined;
/** The language codes, listed once per workspace: a batch asks for every letter. */
let listedCodes: string[] | undefined;

/** Lets a workspace's own lang/<code>.yaml add or replace a language (called when it is opened). */
export function useWorkspaceLanguages(root: string): void {
  if (workspaceRoot !== root) {
    cache.clear();
    listedCodes = undefined;
  }
  workspaceRoot = root;
}

/** The codes of the languages: built in, and the workspace's own. */
export function languageCodes(): string[] {
  return (listedCodes ??= listLanguageCodes());
}

function listLanguageCodes(): string[] {
  const codes = new Set<string>();
  for (const dir of [join(dataDir(), 'lang'), ...(workspaceRoot ? [join(workspaceRoot, 'lang')] : [])]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/^[a-z]{2,3}(-[A-Za-z0-9]+)?\.yaml$/.test(f)) codes.add(f.slice(0, -'.yaml'.length));
  }
  return [...codes].sort();
}

/** A problem sentence for a language that does not exist, or undefined. */
export function languageProblem(code: string): string | undefined {
  const codes = languageCodes();
  if (codes.includes(code)) return undefined;
  return (
    `there is no language '${code}': the languages are ${codes.join(', ')}.${code.length > 2 ? didYouMean(code, codes) : ''} ` +
    `To add one, create lang/${code}.yaml (a translated copy of data/lang/en.yaml) and templates/${code}/ in the workspace.`
  );
}

/** The phrases of a language (English when none is named). */
export function phrases(lang = DEFAULT_LANGUAGE): Phrases {
  const cached = cache.get(lang);
  if (cached) return cached;
  const bad = languageProblem(lang);
  if (bad) throw new AppealError({ key: '--lang', message: bad });
  const own = workspaceRoot && join(workspaceRoot, 'lang', `${lang}.yaml`);
  const read =
    own && existsSync(own) ? check(readYaml(own, `lang/${lang}.yaml`), phrasesSchema) : readBuiltin(`lang/${lang}.yaml`, phrasesSchema);
  if (read.problems.length) throw new AppealError(read.problems);
  cache.set(lang, read.value!);
  return read.value!;
}

/** Fills {name} placeholders of a phrase. */
export function fill(phrase: string, values: Record<string, string | number | undefined>): string {
  return phrase.replace(/\{([a-z]+)\}/g, (all, key: string) => (values[key] === undefined ? all : String(values[key])));
}

/** "Update No 2", "Communication": how a letter of a kind is cited, in a language. */
export function label(kind: string, update?: number, lang = DEFAULT_LANGUAGE): string {
  // A workspace's own kind without a label of its own: its name, as words ("Memo").
  const text = phrases(lang).labels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('-', ' ');
  return text.replace('{n}', String(update ?? ''));
}

/** A date in a language's official style: "23 December 2007", "23 dekabr 2007-ci il". */
export function languageDate(iso: string, lang: string): string {
  const { date } = phrases(lang);
  return formatLangDate(iso, { pattern: date.pattern, months: date.months });
}

let publicKinds: string[] | undefined;

/** Whether letters of this kind are published (data/kinds.yaml, public). */
export function isPublic(kind: string): boolean {
  if (!publicKinds) {
    const read = readBuiltin('kinds.yaml', z.strictObject({ public: z.array(z.string()) }));
    if (read.problems.length) throw new AppealError(read.problems);
    publicKinds = read.value!.public;
  }
  return publicKinds.includes(kind);
}

/** "A", "A and B", "A, B and C"; with semicolons when an item holds a comma. */
export function joinList(items: string[], lang = DEFAULT_LANGUAGE): string {
  const { list, list_long: long } = phrases(lang);
  const hasComma = items.some((i) => i.includes(','));
  if (items.length <= 1) return items[0] ?? '';
  if (hasComma && items.length === 2) return items.join(long.pair);
  const sep = hasComma ? long.separator : list.separator;
  const last = hasComma ? long.last : list.last;
  return items.slice(0, -1).join(sep) + last + items[items.length - 1]!;
}
