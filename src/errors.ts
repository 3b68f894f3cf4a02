/**
 * The one error type for anything the user can fix: bad input files, an unknown case, an
 * impossible date. Each problem names where it is (file, line, column), which key, and says
 * in a sentence what is wrong and what to do. The CLI prints them and exits 1; never a stack trace.
 */

export interface Problem {
  /** Path of the file, relative to the workspace where possible ("cases/metinpur.yaml"). */
  file?: string;
  line?: number;
  col?: number;
  /** Dotted key path inside the file ("events.2.date"), or a flag ("--date"). */
  key?: string;
  /** A sentence: what is wrong and what to do. */
  message: string;
}

export class AppealError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'AppealError';
    this.problems = list;
  }
}

/** `file:line:col: key: sentence`, leaving out the parts that are not known. */
export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file) {
    where = p.file;
    if (p.line !== undefined) where += `:${p.line}`;
    if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
  }
  const head = [where, p.key].filter((s) => s).join(': ');
  return head ? `${head}: ${p.message}` : p.message;
}

/** An update with no new event since the last letter: `appeal batch` skips such a case. */
export class NothingNew extends AppealError {}
