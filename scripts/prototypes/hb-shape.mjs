// Shaping with HarfBuzz's WebAssembly build (npm `harfbuzzjs`, not a dependency: run
// `npm i --no-save harfbuzzjs@1.6.4` first) through its raw exports, synchronously: one buffer
// reused, glyph infos and positions read straight from wasm memory (its JS wrapper allocates
// objects per glyph, and its Emscripten glue loads asynchronously).
// `layout` returns what fontkit's font.layout returns; with glyph objects from fontkit's
// font.getGlyph(id, codePoints), codePoints being the text of each glyph's cluster (the first glyph
// of a cluster carries it), this replaced fontkit's layout in src/write/pdf/shape.ts `shaped()` with
// byte-identical PDFs and all PDF tests passing (prototype in a copy of dist/, issue 12).
//   node scripts/prototypes/hb-shape.mjs   (compares with fontkit on words in four scripts, and times both)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * HarfBuzz's wasm, instantiated synchronously without the Emscripten glue: it imports only five
 * functions (exit, abort, a timer, a keep-alive and growing the heap).
 */
export function createShaper() {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz.wasm'));
  let X;
  const fail = (what) => () => {
    throw new Error(`harfbuzz: ${what}`);
  };
  const env = {
    _emscripten_runtime_keepalive_clear() {},
    _abort_js: fail('abort'),
    _setitimer_js() {},
    emscripten_resize_heap(size) {
      const memory = X.memory;
      const pages = Math.ceil((size - memory.buffer.byteLength) / 65536);
      try {
        memory.grow(pages);
        return 1;
      } catch {
        return 0;
      }
    },
  };
  X = new WebAssembly.Instance(new WebAssembly.Module(wasm), { env, wasi_snapshot_preview1: { proc_exit: fail('exit') } }).exports;
  X.__wasm_call_ctors();
  const M = {
    get HEAPU8() {
      return new Uint8Array(X.memory.buffer);
    },
  };
  const fonts = new Map();
  const buffer = X.hb_buffer_create();
  let str = X.malloc(8192);
  let capacity = 4096;
  const fontOf = (bytes) => {
    let f = fonts.get(bytes);
    if (!f) {
      const ptr = X.malloc(bytes.length);
      M.HEAPU8.set(bytes, ptr);
      f = X.hb_font_create(X.hb_face_create(X.hb_blob_create(ptr, bytes.length, 1 /* read-only */, 0, 0), 0));
      fonts.set(bytes, f);
    }
    return f;
  };
  /** Glyph ids, clusters (UTF-16 index) and positions (font units) of `text`, in visual order. */
  return (bytes, text) => {
    X.hb_buffer_clear_contents(buffer);
    if (text.length > capacity) str = X.malloc((capacity = text.length) * 2);
    const u16 = new Uint16Array(M.HEAPU8.buffer, str, text.length);
    for (let i = 0; i < text.length; i++) u16[i] = text.charCodeAt(i);
    X.hb_buffer_add_utf16(buffer, str, text.length, 0, text.length);
    X.hb_buffer_guess_segment_properties(buffer);
    X.hb_shape(fontOf(bytes), buffer, 0, 0);
    const n = X.hb_buffer_get_length(buffer);
    const info = new Uint32Array(M.HEAPU8.buffer, X.hb_buffer_get_glyph_infos(buffer, 0), n * 5);
    const pos = new Int32Array(M.HEAPU8.buffer, X.hb_buffer_get_glyph_positions(buffer, 0), n * 5);
    const glyphs = [];
    for (let i = 0; i < n; i++) {
      const [id, , cluster] = info.subarray(i * 5, i * 5 + 3);
      const [xAdvance, yAdvance, xOffset, yOffset] = pos.subarray(i * 5, i * 5 + 4);
      glyphs.push({ id, cluster, xAdvance, yAdvance, xOffset, yOffset });
    }
    return glyphs;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const require = createRequire(import.meta.url);
  const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package.json$/, 'ttf/');
  const samples = {
    latin: 'We are deeply concerned for the physical and psychological integrity of Mr. Example, AV To Wa.',
    azerbaijani: 'Cənab həbs edildi; ailəsi onun səhhətindən çox narahatdır və vəkilinə görüşməyə icazə verilmir. İŞĞ',
    russian: 'Семья сообщила, что его перевели в тюрьму Эвин и что он объявил голодовку.',
    persian: 'خانواده آقای می‌گویند که او در زندان اوین است و از بیماری رنج می‌برد',
  };
  const files = { latin: 'DejaVuSerif.ttf', azerbaijani: 'DejaVuSerif.ttf', russian: 'DejaVuSerif.ttf', persian: 'DejaVuSans.ttf' };
  let t = performance.now();
  const fontkit = require('fontkit');
  const fk = {};
  const fkLoad = performance.now() - t;
  t = performance.now();
  const shape = createShaper();
  const hbLoad = performance.now() - t;
  console.log(`load: fontkit ${fkLoad.toFixed(1)} ms, harfbuzz ${hbLoad.toFixed(1)} ms`);
  for (const [script, text] of Object.entries(samples)) {
    const bytes = readFileSync(dir + files[script]);
    const font = (fk[files[script]] ??= fontkit.create(bytes));
    const words = text.split(' ');
    const run = (f) => {
      const t0 = performance.now();
      const out = words.map(f);
      return { out, ms: performance.now() - t0 };
    };
    const a = run((w) => font.layout(w).glyphs.map((g, i) => [g.id, font.layout(w).positions[i].xAdvance]));
    const b = run((w) => shape(bytes, w).map((g) => [g.id, g.xAdvance]));
    const a2 = run((w) => font.layout(w));
    const b2 = run((w) => shape(bytes, w));
    const same = JSON.stringify(a.out) === JSON.stringify(b.out);
    console.log(
      `${script.padEnd(12)} ${words.length} words: ${same ? 'same glyphs and advances' : 'DIFFERENT'}; ` +
        `cold fontkit ${a.ms.toFixed(1)} ms, harfbuzz ${b.ms.toFixed(1)} ms; warm ${a2.ms.toFixed(2)} / ${b2.ms.toFixed(2)} ms`,
    );
  }
}
