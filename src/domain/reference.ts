/**
 * Reference numbers: "475/2007" from the format "{n}/{yyyy}". `{n}` is the number ({n:3} pads
 * it to three digits), `{yyyy}` and `{yy}` the year of the letter.
 */

const TOKEN = /\{(n(?::(\d))?|yyyy|yy)\}/g;

/** A sentence about what is wrong with a format, or undefined if it is usable. */
export function referenceFormatProblem(format: string, counter: 'continuous' | 'yearly'): string | undefined {
  const stray = format.replace(TOKEN, '').match(/\{[^}]*\}?/);
  if (stray) return `'${stray[0]}' is not a placeholder; use {n}, {n:3}, {yyyy} or {yy}.`;
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1]!.replace(/:.*/, ''));
  if (tokens.filter((t) => t === 'n').length !== 1) return 'the format needs {n}, the number, exactly once (for example "{n}/{yyyy}").';
  if (counter === 'yearly' && !tokens.some((t) => t === 'yyyy' || t === 'yy')) {
    return 'a yearly counter starts again each year, so the format needs the year ({yyyy} or {yy}) to keep references apart.';
  }
  return undefined;
}

/** "475/2007" for n = 475 on 2007-12-23. */
export function formatReference(format: string, n: number, date: string): string {
  return format.replace(TOKEN, (_m, token: string, width?: string) => {
    if (token === 'yyyy') return date.slice(0, 4);
    if (token === 'yy') return date.slice(2, 4);
    return width ? String(n).padStart(Number(width), '0') : String(n);
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The number and year in a reference written in `format`, or undefined if it does not fit. */
export function parseReference(format: string, reference: string): { n: number; yyyy?: string; yy?: string } | undefined {
  let pattern = '';
  let last = 0;
  const groups: string[] = [];
  for (const m of format.matchAll(TOKEN)) {
    pattern += escapeRegExp(format.slice(last, m.index));
    const token = m[1]!.replace(/:.*/, '');
    groups.push(token);
    pattern += token === 'n' ? '(\\d+)' : token === 'yyyy' ? '(\\d{4})' : '(\\d{2})';
    last = m.index! + m[0].length;
  }
  pattern += escapeRegExp(format.slice(last));
  const match = new RegExp(`^${pattern}$`).exec(reference.trim());
  if (!match) return undefined;
  const out: { n: number; yyyy?: string; yy?: string } = { n: 0 };
  groups.forEach((g, i) => {
    const v = match[i + 1]!;
    if (g === 'n') out.n = Number(v);
    else if (g === 'yyyy') out.yyyy = v;
    else out.yy = v;
  });
  return out;
}
