/**
 * From a plan to the rendered letter: the template's context (every text from data escaped,
 * so it is printed and never read as markup; dates formatted as the signing organisation writes
 * them), the template, the markup read into blocks, and a last check that no confidential
 * string of the case made its way into the letter.
 */
import type { DateStyle } from '../domain/dates.js';
import type { Person } from '../load/schema.js';
import { signatoryDates } from '../load/signatories.js';
import type { Workspace } from '../load/workspace.js';
import { CITATION_MARK } from '../load/workspace.js';
import type { Citation, Plan } from '../plan/communication.js';
import { DEFAULT_LANGUAGE, fill, joinList, label, languageDate, phrases } from '../plan/phrases.js';
import { letterSubject } from '../plan/persons.js';
import type { Letter } from './letter.js';
import { escapeDeep, parseMarkup } from './markup.js';
import { confidentialLeaks } from './confidential.js';
import { compileTemplate } from './template.js';

/** A no-break space: both writers keep the words on either side of it on one line. */
const NBSP = '\u00a0';

/** How a letter writes what the template does not: its language, dates, and whether events open with theirs. */
export interface LetterStyle {
  lang: string;
  dates: DateStyle;
  datedEvents: boolean;
}

function personView(p: Person, lang: string) {
  const honorific = p.honorific && (phrases(lang).honorifics[p.honorific] ?? p.honorific);
  // No line break after an honorific: "Mr." never ends a line with the name on the next.
  const fullName = honorific ? `${honorific}${NBSP}${p.name}` : p.name;
  const mention = p.aliases.length ? fill(phrases(lang).aliases, { name: fullName, aliases: joinList(p.aliases, lang) }) : fullName;
  return {
    ...p,
    fullName,
    /** The name at its first mention: with its other spellings. */
    mention,
    /** The mention with the descriptor: "Mr. A (also written B), a blogger". */
    described: p.descriptor ? `${mention}, ${p.descriptor}` : mention,
    statusPhrase: phrases(lang).status[p.status],
  };
}

/** Case text with each [[case-id]] mark replaced by the citation it stands for. */
export function placeCitations(text: string, inline: Citation[], fmt: (iso: string) => string, lang = DEFAULT_LANGUAGE): string {
  const ph = phrases(lang).citations;
  let i = 0;
  let last: string | undefined;
  return text.replace(CITATION_MARK, (mark) => {
    const c = inline[i++];
    if (!c) return mark;
    const phrase = c.label === last ? ph.next : ph.first;
    last = c.label;
    return fill(phrase, { label: c.label, reference: c.reference, date: fmt(c.date) });
  });
}

/** A source as printed, or undefined when there is none or it is confidential. */
function sourceView(s: Plan['events'][number]['event']['source'], lang: string) {
  if (!s || s.confidential) return undefined;
  const kind = s.person !== undefined ? 'person' : 'publication';
  const name = (s.person ?? s.publication)!;
  return { name, kind, phrase: fill(phrases(lang).sources_as[kind], { name }) };
}

/**
 * Dates as letters print them, by date style: a batch prints the same dates (its own, and the
 * events') in letter after letter, and formatting one took 10 µs.
 */
const printedDates = new WeakMap<DateStyle, Map<string, string>>();

/** What a template sees. Documented in README ("Templates"). */
export function letterContext(ws: Workspace, plan: Plan, style: LetterStyle): Record<string, unknown> {
  let printed = printedDates.get(style.dates);
  if (!printed) printedDates.set(style.dates, (printed = new Map()));
  // A date never breaks across lines: "23 December / 2007" is how a careless typesetter writes.
  const fmt = (iso: string) => {
    let date = printed.get(iso);
    if (date === undefined) printed.set(iso, (date = style.dates.format(iso).replaceAll(' ', NBSP)));
    return date;
  };
  const c = plan.case.data;
  const lang = style.lang;
  const persons = plan.persons.map(({ person }) => personView(person, lang));
  const events = plan.events.map(({ event, inline, see }) => {
    const source = sourceView(event.source, lang);
    return {
      date: fmt(event.date),
      text: placeCitations(event.text, inline, fmt, lang),
      source: source?.name,
      sourceKind: source?.kind,
      sourcePhrase: source?.phrase,
      see: see.map((s) => ({ ...s, date: fmt(s.date) })),
    };
  });
  const shared = [...new Set(events.map((e) => e.sourcePhrase))];
  const sharedSource = shared.length === 1 && shared[0] !== undefined ? events[0] : undefined;
  const salutations = [...new Set(plan.addressees.map((a) => a.salutation))];
  const salutation =
    salutations.length === 1
      ? salutations[0]
      : plan.addressees.every((a) => a.excellency)
        ? phrases(lang).salutations.excellencies
        : phrases(lang).salutations.default;
  const [lead, ...others] = plan.mandates;
  const signatories = plan.signatories.map(({ data }) => ({
    name: data.name,
    title: data.title,
    // A count is printed instead of the members, who are then never printed.
    members: data.count === undefined ? data.members : [],
    count: data.count,
  }));
  const subject = letterSubject(plan.case, lang);
  const coalitionHead = plan.signatories.find((s) => s.data.letterhead)?.data.letterhead;
  const text = {
    reference: plan.reference,
    date: fmt(plan.date),
    label: label(plan.kind, plan.update, lang),
    organisation: ws.config.organisation,
    letterhead: coalitionHead ?? ws.config.organisation.letterhead ?? [],
    // The organisation's address, e-mail and website under its letterhead (not under a coalition's).
    contacts: coalitionHead
      ? []
      : [...(ws.config.organisation.address ?? []), ws.config.organisation.email, ws.config.organisation.website].filter(
          (x): x is string => !!x,
        ),
    signatory: ws.config.signatory,
    signatories,
    cc: c.cc ?? plan.signatories.find((s) => s.data.cc)?.data.cc ?? ws.config.cc,
    addressees: plan.addressees,
    addressed: joinList(
      plan.addressees.map((a) => a.inTitle),
      lang,
    ),
    circulation: lead ? { lead, others } : undefined,
    salutation,
    person: persons[0],
    persons,
    names: persons.length
      ? joinList(
          persons.map((p) => p.mention),
          lang,
        )
      : subject,
    described: persons.length
      ? joinList(
          persons.map((p) => p.described),
          lang,
        )
      : subject,
    fullNames: persons.length
      ? joinList(
          persons.map((p) => p.fullName),
          lang,
        )
      : subject,
    subject,
    headline: c.headline,
    persecutor: c.persecutor,
    previous: plan.previous && { ...plan.previous, date: fmt(plan.previous.date) },
    events,
    source: sharedSource?.source,
    sourcePhrase: sharedSource?.sourcePhrase,
    body: plan.body.map((p) => placeCitations(p.text, p.inline, fmt, lang)),
    demands: plan.demands.map((d, i) => ({
      n: i + 1,
      // Without its final full stop: the template ends the sentence, after a deadline if any.
      text: d.text.replace(/\.\s*$/, ''),
      who: d.who,
      by: d.by && fmt(d.by),
    })),
    deadline: c.deadline && fmt(c.deadline),
    closing: c.closing,
  };
  // Kind, numbers and switches stay plain, for {{#if (eq kind "update")}} and {{#if several}} in templates.
  return {
    ...escapeDeep(text),
    kind: plan.kind,
    public: plan.public,
    caseId: plan.case.id,
    isoDate: plan.date,
    number: plan.number,
    update: plan.update,
    several: persons.length > 1 || persons.length === 0,
    thematic: persons.length === 0,
    // "Mr. A, a blogger persecuted by ...": the descriptor ends the phrase, and the persecutor follows it.
    descriptorLast: persons.length === 1 && !!persons[0]!.descriptor,
    datedEvents: style.datedEvents,
  };
}

/**
 * The dates of the letter: in the workspace's own language, the first signatory's own style, else
 * the organisation's; in another language, that language's official style.
 */
async function letterStyle(ws: Workspace, plan: Plan): Promise<LetterStyle> {
  const style = { lang: plan.lang, datedEvents: ws.config.letters['dated-events'] };
  if (plan.lang !== ws.config.language) return { ...style, dates: { format: (iso: string) => languageDate(iso, plan.lang) } };
  let dates = ws.dates;
  for (const s of plan.signatories) {
    const own = await signatoryDates(s);
    if (own) {
      dates = own;
      break;
    }
  }
  return { ...style, dates };
}

/** The letter a plan makes: rendered by its kind's template, read into blocks, checked for confidential strings. */
export async function composeLetter(ws: Workspace, plan: Plan): Promise<Letter> {
  const render = await compileTemplate(ws.root, plan.kind, plan.lang);
  const style = await letterStyle(ws, plan);
  const context = letterContext(ws, plan, style);
  const blocks = parseMarkup(render(context));
  confidentialLeaks(plan, blocks);
  return {
    meta: {
      reference: plan.reference,
      date: plan.date,
      title: `${letterSubject(plan.case, plan.lang)}: ${plan.case.data.headline}`,
      author: plan.signatories[0]?.data.name ?? ws.config.organisation.name,
      keywords: [plan.case.id],
      language: plan.lang,
      // Pages after the first: "No.: 475/2007 · 23 December 2007 · page 2 of 3", in the letter's language.
      runningHead: fill(phrases(plan.lang).page.running_head, { reference: plan.reference, date: style.dates.format(plan.date) }),
    },
    blocks,
  };
}
