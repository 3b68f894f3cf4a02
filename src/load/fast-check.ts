/**
 * A zod schema compiled, once, into a plain function that gives what zod's safeParse gives for a
 * valid value (defaults filled in, texts trimmed, transforms applied, keys in the schema's
 * order), and FAILED for anything else, for zod to find and word the problems. The schemas of
 * appeal (zod/mini: strict objects, texts, numbers, booleans, enums, lists, optional and default
 * keys, unions, pipes through transforms, refinements) are read from their definitions, so a
 * change to a schema needs no change here; a schema with anything else is not compiled (zod
 * checks it as before). zod's own parse costs a payload and an issues list per node: validate
 * checks 1,000 cases and 1,000 entries.
 */
import type { $ZodType } from 'zod/v4/core';

/** The answer for a value the schema does not accept as is. */
export const FAILED: unique symbol = Symbol('failed');

type Fast = (value: unknown) => unknown;

/** What the compiler reads of a definition and its checks (zod/mini has no classes to test). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  element?: $ZodType;
  innerType?: $ZodType;
  defaultValue?: unknown;
  in?: $ZodType;
  out?: $ZodType;
  options?: $ZodType[];
  entries?: Record<string, unknown>;
  transform?: (value: unknown, payload: { value: unknown; issues: unknown[] }) => unknown;
}
interface CheckDef {
  check: string;
  tx?: (value: unknown) => unknown;
  minimum?: number;
  format?: string;
  pattern?: RegExp;
  fn?: (value: unknown) => unknown;
  value?: number;
  inclusive?: boolean;
}

/** Thrown by the compiler for what it does not compile. */
const UNSUPPORTED = Symbol('unsupported');

const defOf = (s: $ZodType): Def => s._zod.def as unknown as Def;

/** One check of a text, a number or a list, as zod runs it on a value that passes it. */
function compileCheck(def: CheckDef): ((v: unknown) => unknown) | undefined {
  switch (def.check) {
    case 'describe':
    case 'meta':
      return undefined; // no effect on the value
    case 'overwrite':
      return def.tx!;
    case 'min_length':
      return (v) => ((v as string | unknown[]).length >= def.minimum! ? v : FAILED);
    case 'string_format':
      if (def.format !== 'regex') throw UNSUPPORTED;
      return (v) => {
        def.pattern!.lastIndex = 0;
        return def.pattern!.test(v as string) ? v : FAILED;
      };
    case 'custom':
      if (typeof def.fn !== 'function') throw UNSUPPORTED;
      return (v) => (def.fn!(v) === true ? v : FAILED);
    case 'number_format':
      if (def.format !== 'safeint') throw UNSUPPORTED;
      return (v) => (Number.isSafeInteger(v) ? v : FAILED);
    case 'greater_than':
      return (v) => ((def.inclusive ? (v as number) >= def.value! : (v as number) > def.value!) ? v : FAILED);
    case 'less_than':
      return (v) => ((def.inclusive ? (v as number) <= def.value! : (v as number) < def.value!) ? v : FAILED);
    default:
      throw UNSUPPORTED;
  }
}

/** A base type and then its checks in order, each on what the one before gave. */
function withChecks(def: Def, base: Fast): Fast {
  const checks = (def.checks ?? []).map((c) => compileCheck(c._zod.def)).filter((c) => c !== undefined);
  if (checks.length === 0) return base;
  return (value) => {
    let v = base(value);
    for (let i = 0; i < checks.length && v !== FAILED; i++) v = checks[i]!(v);
    return v;
  };
}

function compile(schema: $ZodType): Fast {
  const def = defOf(schema);
  if (def.coerce) throw UNSUPPORTED;
  switch (def.type) {
    case 'string':
      return withChecks(def, (v) => (typeof v === 'string' ? v : FAILED));
    case 'number':
      return withChecks(def, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAILED));
    case 'boolean':
      return withChecks(def, (v) => (typeof v === 'boolean' ? v : FAILED));
    case 'enum': {
      const values = new Set(Object.values(def.entries!));
      return withChecks(def, (v) => (values.has(v) ? v : FAILED));
    }
    case 'array': {
      const element = compile(def.element!);
      return withChecks(def, (v) => {
        if (!Array.isArray(v)) return FAILED;
        const out: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) if ((out[i] = element(v[i])) === FAILED) return FAILED;
        return out;
      });
    }
    case 'object':
      return withChecks(def, compileObject(def));
    case 'pipe': {
      const [first, then] = [compile(def.in!), compile(def.out!)];
      return withChecks(def, (v) => {
        const mid = first(v);
        return mid === FAILED ? FAILED : then(mid);
      });
    }
    case 'transform':
      return withChecks(def, (v) => {
        const payload = { value: v, issues: [] as unknown[] };
        const out = def.transform!(v, payload);
        return out instanceof Promise || payload.issues.length ? FAILED : out;
      });
    case 'union': {
      const options = def.options!.map(compile);
      return withChecks(def, (v) => {
        for (const option of options) {
          const out = option(v);
          if (out !== FAILED) return out;
        }
        return FAILED;
      });
    }
    default:
      throw UNSUPPORTED;
  }
}

/** How an object's key is read: required, optional (absent: left out), or with a default. */
type Key = { key: string; fast: Fast; kind: 'required' | 'optional' | 'default'; fallback?: () => unknown };

/** A strict object: no key it does not know; its keys in the schema's order. */
function compileObject(def: Def): Fast {
  if (!def.catchall || defOf(def.catchall).type !== 'never') throw UNSUPPORTED;
  const keys: Key[] = Object.entries(def.shape!).map(([key, schema]) => {
    const d = defOf(schema);
    if (d.type === 'optional' || d.type === 'default') {
      // Only descriptions on the wrapper itself: they do nothing to the value.
      if (d.checks?.some((c) => compileCheck(c._zod.def) !== undefined)) throw UNSUPPORTED;
      // A default as zod gives it: its definition's copy of it, not checked.
      if (d.type === 'default') return { key, fast: compile(d.innerType!), kind: 'default', fallback: () => d.defaultValue };
      return { key, fast: compile(d.innerType!), kind: 'optional' };
    }
    return { key, fast: compile(schema), kind: 'required' };
  });
  const known = new Set(keys.map((k) => k.key));
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAILED;
    const input = v as Record<string, unknown>;
    for (const key in input) if (!known.has(key)) return FAILED;
    const out: Record<string, unknown> = {};
    for (const { key, fast, kind, fallback } of keys) {
      const value = input[key];
      if (value === undefined) {
        if (kind === 'required' || key in input) return FAILED;
        if (kind === 'default') out[key] = fallback!();
        continue;
      }
      const got = fast(value);
      if (got === FAILED) return FAILED;
      out[key] = got;
    }
    return out;
  };
}

const compiled = new WeakMap<object, Fast | null>();

/** The schema's fast check, compiled on first use; undefined when the schema has what it does not read. */
export function fastCheck(schema: $ZodType): Fast | undefined {
  let fast = compiled.get(schema);
  if (fast === undefined) {
    try {
      fast = compile(schema);
    } catch (e) {
      if (e !== UNSUPPORTED) throw e;
      fast = null;
    }
    compiled.set(schema, fast);
  }
  return fast ?? undefined;
}
