/**
 * Planning a letter: which kind, which number, which update, which recipients and mandates,
 * which events are new since the last letter on the case. Reads, never writes.
 */
import { AppealError, NothingNew, type Problem } from '../errors.js';
import { todayIso } from '../domain/terms.js';
import type { CaseEvent, Kind } from '../load/schema.js';
import type { LoadedCase, Workspace } from '../load/workspace.js';
import { createHash } from 'node:crypto';
import type { Addressee, Directory } from './directory.js';
import { label } from './phrases.js';
import type { RegisteredEntry } from '../register/entry.js';
import { compareEntries, latestOn, nextNumber, nextUpdate } from '../register/numbering.js';
import { formatReference } from '../domain/reference.js';
import { didYouMean } from '../load/check.js';

export interface Citation {
  caseId: string;
  /** The person's name on the cited case. */
  name: string;
  label: string;
  reference: string;
  /** yyyy-mm-dd */
  date: string;
}

export interface PlannedEvent {
  event: CaseEvent;
  /** The event's identity in the register: its `id`, or a digest of its date and text. */
  id: string;
  see: Citation[];
}

export interface Plan {
  kind: Kind;
  number: number;
  reference: string;
  /** yyyy-mm-dd */
  date: string;
  case: LoadedCase;
  /** Update No N, for an update. */
  update?: number;
  /** The last communication on the case, for an update. */
  previous?: Citation;
  addressees: Addressee[];
  /** Mandates to circulate to, titled as on the letter's date: the lead first. */
  mandates: string[];
  events: PlannedEvent[];
  recipients: string[];
}

export interface PlanRequest {
  caseId: string;
  to: string;
  kind?: string;
  date: string;
}

/** An event's identity: its own id, or the first 12 hex digits of a digest of date and text. */
export function eventId(e: CaseEvent): string {
  return e.id ?? createHash('sha256').update(`${e.date}\n${e.text}`).digest('hex').slice(0, 12);
}

function cite(entry: RegisteredEntry, name: string): Citation {
  return {
    caseId: entry.case,
    name,
    label: label(entry.kind, entry.update),
    reference: entry.reference,
    date: entry.date,
  };
}

/** Titles of the case's concerns on `date`, lead first; problems point at the case file. */
export function mandatesFor(c: LoadedCase, directory: Directory, date: string): { titles: string[]; problems: Problem[] } {
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
    const { title, error } = directory.mandateTitle(key, date);
    if (error) problems.push(c.source.problem(['concerns', i], error));
    else titles.push(title!);
  });
  return { titles, problems };
}

/** Works out the letter `request` asks for, against the register as it is now. */
export function planLetter(ws: Workspace, directory: Directory, entries: RegisteredEntry[], request: PlanRequest): Plan {
  const c = ws.loadCase(request.caseId);
  const date = request.date;
  const problems: Problem[] = [];
  const onCase = entries.filter((e) => e.case === c.id).sort(compareEntries);
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
  // An event dated after today is a typo, most often; one after the letter's date merely waits.
  const today = todayIso();
  c.data.events.forEach((event, i) => {
    if (event.date > today) {
      problems.push(
        c.source.problem(
          ['events', i, 'date'],
          `${event.date} is after today (${today}): an event is what has happened. Correct the date.`,
        ),
      );
    }
  });
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

  const events: PlannedEvent[] = chosen.map(({ event, index }) => {
    const see: Citation[] = [];
    event.see.forEach((other, j) => {
      const where = ['events', index, 'see', j];
      const bad = ws.caseIdProblem(other, 'see');
      if (bad) {
        problems.push(c.source.problem(where, bad.message));
        return;
      }
      const cited = latestOn(entries, other, date);
      if (!cited) {
        problems.push(
          c.source.problem(
            where,
            `the register holds no communication on '${other}' to cite: send one first, ` +
              `or record it with 'appeal register add', or remove '${other}' from see.`,
          ),
        );
        return;
      }
      let name = other;
      try {
        name = ws.loadCase(other, 'see').data.person.name;
      } catch (e) {
        if (!(e instanceof AppealError)) throw e;
        problems.push(...e.problems);
      }
      see.push(cite(cited, name));
    });
    return { event, id: eventId(event), see };
  });

  let addressees: Addressee[] = [];
  try {
    addressees = directory.resolve(request.to, date);
  } catch (e) {
    if (!(e instanceof AppealError)) throw e;
    problems.push(...e.problems);
  }
  let mandates: string[] = [];
  if (addressees.some((a) => a.circulate)) {
    const m = mandatesFor(c, directory, date);
    mandates = m.titles;
    problems.push(...m.problems);
  }
  if (problems.length) throw new AppealError(problems);

  const number = nextNumber(entries, ws.config, date);
  return {
    kind,
    number,
    reference: formatReference(ws.config.references.format, number, date),
    date,
    case: c,
    update,
    previous: kind === 'update' ? cite(previous!, c.data.person.name) : undefined,
    addressees,
    mandates,
    events,
    recipients: addressees.map((a) => a.key),
  };
}
