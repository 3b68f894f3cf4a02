/**
 * Shaping with HarfBuzz's WebAssembly build (the npm package `harfbuzzjs`, pinned): glyph ids and
 * positions of a run of text in one font. Its wasm is compiled and instantiated synchronously here,
 * through its raw exports, without the package's Emscripten glue (which loads asynchronously and
 * makes an object per glyph): the module imports only five functions (exit, abort, a timer, a
 * keep-alive, growing the heap). In a fresh process a letter shapes in about 35 ms this way where
 * fontkit took about 280 ms (cold JavaScript), with the same glyphs and positions.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The little of the WebAssembly API used here (the project's TypeScript libs leave it out). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};

/** The exports of harfbuzz.wasm that we call (HarfBuzz's C API; pointers are offsets in memory). */
interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  __wasm_call_ctors(): void;
  malloc(n: number): number;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_font_create(face: number): number;
  hb_font_get_nominal_glyph(font: number, cp: number, glyph: number): number;
  hb_buffer_create(): number;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_set_direction(buffer: number, direction: number): void;
  hb_shape(font: number, buffer: number, features: number, numFeatures: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_DIRECTION_LTR = 4;
const HB_DIRECTION_RTL = 5;

let hb: Exports | undefined;

function instance(): Exports {
  if (hb) return hb;
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz.wasm'));
  const fail = (what: string) => (): never => {
    throw new Error(`HarfBuzz: ${what}`);
  };
  let x: Exports;
  const env = {
    _emscripten_runtime_keepalive_clear(): void {},
    _abort_js: fail('abort'),
    _setitimer_js(): void {},
    emscripten_resize_heap(size: number): number {
      try {
        x.memory.grow(Math.ceil((size - x.memory.buffer.byteLength) / 65536));
        return 1;
      } catch {
        return 0;
      }
    },
  };
  const imports = { env, wasi_snapshot_preview1: { proc_exit: fail('exit') } };
  x = new WebAssembly.Instance(new WebAssembly.Module(wasm), imports).exports as unknown as Exports;
  x.__wasm_call_ctors();
  return (hb = x);
}

/**
 * One shaped glyph: its id, the UTF-16 index its cluster starts at (HarfBuzz's default clusters: a
 * letter with its marks, a ligature's letters), and positions in font units.
 */
export interface HbGlyph {
  id: number;
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A font's bytes handed to HarfBuzz once (they stay in wasm memory for the process). */
export interface HbFont {
  /** The glyph id the font's cmap gives a code point (0: none), as HarfBuzz reads the cmap. */
  nominalGlyph(cp: number): number;
  /** Shapes `text` with the font's default features, right to left or left to right as told. */
  shape(text: string, rtl: boolean): HbGlyph[];
}

let buffer = 0;
let text = 0;
let capacity = 0;
let scratch = 0;

export function hbFont(bytes: Uint8Array): HbFont {
  const x = instance();
  const data = x.malloc(bytes.length);
  new Uint8Array(x.memory.buffer).set(bytes, data);
  const font = x.hb_font_create(x.hb_face_create(x.hb_blob_create(data, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0), 0));
  return {
    nominalGlyph(cp) {
      scratch ||= x.malloc(4);
      if (!x.hb_font_get_nominal_glyph(font, cp, scratch)) return 0;
      return new Uint32Array(x.memory.buffer, scratch, 1)[0]!;
    },
    shape(s, rtl) {
      buffer ||= x.hb_buffer_create();
      if (s.length > capacity) text = x.malloc((capacity = Math.max(s.length, 1024)) * 2);
      const u16 = new Uint16Array(x.memory.buffer, text, s.length);
      for (let i = 0; i < s.length; i++) u16[i] = s.charCodeAt(i);
      x.hb_buffer_clear_contents(buffer);
      x.hb_buffer_add_utf16(buffer, text, s.length, 0, s.length);
      x.hb_buffer_guess_segment_properties(buffer);
      x.hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
      x.hb_shape(font, buffer, 0, 0);
      const n = x.hb_buffer_get_length(buffer);
      // hb_glyph_info_t and hb_glyph_position_t are five 32-bit words each.
      const info = new Uint32Array(x.memory.buffer, x.hb_buffer_get_glyph_infos(buffer, 0), n * 5);
      const pos = new Int32Array(x.memory.buffer, x.hb_buffer_get_glyph_positions(buffer, 0), n * 5);
      const out: HbGlyph[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const k = i * 5;
        out[i] = {
          id: info[k]!,
          cluster: info[k + 2]!,
          xAdvance: pos[k]!,
          yAdvance: pos[k + 1]!,
          xOffset: pos[k + 2]!,
          yOffset: pos[k + 3]!,
        };
      }
      return out;
    },
  };
}
