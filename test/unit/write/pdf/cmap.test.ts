// The cmap reader a dry run checks characters with must give fontkit's answer for every code
// point, through its format 12 subtable and (the 32-bit subtables hidden) its format 4 one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cmapCoverage } from '../../../../src/write/pdf/cmap.js';
import { defaultFonts } from '../../../../src/write/pdf/index.js';

const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } };
const files = defaultFonts().flatMap((f) => [f.regular, f.bold!, f.italic!, f.boldItalic!]);

/** The same font with its (3,10) and (0,4)/(0,6) subtables renamed (9,9): only 16-bit ones left. */
function only16(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  let cmap = 0;
  for (let i = 0; i < out.readUInt16BE(4); i++)
    if (out.toString('latin1', 12 + i * 16, 16 + i * 16) === 'cmap') cmap = out.readUInt32BE(20 + i * 16);
  for (let i = 0; i < out.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const [p, e] = [out.readUInt16BE(rec), out.readUInt16BE(rec + 2)];
    if ((p === 3 && e === 10) || (p === 0 && (e === 4 || e === 6))) out.writeUInt32BE(0x00090009, rec);
  }
  return out;
}

function differences(buf: Buffer): number[] {
  const ours = cmapCoverage(buf)!;
  const theirs = fontkit.create(buf);
  const differ: number[] = [];
  for (let cp = 0; cp < 0x30000; cp++) if (ours(cp) !== theirs.hasGlyphForCodePoint(cp)) differ.push(cp);
  return differ;
}

describe('cmapCoverage', () => {
  it.each(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s: fontkit’s answer on U+0000-U+2FFFF', (_, file) => {
    const buf = readFileSync(file);
    expect(differences(buf)).toEqual([]);
    expect(differences(only16(buf))).toEqual([]);
  });

  it('leaves what it cannot read to fontkit', () => {
    expect(cmapCoverage(Buffer.from('wOFF0000000000000000'))).toBeUndefined();
    expect(cmapCoverage(Buffer.from([0, 1, 0, 0, 0, 9]))).toBeUndefined();
  });
});
