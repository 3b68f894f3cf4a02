/**
 * Bidirectional text: embedding levels (bidi-js, UAX #9), mirrored brackets, the visual order of
 * runs (rule L2), and the direction a run is shaped in.
 *
 * A run is shaped in the direction of its script, which is read from its text alone (pdfkit hands
 * the font nothing else when it draws): right to left (reversed) when its first letter is Arabic,
 * Hebrew, … script, else left to right; as fontkit did, so the PDFs are what they were. When that
 * disagrees with the run's bidi level (digits or Latin inside Persian are fine, but Persian digits
 * at an even level, or brackets and spaces at an odd level, are not), the run is shaped reversed,
 * so that the shaper's reversal puts it back.
 */
import { loadBidi } from './deps.js';

export interface LineBidi {
  /** Resolved level of each UTF-16 index. */
  levels: Uint8Array;
  /** The paragraph (base) level: 1 when the line is right to left. */
  baseLevel: number;
  /** Replacement for characters mirrored at odd levels ("(" → ")"). */
  mirrors: Map<number, string>;
}

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udd00-\udd5f]|\ud83b[\ude00-\udeff]/;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Levels for one line of text (a hard line: paragraph direction from its first strong letter). */
export function lineBidi(text: string): LineBidi {
  // Pure left-to-right text (the common case) needs no bidi-js at all.
  if (!STRONG_RTL.test(text) && !BIDI_CONTROLS.test(text)) {
    return { levels: new Uint8Array(text.length), baseLevel: 0, mirrors: new Map() };
  }
  const bidi = loadBidi();
  const result = bidi.getEmbeddingLevels(text, 'auto');
  const baseLevel = result.paragraphs[0]?.level ?? 0;
  // bidi-js 1.1.0 wants the levels array here, not the result object (see PDF-NOTES).
  const mirrors = bidi.getMirroredCharactersMap(text, result.levels);
  return { levels: result.levels, baseLevel, mirrors };
}

/**
 * Rule L2: given runs in logical order with their levels, the order to draw them left to right.
 * From the highest level down to the lowest odd level, reverse every maximal sequence of runs at
 * that level or higher.
 */
export function visualOrder<T extends { level: number }>(runs: T[]): T[] {
  const out = runs.slice();
  if (out.length < 2) return out;
  let max = 0;
  let minOdd = Infinity;
  for (const r of out) {
    if (r.level > max) max = r.level;
    if (r.level % 2 === 1 && r.level < minOdd) minOdd = r.level;
  }
  for (let lvl = max; lvl >= minOdd && lvl > 0; lvl--) {
    for (let i = 0; i < out.length;) {
      if (out[i]!.level >= lvl) {
        let j = i;
        while (j < out.length && out[j]!.level >= lvl) j++;
        const rev = out.slice(i, j).reverse();
        out.splice(i, j - i, ...rev);
        i = j;
      } else i++;
    }
  }
  return out;
}

// Scripts shaped right to left (fontkit's RTL table), as Unicode script properties.
const RTL_SCRIPT = new RegExp(
  `^[${[
    'Arabic',
    'Hebrew',
    'Syriac',
    'Thaana',
    'Cypriot',
    'Kharoshthi',
    'Phoenician',
    'Nko',
    'Lydian',
    'Avestan',
    'Imperial_Aramaic',
    'Inscriptional_Pahlavi',
    'Inscriptional_Parthian',
    'Old_South_Arabian',
    'Old_Turkic',
    'Samaritan',
    'Mandaic',
    'Meroitic_Cursive',
    'Meroitic_Hieroglyphs',
  ]
    .map((s) => `\\p{Script=${s}}`)
    .join('')}]$`,
  'u',
);
const NEUTRAL_SCRIPT = /^[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]$/u;

/** Whether this run is shaped right to left (from the first letter's script). */
export function shapedRtl(text: string): boolean {
  for (const ch of text) {
    if (NEUTRAL_SCRIPT.test(ch)) continue;
    return RTL_SCRIPT.test(ch);
  }
  return false;
}

const MARK = /^\p{M}$/u;

/** Reverses text by clusters (a character with the marks after it stays in order). */
export function reverseClusters(text: string): string {
  const clusters: string[] = [];
  for (const ch of text) {
    if (MARK.test(ch) && clusters.length > 0) clusters[clusters.length - 1] += ch;
    else clusters.push(ch);
  }
  return clusters.reverse().join('');
}

/** The string to shape so that the run comes out in the direction of its level. */
export function textForShaping(text: string, level: number): string {
  const rtl = level % 2 === 1;
  return shapedRtl(text) === rtl ? text : reverseClusters(text);
}
