/**
 * Events as the seed writes them (issue 9): citations placed where the text marks them, the
 * date as a lead only when the workspace wants it, sources worded as what they are.
 */
import { describe, expect, it } from 'vitest';
import { appeal, config, workspace } from '../helpers.js';
import { flat } from './fixtures.js';

const entry = (n: number, date: string, kase: string) =>
  `reference: ${n}/${date.slice(0, 4)}\nnumber: ${n}\ndate: ${date}\ncase: ${kase}\nkind: communication\n`;

const other = (name: string) => `person: {name: ${name}, status: detained}\nheadline: A prisoner\nconcerns: [torture]\n`;

function files(events: string, dates = ''): Record<string, string> {
  return {
    'appeal.yaml': config() + dates,
    'cases/seferi.yaml': other('Mr. and Mrs. Seferi'),
    'cases/qenilu.yaml': other('Jelil Qenilu'),
    'cases/metinpur.yaml': `person: {name: Seid Metinpur, honorific: Mr., status: detained}\nheadline: A prisoner\nconcerns: [torture]\nevents:\n${events}`,
    'register/463.yaml': entry(463, '2007-09-07', 'seferi'),
    'register/457.yaml': entry(457, '2007-07-04', 'qenilu'),
  };
}

const letter = (dir: string) => {
  const r = appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--dry-run', '--format', 'txt');
  expect(r.stderr).toBe('');
  return flat(r.stdout);
};

describe('citations where the text places them', () => {
  it('[[seferi]] and [[qenilu]] become the citations inside the sentence, the second without repeating "see our Communication"', () => {
    const dir = workspace(
      files(
        '  - date: 2007-12-17\n    text: Mr. and Mrs Seferi [[seferi]] and Mr. Jelil Qenilu [[qenilu]] were visited.\n    source: Haqqimiz\n',
      ),
    );
    expect(letter(dir)).toContain(
      'Mr. and Mrs Seferi (see our Communication Ref: 463/2007; Date: 7 September 2007) and Mr. Jelil Qenilu ' +
        '(Ref: 457/2007; Date: 4 July 2007) were visited.',
    );
  });

  it('an event without a mark keeps its citations appended; a case both marked and listed is cited once', () => {
    const dir = workspace(
      files(
        '  - date: 2007-12-17\n    text: The families were visited.\n    see: [seferi, qenilu]\n' +
          '  - date: 2007-12-18\n    text: Mr. Qenilu [[qenilu]] was moved.\n    see: [qenilu]\n',
      ),
    );
    const text = letter(dir);
    expect(text).toContain(
      'The families were visited. (see our Communication on Mr. and Mrs. Seferi, Ref: 463/2007; Date: 7 September 2007; ' +
        'Communication on Jelil Qenilu, Ref: 457/2007; Date: 4 July 2007)',
    );
    expect(text).toContain('Mr. Qenilu (see our Communication Ref: 457/2007; Date: 4 July 2007) was moved.');
    expect(text.match(/457\/2007/g)).toHaveLength(2);
  });

  it.each([
    ['a case that does not exist', '[[nobody]]', "[[nobody]] cites no case: there is no case 'nobody'"],
    ['a mark that is not a case id', '[[Seferi]]', "[[Seferi]] cites no case: 'Seferi' is not a case id"],
  ])('%s is a located error in new and in validate', (_what, mark, message) => {
    const dir = workspace(files(`  - date: 2007-12-17\n    text: The Seferis ${mark} were visited.\n`));
    const r = appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cases/metinpur.yaml:6:11: events.0.text: ${message}`);
    const v = appeal(dir, 'validate');
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`cases/metinpur.yaml:6:11: events.0.text: ${message}`);
  });

  it('a mark on a case the register never wrote about says so, at the event', () => {
    const dir = workspace({
      ...files('  - date: 2007-12-17\n    text: Mr. Other [[other]] was visited.\n'),
      'cases/other.yaml': other('Mr. Other'),
    });
    const r = appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cases\/metinpur\.yaml:6:11: events\.0\.text: the register holds no communication on 'other'/);
  });
});

describe('the date as the lead of an event, a choice of appeal.yaml', () => {
  const events = '  - date: 2007-12-17\n    text: On 17 December 2007 the families were visited.\n';

  it('by default each event opens with its date', () => {
    expect(letter(workspace(files(events)))).toContain('• 17 December 2007: On 17 December 2007 the families were visited.');
  });

  it('letters.dated-events: false leaves the date to the sentence, as seed 000 writes it', () => {
    const text = letter(workspace(files(events, 'letters:\n  dated-events: false\n')));
    expect(text).toContain('• On 17 December 2007 the families were visited.');
  });
});

describe('sources worded as what they are (data/phrases.yaml)', () => {
  it('a person is "according to", a publication "published in", shared or per event', () => {
    const person = letter(workspace(files('  - date: 2007-12-17\n    text: He was moved.\n    source: {person: her lawyer}\n')));
    expect(person).toContain('The facts, according to her lawyer, are:');
    expect(person).not.toContain('published in the reliable source her lawyer');
    const both = letter(
      workspace(
        files(
          '  - date: 2007-12-17\n    text: He was moved.\n    source: {person: his brother}\n' +
            '  - date: 2007-12-18\n    text: He was beaten.\n    source: {publication: Haqqimiz}\n',
        ),
      ),
    );
    expect(both).toContain('The facts are:');
    expect(both).toContain('He was moved. (according to his brother)');
    expect(both).toContain('He was beaten. (published in the reliable source Haqqimiz)');
  });

  it('a confidential source is never named, and its fact is printed', () => {
    const text = letter(
      workspace(files('  - date: 2007-12-17\n    text: He was moved.\n    source: {person: Hidden Witness, confidential: true}\n')),
    );
    expect(text).toContain('He was moved.');
    expect(text).not.toContain('Hidden Witness');
    expect(text).toContain('The facts are:');
  });
});
