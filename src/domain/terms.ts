/**
 * The fixed words of the data contract (kinds of letter, statuses, formats, ids, dates), apart
 * from the schemas so that the command line can check a flag without loading zod.
 */
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

/**
 * A kind of letter is the name of a template (templates/en/update.hbs makes `update`): the built-in
 * templates give these, and a workspace adds kinds with templates of its own.
 */
export type Kind = string;
export const KIND = /^[a-z][a-z0-9-]*$/;

export const STATUSES = ['detained', 'sentenced', 'released', 'disappeared', 'deceased', 'at-risk'] as const;

export const FORMATS = ['txt', 'pdf', 'eml'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const CASE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A calendar date written yyyy-mm-dd that exists (2014-02-30 does not). */
export function isRealDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s)) && parseISO(s).getDate() === Number(s.slice(8, 10));
}

/** Today in the local time zone, yyyy-mm-dd. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The number of days from `a` to `b` (yyyy-mm-dd). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
