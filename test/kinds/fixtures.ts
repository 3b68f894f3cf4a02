/** Case files and signatories written from the seeds, for the tests of the kinds of letter. */
import { config } from '../helpers.js';

export const AZ = 'Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması';
export const EN = 'Cooperation Platform of Azerbaijani Political Parties';
export const FA = 'پلتفرم همکاری سازمانهای سیاسی آذربایجان';

/** Seed 004's coalition: its own letterhead in three scripts and US dates. */
export const PLATFORM = [
  'name: Cooperation Platform of (South) Azerbaijani Political Parties',
  'letterhead:',
  `  - ${AZ}`,
  `  - ${EN}`,
  `  - ${FA}`,
  'dates:',
  '  format: MMMM d, yyyy',
  '  locale: en-US',
  'members:',
  '  - Azerbaijan Students Movement',
  '  - Azerbaijan National Resistance Organization',
  '  - South Azerbaijan Democratic Party',
  '',
].join('\n');

/** Seed 004: a thematic case, no one named. */
export const THEMATIC = [
  'subject: Political Prisoners in Iran during the Coronavirus Outbreak',
  'headline: Political prisoners in Iran at risk of the coronavirus',
  'persecutor: Iranian authorities',
  'signed-by: platform',
  'events:',
  '  - date: 2020-03-20',
  '    text: Riots broke out in a number of prisons and many prisoners tried to escape.',
  '    source: Radio Farda',
  'body:',
  '  - Health care system of Iran has not the capacity of bear such a wide crisis.',
  '  - Families of prisoners and human rights activists are very worried about prisoners lives.',
  'demands:',
  '  - We urgently demand your Excellencies to put pressure on Iranian authorities to free political prisoners.',
  '',
].join('\n');

/** Seed 002 and 003: a case about three persons, each with consent to be named in public. */
export const GROUP = [
  'persons:',
  '  - name: Tofig Yagublu',
  '    honorific: Mr.',
  '    status: detained',
  '    detention: Baku Pre-trial Detention Centre No. 1',
  '    consent: public',
  '  - name: Leyla Yunus',
  '    honorific: Mrs.',
  '    aliases: [Leyla Younus]',
  '    status: detained',
  '    consent: public',
  '  - name: Intigam Aliyev',
  '    honorific: Mr.',
  '    status: sentenced',
  '    consent: public',
  'subject: Political prisoners in Azerbaijan',
  'headline: Human rights defenders imprisoned for their work',
  'persecutor: Azerbaijani authorities',
  'concerns: [human-rights-defenders, arbitrary-detention]',
  'body:',
  '  - The joint working group includes members who have stated that there are no political prisoners in Azerbaijan.',
  'events:',
  '  - date: 2014-10-24',
  '    text: The Nasimi District Court of Baku extended the detention of Mrs. Yunus to 28 February 2015.',
  '    source: {person: her lawyer}',
  '  - date: 2014-11-13',
  '    text: Family members of political prisoners received the Andrei Sakharov Freedom Award in Oslo.',
  '    source: Norwegian Helsinki Committee',
  'demands:',
  '  - who: The Secretary General of the Council of Europe',
  '    text: call on the Azerbaijani authorities to release every political prisoner',
  '    by: 2015-01-31',
  '  - The joint working group should include independent voices.',
  'deadline: 2015-02-28',
  '',
].join('\n');

/** Seed 001: one person, two spellings, demands and a deadline. */
export const CONCERN = [
  'person:',
  '  name: Mehman Huseynov',
  '  honorific: Mr.',
  '  aliases: [Mekhman Guseinov]',
  '  descriptor: a blogger who reported on corruption in Azerbaijan',
  '  status: sentenced',
  '  consent: public',
  'headline: An Azerbaijani blogger imprisoned for his reporting',
  'persecutor: Azerbaijani authorities',
  'concerns: [expression, torture]',
  'events:',
  '  - date: 2018-12-26',
  '    text: On 26 December 2018, Mr. Huseynov went on a hunger strike in the colony.',
  '    source: Caucasian Knot',
  '  - date: 2019-01-05',
  '    text: On 5 January 2019, Mr. Huseynov was moved to the colony hospital.',
  '    source: Caucasian Knot',
  'body:',
  '  - Mr. Huseynov’s statements about his kidnapping and torture have not been investigated.',
  'demands:',
  '  - The new charges against Mr. Huseynov should be dropped.',
  '  - Independent doctors should assess his health after the hunger strike.',
  '  - text: Mr. Huseynov should be released',
  '    by: 2019-03-02',
  '',
].join('\n');

/** A workspace's files with the seeds' cases and signatories; text letters only. */
export function seedFiles(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'appeal.yaml': config(),
    'signatories/platform.yaml': PLATFORM,
    'signatories/activists.yaml':
      'name: Azerbaijani civil society activists\ncount: more than 20 human rights defenders and public figures\n',
    'cases/iran.yaml': THEMATIC,
    'cases/defenders.yaml': GROUP,
    'cases/huseynov.yaml': CONCERN,
    ...extra,
  };
}

/** Whitespace as one space, for sentences wrapped across lines. */
export const flat = (s: string): string => s.replace(/\s+/g, ' ');
