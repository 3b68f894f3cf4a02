import { describe, expect, it } from 'vitest';
import { citationMarks } from '../../../src/load/workspace.js';
import { placeCitations } from '../../../src/render/compose.js';

const cite = (label: string, reference: string, date: string) => ({ caseId: 'x', name: 'X', label, reference, date });
const fmt = (iso: string) => `[${iso}]`;

describe('citations placed in case text', () => {
  it('finds the marks in order', () => {
    expect(citationMarks('A [[seferi]] and B [[ qenilu ]] and [not] [[x')).toEqual(['seferi', 'qenilu']);
  });

  it('the first names the letter, a later one of the same kind only its reference and date', () => {
    const text = placeCitations(
      'A [[a]], B [[b]] and C [[c]].',
      [
        cite('Communication', '1/2007', '2007-01-01'),
        cite('Communication', '2/2007', '2007-02-01'),
        cite('Update No 2', '3/2007', '2007-03-01'),
      ],
      fmt,
    );
    expect(text).toBe(
      'A (see our Communication Ref: 1/2007; Date: [2007-01-01]), B (Ref: 2/2007; Date: [2007-02-01]) and ' +
        'C (see our Update No 2 Ref: 3/2007; Date: [2007-03-01]).',
    );
  });

  it('a text without marks is unchanged', () => {
    expect(placeCitations('No marks here.', [], fmt)).toBe('No marks here.');
  });
});
