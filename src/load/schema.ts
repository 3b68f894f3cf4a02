/**
 * The data contract: zod schemas of appeal.yaml, a case file and a register entry.
 * Unknown keys are errors (strict objects), so a misspelt key is caught, not ignored.
 *
 * Written with zod/mini: the same checks and messages as classic zod, which tree-shakes to a
 * sixth of its size (loading and building these schemas 52 ms -> 9 ms, at every start).
 */
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { CASE_ID, FORMATS, isRealDate, KIND, STATUSES } from '../domain/terms.js';

export { CASE_ID, FORMATS, isRealDate, KIND, STATUSES, type Kind, type OutputFormat } from '../domain/terms.js';

// zod/mini leaves the English messages out unless asked; a message we do not word ourselves
// (a pattern a value does not match) still reads as it did.
z.config(en());

const text = z.string().check(z.trim(), z.minLength(1));
/** A text with a description for editors (appeal schema). */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

export const isoDate = z.pipe(
  // A YAML date may arrive as a Date if a custom schema is used; accept it as its ISO day.
  z.transform((v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
  z.string().check(
    z.refine(isRealDate, {
      message: 'not a real date: write it as yyyy-mm-dd (for example 2007-12-17), and check that the day exists in that month',
    }),
  ),
);

export const caseId = z.string().check(
  z.regex(CASE_ID, {
    message: 'a case id is lower-case letters, digits and "-", as in the file name cases/<id>.yaml',
  }),
);

const fontFace = z.strictObject({
  name: text,
  regular: described(text, 'path of a TTF or OTF file, relative to the workspace'),
  bold: z.optional(text),
  italic: z.optional(text),
  boldItalic: z.optional(text),
});

export const configSchema = z.strictObject({
  organisation: z.strictObject({
    name: text,
    letterhead: z.optional(z.array(text)),
    address: z.optional(z.array(text)),
    email: z.optional(text),
    website: z.optional(text),
  }),
  signatory: z.strictObject({
    name: text,
    title: z.optional(text),
  }),
  references: z._default(
    z.strictObject({
      format: z._default(text, '{n}/{yyyy}'),
      counter: z._default(z.enum(['continuous', 'yearly']), 'continuous'),
      start: z._default(z.number().check(z.int(), z.minimum(1)), 1),
    }),
    { format: '{n}/{yyyy}', counter: 'continuous', start: 1 },
  ),
  dates: z._default(
    z.strictObject({
      format: z.optional(text),
      locale: z._default(text, 'en-GB'),
    }),
    { locale: 'en-GB' },
  ),
  cc: z._default(z.array(text), []),
  language: described(z._default(text, 'en'), 'the language of letters when --lang is not given: en, az, or a language of lang/'),
  letters: z._default(
    z.strictObject({
      'dated-events': described(z._default(z.boolean(), true), 'each event opens with its date ("17 December 2007: ...")'),
    }),
    { 'dated-events': true },
  ),
  output: z._default(
    z.strictObject({
      dir: z._default(text, 'out'),
      formats: z._default(z.array(z.enum(FORMATS)).check(z.minLength(1)), ['txt', 'pdf']),
      width: z._default(z.number().check(z.int(), z.minimum(40), z.maximum(200)), 72),
    }),
    { dir: 'out', formats: ['txt', 'pdf'], width: 72 },
  ),
  pdf: z._default(
    z.strictObject({
      page: z._default(z.enum(['A4', 'Letter']), 'A4'),
      fonts: z.optional(z.array(fontFace).check(z.minLength(1))),
    }),
    { page: 'A4' },
  ),
});
export type Config = z.infer<typeof configSchema>;

/**
 * Where a fact comes from. A plain string is a publication ("Haqqimiz": "published in ...");
 * a mapping names a person ("her lawyer": "according to ...") or a publication, and may be
 * confidential: the fact is printed, its source never.
 */
const sourceObject = z.strictObject({
  person: described(z.optional(text), 'a person: "her lawyer" reads "according to her lawyer"'),
  publication: described(z.optional(text), 'a publication: "Haqqimiz" reads "published in ... Haqqimiz"'),
  confidential: z._default(z.boolean(), false),
});
const source = z.pipe(
  z.union([text, sourceObject]),
  z.transform((v): Source => (typeof v === 'string' ? { publication: v, confidential: false } : v)),
);
export type Source = z.infer<typeof sourceObject>;

const event = z.strictObject({
  date: isoDate,
  text: described(text, '[[case-id]] marks where the citation of our latest letter on that case goes'),
  source: z.optional(source),
  see: z._default(z.array(caseId), []),
  confidential: z._default(z.boolean(), false),
  id: z.optional(text),
});
export type CaseEvent = z.infer<typeof event>;

/** Consent to be named, as OHCHR asks it: in public (open letters, appeals), to the government only, or not at all. */
export const CONSENTS = ['public', 'government', 'none'] as const;

const person = z.strictObject({
  name: text,
  honorific: z.optional(text),
  aliases: z._default(z.array(text), []),
  descriptor: z.optional(text),
  status: z.enum(STATUSES),
  sex: z.optional(text),
  age: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(130))),
  residence: z.optional(text),
  detention: described(z.optional(text), 'the place of detention'),
  consent: described(z.optional(z.enum(CONSENTS)), 'public: may be named in public letters (open letters, appeals, concerns)'),
  confidential: described(z._default(z.boolean(), false), 'true: never named in any letter'),
});
export type Person = z.infer<typeof person>;

/** A demand: a sentence, or who must act, what, and by when. */
const demandObject = z.strictObject({
  text: described(text, 'what must be done: a whole sentence, or what follows "<who> should"'),
  who: described(z.optional(text), 'who must act: "The Ministry of Justice of Azerbaijan"'),
  by: described(z.optional(isoDate), 'the date by which it must be done'),
});
const demand = z.pipe(
  z.union([text, demandObject]),
  z.transform((v): Demand => (typeof v === 'string' ? { text: v } : v)),
);
export type Demand = z.infer<typeof demandObject>;

export const SIGNATORY_ID = CASE_ID;
const signatoryId = z.string().check(
  z.regex(SIGNATORY_ID, {
    message: 'a signatory id is lower-case letters, digits and "-", as in the file name signatories/<id>.yaml',
  }),
);

export const caseSchema = z
  .strictObject({
    person: described(z.optional(person), 'the person the case is about'),
    persons: described(z.optional(z.array(person).check(z.minLength(1))), 'the persons a case about several is about (instead of person)'),
    subject: described(
      z.optional(text),
      'what the case is about, for a title: "Political Prisoners in Iran" (needed when no person is named)',
    ),
    headline: text,
    persecutor: z.optional(text),
    concerns: z._default(z.array(text), []),
    related: z._default(z.array(caseId), []),
    events: z._default(z.array(event), []),
    closing: z._default(z.array(text), []),
    body: described(z._default(z.array(text), []), 'paragraphs of a public letter (open letter, appeal, concern)'),
    demands: z._default(z.array(demand), []),
    deadline: described(z.optional(isoDate), 'the date by which the demands must be met'),
    'signed-by': described(
      z.optional(
        z.pipe(
          z.union([signatoryId, z.array(signatoryId).check(z.minLength(1))]),
          z.transform((v) => (typeof v === 'string' ? [v] : v)),
        ),
      ),
      'who signs: ids of signatories/<id>.yaml (default: the signatory of appeal.yaml)',
    ),
    cc: described(z.optional(z.array(text)), "copies: replaces appeal.yaml's cc for this case ([] for none)"),
  })
  // For editors (appeal schema case): whom a case is about. loadCase says the same in sentences.
  // Each branch names its property as well, as a strict JSON Schema validator (Ajv) asks.
  .check(
    z.meta({
      anyOf: ['person', 'persons', 'subject'].map((key) => ({ properties: { [key]: true }, required: [key] })),
      not: { properties: { person: true, persons: true }, required: ['person', 'persons'] },
    }),
  );
export type Case = z.infer<typeof caseSchema>;

/** A member of a coalition or a co-signer: an organisation (a name) or a person with a role. */
const member = z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' ? { name: v } : v)),
  z.strictObject({ name: text, role: z.optional(text) }),
);

/** signatories/<id>.yaml: a coalition, a group of co-signers, or another organisation that signs. */
export const signatorySchema = z.strictObject({
  name: described(text, 'the name it signs under'),
  title: z.optional(text),
  members: described(z._default(z.array(member), []), 'member organisations, or persons with their roles'),
  count: described(z.optional(text), 'printed instead of the members, who are then never printed: "more than 20 human rights defenders"'),
  letterhead: described(z.optional(z.array(text)), "replaces the organisation's letterhead in letters it signs"),
  cc: described(z.optional(z.array(text)), "replaces the organisation's cc in letters it signs ([] for none)"),
  dates: z.optional(z.strictObject({ format: z.optional(text), locale: z._default(text, 'en-GB') })),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const entrySchema = z.strictObject({
  reference: text,
  number: z.number().check(z.int(), z.minimum(0)),
  date: isoDate,
  case: caseId,
  kind: z.string().check(z.regex(KIND, { message: "a kind is the name of a template: lower-case letters, digits and '-'" })),
  update: z.optional(z.number().check(z.int(), z.minimum(1))),
  recipients: z._default(z.array(text), []),
  events: z._default(z.array(z.strictObject({ date: isoDate, id: text })), []),
  files: z._default(z.array(z.strictObject({ path: text, sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) })), []),
  /** The language it was written in; absent: the workspace's language. */
  language: z.optional(text),
  /** true: sent outside the tool and recorded with `appeal register add`. */
  external: z._default(z.boolean(), false),
});
export type Entry = z.infer<typeof entrySchema>;
