/**
 * The last guard before a letter leaves: every string the case marks confidential (an event's
 * text, a source, a person's name and other spellings) and every member of a signatory that
 * publishes only a count is searched for in the rendered letter. A confidential person named in
 * a public event, say, is found here, and the letter is refused at the text that names them.
 */
import { AppealError, type Problem } from '../errors.js';
import type { KeyPath, YamlSource } from '../load/source.js';
import type { Plan } from '../plan/communication.js';
import type { Block } from './letter.js';

interface Secret {
  text: string;
  /** What it is, for the message: "the confidential person", "a confidential source". */
  what: string;
  source: YamlSource;
  path: KeyPath;
}

/** Too short to search for without finding it inside ordinary words. */
const SHORTEST = 3;

function secretsOf(plan: Plan): Secret[] {
  const c = plan.case;
  const out: Secret[] = [];
  c.data.events.forEach((e, i) => {
    if (e.confidential) out.push({ text: e.text, what: 'the confidential event', source: c.source, path: ['events', i, 'text'] });
    const s = e.source;
    if (s?.confidential) {
      out.push({ text: (s.person ?? s.publication)!, what: 'a confidential source', source: c.source, path: ['events', i, 'source'] });
    }
  });
  for (const { person, path } of c.persons) {
    if (!person.confidential) continue;
    for (const name of [person.name, ...person.aliases]) out.push({ text: name, what: 'the confidential person', source: c.source, path });
  }
  for (const s of plan.signatories) {
    if (s.data.count === undefined) continue;
    s.data.members.forEach((m, i) => {
      out.push({ text: m.name, what: 'a signer counted but not published', source: s.source, path: ['members', i] });
    });
  }
  return out.filter((s) => s.text.trim().length >= SHORTEST);
}

/** Every string in the letter's blocks, whatever their shape. */
function strings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, into);
  return into;
}

function pattern(text: string): RegExp {
  const words = text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Whole words, across line breaks and wrapped lines.
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
}

const under = (path: KeyPath, prefix: KeyPath) => prefix.every((seg, i) => String(path[i]) === String(seg));

/** Throws an AppealError for each confidential string the letter would print, at the text that brings it in. */
export function confidentialLeaks(plan: Plan, blocks: Block[]): void {
  const letter = strings(blocks, []).join('\n');
  const problems: Problem[] = [];
  const c = plan.case;
  const hidden: KeyPath[] = [
    ...c.data.events.flatMap((e, i): KeyPath[] =>
      e.confidential ? [['events', i]] : e.source?.confidential ? [['events', i, 'source']] : [],
    ),
    ...c.persons.filter(({ person }) => person.confidential).map(({ path }) => path),
  ];
  for (const secret of secretsOf(plan)) {
    const re = pattern(secret.text);
    if (!re.test(letter)) continue;
    const declared = secret.source.position(secret.path);
    const where = `${secret.source.file}:${declared.line}`;
    let carrier: { path: KeyPath } | undefined;
    for (const s of c.source.strings()) {
      if (hidden.some((h) => under(s.path, h))) continue;
      if (re.test(s.value)) {
        carrier = s;
        break;
      }
    }
    const shown = secret.text.length > 60 ? `${secret.text.slice(0, 60)}…` : secret.text;
    problems.push(
      carrier
        ? c.source.problem(
            carrier.path,
            `this text names '${shown}', ${secret.what} (${where}), so the letter would print it: reword this text ` +
              'without it, or mark what holds it confidential too.',
          )
        : secret.source.problem(
            secret.path,
            `'${shown}' is ${secret.what.replace(/^the /, 'a ')}, but the letter would print it (from the template, appeal.yaml ` +
              'or a signatory): remove it there, or stop marking it confidential.',
          ),
    );
  }
  if (problems.length) throw new AppealError(problems);
}
