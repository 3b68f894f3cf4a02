/** The fixed phrases of data/phrases.yaml, read once. */
import { z } from 'zod';
import { AppealError } from '../errors.js';
import { readBuiltin } from '../load/builtin.js';
import { STATUSES } from '../domain/terms.js';

const phrasesSchema = z.strictObject({
  status: z.record(z.enum(STATUSES), z.string()),
  labels: z.record(z.string(), z.string()),
  salutation: z.string(),
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

/** "Update No 2", "Communication": how a communication is cited. */
export function label(kind: string, update?: number): string {
  // A workspace's own kind without a label of its own: its name, as words ("Memo").
  const text = phrases().labels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('-', ' ');
  return text.replace('{n}', String(update ?? ''));
}
