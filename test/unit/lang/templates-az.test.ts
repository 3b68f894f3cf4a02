/**
 * The Azerbaijani templates (templates/az/) as files: the same kinds and partials as the English
 * ones, compiling, reading only what the letter's context gives, with no English phrase and no
 * ending glued to a name. What they print is tested through the CLI in test/lang/az-letters.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { builtinTemplatesDir } from '../../../src/paths.js';
import { templateSource } from '../../../src/render/template.js';

const enDir = join(builtinTemplatesDir(), 'en');
const azDir = join(builtinTemplatesDir(), 'az');
const hbs = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort();
const source = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const parse = (dir: string, file: string) => Handlebars.parse(templateSource({ partial: file.startsWith('_') }, source(dir, file)));

interface Node {
  type?: string;
  original?: string;
  name?: { original?: string };
  [key: string]: unknown;
}

/** The context names a template reads ("person.name", "@root.persecutor" as "persecutor"), and the partials it calls. */
function uses(ast: unknown): { paths: Set<string>; partials: Set<string> } {
  const paths = new Set<string>();
  const partials = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'PartialStatement') partials.add(n.name!.original!);
    else if (n.type === 'PathExpression' && n.original && !['if', 'unless', 'each', 'with', 'join', 'eq'].includes(n.original))
      paths.add(n.original.replace(/^@root\./, ''));
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && !(n.type === 'PartialStatement' && key === 'name')) visit(value);
  };
  visit(ast);
  return { paths, partials };
}

// Names of the context (README, "Templates") that the Azerbaijani templates read and the English
// ones do not: Azerbaijani names the persons before "ilə bağlı" and describes each in a sentence of its own.
const MORE = ['names', 'label', 'person.name', 'descriptor', 'persecutor', 'descriptorLast'];

describe('templates/az', () => {
  it('has every template and partial the English built-in templates have, and no other', () => {
    expect(hbs(azDir)).toEqual(hbs(enDir));
  });

  const enPaths = new Set(hbs(enDir).flatMap((f) => [...uses(parse(enDir, f)).paths]));

  it.each(hbs(azDir))('%s compiles, calls only its own partials and reads only names of the letter context', (file) => {
    const { paths, partials } = uses(parse(azDir, file));
    for (const p of partials) expect(hbs(azDir), p).toContain(`_${p}.hbs`);
    expect([...paths].filter((p) => !enPaths.has(p) && !MORE.includes(p))).toEqual([]);
  });

  // (several and thematic are the grammar's to use: "names" is the subject when no one is named.)
  it.each(hbs(azDir))('%s uses the switches of the layout its English twin uses', (file) => {
    const { paths } = uses(parse(azDir, file));
    for (const s of ['datedEvents', 'sourcePhrase', 'closingPhrase', 'events', 'demands', 'deadline', 'body', 'closing', 'cc']) {
      if (uses(parse(enDir, file)).paths.has(s)) expect(paths.has(s), s).toBe(true);
    }
  });

  it.each(hbs(azDir))('%s leaves no English phrase', (file) => {
    const text = source(azDir, file)
      .replace(/\{\{!--[\s\S]*?--\}\}/g, ' ')
      .replace(/\{\{[^}]*\}\}/g, ' ');
    for (const word of [
      'Dear',
      'Yours',
      'Please',
      'Further',
      'No.',
      'Date:',
      'CC:',
      'Source',
      'see our',
      'The facts',
      'We ',
      'should',
      'Signed',
    ]) {
      expect(text, word).not.toContain(word);
    }
  });

  it.each(hbs(azDir))('%s glues no ending to a name: what follows a value is a space, a mark or the end', (file) => {
    // "{{name}}-un" or "{{persecutor}}in" would inflect a name, which appeal cannot do right.
    const text = source(azDir, file).replace(/\{\{!--[\s\S]*?--\}\}/g, ' ');
    expect(text).not.toMatch(/\{\{(?!else\b)[^#/>!~^][^}]*\}\}[-'’]?\p{L}/u);
  });
});
