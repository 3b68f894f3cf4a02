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
import { caseSchema, CASE_ID, configSchema, type Case, type Config, type Person } from './schema.js';
import { leavesWorkspace, outsideMessage } from './inside.js';
import { readYaml, type KeyPath, type YamlSource } from './source.js';
import { readSignatory, signatoryIdProblem, type LoadedSignatory } from './signatories.js';
import { CONFIG_FILE } from './find.js';
import { check, didYouMean } from './check.js';

export { CONFIG_FILE, findWorkspace } from './find.js';

export interface LoadedCase {
  id: string;
  data: Case;
  source: YamlSource;
  /** The persons the case is about (person, or each of persons), with where each is in the file. */
  persons: { person: Person; path: KeyPath }[];
}

/** `[[seferi]]` in case text: where the citation of our latest letter on that case goes. */
export const CITATION_MARK = /\[\[([^[\]]*)\]\]/g;

/** The case ids a text marks for citation, in order. */
export function citationMarks(text: string): string[] {
  return [...text.matchAll(CITATION_MARK)].map((m) => m[1]!.trim());
}

export class Workspace {
  private cases = new Map<string, LoadedCase>();
  private signatories = new Map<string, LoadedSignatory>();

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

  /**
   * The case files of the last listing of cases/ that are plain files (not links, not folders), and
   * whether cases/ itself is inside the workspace: such a file exists and stays inside, with no
   * call of its own (validate asks for each of 1,000 cases, and again for every id a case cites).
   */
  private listed: { files: Set<string>; inside: boolean } | undefined;

  /** Every case id, from the file names in cases/. */
  caseIds(): string[] {
    if (!existsSync(this.casesDir)) return [];
    const files = new Set<string>();
    const ids: string[] = [];
    for (const item of readdirSync(this.casesDir, { withFileTypes: true })) {
      const { name } = item;
      if (!name.endsWith('.yaml')) continue;
      ids.push(name.slice(0, -'.yaml'.length));
      if (item.isFile()) files.add(name);
    }
    this.listed = { files, inside: !leavesWorkspace(this.root, 'cases') };
    return ids.sort();
  }

  /** Whether cases/<id>.yaml was a plain file inside the workspace when cases/ was listed. */
  private listedInside(id: string): boolean {
    return this.listed !== undefined && this.listed.inside && this.listed.files.has(`${id}.yaml`);
  }

  /** A problem for an id that is not a plain name or names no case file, or undefined. */
  caseIdProblem(id: string, key = '--case'): Problem | undefined {
    if (!CASE_ID.test(id)) {
      return {
        key,
        message: `'${id}' is not a case id: a case id is the file name in cases/ without .yaml, lower-case letters, digits and '-'.`,
      };
    }
    if (!(this.listed?.files.has(`${id}.yaml`) || existsSync(join(this.casesDir, `${id}.yaml`)))) {
      return { key, message: `there is no case '${id}' (no cases/${id}.yaml).${didYouMean(id, this.caseIds())}` };
    }
    return undefined;
  }

  /**
   * Loads and checks one case; throws an AppealError naming each problem. `keep` false: not kept
   * for a later call (validate reads each case once, and 1,000 kept cases cost the collector more
   * than their reading).
   */
  loadCase(id: string, key = '--case', keep = true): LoadedCase {
    const cached = this.cases.get(id);
    if (cached) return cached;
    const bad = this.caseIdProblem(id, key);
    if (bad) throw new AppealError(bad);
    const shown = `cases/${id}.yaml`;
    const out = this.listedInside(id) ? undefined : leavesWorkspace(this.root, shown);
    if (out) throw new AppealError({ file: shown, message: outsideMessage(shown, out) });
    const source = readYaml(join(this.casesDir, `${id}.yaml`), shown);
    const { value, problems } = check(source, caseSchema);
    if (problems.length) throw new AppealError(problems);
    const data = value!;
    const more = this.caseProblems(data, source);
    if (more.length) throw new AppealError(more);
    const persons = data.person
      ? [{ person: data.person, path: ['person'] as KeyPath }]
      : (data.persons ?? []).map((person, i) => ({ person, path: ['persons', i] as KeyPath }));
    const loaded = { id, data, source, persons };
    if (keep) this.cases.set(id, loaded);
    return loaded;
  }

  /** What the schema cannot say: whom the case is about, sources, citation marks, signatories. */
  private caseProblems(data: Case, source: YamlSource): Problem[] {
    const problems: Problem[] = [];
    if (data.person && data.persons) {
      problems.push(
        source.problem(
          ['persons'],
          'this case has both person and persons: name one person under person, or several under persons (move the person into the list).',
          true,
        ),
      );
    } else if (!data.person && !data.persons && !data.subject) {
      problems.push(
        source.problem(
          ['headline'],
          'this case names no one and no subject: add person (one person), persons (several), or subject for a case about a ' +
            'theme (subject: political prisoners in Iran).',
          true,
        ),
      );
    }
    const marks = (text: string, path: KeyPath) => {
      for (const other of citationMarks(text)) {
        const bad = this.caseIdProblem(other, 'see');
        if (bad) {
          problems.push(source.problem(path, `[[${other}]] cites no case: ${bad.message} Write [[case-id]] where the citation goes.`));
        }
      }
    };
    data.events.forEach((event, i) => {
      marks(event.text, ['events', i, 'text']);
      const s = event.source;
      if (s && (s.person === undefined) === (s.publication === undefined)) {
        problems.push(
          source.problem(
            ['events', i, 'source'],
            'a source is a person (person: her lawyer) or a publication (publication: Haqqimiz, or just the name): give exactly one.',
          ),
        );
      }
    });
    data.body.forEach((text, i) => marks(text, ['body', i]));
    (data['signed-by'] ?? []).forEach((sid, i) => {
      try {
        this.loadSignatory(sid);
      } catch (e) {
        if (!(e instanceof AppealError)) throw e;
        problems.push(...e.problems.map((p) => (p.file ? p : source.problem(['signed-by', i], p.message))));
      }
    });
    return problems;
  }

  /** Loads and checks signatories/<id>.yaml; a bad id is a problem without a file, for the caller to place. */
  loadSignatory(id: string): LoadedSignatory {
    const cached = this.signatories.get(id);
    if (cached) return cached;
    const bad = signatoryIdProblem(this.root, id);
    if (bad) throw new AppealError({ message: bad });
    const loaded = readSignatory(this.root, id);
    this.signatories.set(id, loaded);
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
    for (const key of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
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
