import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import { FAILED, fastCheck } from '../../../src/load/fast-check.js';
import { caseSchema, configSchema, entrySchema, signatorySchema } from '../../../src/load/schema.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
const load = (file: string): unknown => jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA });
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(REPO, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(REPO, dir, f));

/** 'fast' when the compiled check gives zod's value (same JSON, same key order), 'zod' when it leaves the value to zod. */
function agrees(schema: $ZodType, data: unknown): 'fast' | 'zod' | 'differs' {
  const fast = fastCheck(schema)!(data);
  if (fast === FAILED) return 'zod';
  const zod = (schema as unknown as { safeParse(d: unknown): { success: boolean; data?: unknown } }).safeParse(data);
  return zod.success && JSON.stringify(fast) === JSON.stringify(zod.data) ? 'fast' : 'differs';
}

// check() takes a valid value through the schema compiled to a plain function: it must give what
// zod gives, defaults, trimmed texts and transforms included, or leave the value to zod.
describe('fastCheck', () => {
  const sets: [string, $ZodType, unknown[]][] = [
    ['case', caseSchema, yamlFiles('cases').map(load)],
    ['entry', entrySchema, yamlFiles('register').map(load)],
    ['signatory', signatorySchema, yamlFiles('signatories').map(load)],
    ['config', configSchema, [load(join(REPO, 'appeal.yaml'))]],
  ];

  it("compiles appeal's schemas", () => {
    for (const [, schema] of sets) expect(fastCheck(schema)).toBeTypeOf('function');
  });

  it("gives zod's value for the example workspace's files", () => {
    for (const [name, schema, values] of sets) for (const v of values) expect([name, agrees(schema, v)]).toEqual([name, 'fast']);
  });

  it("gives zod's value, or leaves it to zod, for thousands of edited values", () => {
    let seed = 5;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const odd: unknown[] = [null, '', ' ', '  x  ', 0, -1, 1.5, 131, 2 ** 53, true, [], [''], [' a '], {}, { person: 'x' }];
    odd.push({ person: 'x', publication: 'y' }, { text: ' t ', who: 'w' }, '2020-02-30', '2020-02-29', 'P1', 'released', 'public');
    const edit = (v: unknown, depth = 0): unknown => {
      if (next(4) === 0 || depth > 4 || v === null || typeof v !== 'object') return odd[next(odd.length)];
      if (Array.isArray(v)) return v.map((x) => (next(3) === 0 ? edit(x, depth + 1) : x));
      const o: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      const keys = Object.keys(o);
      const k = keys[next(keys.length)]!;
      const op = next(4);
      if (op === 0) delete o[k];
      else if (op === 1) o[k] = edit(o[k], depth + 1);
      else if (op === 2) o[`x${next(3)}`] = 1;
      else o[k] = odd[next(odd.length)];
      return o;
    };
    let fast = 0;
    for (const [name, schema, values] of sets) {
      for (const v of values) {
        for (let k = 0; k < 200; k++) {
          const edited = edit(edit(v));
          const result = agrees(schema, edited);
          expect([name, JSON.stringify(edited), result]).not.toEqual([name, JSON.stringify(edited), 'differs']);
          if (result === 'fast') fast++;
        }
      }
    }
    expect(fast).toBeGreaterThan(200);
  });
});
