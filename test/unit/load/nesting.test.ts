import { describe, expect, it } from 'vitest';
import { AppealError } from '../../../src/errors.js';
import { parseYaml } from '../../../src/load/source.js';

/** The first problem parseYaml finds in a text, or 'ok'. */
function said(text: string): string {
  try {
    parseYaml('x.yaml', text);
    return 'ok';
  } catch (e) {
    if (!(e instanceof AppealError)) throw e;
    const p = e.problems[0]!;
    return `${p.line}:${p.col} ${p.message}`;
  }
}

// A text is walked for its nesting only when it could nest too deep (more than 32 brackets, or a
// run of more than 128 spaces): what the walk finds must not change.
describe('nesting limits', () => {
  it('finds brackets nested past the limit', () => {
    expect(said(`a: ${'['.repeat(33)}1${']'.repeat(33)}\n`)).toMatch(/^1:36 brackets nest more than 32 levels deep here/);
    expect(said(`a: ${'{b: '.repeat(33)}1${'}'.repeat(33)}\n`)).toMatch(/^1:132 brackets nest more than 32 levels deep here/);
  });

  it('finds a line indented past the limit', () => {
    expect(said(`a:\n${' '.repeat(129)}b: 1\n`)).toMatch(/^2:1 this line is indented 129 columns/);
    expect(said(`a:\n${' '.repeat(128)}b: 1\n`)).toBe('ok');
  });

  it('takes many brackets side by side, or in quotes or comments', () => {
    expect(said(`a: [${Array.from({ length: 40 }, (_, i) => `[${i}]`).join(', ')}]\n`)).toBe('ok');
    expect(said(`a: '${'['.repeat(40)}'\n# ${'{'.repeat(40)}\nb: "${' '.repeat(200)}"\n`)).toBe('ok');
  });
});
