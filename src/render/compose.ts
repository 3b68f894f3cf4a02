/**
 * From a plan to the rendered letter: the template's context (every text from data escaped,
 * so it is printed and never read as markup; dates formatted as the organisation writes them),
 * the template, and the markup read into blocks.
 */
import type { Workspace } from '../load/workspace.js';
import type { Plan } from '../plan/communication.js';
import { phrases } from '../plan/phrases.js';
import type { Letter } from './letter.js';
import { escapeDeep, parseMarkup } from './markup.js';
import { compileTemplate } from './template.js';

/** What a template sees. Documented in README ("Templates"). */
export function letterContext(ws: Workspace, plan: Plan): Record<string, unknown> {
  const fmt = (iso: string) => ws.dates.format(iso);
  const c = plan.case.data;
  const sources = [...new Set(plan.events.map((e) => e.event.source))];
  const salutations = [...new Set(plan.addressees.map((a) => a.salutation))];
  const [lead, ...others] = plan.mandates;
  const text = {
    reference: plan.reference,
    date: fmt(plan.date),
    organisation: ws.config.organisation,
    letterhead: ws.config.organisation.letterhead ?? [],
    signatory: ws.config.signatory,
    cc: ws.config.cc,
    addressees: plan.addressees,
    circulation: lead ? { lead: `the ${lead}`, others } : undefined,
    salutation: salutations.length === 1 ? salutations[0] : phrases().salutation,
    person: {
      ...c.person,
      fullName: c.person.honorific ? `${c.person.honorific} ${c.person.name}` : c.person.name,
      statusPhrase: phrases().status[c.person.status],
    },
    headline: c.headline,
    persecutor: c.persecutor,
    previous: plan.previous && { ...plan.previous, date: fmt(plan.previous.date) },
    events: plan.events.map(({ event, see }) => ({
      date: fmt(event.date),
      text: event.text,
      source: event.source,
      see: see.map((s) => ({ ...s, date: fmt(s.date) })),
    })),
    source: sources.length === 1 ? sources[0] : undefined,
    closing: c.closing,
  };
  // Kind and numbers stay plain, for {{#if (eq kind "update")}} and arithmetic in templates.
  return { ...escapeDeep(text), kind: plan.kind, caseId: plan.case.id, isoDate: plan.date, number: plan.number, update: plan.update };
}

/** The letter a plan makes: rendered by its kind's template, read into blocks. */
export async function composeLetter(ws: Workspace, plan: Plan): Promise<Letter> {
  const render = await compileTemplate(ws.root, plan.kind);
  const c = plan.case.data;
  return {
    meta: {
      reference: plan.reference,
      date: plan.date,
      title: `${c.person.name}: ${c.headline}`,
      author: ws.config.organisation.name,
      keywords: [plan.case.id],
      language: 'en',
    },
    blocks: parseMarkup(render(letterContext(ws, plan))),
  };
}
