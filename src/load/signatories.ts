/**
 * Signatories: who signs a letter besides the organisation of appeal.yaml. One file per
 * signatory in the workspace's signatories/ (the id is the file name): a coalition with its
 * member organisations, co-signers with their roles, or a count of signers whose names are not
 * published. A signatory may bring its own letterhead and date style (seed 004's coalition).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppealError, type Problem } from '../errors.js';
import { loadDateStyle, type DateStyle } from '../domain/dates.js';
import { SIGNATORY_ID, signatorySchema, type Signatory } from './schema.js';
import { leavesWorkspace, outsideMessage } from './inside.js';
import { readYaml, type YamlSource } from './source.js';
import { check, didYouMean } from './check.js';

export interface LoadedSignatory {
  id: string;
  data: Signatory;
  source: YamlSource;
}

/** The ids of signatories/*.yaml. */
export function signatoryIds(root: string): string[] {
  const dir = join(root, 'signatories');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A problem for an id that names no signatory file, or undefined. */
export function signatoryIdProblem(root: string, id: string): string | undefined {
  if (!SIGNATORY_ID.test(id)) {
    return `'${id}' is not a signatory id: it is the file name in signatories/ without .yaml, lower-case letters, digits and '-'.`;
  }
  if (!existsSync(join(root, 'signatories', `${id}.yaml`))) {
    const known = signatoryIds(root);
    const hint = didYouMean(id, known) || (known.length ? ` The signatories are: ${known.join(', ')}.` : '');
    return `there is no signatory '${id}' (no signatories/${id}.yaml).${hint} Add the file, or name another signatory.`;
  }
  return undefined;
}

/** Reads and checks signatories/<id>.yaml (the id already checked); throws an AppealError naming each problem. */
export function readSignatory(root: string, id: string): LoadedSignatory {
  const shown = `signatories/${id}.yaml`;
  const out = leavesWorkspace(root, shown);
  if (out) throw new AppealError({ file: shown, message: outsideMessage(shown, out) });
  const source = readYaml(join(root, 'signatories', `${id}.yaml`), shown);
  const { value, problems } = check(source, signatorySchema);
  if (problems.length) throw new AppealError(problems);
  return { id, data: value!, source };
}

/** The signatory's own date style, or undefined to use the organisation's. */
export async function signatoryDates(s: LoadedSignatory): Promise<DateStyle | undefined> {
  if (!s.data.dates) return undefined;
  const { style, problem } = await loadDateStyle(s.data.dates);
  if (problem) throw new AppealError(s.source.problem(['dates', problem.key], problem.message));
  return style;
}

/** Every signatory file checked, date style included: for `appeal validate`. */
export async function signatoryProblems(root: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const id of signatoryIds(root)) {
    const bad = signatoryIdProblem(root, id);
    if (bad) {
      problems.push({ file: `signatories/${id}.yaml`, message: bad });
      continue;
    }
    try {
      await signatoryDates(readSignatory(root, id));
    } catch (e) {
      if (!(e instanceof AppealError)) throw e;
      problems.push(...e.problems);
    }
  }
  return problems;
}
