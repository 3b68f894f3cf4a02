/**
 * Whom a letter names: the persons of the case that are not confidential, and, for a public
 * kind, only those whose case records their consent to be named in public.
 */
import type { Problem } from '../errors.js';
import type { Person } from '../load/schema.js';
import type { KeyPath } from '../load/source.js';
import type { LoadedCase } from '../load/workspace.js';
import { joinList, label } from './phrases.js';

export interface NamedPerson {
  person: Person;
  /** Where the person is in the case file: ['person'] or ['persons', 2]. */
  path: KeyPath;
}

/** The persons a letter may print: every one not marked confidential. */
export function printedPersons(c: LoadedCase): NamedPerson[] {
  return c.persons.filter(({ person }) => !person.confidential);
}

/** "Mr. A, Mrs. B and Mr. C" (in the letter's language), or the case's subject, or its headline: how a case is named in a citation. */
export function caseName(c: LoadedCase, lang?: string): string {
  const names = printedPersons(c).map(({ person }) => person.name);
  return names.length ? joinList(names, lang) : (c.data.subject ?? c.data.headline);
}

/** What a letter is about, for its subject line and title: the subject, else the names that may be printed, else the headline. */
export function letterSubject(c: LoadedCase, lang?: string): string {
  const names = printedPersons(c).map(({ person }) => person.name);
  return c.data.subject ?? (names.length ? joinList(names, lang) : c.data.headline);
}

/**
 * Problems with naming the persons of `c` in a letter of `kind`: a letter that would name no one
 * and has no subject; for a public kind, each person named without `consent: public`.
 */
export function namingProblems(c: LoadedCase, kind: string, isPublic: boolean): Problem[] {
  const problems: Problem[] = [];
  const printed = printedPersons(c);
  if (printed.length === 0 && c.persons.length > 0 && !c.data.subject) {
    problems.push(
      c.source.problem(
        c.persons[0]!.path,
        `every person of '${c.id}' is confidential, so the letter would name no one: add a subject to the case ` +
          '(what the letter is about, without names), or name a person who may be named.',
        true,
      ),
    );
  }
  if (!isPublic) return problems;
  for (const { person, path } of printed) {
    if (person.consent === 'public') continue;
    const recorded =
      person.consent === 'government'
        ? 'records consent to be named to the government only (consent: government), not in public'
        : person.consent === 'none'
          ? 'records that the person does not consent to be named (consent: none)'
          : 'records no consent to be named in public';
    problems.push(
      c.source.problem(
        person.consent ? [...path, 'consent'] : path,
        `${person.name} would be named in this ${label(kind)}, which is published, but the case ${recorded}. ` +
          `Ask ${person.name} (or the family or lawyer acting for them) whether they agree to be named in public, as OHCHR asks; ` +
          `if they do, write consent: public under this person. If not, mark the person confidential: true to leave them out ` +
          `of every letter, or write a communication to the Special Procedures (--kind communication), which is not published.`,
        !person.consent,
      ),
    );
  }
  return problems;
}
