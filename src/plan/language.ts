/**
 * A language of letters: the phrases of data/lang/<code>.yaml (labels, statuses, salutations, the
 * page head, the date style) and the templates of templates/<code>/. A third language is a pair
 * of such files, not code. A workspace may add or correct a language with lang/<code>.yaml.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatLangDate, type LangDateStyle } from '../domain/dates.js';
import { STATUSES } from '../domain/terms.js';
import { AppealError } from '../errors.js';
import { readBuiltin } from '../load/builtin.js';
import { check } from '../load/check.js';
import { readYaml } from '../load/source.js';
import { dataDir } from '../paths.js';
import { didYouMean } from '../suggest.js';

/** The phrases the code (not the templates) uses; a language file may hold more, for templates. */
const languageSchema = z.looseObject({
  language: z.looseObject({ code: z.string(), name: z.string() }),
  date: z.strictObject({ pattern: z.string(), months: z.array(z.string()).length(12) }),
  page: z.looseObject({ running_head: z.string() }),
  salutations: z.looseObject({ default: z.string() }),
  labels: z.record(z.string(), z.string()),
  status: z.record(z.enum(STATUSES), z.string()),
  list: z.strictObject({ separator: z.string(), last: z.string() }),
});
export type LanguageData = z.infer<typeof languageSchema> & Record<string, unknown>;

export interface Language {
  code: string;
  data: LanguageData;
  /** A date in the language's official style: "23 dekabr 2007-ci il". */
  date(iso: string): string;
  /** "Update No 2", "Yeniləmə № 2": how a letter of a kind is cited. */
  label(kind: string, update?: number): string;
  /** "Mr. A, Mrs. B and Mr. C". */
  list(items: string[]): string;
  /** A phrase by its dotted key, with {placeholders} filled: phrase('page.running_head', {...}). */
  phrase(key: string, values?: Record<string, string | number>): string;
}

const cache = new Map<string, Language>();

/** The codes of the built-in languages and the workspace's own (lang/<code>.yaml). */
export function languageCodes(workspaceRoot?: string): string[] {
  const codes = new Set<string>();
  const scan = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) if (/^[a-z]{2,3}(-[A-Za-z0-9]+)?\.yaml$/.test(f)) codes.add(f.slice(0, -'.yaml'.length));
  };
  scan(join(dataDir(), 'lang'));
  if (workspaceRoot) scan(join(workspaceRoot, 'lang'));
  return [...codes].sort();
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Loads a language, the workspace's own file over the built-in one; `key` names the flag or setting. */
export function loadLanguage(code: string, workspaceRoot?: string, key = '--lang'): Language {
  const cacheKey = `${workspaceRoot ?? ''}\0${code}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const codes = languageCodes(workspaceRoot);
  if (!codes.includes(code)) {
    throw new AppealError({
      key,
      message:
        `there is no language '${code}': the languages are ${codes.join(', ')}.${didYouMean(code, codes)} ` +
        `To add one, create lang/${code}.yaml (a copy of data/lang/en.yaml, translated) and templates/${code}/.`,
    });
  }
  const own = workspaceRoot ? join(workspaceRoot, 'lang', `${code}.yaml`) : undefined;
  const read =
    own && existsSync(own) ? check(readYaml(own, `lang/${code}.yaml`), languageSchema) : readBuiltin(`lang/${code}.yaml`, languageSchema);
  if (read.problems.length) throw new AppealError(read.problems);
  const data = read.value as LanguageData;
  const style: LangDateStyle = { pattern: data.date.pattern, months: data.date.months, lowerCaseMonths: code === 'az' ? 'az' : undefined };
  const phrase = (path: string, values: Record<string, string | number> = {}) => {
    let node: unknown = data;
    for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') throw new Error(`data/lang/${code}.yaml has no phrase ${path}`);
    return fill(node, values);
  };
  const language: Language = {
    code,
    data,
    date: (iso) => formatLangDate(iso, style),
    label: (kind, update) => {
      // A workspace's own kind without a label: its name, as words ("Memo").
      const text = data.labels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('-', ' ');
      return fill(text, { n: update ?? '' });
    },
    list: (items) =>
      items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(data.list.separator)}${data.list.last}${items[items.length - 1]}`,
    phrase,
  };
  cache.set(cacheKey, language);
  return language;
}
