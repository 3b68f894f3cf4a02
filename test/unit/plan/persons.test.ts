import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../../src/load/schema.js';
import { parseYaml } from '../../../src/load/source.js';
import type { LoadedCase } from '../../../src/load/workspace.js';
import { caseName, namingProblems, printedPersons } from '../../../src/plan/persons.js';

function loaded(text: string): LoadedCase {
  const source = parseYaml('cases/a.yaml', text);
  const data = caseSchema.parse(source.data);
  const persons = data.person
    ? [{ person: data.person, path: ['person'] }]
    : (data.persons ?? []).map((person, i) => ({ person, path: ['persons', i] }));
  return { id: 'a', data, source, persons };
}

const GROUP = `persons:
  - {name: A One, status: detained, consent: public}
  - {name: B Two, status: detained, confidential: true}
  - {name: C Three, status: released, consent: government}
headline: H
`;

describe('whom a letter names', () => {
  it('every person not marked confidential, named together', () => {
    const c = loaded(GROUP);
    expect(printedPersons(c).map((p) => p.person.name)).toEqual(['A One', 'C Three']);
    expect(caseName(c)).toBe('A One and C Three');
  });

  it('a thematic case is named by its subject', () => {
    expect(caseName(loaded('subject: political prisoners in Iran\nheadline: H\n'))).toBe('political prisoners in Iran');
  });

  it('a communication needs no consent; a public letter refuses each person without consent: public, at the person', () => {
    const c = loaded(GROUP);
    expect(namingProblems(c, 'communication', false)).toEqual([]);
    const problems = namingProblems(c, 'open-letter', true);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'cases/a.yaml', line: 4, key: 'persons.2.consent' });
    expect(problems[0]!.message).toMatch(/^C Three would be named in this Open Letter, which is published, but the case records consent/);
  });

  it('a case whose every person is confidential needs a subject to be written at all', () => {
    const c = loaded('person: {name: A One, status: detained, confidential: true}\nheadline: H\n');
    expect(namingProblems(c, 'communication', false)[0]!.message).toMatch(/every person of 'a' is confidential/);
    expect(
      namingProblems(loaded('person: {name: A, status: detained, confidential: true}\nsubject: S\nheadline: H\n'), 'update', false),
    ).toEqual([]);
  });
});
