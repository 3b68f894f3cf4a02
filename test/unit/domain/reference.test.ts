import { describe, expect, it } from 'vitest';
import { formatReference, parseReference, referenceFormatProblem } from '../../../src/domain/reference.js';

describe('reference numbers', () => {
  it('are written in the format of appeal.yaml', () => {
    expect(formatReference('{n}/{yyyy}', 475, '2007-12-23')).toBe('475/2007');
    expect(formatReference('HR-{yy}-{n:3}', 2, '2019-12-31')).toBe('HR-19-002');
    expect(formatReference('{n:3}', 1234, '2019-12-31')).toBe('1234');
  });

  it('are read back, with their year, and refused when they do not fit', () => {
    expect(parseReference('{n}/{yyyy}', '475/2007')).toEqual({ n: 475, yyyy: '2007' });
    expect(parseReference('HR-{yy}-{n:3}', 'HR-19-002')).toEqual({ n: 2, yy: '19' });
    expect(parseReference('{n}/{yyyy}', '475-2007')).toBeUndefined();
    expect(parseReference('{n}.{yyyy}', '475x2007')).toBeUndefined(); // '.' is literal, not any character
  });

  it('formats that cannot number letters apart are refused with a reason', () => {
    expect(referenceFormatProblem('{n}/{yyyy}', 'continuous')).toBeUndefined();
    expect(referenceFormatProblem('{yyyy}', 'continuous')).toMatch(/needs \{n\}/);
    expect(referenceFormatProblem('{n}{n}', 'continuous')).toMatch(/exactly once/);
    expect(referenceFormatProblem('{n}', 'yearly')).toMatch(/needs the year/);
    expect(referenceFormatProblem('{n}/{year}', 'continuous')).toMatch(/'\{year\}' is not a placeholder/);
  });
});
