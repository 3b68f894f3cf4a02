// No line of src/ longer than Prettier's printWidth: Prettier wraps code but leaves long strings
// and comments alone, so this catches what it cannot.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const limit = JSON.parse(readFileSync(join(root, '.prettierrc.json'), 'utf8')).printWidth;
const files = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const long = [];
for (const file of files(join(root, 'src')).filter((f) => f.endsWith('.ts'))) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if ([...line].length > limit) long.push(`${relative(root, file)}:${i + 1}: ${[...line].length} columns`);
    });
}
if (long.length) {
  console.error(`Lines over ${limit} columns in src/ (split the string or the comment):\n${long.join('\n')}`);
  process.exit(1);
}
