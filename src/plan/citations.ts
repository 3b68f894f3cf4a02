/**
 * Citations of our earlier letters on other cases: where case text marks them ([[seferi]]), or
 * after an event that lists them under `see`. Each cites the latest letter on that case in the
 * register dated on or before the letter's date.
 */
import { AppealError, type Problem } from '../errors.js';
import type { KeyPath } from '../load/source.js';
import { citationMarks, type LoadedCase, type Workspace } from '../load/workspace.js';
import type { RegisteredEntry } from '../register/entry.js';
import { latestOn } from '../register/numbering.js';
import { caseName, printedPersons } from './persons.js';
import { label } from './phrases.js';

export interface Citation {
  caseId: string;
  /** How the cited case is named: its persons that may be printed, or its subject. */
  name: string;
  label: string;
  reference: string;
  /** yyyy-mm-dd */
  date: string;
}

/** A register entry as it is cited. */
export function cite(entry: RegisteredEntry, name: string, lang?: string): Citation {
  // Cited in the language of the citing letter, whatever language the cited one was written in.
  return { caseId: entry.case, name, label: label(entry.kind, entry.update, lang), reference: entry.reference, date: entry.date };
}

/** Resolves citations against the register; each problem is placed in the citing case. */
export class Citer {
  readonly problems: Problem[] = [];

  constructor(
    private readonly ws: Workspace,
    private readonly c: LoadedCase,
    private readonly entries: RegisteredEntry[],
    private readonly date: string,
    /** A public letter prints the names of cases cited by `see`: they need consent too. */
    private readonly isPublic: boolean,
    /** The citing letter's language. */
    private readonly lang?: string,
  ) {}

  /** The citation of the latest letter on `other`, or undefined with a problem at `where`. */
  private one(other: string, where: KeyPath, named: boolean): Citation | undefined {
    const bad = this.ws.caseIdProblem(other, 'see');
    if (bad) {
      this.problems.push(this.c.source.problem(where, bad.message));
      return undefined;
    }
    const entry = latestOn(this.entries, other, this.date);
    if (!entry) {
      this.problems.push(
        this.c.source.problem(
          where,
          `the register holds no communication on '${other}' dated on or before ${this.date} to cite: send one first, ` +
            `or record it with 'appeal register add', or remove the citation of '${other}'.`,
        ),
      );
      return undefined;
    }
    let name = other;
    try {
      const cited = this.ws.loadCase(other, 'see');
      name = caseName(cited, this.lang);
      const unnamed = printedPersons(cited).filter(({ person }) => person.consent !== 'public');
      if (named && this.isPublic && unnamed.length) {
        this.problems.push(
          this.c.source.problem(
            where,
            `citing '${other}' here prints the name of ${unnamed[0]!.person.name}, whose case records no consent to be named in ` +
              `public, in a published letter: mark the place of the citation in the text with [[${other}]] (which prints only ` +
              `the reference and date), or record the consent (consent: public) in cases/${other}.yaml.`,
          ),
        );
      }
    } catch (e) {
      if (!(e instanceof AppealError)) throw e;
      this.problems.push(...e.problems);
    }
    return cite(entry, name, this.lang);
  }

  /** The citations a text marks with [[case-id]], in order. */
  marked(text: string, where: KeyPath): Citation[] {
    return citationMarks(text)
      .map((other) => this.one(other, where, false))
      .filter((x): x is Citation => !!x);
  }

  /** The citations of `see`, less the cases the text already cites in place. */
  listed(see: string[], text: string, where: KeyPath): Citation[] {
    const inline = new Set(citationMarks(text));
    return see.map((other, j) => (inline.has(other) ? undefined : this.one(other, [...where, j], true))).filter((x): x is Citation => !!x);
  }
}
