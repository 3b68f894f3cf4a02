/**
 * Planning a letter: which kind, which number, which update, which recipients and mandates,
 * which events are new since the last letter on the case, whom it names, who signs it.
 * Reads, never writes.
 */
import { AppealError, NothingNew, type Problem } from '../errors.js';
import { todayIso } from '../domain/terms.js';
import type { CaseEvent, Demand, Kind } from '../load/schema.js';
import type { LoadedCase, Workspace } from '../load/workspace.js';
import type { LoadedSignatory } from '../load/signatories.js';
import { createHash } from 'node:crypto';
import type { Addressee, Directory } from './directory.js';
import { isPublic, label, languageProblem, useWorkspaceLanguages } from './phrases.js';
import type { RegisteredEntry } from '../register/entry.js';
import { compareEntries, entriesOn, latestOn, nextNumber, nextUpdate } from '../register/numbering.js';
import { formatReference } from '../domain/reference.js';
import { didYouMean } from '../load/check.js';
import { cite, Citer, type Citation } from './citations.js';
import { caseName, namingProblems, printedPersons, type NamedPerson } from './persons.js';

export type { Citation } from './citations.js';

export interface PlannedEvent {
  event: CaseEvent;
  /** The event's identity in the register: its `id`, or a digest of its date and text. */
  id: string;
  /** Citations placed in the text by its [[case-id]] marks, in order. */
  inline: Citation[];
  /** Citations appended after the text (`see`, less the cases cited in place). */
  see: Citation[];
}

export interface PlannedParagraph {
  text: string;
  inline: Citation[];
}

export interface Plan {
  kind: Kind;
  /** The language the letter is written in: its templates and phrases. */
  lang: string;
  /** A published kind (data/kinds.yaml, public): names only persons who consented. */
  public: boolean;
  number: number;
  reference: string;
  /** yyyy-mm-dd */
  date: string;
  case: LoadedCase;
  /** The persons the letter names: the case's persons not marked confidential. */
  persons: NamedPerson[];
  /** Update No N, for an update. */
  update?: number;
  /** The last letter on the case, of any kind, for an update. */
  previous?: Citation;
  addressees: Addressee[];
  /** Mandates to circulate to, titled as on the letter's date: the lead first. */
  mandates: string[];
  events: PlannedEvent[];
  /** The case's own paragraphs (body), for the public kinds. */
  body: PlannedParagraph[];
  demands: Demand[];
  /** Who signs, from --signed-by or the case's signed-by; empty: the signatory of appeal.yaml. */
  signatories: LoadedSignatory[];
  recipients: string[];
}

export interface PlanRequest {
  caseId: string;
  to: string;
  kind?: string;
  date: string;
  /** Signatory ids, comma-separated (--signed-by); default: the case's signed-by. */
  signedBy?: string;
  /** The letter's language (--lang); default: appeal.yaml's language. */
  lang?: string;
}

/** An event's identity: its own id, or the first 12 hex digits of a digest of date and text. */
export function eventId(e: CaseEvent): string {
  return e.id ?? createHash('sha256').update(`${e.date}\n${e.text}`).digest('hex').slice(0, 12);
}

/** Titles of the case's concerns on `date`, lead first; problems point at the case file. */
export function mandatesFor(c: LoadedCase, directory: Directory, date: string, lang = 'en'): { titles: string[]; problems: Problem[] } {
  const titles: string[] = [];
  const problems: Problem[] = [];
  c.data.concerns.forEach((key, i) => {
    if (!directory.mandates.has(key)) {
      problems.push(
        c.source.problem(
          ['concerns', i],
          `'${key}' is not a mandate of the ` +
            `directory.${didYouMean(key, [...directory.mandates.keys()]) || ' Run appeal recipients to list them.'}`,
        ),
      );
      return;
    }
    const { title, error } = directory.mandateTitle(key, date, lang);
    if (error) problems.push(c.source.problem(['concerns', i], error));
    else titles.push(title!);
  });
  return { titles, problems };
}

/**
 * Events dated after today: a typo, most often (an event is what has happened). One dated after
 * the letter's date but not after today merely waits for a later letter.
 */
export function futureEvents(c: LoadedCase, today = todayIso()): Problem[] {
  return c.data.events.flatMap((event, i) =>
    event.date > today
      ? [
          c.source.problem(
            ['events', i, 'date'],
            `${event.date} is after today (${today}): an event is what has happened. Correct the date.`,
          ),
        ]
      : [],
  );
}

/** Works out the letter `request` asks for, against the register as it is now. */
export function planLetter(ws: Workspace, directory: Directory, entries: RegisteredEntry[], request: PlanRequest): Plan {
  const c = ws.loadCase(request.caseId);
  const date = request.date;
  const problems: Problem[] = [];
  useWorkspaceLanguages(ws.root);
  const lang = request.lang ?? ws.config.language;
  const badLanguage = languageProblem(lang);
  if (badLanguage) {
    throw new AppealError(request.lang ? { key: '--lang', message: badLanguage } : ws.configSource.problem(['language'], badLanguage));
  }
  const onCase = entriesOn(entries, c.id).sort(compareEntries);
  const previous = latestOn(entries, c.id, date);
  const later = onCase.find((e) => e.date > date);

  const kind = (request.kind ?? (onCase.length ? 'update' : 'communication')) as Kind;
  let update: number | undefined;
  if (kind === 'update') {
    if (!previous) {
      throw new AppealError({
        key: '--kind',
        message:
          `the register holds no communication on '${c.id}' dated on or before ${date} to update: send a ` +
          `communication first (--kind communication), or record the one you sent with 'appeal register add'.`,
      });
    }
    update = nextUpdate(entries, c.id);
  }
  if (later) {
    throw new AppealError({
      key: '--date',
      message:
        `the register already holds ${label(later.kind, later.update)} on '${c.id}' (${later.reference}) ` +
        `dated ${later.date}, after ${date}: date the letter on or after ${later.date}.`,
    });
  }

  // The events: all up to the date for a first letter; those since the last letter for an update.
  const since = kind === 'update' ? previous!.date : undefined;
  const chosen = c.data.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => !event.confidential && event.date <= date && (since === undefined || event.date > since))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index));
  problems.push(...futureEvents(c));
  if (kind === 'communication' && chosen.length === 0 && problems.length === 0) {
    throw new AppealError({
      ...c.source.problem(['events'], '', true),
      message:
        `a communication on '${c.id}' needs facts: no public event is dated on or before ${date}. ` +
        `Add what happened (date, text, source) under events in ${c.source.file}.`,
    });
  }
  if (kind === 'update' && chosen.length === 0) {
    throw new NothingNew({
      ...c.source.problem(['events'], '', true),
      message:
        `nothing new on '${c.id}' since ${label(previous!.kind, previous!.update)} ` +
        `(${previous!.reference}, ${previous!.date}): no public ` +
        `event is dated after ${previous!.date} and on or before ${date}. ` +
        `Add the new events to ${c.source.file}, or date the letter later.`,
    });
  }

  const citer = new Citer(ws, c, entries, date, isPublic(kind), lang);
  const events: PlannedEvent[] = chosen.map(({ event, index }) => ({
    event,
    id: eventId(event),
    inline: citer.marked(event.text, ['events', index, 'text']),
    see: citer.listed(event.see, event.text, ['events', index, 'see']),
  }));
  const body = c.data.body.map((text, i) => ({ text, inline: citer.marked(text, ['body', i]) }));
  problems.push(...citer.problems);
  problems.push(...namingProblems(c, kind, isPublic(kind)));
  if (isPublic(kind)) problems.push(...deadlineProblems(c, date));
  const signatories = signatoriesFor(ws, c, request.signedBy, problems);

  let addressees: Addressee[] = [];
  try {
    addressees = directory.resolve(request.to, date, lang);
  } catch (e) {
    if (!(e instanceof AppealError)) throw e;
    problems.push(...e.problems);
  }
  let mandates: string[] = [];
  if (addressees.some((a) => a.circulate)) {
    if (c.data.concerns.length === 0) {
      problems.push(
        c.source.problem(
          ['concerns'],
          `${addressees.find((a) => a.circulate)!.key} circulates a letter to the Special Procedures mandates of the case's ` +
            'concerns, and this case names none: add concerns (the first is the lead mandate; appeal recipients lists them).',
          true,
        ),
      );
    }
    const m = mandatesFor(c, directory, date, lang);
    mandates = m.titles;
    problems.push(...m.problems);
  }
  if (problems.length) throw new AppealError(problems.sort(byPlace));

  const number = nextNumber(entries, ws.config, date);
  return {
    kind,
    lang,
    public: isPublic(kind),
    number,
    reference: formatReference(ws.config.references.format, number, date),
    date,
    case: c,
    persons: printedPersons(c),
    update,
    previous: kind === 'update' ? cite(previous!, caseName(c, lang), lang) : undefined,
    addressees,
    mandates,
    events,
    body,
    demands: c.data.demands,
    signatories,
    recipients: addressees.map((a) => a.key),
  };
}

/** In a published letter, a deadline already past on the letter's date is a mistake. */
function deadlineProblems(c: LoadedCase, date: string): Problem[] {
  const problems: Problem[] = [];
  const past = (by: string, where: (string | number)[]) =>
    problems.push(
      c.source.problem(
        where,
        `the deadline ${by} is before the letter's date ${date}: a letter cannot ask for something by a day already ` +
          'past. Give a later date, or remove it.',
      ),
    );
  if (c.data.deadline && c.data.deadline < date) past(c.data.deadline, ['deadline']);
  c.data.demands.forEach((d, i) => {
    if (d.by && d.by < date) past(d.by, ['demands', i, 'by']);
  });
  return problems;
}

/** Who signs: the ids of --signed-by, else the case's signed-by; none means appeal.yaml's signatory. */
function signatoriesFor(ws: Workspace, c: LoadedCase, signedBy: string | undefined, problems: Problem[]): LoadedSignatory[] {
  if (signedBy === undefined) return (c.data['signed-by'] ?? []).map((id) => ws.loadSignatory(id)); // checked with the case
  const out: LoadedSignatory[] = [];
  const ids = signedBy
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) problems.push({ key: '--signed-by', message: 'name at least one signatory: the id of a file in signatories/.' });
  for (const id of ids) {
    try {
      out.push(ws.loadSignatory(id));
    } catch (e) {
      if (!(e instanceof AppealError)) throw e;
      problems.push(...e.problems.map((p) => (p.file ? p : { ...p, key: '--signed-by' })));
    }
  }
  return out;
}

/** Problems in the order of the files and lines they point at. */
function byPlace(a: Problem, b: Problem): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}
