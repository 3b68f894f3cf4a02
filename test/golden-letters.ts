/** The letters of the example workspace that are checked whole: text against a golden file, page 1 against a golden image. */
export const GOLDEN_LETTERS: { name: string; args: string[] }[] = [
  { name: 'seed-000-update', args: ['--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23'] },
  {
    name: 'seed-004-open-letter',
    args: ['--case', 'iran-political-prisoners', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-31'],
  },
  {
    name: 'seed-002-appeal',
    args: ['--case', 'october-2019-rallies', '--to', 'torture-bodies', '--kind', 'appeal', '--date', '2019-10-28'],
  },
  {
    name: 'seed-001-concern',
    args: ['--case', 'mehman-huseynov', '--to', 'president-azerbaijan', '--kind', 'concern', '--signed-by', 'hrhf', '--date', '2019-01-10'],
  },
  {
    // Seed 001 as the Committee writes it in Azerbaijani, from a case written in Azerbaijani.
    name: 'seed-001-concern-az',
    args: ['--case', 'mehman-huseynov-az', '--to', 'president-azerbaijan', '--kind', 'concern', '--lang', 'az', '--date', '2019-01-10'],
  },
];
