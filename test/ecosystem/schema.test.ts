/**
 * Editors check YAML files against the JSON Schemas that `appeal schema` prints. Every example
 * file the project ships (the repository's workspace and what `appeal init` writes) must pass a
 * standard validator, Ajv, against them; and the schemas must still catch the mistakes people make.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { appeal, REPO } from '../helpers.js';

const yamlIn = (dir: string) =>
  readdirSync(join(REPO, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);

const load = (rel: string): unknown => parse(readFileSync(join(REPO, rel), 'utf8'));

function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

describe('the JSON Schemas of `appeal schema`, under Ajv', () => {
  const validators: Record<'case' | 'config' | 'entry', ValidateFunction> = {} as never;

  beforeAll(() => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    for (const which of ['case', 'config', 'entry'] as const) {
      const r = appeal(REPO, 'schema', which);
      expect(r.code, r.stderr).toBe(0);
      validators[which] = ajv.compile(JSON.parse(r.stdout) as object);
    }
  });

  it('accept every example case file', () => {
    const files = [...yamlIn('cases'), ...yamlIn('data/init/cases')];
    expect(files.length).toBeGreaterThan(3);
    expect(files).toContain('data/init/cases/example.yaml');
    for (const file of files) expect(errorsOf(validators.case, load(file)), file).toEqual([]);
  });

  it('accept every example appeal.yaml', () => {
    for (const file of ['appeal.yaml', 'data/init/appeal.yaml']) expect(errorsOf(validators.config, load(file)), file).toEqual([]);
  });

  it("accept the example workspace's register entries", () => {
    const files = yamlIn('register');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(errorsOf(validators.entry, load(file)), file).toEqual([]);
  });

  it('reject a case with a status that does not exist, a misspelt key or no person', () => {
    const good = load('data/init/cases/example.yaml') as { person: Record<string, unknown> } & Record<string, unknown>;
    expect(errorsOf(validators.case, { ...good, person: { ...good.person, status: 'arrested' } })).not.toEqual([]);
    expect(errorsOf(validators.case, { ...good, concern: good.concerns })).not.toEqual([]);
    const { person: _p, ...noPerson } = good;
    expect(errorsOf(validators.case, noPerson)).not.toEqual([]);
  });

  it('reject an appeal.yaml without its organisation', () => {
    const { organisation: _o, ...rest } = load('data/init/appeal.yaml') as Record<string, unknown>;
    expect(errorsOf(validators.config, rest)).not.toEqual([]);
  });
});
