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

const event = z.strictObject({
  date: isoDate,
  text,
  source: text.optional(),
  see: z.array(caseId).default([]),
  confidential: z.boolean().default(false),
  id: text.optional(),
});
export type CaseEvent = z.infer<typeof event>;

export const caseSchema = z.strictObject({
  person: z.strictObject({
    name: text,
    honorific: text.optional(),
    aliases: z.array(text).default([]),
    descriptor: text.optional(),
    status: z.enum(STATUSES),
    sex: text.optional(),
    age: z.number().int().min(0).max(130).optional(),
    residence: text.optional(),
  }),
  headline: text,
  persecutor: text.optional(),
  concerns: z.array(text).min(1),
  related: z.array(caseId).default([]),
  events: z.array(event).default([]),
  closing: z.array(text).default([]),
});
export type Case = z.infer<typeof caseSchema>;

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
  /** true: sent outside the tool and recorded with `appeal register add`. */
  external: z.boolean().default(false),
});
export type Entry = z.infer<typeof entrySchema>;
