/**
 * Checks a parsed YAML file against a zod schema and turns each zod issue into a sentence
 * at file:line:col, with "did you mean" for misspelt keys and values.
 */
import type * as z from 'zod/mini';
import type { $ZodIssue, $ZodIssueInvalidType, $ZodType, $ZodTypeDef } from 'zod/v4/core';
import { AppealError, type Problem } from '../errors.js';
import type { KeyPath, YamlSource } from './source.js';
import { didYouMean } from '../suggest.js';
import { fastCheck, FAILED } from './fast-check.js';

export { didYouMean, suggest } from '../suggest.js';

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text '${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  return `${typeof value} ${String(value)}`;
}

function typeName(expected: string): string {
  return expected === 'array' ? 'a list' : expected === 'object' ? 'a mapping' : expected === 'string' ? 'a text' : `a ${expected}`;
}

/**
 * The issues of a value that may take several forms ("a text or a mapping"): those of the one
 * form whose type the value has, at their full paths, so that the problem points inside it.
 */
function flatten(issue: $ZodIssue): $ZodIssue[] {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return [issue];
  const fitting = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  if (fitting.length !== 1) return [issue];
  return fitting[0]!.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] } as $ZodIssue));
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** What knownKeys and unwrap read of a schema's definition (zod/mini has no classes to test). */
type Def = $ZodTypeDef & {
  shape?: Record<string, $ZodType>;
  element?: $ZodType;
  innerType?: $ZodType;
  in?: $ZodType;
  out?: $ZodType;
  options?: $ZodType[];
};
const defOf = (s: $ZodType): Def => s._zod.def as Def;

/** Keys a zod object schema accepts at a path (for "did you mean"). */
function knownKeys(schema: $ZodType, path: KeyPath): string[] {
  let s: $ZodType | undefined = schema;
  for (const seg of path) {
    s = unwrap(s);
    const def = s && defOf(s);
    if (def?.type === 'object') s = def.shape![String(seg)];
    else if (def?.type === 'array') s = def.element;
    else return [];
  }
  s = unwrap(s);
  return s && defOf(s).type === 'object' ? Object.keys(defOf(s).shape!) : [];
}

function unwrap(s: $ZodType | undefined): $ZodType | undefined {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    const def = defOf(cur);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      cur = def.innerType;
    } else if (def.type === 'pipe') {
      // A preprocess checks its output; other pipes (a transform after a check) their input.
      cur = defOf(def.in!).type === 'transform' ? def.out : def.in;
    } else if (def.type === 'union') {
      // "a text or a mapping": the keys are the mapping's.
      const options = def.options!;
      cur =
        options.find((o) => {
          const inner = unwrap(o);
          return inner !== undefined && defOf(inner).type === 'object';
        }) ?? options[0];
    } else break;
  }
  return cur;
}

function sentence(issue: $ZodIssue, data: unknown): string {
  const path = issue.path as KeyPath;
  const got = valueAt(data, path);
  if (got === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const key = String(path[path.length - 1] ?? 'value');
    const what =
      issue.code === 'invalid_value'
        ? `one of: ${issue.values.map(String).join(', ')}`
        : issue.expected === 'array'
          ? 'a list'
          : issue.expected === 'object'
            ? 'a mapping'
            : `a ${issue.expected}`;
    return `the required key '${key}' is missing: add it (${what}).`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return (
        `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}, ` +
        `found ${describe(got)}.`
      );
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return `'${String(got)}' is not allowed here; use one of: ${allowed.join(', ')}.${didYouMean(String(got), allowed)}`;
    }
    case 'too_small':
      if (issue.origin === 'array')
        return `the list needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}.`;
      if (issue.origin === 'string') return 'this must not be empty.';
      return `must be at least ${String(issue.minimum)}.`;
    case 'invalid_union': {
      // Every form refused the value's type: say which forms are allowed.
      const expected = issue.errors.map((branch) => branch.find((i) => i.path.length === 0 && i.code === 'invalid_type'));
      if (expected.every((i) => i)) {
        const names = expected.map((i) => typeName((i as $ZodIssueInvalidType).expected));
        return `expected ${[...new Set(names)].join(' or ')}, found ${describe(got)}.`;
      }
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
    }
    case 'too_big':
      return `must be at most ${String(issue.maximum)}.`;
    case 'invalid_format':
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
    default:
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  }
}

/** Every problem zod finds in `source`, each located; empty when the file is valid. */
export function check<T extends z.ZodMiniType>(source: YamlSource, schema: T): { value?: z.infer<T>; problems: Problem[] } {
  let data = source.data;
  // A valid value, the usual one, through the schema compiled to a plain function (fast-check.ts).
  const fast = fastCheck(schema)?.(data);
  if (fast !== undefined && fast !== FAILED) return { value: fast as z.infer<T>, problems: [] };
  let result = schema.safeParse(data);
  if (!result.success && source.readQuickly) {
    // Messages are worded from the value as `yaml` reads it, the one its positions belong to.
    data = source.exactData;
    result = schema.safeParse(data);
  }
  if (result.success) return { value: result.data as z.infer<T>, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues.flatMap(flatten)) {
    const path = issue.path as KeyPath;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        problems.push(
          source.problem(
            [...path, key],
            `unknown key '${key}'.${didYouMean(key, known) || ` Known keys here: ${known.join(', ')}.`}`,
            true,
          ),
        );
      }
      continue;
    }
    problems.push(source.problem(path, sentence(issue, data)));
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return { problems };
}
