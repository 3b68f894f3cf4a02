/** The fixed phrases of data/phrases.yaml, read once. */
import { z } from 'zod';
import { AppealError } from '../errors.js';
import { readBuiltin } from '../load/builtin.js';
import { KINDS, STATUSES } from '../load/terms.js';

const phrasesSchema = z.strictObject({
  status: z.record(z.enum(STATUSES), z.string()),
  labels: z.record(z.enum(KINDS), z.string()),
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
export function label(kind: (typeof KINDS)[number], update?: number): string {
  return phrases().labels[kind].replace('{n}', String(update ?? ''));
}
