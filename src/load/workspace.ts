/**
 * The workspace: the folder holding appeal.yaml, found as git finds a repository (the nearest
 * folder at or above the current one), or named by --workspace. Loads the configuration and
 * the cases, each checked against the data contract.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppealError, type Problem } from '../errors.js';
import { loadDateStyle, type DateStyle } from '../domain/dates.js';
import { referenceFormatProblem } from '../domain/reference.js';
import { caseSchema, CASE_ID, configSchema, type Case, type Config } from './schema.js';
import { leavesWorkspace, outsideMessage } from './inside.js';
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
    const shown = `cases/${id}.yaml`;
    const out = leavesWorkspace(this.root, shown);
    if (out) throw new AppealError({ file: shown, message: outsideMessage(shown, out) });
    const source = readYaml(join(this.casesDir, `${id}.yaml`), shown);
    const { value, problems } = check(source, caseSchema);
    if (problems.length) throw new AppealError(problems);
    const loaded = { id, data: value!, source };
    this.cases.set(id, loaded);
    return loaded;
  }
}

/** Why a font file cannot be used (missing, not a font, a web font), or undefined. */
function fontFileProblem(abs: string, shown: string): string | undefined {
  let head: Buffer;
  try {
    const fd = openSync(abs, 'r');
    head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    closeSync(fd);
  } catch {
    return `there is no font file ${shown}: give the path of a TTF or OTF file, relative to the workspace.`;
  }
  const magic = head.toString('latin1');
  if (magic === 'wOFF' || magic === 'wOF2') return `${shown} is a web font (WOFF): give the TTF or OTF file of that font.`;
  if (!['\x00\x01\x00\x00', 'true', 'OTTO', 'ttcf'].includes(magic)) return `${shown} is not a font file: give a TTF or OTF file.`;
  return undefined;
}

/** Checks what zod cannot: the reference format, and paths that stay inside the workspace. */
function configProblems(root: string, config: Config, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const why = referenceFormatProblem(config.references.format, config.references.counter);
  if (why) problems.push(source.problem(['references', 'format'], why));
  const out = leavesWorkspace(root, config.output.dir);
  if (out) problems.push(source.problem(['output', 'dir'], outsideMessage(config.output.dir, out)));
  config.pdf.fonts?.forEach((face, i) => {
    for (const key of ['regular', 'bold'] as const) {
      const path = face[key];
      if (path === undefined) continue;
      const where = leavesWorkspace(root, path);
      const why = where ? outsideMessage(path, where) : fontFileProblem(join(root, path), path);
      if (why) problems.push(source.problem(['pdf', 'fonts', i, key], why));
    }
  });
  return problems;
}

/** Opens the workspace at `root`: reads and checks appeal.yaml. */
export async function openWorkspace(root: string): Promise<Workspace> {
  if (!statSync(root).isDirectory()) throw new AppealError({ message: `${root} is not a folder.` });
  const source = readYaml(join(root, CONFIG_FILE), CONFIG_FILE);
  const { value, problems } = check(source, configSchema);
  if (problems.length) throw new AppealError(problems);
  const config = value!;
  const more = configProblems(root, config, source);
  const dates = await loadDateStyle(config.dates);
  if (dates.problem) more.push(source.problem(['dates', dates.problem.key], dates.problem.message));
  if (more.length) throw new AppealError(more);
  return new Workspace(root, config, source, dates.style!);
}
