/**
 * The built-in data files (data/*.yaml). The build writes each as JSON too (dist/data/), which
 * reads several times faster than YAML at start-up; the YAML is parsed only when the JSON is
 * missing (running unbuilt) or wrong, so that a problem still names its line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import type { Problem } from '../errors.js';
import { dataDir, packageRoot } from '../paths.js';
import { readYaml, type YamlSource } from './source.js';
import { check } from './check.js';

export interface Builtin<T> {
  value?: T;
  problems: Problem[];
  /** The YAML file with its positions, parsed on first call. */
  source: () => YamlSource;
}

export function readBuiltin<T extends z.ZodMiniType>(file: string, schema: T): Builtin<z.infer<T>> {
  let parsed: YamlSource | undefined;
  const source = () => (parsed ??= readYaml(join(dataDir(), file), `data/${file} (built in)`));
  const json = join(packageRoot, 'dist', 'data', file.replace(/\.yaml$/, '.json'));
  if (existsSync(json)) {
    const result = schema.safeParse(JSON.parse(readFileSync(json, 'utf8')));
    if (result.success) return { value: result.data as z.infer<T>, problems: [], source };
  }
  const { value, problems } = check(source(), schema);
  return { value, problems, source };
}
