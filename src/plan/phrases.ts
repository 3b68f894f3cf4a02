/** The fixed phrases of data/phrases.yaml, read once. */
import { join } from 'node:path';
import { z } from 'zod';
import { readYaml } from '../load/source.js';
import { checkOrThrow } from '../load/validate.js';
import { dataDir } from '../paths.js';
import { KINDS, STATUSES } from '../load/schema.js';

const phrasesSchema = z.strictObject({
  status: z.record(z.enum(STATUSES), z.string()),
  labels: z.record(z.enum(KINDS), z.string()),
  salutation: z.string(),
});
export type Phrases = z.infer<typeof phrasesSchema>;

let cached: Phrases | undefined;

export function phrases(): Phrases {
  cached ??= checkOrThrow(readYaml(join(dataDir(), 'phrases.yaml'), 'data/phrases.yaml (built in)'), phrasesSchema);
  return cached;
}

/** "Update No 2", "Communication": how a communication is cited. */
export function label(kind: (typeof KINDS)[number], update?: number): string {
  return phrases().labels[kind].replace('{n}', String(update ?? ''));
}
