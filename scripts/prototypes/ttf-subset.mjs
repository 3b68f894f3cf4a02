// A TrueType subset writer: the tables fontkit 2.0.4's TTFSubset writes (head, hhea, loca, maxp,
// cvt, prep, glyf, hmtx, fpgm), in its order and layout (no padding, checksums 0, tag 'true'), from
// the font's raw tables; composite glyphs pull in their components in the order fontkit meets them.
// The fonts come out byte for byte as fontkit's, so the PDFs do not change.
//   node scripts/prototypes/ttf-subset.mjs   (checks against fontkit on a letter's glyphs, and times both)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The raw tables of a TrueType font and what the writer needs to read glyphs. */
export function rawFont(buf) {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = {};
  for (let i = 0; i < v.getUint16(4); i++) {
    const o = 12 + i * 16;
    const tag = String.fromCharCode(buf[o], buf[o + 1], buf[o + 2], buf[o + 3]);
    tables[tag] = buf.subarray(v.getUint32(o + 8), v.getUint32(o + 8) + v.getUint32(o + 12));
  }
  const long = v.getUint16(tables.head.byteOffset - buf.byteOffset + 50) === 1;
  const hhea = tables.hhea;
  const numberOfMetrics = (hhea[34] << 8) | hhea[35];
  const loca = new DataView(tables.loca.buffer, tables.loca.byteOffset, tables.loca.byteLength);
  const offset = (g) => (long ? loca.getUint32(g * 4) : loca.getUint16(g * 2) * 2);
  return { tables, long, numberOfMetrics, offset, glyphs: new Map() };
}

function glyph(font, gid) {
  let g = font.glyphs.get(gid);
  if (!g) {
    const bytes = font.tables.glyf.subarray(font.offset(gid), font.offset(gid + 1));
    const components = [];
    if (bytes.length >= 10 && ((bytes[0] << 8) | bytes[1]) >= 0x8000) {
      for (let p = 10; ;) {
        const flags = (bytes[p] << 8) | bytes[p + 1];
        components.push({ pos: p + 2, gid: (bytes[p + 2] << 8) | bytes[p + 3] });
        p += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
        if (!(flags & 0x20)) break;
      }
    }
    const hm = font.tables.hmtx;
    const nh = font.numberOfMetrics;
    const a = gid < nh ? gid * 4 : (nh - 1) * 4;
    const l = gid < nh ? gid * 4 + 2 : nh * 4 + (gid - nh) * 2;
    g = { bytes, components, advance: (hm[a] << 8) | hm[a + 1], bearing: (hm[l] << 8) | hm[l + 1] };
    font.glyphs.set(gid, g);
  }
  return g;
}

/** What pdfkit asks of a subset: includeGlyph(gid) -> new id, in order of first use; encode() -> bytes. */
export function createSubset(font) {
  const order = [0];
  const ids = new Map([[0, 0]]);
  const includeGlyph = (gid) => {
    let k = ids.get(gid);
    if (k === undefined) ids.set(gid, (k = order.push(gid) - 1));
    return k;
  };
  const encode = () => {
    const glyphs = [];
    for (let i = 0; i < order.length; i++) {
      const g = glyph(font, order[i]);
      let b = g.bytes;
      if (g.components.length) {
        b = Uint8Array.from(b);
        for (const c of g.components) {
          const k = includeGlyph(c.gid);
          b[c.pos] = k >> 8;
          b[c.pos + 1] = k & 255;
        }
      }
      glyphs.push([b, g]);
    }
    const n = glyphs.length;
    const hhea = Uint8Array.from(font.tables.hhea);
    const maxp = Uint8Array.from(font.tables.maxp);
    hhea[34] = maxp[4] = n >> 8;
    hhea[35] = maxp[5] = n & 255;
    const loca = new DataView(new ArrayBuffer((n + 1) * (font.long ? 4 : 2)));
    let at = 0;
    const put = (i) => (font.long ? loca.setUint32(i * 4, at) : loca.setUint16(i * 2, at / 2));
    glyphs.forEach(([b], i) => {
      put(i);
      at += b.length;
    });
    put(n);
    const glyf = new Uint8Array(at);
    at = 0;
    for (const [b] of glyphs) {
      glyf.set(b, at);
      at += b.length;
    }
    const hmtx = new DataView(new ArrayBuffer(n * 4));
    glyphs.forEach(([, g], i) => {
      hmtx.setUint16(i * 4, g.advance);
      hmtx.setUint16(i * 4 + 2, g.bearing);
    });
    const t = font.tables;
    const tables = [
      ['head', t.head],
      ['hhea', hhea],
      ['loca', new Uint8Array(loca.buffer)],
      ['maxp', maxp],
      ['cvt ', t['cvt ']],
      ['prep', t.prep],
      ['glyf', glyf],
      ['hmtx', new Uint8Array(hmtx.buffer)],
      ['fpgm', t.fpgm],
    ].filter(([, x]) => x);
    const out = Buffer.alloc(12 + 16 * tables.length + tables.reduce((s, [, x]) => s + x.length, 0));
    const e = Math.floor(Math.log2(tables.length));
    out.write('true', 0, 'latin1');
    out.writeUInt16BE(tables.length, 4);
    out.writeUInt16BE(2 ** e * 16, 6);
    out.writeUInt16BE(e, 8);
    out.writeUInt16BE(tables.length * 16 - 2 ** e * 16, 10);
    let pos = 12 + 16 * tables.length;
    tables.forEach(([tag, x], i) => {
      out.write(tag, 12 + i * 16, 'latin1');
      out.writeUInt32BE(pos, 12 + i * 16 + 8);
      out.writeUInt32BE(x.length, 12 + i * 16 + 12);
      out.set(x, pos);
      pos += x.length;
    });
    return out;
  };
  return { includeGlyph, encode };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url);
  const fontkit = require('fontkit');
  const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package.json$/, 'ttf/');
  const text =
    'Mr. Person Example was arrested at his home. Cənab həbs edildi; ailəsi səhhətindən narahatdır. ' +
    'Семья сообщила, что его перевели в тюрьму Эвин. خانواده آقای می‌گویند که او در زندان اوین است İŞĞ';
  for (const file of ['DejaVuSerif.ttf', 'DejaVuSans.ttf']) {
    const buf = readFileSync(dir + file);
    const fk = fontkit.create(buf);
    const gids = [...new Set(fk.layout(text).glyphs.map((g) => g.id))];
    const time = (make) => {
      const t = performance.now();
      const s = make();
      for (const g of gids) s.includeGlyph(g);
      const bytes = s.encode();
      return { bytes, ms: performance.now() - t };
    };
    const raw = rawFont(buf);
    const ours = [0, 1, 2].map(() => time(() => createSubset(raw)));
    const theirs = [0, 1, 2].map(() => time(() => fk.createSubset()));
    const same = Buffer.compare(Buffer.from(ours[0].bytes), Buffer.from(theirs[0].bytes)) === 0;
    console.log(
      `${file}: ${gids.length} glyphs, ${same ? 'byte-identical' : 'DIFFERENT'}; ` +
        `ours ${ours.map((r) => r.ms.toFixed(2)).join(' / ')} ms, fontkit ${theirs.map((r) => r.ms.toFixed(2)).join(' / ')} ms (1st/2nd/3rd)`,
    );
  }
}
