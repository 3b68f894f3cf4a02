/**
 * Page 1 of each golden letter, rendered as a person's PDF viewer shows it (poppler's pdftoppm),
 * against a stored image, with a small tolerance for anti-aliasing: typography cannot regress
 * unseen. Regenerate with `npm run golden` and look at the images before committing them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_LETTERS } from './golden-letters.js';
import { appeal, exampleCopy, REPO, tempDir } from './helpers.js';

const havePoppler = spawnSync('pdftoppm', ['-v']).status === 0;

/** Page 1 of a PDF as a grey PNG at 50 dpi. */
function page1(pdf: string): Buffer {
  const out = join(tempDir(), 'page');
  execFileSync('pdftoppm', ['-png', '-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
  return readFileSync(`${out}.png`);
}

/** Share of pixels that differ by more than a quarter of the grey scale, and the mean difference. */
function difference(a: PNG, b: PNG): { changed: number; mean: number } {
  let changed = 0;
  let total = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i]! - b.data[i]!);
    total += d;
    if (d > 64) changed++;
  }
  const pixels = a.data.length / 4;
  return { changed: changed / pixels, mean: total / pixels / 255 };
}

describe('golden pages', () => {
  for (const { name, args } of GOLDEN_LETTERS) {
    it(`page 1 of ${name}.pdf looks as reviewed`, (ctx) => {
      if (!havePoppler) {
        console.log('skipped: pdftoppm (Debian poppler-utils) is not installed; .ci/run installs it');
        return ctx.skip();
      }
      const dir = exampleCopy();
      const r = appeal(dir, 'new', ...args, '--format', 'pdf', '--json');
      expect(r.code).toBe(0);
      const actual = page1(join(dir, JSON.parse(r.stdout).files[0].path));
      const file = join(REPO, 'test', 'golden', `${name}.page1.png`);
      if (process.env.UPDATE_GOLDEN === '1' || (!existsSync(file) && !process.env.CI)) {
        mkdirSync(join(REPO, 'test', 'golden'), { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      const [a, b] = [PNG.sync.read(actual), PNG.sync.read(readFileSync(file))];
      expect([a.width, a.height], 'page size').toEqual([b.width, b.height]);
      const { changed, mean } = difference(a, b);
      expect(changed, `share of changed pixels against test/golden/${name}.page1.png (npm run golden if meant)`).toBeLessThan(0.00005);
      expect(mean).toBeLessThan(0.0005);
    });
  }
});
