// Which characters a TrueType font has, from its cmap (format 12, else 4), without fontkit: what a
// dry run needs to check that every character of a letter can be drawn, without loading fontkit
// (60-140 ms here) or drawing anything. For the built-in DejaVu fonts the build could also write
// the ranges to dist/ once.
//   node scripts/prototypes/cmap-coverage.mjs   (compares with fontkit over U+0000-U+2FFFF, and times both)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A function telling whether the font maps a code point to a glyph other than .notdef. */
export function coverage(buf) {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let cmap = -1;
  for (let i = 0; i < v.getUint16(4); i++) {
    if (buf.toString('latin1', 12 + i * 16, 16 + i * 16) === 'cmap') cmap = v.getUint32(12 + i * 16 + 8);
  }
  let sub = -1;
  let format = 0;
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    const platform = v.getUint16(cmap + 4 + i * 8);
    const encoding = v.getUint16(cmap + 6 + i * 8);
    const at = cmap + v.getUint32(cmap + 8 + i * 8);
    const f = v.getUint16(at);
    if (platform === 3 && encoding === 10 && f === 12) [sub, format] = [at, 12];
    else if (platform === 3 && encoding === 1 && f === 4 && format !== 12) [sub, format] = [at, 4];
  }
  if (format === 12) {
    const groups = [];
    for (let i = 0; i < v.getUint32(sub + 12); i++) {
      const [start, end, gid] = [0, 4, 8].map((k) => v.getUint32(sub + 16 + i * 12 + k));
      if (gid) groups.push([start, end]);
      else if (start < end) groups.push([start + 1, end]);
    }
    return (cp) => groups.some(([s, e]) => cp >= s && cp <= e);
  }
  const has = new Set();
  const segX2 = v.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  for (let i = 0; i < segX2 / 2; i++) {
    const [end, start, delta, ro] = [
      v.getUint16(ends + i * 2),
      v.getUint16(starts + i * 2),
      v.getInt16(deltas + i * 2),
      v.getUint16(offsets + i * 2),
    ];
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const g = ro === 0 ? c : v.getUint16(offsets + i * 2 + ro + (c - start) * 2);
      if (g && (g + delta) & 0xffff) has.add(c);
    }
  }
  return (cp) => has.has(cp);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url);
  const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package.json$/, 'ttf/');
  const files = ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
  let t = performance.now();
  const ours = files.map((f) => coverage(readFileSync(dir + f)));
  const oursMs = performance.now() - t;
  t = performance.now();
  const fontkit = require('fontkit');
  const theirs = files.map((f) => fontkit.create(readFileSync(dir + f)));
  theirs.forEach((f) => f.hasGlyphForCodePoint(0x259));
  const theirsMs = performance.now() - t;
  let differ = 0;
  for (let cp = 0; cp < 0x30000; cp++) files.forEach((_, k) => (differ += ours[k](cp) !== theirs[k].hasGlyphForCodePoint(cp) ? 1 : 0));
  console.log(
    `4 fonts: ${differ} code points differ from fontkit; ours ${oursMs.toFixed(1)} ms, fontkit (load + parse) ${theirsMs.toFixed(1)} ms`,
  );
}
