/**
 * A register entry: one YAML file per communication issued, named by its number
 * (register/475.yaml; register/2008/1.yaml for a yearly counter). Its path, its text (stable key
 * order, so the same entry is the same bytes) and how a file is read back and checked.
 */
import { Schema, stringify } from 'yaml';
import { AppealError, type Problem } from '../errors.js';
import { parseReference } from '../domain/reference.js';
import { entrySchema, type Config, type Entry } from '../load/schema.js';
import { parseYaml, type YamlSource } from '../load/source.js';
import { check } from '../load/check.js';

export interface RegisteredEntry extends Entry {
  /** The entry's file, relative to the workspace. */
  file: string;
  source: YamlSource;
}

/** The path of an entry's file inside register/, from its number and date. */
export function entryPath(config: Config, number: number, date: string): string {
  return config.references.counter === 'yearly' ? `${date.slice(0, 4)}/${number}.yaml` : `${number}.yaml`;
}

/** The numbering sequence an entry belongs to: all of them, or its year. */
export function sequenceOf(config: Config, entry: Entry): string {
  return config.references.counter === 'yearly' ? entry.date.slice(0, 4) : 'all';
}


export function parseEntry(rel: string, text: string, config: Config): { entry?: RegisteredEntry; problems: Problem[] } {
  const shown = `register/${rel}`;
  const marker = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
  if (marker) {
    const line = text.slice(0, marker.index).split('\n').length;
    return {
      problems: [
        {
          file: shown,
          line,
          col: 1,
          message:
            'this entry holds git conflict markers: two branches issued this number. Keep one entry here, and record ' +
            'the other communication again with `appeal register add` under the next free number.',
        },
      ],
    };
  }
  let source: YamlSource;
  try {
    source = parseYaml(shown, text);
  } catch (e) {
    if (e instanceof AppealError) return { problems: e.problems };
    throw e;
  }
  const { value, problems } = check(source, entrySchema);
  if (!value) return { problems };
  const expected = entryPath(config, value.number, value.date);
  if (rel !== expected && rel !== `${value.number}.yaml`) {
    problems.push(
      source.problem(['number'], `this entry holds number ${value.number} but its file is ${shown}: rename it to register/${expected}.`),
    );
  }
  const parsed = parseReference(config.references.format, value.reference);
  if (!parsed) {
    problems.push(
      source.problem(
        ['reference'],
        `the reference ${value.reference} does not fit references.format '${config.references.format}' of appeal.yaml: ` +
          'correct the reference here, or the format in appeal.yaml if it changed.',
      ),
    );
  } else if (parsed.n !== value.number) {
    const why = `the number ${value.number} does not match the reference ${value.reference}: correct one of them.`;
    problems.push(source.problem(['number'], why));
  }
  value.files.forEach((f, i) => {
    const norm = f.path.split('\\').join('/');
    if (norm.startsWith('/') || /^[a-zA-Z]:/.test(norm) || norm.split('/').includes('..')) {
      problems.push(
        source.problem(
          ['files', i, 'path'],
          `'${f.path}' leaves the workspace: a letter's file is recorded relative to the workspace ` +
            '(out/2007/475-case-update-3.txt). Correct the path.',
        ),
      );
    }
  });
  return { entry: { ...value, file: shown, source }, problems };
}

/** The register's file text for an entry: stable key order, so the same entry is the same bytes. */
export function serialiseEntry(entry: Entry): string {
  const ordered: Record<string, unknown> = {
    reference: entry.reference,
    number: entry.number,
    date: entry.date,
    case: entry.case,
    kind: entry.kind,
  };
  if (entry.update !== undefined) ordered.update = entry.update;
  if (entry.language !== undefined) ordered.language = entry.language;
  ordered.recipients = entry.recipients;
  ordered.events = entry.events;
  ordered.files = entry.files;
  if (entry.external) ordered.external = true;
  return plainText(ordered) ?? stringify(ordered, { lineWidth: 0 });
}

/**
 * The scalars YAML's writer prints as they are: a word of letters, digits and `_./-` that does
 * not read back as a number, a boolean or null (the tests of YAML's own core schema).
 */
const PLAIN = /^[A-Za-z0-9][\w./-]*$/;
const otherScalars = new Schema({}).tags.flatMap((t) => (t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test ? [t.test] : []));
const plain = (v: unknown): string | undefined => {
  if (typeof v === 'string') return PLAIN.test(v) && !otherScalars.some((re) => re.test(v)) ? v : undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : undefined;
  return v === true ? 'true' : undefined;
};

/**
 * An entry's text written directly, as YAML's writer lays it out (block maps and sequences,
 * sequences indented under their key); undefined when a value is not plain, for the writer to
 * quote. The writer took 0.18 ms an entry, a tenth of a text letter in a batch; the unit tests
 * hold the two to the same bytes.
 */
function plainText(ordered: Record<string, unknown>): string | undefined {
  let out = '';
  for (const [key, value] of Object.entries(ordered)) {
    if (!Array.isArray(value)) {
      const v = plain(value);
      if (v === undefined) return undefined;
      out += `${key}: ${v}\n`;
      continue;
    }
    if (value.length === 0) {
      out += `${key}: []\n`;
      continue;
    }
    out += `${key}:\n`;
    for (const item of value as unknown[]) {
      if (item === null || typeof item !== 'object') {
        const v = plain(item);
        if (v === undefined) return undefined;
        out += `  - ${v}\n`;
        continue;
      }
      const fields = Object.entries(item).filter(([, v]) => v !== undefined);
      if (fields.length === 0) return undefined;
      let lead = '  - ';
      for (const [k, field] of fields) {
        const v = plain(field);
        if (v === undefined || !PLAIN.test(k)) return undefined;
        out += `${lead}${k}: ${v}\n`;
        lead = '    ';
      }
    }
  }
  return out;
}

/** An entry as the register holds it once recorded (for a run that goes on after recording it). */
export function asRegistered(config: Config, entry: Entry): RegisteredEntry {
  const file = `register/${entryPath(config, entry.number, entry.date)}`;
  let source: YamlSource | undefined;
  // Its YAML, with positions, is needed only to point at a problem in it: parsed on first use.
  return Object.defineProperty({ ...entry, file } as RegisteredEntry, 'source', {
    get: () => (source ??= parseYaml(file, serialiseEntry(entry))),
    enumerable: false,
  });
}

