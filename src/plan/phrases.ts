/** The fixed phrases of data/phrases.yaml, read once. */
import { z } from 'zod';
import { AppealError } from '../errors.js';
import { readBuiltin } from '../load/builtin.js';
import { STATUSES } from '../domain/terms.js';

const phrasesSchema = z.strictObject({
  status: z.record(z.enum(STATUSES), z.string()),
  labels: z.record(z.string(), z.string()),
  public: z.array(z.string()),
  salutation: z.string(),
  salutations: z.strictObject({ excellencies: z.string() }),
  sources: z.strictObject({ publication: z.string(), person: z.string() }),
  citations: z.strictObject({ first: z.string(), next: z.string() }),
  aliases: z.string(),
  list: z.strictObject({
    separator: z.string(),
    last: z.string(),
    'long-pair': z.string(),
    'long-separator': z.string(),
    'long-last': z.string(),
  }),
});
export type Phrases = z.infer<typeof phrasesSchema>;

let cached: Phrases | undefined;

export function phrases(): Phrases {
  if (!cached) {
    const { value, problems } = readBuiltin('phrases.yaml', phrasesSchema);
    if (problems.length) throw new AppealError(problems);
    cached = value!;
  }
  return cached;
}

/** Fills {name} placeholders of a phrase. */
export function fill(phrase: string, values: Record<string, string | number | undefined>): string {
  return phrase.replace(/\{([a-z]+)\}/g, (all, key: string) => (values[key] === undefined ? all : String(values[key])));
}

/** "Update No 2", "Communication": how a communication is cited. */
export function label(kind: string, update?: number): string {
  // A workspace's own kind without a label of its own: its name, as words ("Memo").
  const text = phrases().labels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('-', ' ');
  return text.replace('{n}', String(update ?? ''));
}

/** Whether letters of this kind are published (data/phrases.yaml, public). */
export function isPublic(kind: string): boolean {
  return phrases().public.includes(kind);
}

/** "A", "A and B", "A, B and C"; with semicolons when an item holds a comma. */
export function joinList(items: string[]): string {
  const list = phrases().list;
  const long = items.some((i) => i.includes(','));
  if (items.length <= 1) return items[0] ?? '';
  if (long && items.length === 2) return items.join(list['long-pair']);
  const sep = long ? list['long-separator'] : list.separator;
  const last = long ? list['long-last'] : list.last;
  return items.slice(0, -1).join(sep) + last + items[items.length - 1]!;
}
