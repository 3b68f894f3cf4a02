/** The letters of the example workspace that are checked whole: text against a golden file, page 1 against a golden image. */
export const GOLDEN_LETTERS: { name: string; args: string[] }[] = [
  { name: 'seed-000-update', args: ['--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23'] },
];
