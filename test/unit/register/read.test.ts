import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/load/schema.js';
import { readRegister } from '../../../src/register/read.js';
import { serialiseEntry } from '../../../src/register/entry.js';
import { tempDir } from '../../helpers.js';

const config = { references: { format: '{n}/{yyyy}', counter: 'yearly', start: 1 } } as Config;

// The entry files are listed with their types from the folder listing (no lstat each): links,
// to a file or a folder, are still refused and never followed; folders are still walked, in order.
describe('readRegister', () => {
  const root = tempDir('appeal-read-register-');
  const entry = (number: number, date: string) =>
    serialiseEntry({ reference: `${number}/${date.slice(0, 4)}`, number, date, case: 'p0', kind: 'communication', recipients: [], events: [], files: [], external: false });
  const register = join(root, 'register');
  mkdirSync(join(register, '2020'), { recursive: true });
  mkdirSync(join(register, '2021'));
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(register, '2020', '1.yaml'), entry(1, '2020-01-05'));
  writeFileSync(join(register, '2020', '2.yaml'), entry(2, '2020-03-05'));
  writeFileSync(join(register, '2021', '1.yaml'), entry(1, '2021-01-05'));
  writeFileSync(join(register, '2020', 'notes.txt'), 'not an entry');
  writeFileSync(join(register, '.lock'), '');
  writeFileSync(join(root, 'elsewhere', '3.yaml'), entry(3, '2020-04-01'));
  symlinkSync(join(root, 'elsewhere', '3.yaml'), join(register, '2020', 'b-3.yaml'));
  symlinkSync(join(root, 'elsewhere', '3.yaml'), join(register, '2020', 'a-3.yaml'));
  symlinkSync(join(root, 'elsewhere'), join(register, '2022'));

  it('reads the entries of every folder and refuses every link, in name order', () => {
    const read = readRegister(root, config);
    expect(read.entries.map((e) => e.file)).toEqual(['register/2020/1.yaml', 'register/2020/2.yaml', 'register/2021/1.yaml']);
    expect(read.problems.map((p) => `${p.file}: ${p.message.split(':')[0]}`)).toEqual([
      'register/2020/a-3.yaml: this is a symbolic link',
      'register/2020/b-3.yaml: this is a symbolic link',
      'register/2022: this is a symbolic link',
    ]);
  });
});
