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

export const FORMATS = ['txt', 'pdf'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const CASE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** A calendar date written yyyy-mm-dd that exists (2014-02-30 does not). */
export function isRealDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s)) && parseISO(s).getDate() === Number(s.slice(8, 10));
}
