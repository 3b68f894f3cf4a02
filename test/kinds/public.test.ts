/**
 * The public kinds of letter (open letter, appeal, letter of concern), each to several
 * recipients at once, on dates in different years, for a group case, a thematic case and a
 * case about one person known under two spellings.
 */
import { describe, expect, it } from 'vitest';
import { appeal, read, snapshot, workspace } from '../helpers.js';
import { AZ, FA, flat, seedFiles } from './fixtures.js';

const dry = (dir: string, ...args: string[]) => {
  const r = appeal(dir, 'new', ...args, '--dry-run', '--format', 'txt');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('open letter (seed 004)', () => {
  it('a thematic case to the Secretary-General and the HRC members, signed by a coalition with its own letterhead and dates', () => {
    const dir = workspace(seedFiles());
    const text = dry(dir, '--case', 'iran', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-31');
    expect(text).toContain(AZ);
    expect(text).toContain(FA);
    expect(text).not.toContain('Test Committee'); // the coalition's letterhead, not the organisation's
    expect(flat(text)).toContain(
      'Open Letter to United Nations Secretary-General Mr. António Guterres and Member States of the UN Human Rights ' +
        'Council about Political Prisoners in Iran during the Coronavirus Outbreak',
    );
    expect(text).toMatch(/^March 31, 2020$/m);
    expect(text).toMatch(/^Dear Excellencies,$/m);
    expect(text).toContain('Health care system of Iran');
    expect(flat(text)).toContain(
      'We urgently demand your Excellencies to put pressure on Iranian authorities to free political prisoners.',
    );
    expect(flat(text)).toMatch(
      /Respectfully, Cooperation Platform of \(South\) Azerbaijani Political Parties • Azerbaijan Students Movement • Azerbaijan National Resistance Organization • South Azerbaijan Democratic Party/,
    );
    expect(text).not.toContain('A. Tester'); // the coalition signs, not appeal.yaml's signatory
    expect(text).not.toContain('No.:');
  });

  it('the office-holder of the letter’s date: Ban Ki-moon in 2015', () => {
    const dir = workspace(seedFiles());
    const text = dry(dir, '--case', 'iran', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2015-06-01');
    expect(flat(text)).toContain('Open Letter to United Nations Secretary-General Mr. Ban Ki-moon and Member States');
    expect(text).toMatch(/^June 1, 2015$/m);
  });

  it('is issued for real: numbered in the same register, listed by log, valid', () => {
    const dir = workspace(seedFiles());
    const r = appeal(dir, 'new', '--case', 'iran', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-31', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      reference: '1/2020',
      kind: 'open-letter',
      recipients: ['un-secretary-general', 'hrc-members'],
    });
    expect(read(dir, 'out/2020/1-iran-open-letter.txt')).toContain('Dear Excellencies,');
    expect(appeal(dir, 'log').stdout).toMatch(/^1\/2020\s+2020-03-31\s+iran\s+Open Letter/);
    expect(appeal(dir, 'validate').code).toBe(0);
  });
});

describe('collective appeal (seed 002)', () => {
  it('to CAT and CPT at once, with numbered demands and signers counted, not named', () => {
    const dir = workspace(seedFiles());
    const text = dry(dir, '--case', 'iran', '--to', 'cat,cpt', '--kind', 'appeal', '--signed-by', 'activists', '--date', '2019-10-28');
    expect(text).toContain('The UN Committee against Torture');
    expect(text).toContain('(CPT)');
    expect(text).toMatch(/^No\.: 1\/2019$/m);
    expect(text).toMatch(/^ {2}1\) We urgently demand/m);
    expect(flat(text)).toContain('Azerbaijani civil society activists Signed by more than 20 human rights defenders and public figures.');
  });

  it('a group case to the CoE Secretary General and member states: names joined, aliases at first mention, who and by when', () => {
    const dir = workspace(seedFiles());
    const text = flat(dry(dir, '--case', 'defenders', '--to', 'coe', '--kind', 'appeal', '--date', '2014-11-20'));
    expect(text).toContain('Mr. Thorbjørn Jagland, Secretary General of the Council of Europe');
    expect(text).toContain('Council of Europe member states');
    expect(text).toContain('Dear Excellencies,');
    expect(text).toContain(
      '1) The Secretary General of the Council of Europe should call on the Azerbaijani authorities to release every ' +
        'political prisoner no later than 31 January 2015.',
    );
    expect(text).toContain('2) The joint working group should include independent voices.');
    expect(text).toContain('We ask that these steps be taken no later than 28 February 2015.');
    // A person's source and a publication, each worded as what it is.
    expect(text).toContain('extended the detention of Mrs. Yunus to 28 February 2015. (according to her lawyer)');
    expect(text).toContain('Freedom Award in Oslo. (published in the reliable source Norwegian Helsinki Committee)');
    expect(text).toContain('A. Tester Secretary'); // no signatory chosen: appeal.yaml's own
  });

  it('five years later the Secretary General is another person', () => {
    const dir = workspace(seedFiles());
    const text = flat(dry(dir, '--case', 'iran', '--to', 'coe', '--kind', 'appeal', '--date', '2020-01-10', '--signed-by', 'activists'));
    expect(text).toContain('Ms. Marija Pejčinović Burić, Secretary General of the Council of Europe');
  });
});

describe('letter of concern (seed 001)', () => {
  it('to the President of Azerbaijan: "Your Excellency,", the alias after the name, demands and a deadline', () => {
    const dir = workspace(seedFiles());
    const text = flat(dry(dir, '--case', 'huseynov', '--to', 'president-azerbaijan', '--kind', 'concern', '--date', '2019-01-10'));
    expect(text).toContain('Mr. Ilham Aliyev, President of the Republic of Azerbaijan');
    expect(text).toContain('Your Excellency,');
    expect(text).toContain(
      'the case of Mr. Mehman Huseynov (also written Mekhman Guseinov), a blogger who reported on corruption in Azerbaijan.',
    );
    expect(text).toContain('3) Mr. Huseynov should be released no later than 2 March 2019.');
    expect(text).toContain('The facts, published in the reliable source Caucasian Knot, are:');
  });

  it('the President of 2002 is Heydar Aliyev; with another body, the greeting is for Excellencies', () => {
    const dir = workspace(seedFiles());
    const text = flat(
      dry(dir, '--case', 'defenders', '--to', 'president-azerbaijan,coe-member-states', '--kind', 'concern', '--date', '2002-05-01'),
    );
    expect(text).toContain('Mr. Heydar Aliyev, President of the Republic of Azerbaijan');
    expect(text).toContain('Council of Europe member states');
    expect(text).toContain('Dear Excellencies,');
  });

  it('names a group as "Mr. A, Mrs. B and Mr. C", with the alias at first mention', () => {
    const dir = workspace(seedFiles());
    const text = flat(dry(dir, '--case', 'defenders', '--to', 'president-azerbaijan', '--kind', 'concern', '--date', '2014-11-20'));
    expect(text).toContain('the case of Mr. Tofig Yagublu, Mrs. Leyla Yunus (also written Leyla Younus) and Mr. Intigam Aliyev.');
  });
});

describe('aliases and groups in the confidential letters too', () => {
  it('a communication names every person with the alias at first mention, their status and place of detention', () => {
    const dir = workspace(seedFiles());
    const text = flat(dry(dir, '--case', 'defenders', '--to', 'un-rapporteurs', '--date', '2014-11-20'));
    expect(text).toContain(
      'the case of Mr. Tofig Yagublu, Mrs. Leyla Yunus (also written Leyla Younus) and Mr. Intigam Aliyev, who are ' +
        'persecuted arbitrarily by Azerbaijani authorities. Tofig Yagublu is detained. Place of detention: Baku Pre-trial ' +
        'Detention Centre No. 1. Leyla Yunus is detained. Intigam Aliyev has been sentenced.',
    );
    expect(text).toContain('safeguard the rights of Mr. Tofig Yagublu, Mrs. Leyla Yunus and Mr. Intigam Aliyev, and thank you');
    expect(text).toContain('Political prisoners in Azerbaijan Human rights defenders imprisoned for their work');
  });

  it('an update names the alias at first mention', () => {
    const dir = workspace(seedFiles());
    expect(appeal(dir, 'new', '--case', 'huseynov', '--to', 'un-rapporteurs', '--date', '2018-12-27').code).toBe(0);
    const text = flat(dry(dir, '--case', 'huseynov', '--to', 'un-rapporteurs', '--date', '2019-01-10'));
    expect(text).toContain('Update No 1 to safeguard the human rights of Mr. Mehman Huseynov (also written Mekhman Guseinov), a blogger');
  });

  it('a thematic case as a communication: the subject in place of a name; no concerns to circulate to is an error', () => {
    const dir = workspace(seedFiles());
    const none = appeal(dir, 'new', '--case', 'iran', '--to', 'un-rapporteurs', '--date', '2020-03-31', '--dry-run');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^cases\/iran\.yaml:\d+:\d+: concerns: un-rapporteurs circulates a letter to the Special Procedures/m);
    const with2 = workspace(seedFiles({ 'cases/iran.yaml': seedFiles()['cases/iran.yaml'] + 'concerns: [iran, health]\n' }));
    const text = flat(dry(with2, '--case', 'iran', '--to', 'un-rapporteurs', '--date', '2020-03-31'));
    expect(text).toContain(
      'the case of Political Prisoners in Iran during the Coronavirus Outbreak, who are persecuted arbitrarily by Iranian authorities.',
    );
    expect(text).toContain('Please circulate this Communication to the Special Rapporteur on the situation of human rights in the Islamic');
  });
});

describe('nothing is written by a dry run of any kind', () => {
  it('open letter, appeal and concern leave the workspace as it was', () => {
    const dir = workspace(seedFiles());
    const before = snapshot(dir);
    dry(dir, '--case', 'iran', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-31');
    dry(dir, '--case', 'defenders', '--to', 'coe', '--kind', 'appeal', '--date', '2014-11-20');
    dry(dir, '--case', 'huseynov', '--to', 'president-azerbaijan', '--kind', 'concern', '--date', '2019-01-10');
    expect(snapshot(dir)).toEqual(before);
  });
});
