/**
 * The workspace: the folder holding appeal.yaml, found as git finds a repository (the nearest
 * folder at or above the current one), or named by --workspace. Loads the configuration and
 * the cases, each checked against the data contract.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppealError, type Problem } from '../errors.js';
import { loadDateStyle, type DateStyle } from '../domain/dates.js';
import { referenceFormatProblem } from '../domain/reference.js';
import { caseSchema, CASE_ID, configSchema, type Case, type Config } from './schema.js';
import { readYaml, type YamlSource } from './source.js';
import { CONFIG_FILE } from './find.js';
import { check, didYouMean } from './check.js';

export { CONFIG_FILE, findWorkspace } from './find.js';

export interface LoadedCase {
  id: string;
  data: Case;
  source: YamlSource;
}

export class Workspace {
  private cases = new Map<string, LoadedCase>();

  constructor(
    readonly root: string,
    readonly config: Config,
    readonly configSource: YamlSource,
    readonly dates: DateStyle,
  ) {}

  get casesDir(): string {
    return join(this.root, 'cases');
  }

  get registerDir(): string {
    return join(this.root, 'register');
  }

  get outputDir(): string {
    return resolve(this.root, this.config.output.dir);
  }

  /** Every case id, from the file names in cases/. */
  caseIds(): string[] {
    if (!existsSync(this.casesDir)) return [];
    return readdirSync(this.casesDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
  }

  /** A problem for an id that is not a plain name or names no case file, or undefined. */
  caseIdProblem(id: string, key = '--case'): Problem | undefined {
    if (!CASE_ID.test(id)) {
      return {
        key,
        message: `'${id}' is not a case id: a case id is the file name in cases/ without .yaml, lower-case letters, digits and '-'.`,
      };
    }
    if (!existsSync(join(this.casesDir, `${id}.yaml`))) {
      return { key, message: `there is no case '${id}' (no cases/${id}.yaml).${didYouMean(id, this.caseIds())}` };
    }
    return undefined;
  }

  /** Loads and checks one case; throws an AppealError naming each problem. */
  loadCase(id: string, key = '--case'): LoadedCase {
    const cached = this.cases.get(id);
    if (cached) return cached;
    const bad = this.caseIdProblem(id, key);
    if (bad) throw new AppealError(bad);
    const source = readYaml(join(this.casesDir, `${id}.yaml`), `cases/${id}.yaml`);
    const { value, problems } = check(source, caseSchema);
    if (problems.length) throw new AppealError(problems);
    const loaded = { id, data: value!, source };
    this.cases.set(id, loaded);
    return loaded;
  }
}

/** Checks what zod cannot: the reference format. */
function configProblems(config: Config, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const why = referenceFormatProblem(config.references.format, config.references.counter);
  if (why) problems.push(source.problem(['references', 'format'], why));
  return problems;
}

/** Opens the workspace at `root`: reads and checks appeal.yaml. */
export async function openWorkspace(root: string): Promise<Workspace> {
  if (!statSync(root).isDirectory()) throw new AppealError({ message: `${root} is not a folder.` });
  const source = readYaml(join(root, CONFIG_FILE), CONFIG_FILE);
  const { value, problems } = check(source, configSchema);
  if (problems.length) throw new AppealError(problems);
  const config = value!;
  const more = configProblems(config, source);
  const dates = await loadDateStyle(config.dates);
  if (dates.problem) more.push(source.problem(['dates', dates.problem.key], dates.problem.message));
  if (more.length) throw new AppealError(more);
  return new Workspace(root, config, source, dates.style!);
}
