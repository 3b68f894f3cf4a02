/**
 * A font's cmap table: the glyph of each character. What a dry run checks every character of a
 * letter with, and what the PDF writer draws with (fonts.ts), so the two always agree. The
 * subtable is chosen as fontkit chooses it (and as HarfBuzz does, for the fonts we use), and read
 * as fontkit reads it, for the formats fonts use for Unicode (4 and 12); anything else returns
 * undefined, and the caller asks HarfBuzz (harfbuzz.ts).
 */

/** The (platform, encoding) pairs fontkit tries, in its order. */
const PREFERRED: [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/**
 * A test of whether the font maps a code point to a glyph other than .notdef, or undefined when
 * the file is not a plain TrueType/OpenType font or its Unicode cmap is not of format 4 or 12.
 */
export function cmapCoverage(buf: Uint8Array): ((cp: number) => boolean) | undefined {
  const glyph = cmapGlyphs(buf);
  return glyph && ((cp) => glyph(cp) !== 0);
}

/** The glyph id of a code point (0: .notdef, none), or undefined as for cmapCoverage. */
export function cmapGlyphs(buf: Uint8Array): ((cp: number) => number) | undefined {
  try {
    return readCmap(new DataView(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch {
    return undefined; // out of bounds: a damaged font, for HarfBuzz (or the PDF writer's font check) to judge
  }
}

function readCmap(v: DataView): ((cp: number) => number) | undefined {
  const version = v.getUint32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */ && version !== 0x74727565 /* true */) return undefined;
  let cmap = -1;
  for (let i = 0; i < v.getUint16(4); i++) if (v.getUint32(12 + i * 16) === 0x636d6170 /* cmap */) cmap = v.getUint32(12 + i * 16 + 8);
  if (cmap < 0) return undefined;
  const tables: { platform: number; encoding: number; at: number }[] = [];
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    tables.push({ platform: v.getUint16(rec), encoding: v.getUint16(rec + 2), at: cmap + v.getUint32(rec + 4) });
  }
  let sub: number | undefined;
  for (const [p, e] of PREFERRED) {
    sub = tables.find((t) => t.platform === p && t.encoding === e)?.at;
    if (sub !== undefined) break;
  }
  if (sub === undefined) return undefined;
  const format = v.getUint16(sub);
  if (format === 12) return format12(v, sub);
  if (format === 4) return format4(v, sub);
  return undefined;
}

function format12(v: DataView, sub: number): (cp: number) => number {
  const n = v.getUint32(sub + 12);
  const group = (i: number, k: number) => v.getUint32(sub + 16 + i * 12 + k);
  if (n > 0) group(n - 1, 8); // in bounds, or throw now
  return (cp) => {
    let [min, max] = [0, n - 1];
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (cp < group(mid, 0)) max = mid - 1;
      else if (cp > group(mid, 4)) min = mid + 1;
      else return (group(mid, 8) + (cp - group(mid, 0))) >>> 0;
    }
    return 0;
  };
}

function format4(v: DataView, sub: number): (cp: number) => number {
  const segCount = v.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const offsets = deltas + segCount * 2;
  if (segCount > 0) v.getUint16(offsets + segCount * 2 - 2); // in bounds, or throw now
  return (cp) => {
    let [min, max] = [0, segCount - 1];
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (cp < v.getUint16(starts + mid * 2)) max = mid - 1;
      else if (cp > v.getUint16(ends + mid * 2)) min = mid + 1;
      else {
        const delta = v.getInt16(deltas + mid * 2);
        const rangeOffset = v.getUint16(offsets + mid * 2);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const at = offsets + mid * 2 + rangeOffset + (cp - v.getUint16(starts + mid * 2)) * 2;
        const gid = at + 2 <= sub + v.getUint16(sub + 2) ? v.getUint16(at) : 0; // past the table: none, as fontkit reads it
        return gid === 0 ? 0 : (gid + delta) & 0xffff;
      }
    }
    return 0;
  };
}
