/** "Did you mean ...?": the nearest known word to a misspelt key, value or name. */
import { closest, distance } from 'fastest-levenshtein';

/** The known word nearest to `word`, if it is near enough to be a likely typo. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word, known as string[]);
  const d = distance(word.toLowerCase(), best.toLowerCase());
  return d <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** " (did you mean 'x'?)" or "". */
export function didYouMean(word: string, known: readonly string[]): string {
  const s = suggest(word, known);
  return s ? ` Did you mean '${s}'?` : '';
}
