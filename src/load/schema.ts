/**
 * The data contract: zod schemas of appeal.yaml, a case file and a register entry.
 * Unknown keys are errors (strict objects), so a misspelt key is caught, not ignored.
 */
import { z } from 'zod';
import { CASE_ID, FORMATS, isRealDate, KIND, STATUSES } from '../domain/terms.js';

export { CASE_ID, FORMATS, isRealDate, KIND, STATUSES, type Kind, type OutputFormat } from '../domain/terms.js';

const text = z.string().trim().min(1);

export const isoDate = z.preprocess(
  // A YAML date may arrive as a Date if a custom schema is used; accept it as its ISO day.
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().refine(isRealDate, {
    message: 'not a real date: write it as yyyy-mm-dd (for example 2007-12-17), and check that the day exists in that month',
  }),
);

export const caseId = z.string().regex(CASE_ID, {
  message: 'a case id is lower-case letters, digits and "-", as in the file name cases/<id>.yaml',
});

const fontFace = z.strictObject({
  name: text,
  regular: text.describe('path of a TTF or OTF file, relative to the workspace'),
  bold: text.optional(),
  italic: text.optional(),
  boldItalic: text.optional(),
});

export const configSchema = z.strictObject({
  organisation: z.strictObject({
    name: text,
    letterhead: z.array(text).optional(),
    address: z.array(text).optional(),
    email: text.optional(),
    website: text.optional(),
  }),
  signatory: z.strictObject({
    name: text,
    title: text.optional(),
  }),
  references: z
    .strictObject({
      format: text.default('{n}/{yyyy}'),
      counter: z.enum(['continuous', 'yearly']).default('continuous'),
      start: z.number().int().min(1).default(1),
    })
    .default({ format: '{n}/{yyyy}', counter: 'continuous', start: 1 }),
  dates: z
    .strictObject({
      format: text.optional(),
      locale: text.default('en-GB'),
    })
    .default({ locale: 'en-GB' }),
  cc: z.array(text).default([]),
  language: text.default('en').describe('the language of letters when --lang is not given: en, az, or a language of lang/'),
  letters: z
    .strictObject({
      'dated-events': z.boolean().default(true).describe('each event opens with its date ("17 December 2007: ...")'),
    })
    .default({ 'dated-events': true }),
  output: z
    .strictObject({
      dir: text.default('out'),
      formats: z.array(z.enum(FORMATS)).min(1).default(['txt', 'pdf']),
      width: z.number().int().min(40).max(200).default(72),
    })
    .default({ dir: 'out', formats: ['txt', 'pdf'], width: 72 }),
  pdf: z
    .strictObject({
      page: z.enum(['A4', 'Letter']).default('A4'),
      fonts: z.array(fontFace).min(1).optional(),
    })
    .default({ page: 'A4' }),
});
export type Config = z.infer<typeof configSchema>;

/**
 * Where a fact comes from. A plain string is a publication ("Haqqimiz": "published in ...");
 * a mapping names a person ("her lawyer": "according to ...") or a publication, and may be
 * confidential: the fact is printed, its source never.
 */
const sourceObject = z.strictObject({
  person: text.optional().describe('a person: "her lawyer" reads "according to her lawyer"'),
  publication: text.optional().describe('a publication: "Haqqimiz" reads "published in ... Haqqimiz"'),
  confidential: z.boolean().default(false),
});
const source = z
  .union([text, sourceObject])
  .transform((v): Source => (typeof v === 'string' ? { publication: v, confidential: false } : v));
export type Source = z.infer<typeof sourceObject>;

const event = z.strictObject({
  date: isoDate,
  text: text.describe('[[case-id]] marks where the citation of our latest letter on that case goes'),
  source: source.optional(),
  see: z.array(caseId).default([]),
  confidential: z.boolean().default(false),
  id: text.optional(),
});
export type CaseEvent = z.infer<typeof event>;

/** Consent to be named, as OHCHR asks it: in public (open letters, appeals), to the government only, or not at all. */
export const CONSENTS = ['public', 'government', 'none'] as const;

const person = z.strictObject({
  name: text,
  honorific: text.optional(),
  aliases: z.array(text).default([]),
  descriptor: text.optional(),
  status: z.enum(STATUSES),
  sex: text.optional(),
  age: z.number().int().min(0).max(130).optional(),
  residence: text.optional(),
  detention: text.optional().describe('the place of detention'),
  consent: z.enum(CONSENTS).optional().describe('public: may be named in public letters (open letters, appeals, concerns)'),
  confidential: z.boolean().default(false).describe('true: never named in any letter'),
});
export type Person = z.infer<typeof person>;

/** A demand: a sentence, or who must act, what, and by when. */
const demandObject = z.strictObject({
  text: text.describe('what must be done: a whole sentence, or what follows "<who> should"'),
  who: text.optional().describe('who must act: "The Ministry of Justice of Azerbaijan"'),
  by: isoDate.optional().describe('the date by which it must be done'),
});
const demand = z.union([text, demandObject]).transform((v): Demand => (typeof v === 'string' ? { text: v } : v));
export type Demand = z.infer<typeof demandObject>;

export const SIGNATORY_ID = CASE_ID;
const signatoryId = z.string().regex(SIGNATORY_ID, {
  message: 'a signatory id is lower-case letters, digits and "-", as in the file name signatories/<id>.yaml',
});

export const caseSchema = z
  .strictObject({
    person: person.optional().describe('the person the case is about'),
    persons: z.array(person).min(1).optional().describe('the persons a case about several is about (instead of person)'),
    subject: text
      .optional()
      .describe('what the case is about, for a title: "Political Prisoners in Iran" (needed when no person is named)'),
    headline: text,
    persecutor: text.optional(),
    concerns: z.array(text).default([]),
    related: z.array(caseId).default([]),
    events: z.array(event).default([]),
    closing: z.array(text).default([]),
    body: z.array(text).default([]).describe('paragraphs of a public letter (open letter, appeal, concern)'),
    demands: z.array(demand).default([]),
    deadline: isoDate.optional().describe('the date by which the demands must be met'),
    'signed-by': z
      .union([signatoryId, z.array(signatoryId).min(1)])
      .transform((v) => (typeof v === 'string' ? [v] : v))
      .optional()
      .describe('who signs: ids of signatories/<id>.yaml (default: the signatory of appeal.yaml)'),
    cc: z.array(text).optional().describe("copies: replaces appeal.yaml's cc for this case ([] for none)"),
  })
  // For editors (appeal schema case): whom a case is about. loadCase says the same in sentences.
  // Each branch names its property as well, as a strict JSON Schema validator (Ajv) asks.
  .meta({
    anyOf: ['person', 'persons', 'subject'].map((key) => ({ properties: { [key]: true }, required: [key] })),
    not: { properties: { person: true, persons: true }, required: ['person', 'persons'] },
  });
export type Case = z.infer<typeof caseSchema>;

/** A member of a coalition or a co-signer: an organisation (a name) or a person with a role. */
const member = z.preprocess((v) => (typeof v === 'string' ? { name: v } : v), z.strictObject({ name: text, role: text.optional() }));

/** signatories/<id>.yaml: a coalition, a group of co-signers, or another organisation that signs. */
export const signatorySchema = z.strictObject({
  name: text.describe('the name it signs under'),
  title: text.optional(),
  members: z.array(member).default([]).describe('member organisations, or persons with their roles'),
  count: text.optional().describe('printed instead of the members, who are then never printed: "more than 20 human rights defenders"'),
  letterhead: z.array(text).optional().describe("replaces the organisation's letterhead in letters it signs"),
  cc: z.array(text).optional().describe("replaces the organisation's cc in letters it signs ([] for none)"),
  dates: z.strictObject({ format: text.optional(), locale: text.default('en-GB') }).optional(),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const entrySchema = z.strictObject({
  reference: text,
  number: z.number().int().min(0),
  date: isoDate,
  case: caseId,
  kind: z.string().regex(KIND, { message: "a kind is the name of a template: lower-case letters, digits and '-'" }),
  update: z.number().int().min(1).optional(),
  recipients: z.array(text).default([]),
  events: z.array(z.strictObject({ date: isoDate, id: text })).default([]),
  files: z.array(z.strictObject({ path: text, sha256: z.string().regex(/^[0-9a-f]{64}$/) })).default([]),
  /** The language it was written in; absent: the workspace's language. */
  language: text.optional(),
  /** true: sent outside the tool and recorded with `appeal register add`. */
  external: z.boolean().default(false),
});
export type Entry = z.infer<typeof entrySchema>;
