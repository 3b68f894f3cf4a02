import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/load/check.js';
import { caseSchema, configSchema, entrySchema, signatorySchema } from '../../../src/load/schema.js';
import { parseYaml } from '../../../src/load/source.js';

const problems = (schema: Parameters<typeof check>[1], text: string) =>
  check(parseYaml('x.yaml', text), schema).problems.map((p) => `${p.line}:${p.col} ${p.key}: ${p.message}`);

// The schemas are written with zod/mini (a sixth of classic zod, loaded at every start): the
// classic package must not come back through any module, and the messages must read as before.
describe('schemas in zod/mini', () => {
  it('no module of src/ imports classic zod', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
    const classic = files('src')
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from ['"]zod(?:\/v4)?['"]/.test(readFileSync(f, 'utf8')));
    expect(classic).toEqual([]);
  });

  it('suggests keys through optional, default, pipe and union wrappers', () => {
    const text = [
      'person: {name: A, status: detained, agee: 3}',
      'headline: H',
      'events:',
      '  - {date: 2020-01-01, text: t, source: {persn: her lawyer}}',
      'demands:',
      '  - {text: a, whoo: b}',
      'signed-by: [ok, Bad_Id]',
    ].join('\n');
    expect(problems(caseSchema, text)).toEqual([
      "1:37 person.agee: unknown key 'agee'. Did you mean 'age'?",
      "4:42 events.0.source.persn: unknown key 'persn'. Did you mean 'person'?",
      "6:15 demands.0.whoo: unknown key 'whoo'. Did you mean 'who'?",
      '7:17 signed-by.1: a signatory id is lower-case letters, digits and "-", as in the file name signatories/<id>.yaml.',
    ]);
  });

  it('words types, limits, values, dates and patterns as before', () => {
    const entry = [
      'reference: 1/2020',
      'number: 1.5',
      'date: 2020-02-30',
      'case: p0',
      'kind: communication',
      'files: [{path: a, sha256: zz}]',
      'external: maybe',
    ].join('\n');
    expect(problems(entrySchema, entry)).toEqual([
      '2:9 number: expected a int, found number 1.5.',
      '3:7 date: not a real date: write it as yyyy-mm-dd (for example 2007-12-17), and check that the day exists in that month.',
      '6:27 files.0.sha256: Invalid string: must match pattern /^[0-9a-f]{64}$/.',
      "7:11 external: expected a boolean, found the text 'maybe'.",
    ]);
    const config = [
      'organisation: {name: O}',
      'signatory: {name: S}',
      'output: {width: 20, formats: [txt, docx]}',
      'references: {counter: daily}',
    ].join('\n');
    expect(problems(configSchema, config)).toEqual([
      '3:17 output.width: must be at least 40.',
      "3:36 output.formats.1: 'docx' is not allowed here; use one of: txt, pdf, eml.",
      "4:23 references.counter: 'daily' is not allowed here; use one of: continuous, yearly.",
    ]);
    expect(problems(signatorySchema, 'name: ""\nmembers: [A, {name: B, rol: x}]')).toEqual([
      '1:7 name: this must not be empty.',
      "2:24 members.1.rol: unknown key 'rol'. Did you mean 'role'?",
    ]);
  });

  it('gives the values and defaults as before', () => {
    const c = check(
      parseYaml('x.yaml', 'subject: S\nheadline: H\nevents: [{date: 2020-01-01, text: t, source: Haqqimiz}]\nsigned-by: a'),
      caseSchema,
    );
    expect(c.problems).toEqual([]);
    expect(c.value!.events[0]).toEqual({
      date: '2020-01-01',
      text: 't',
      source: { publication: 'Haqqimiz', confidential: false },
      see: [],
      confidential: false,
    });
    expect(c.value!['signed-by']).toEqual(['a']);
    expect(c.value!.demands).toEqual([]);
    const cfg = check(parseYaml('x.yaml', 'organisation: {name: O}\nsignatory: {name: S}'), configSchema).value!;
    expect(cfg.references).toEqual({ format: '{n}/{yyyy}', counter: 'continuous', start: 1 });
    expect(cfg.output).toEqual({ dir: 'out', formats: ['txt', 'pdf'], width: 72 });
    expect(cfg.language).toBe('en');
  });
});
