// Lines of mixed scripts and directions, as a reader sees them: the Unicode Bidirectional Algorithm (bidi-js)
// gives each character its level; a line is cut into segments of one level and one font, put in visual order
// (rule L2 of UAX #9), and each segment is handed to the font engine (fontkit, through pdfkit), which shapes
// Arabic letters (joining forms, ligatures) and lays a right-to-left Arabic segment out right to left
// itself. A right-to-left segment of other characters (a space, a colon between Arabic words) is reversed
// here, with mirrored brackets.
import type { Bidi } from 'bidi-js';
import bidiModule from 'bidi-js';

// a CommonJS package whose types declare an ES default export: under Node the default is the factory itself
const bidi: Bidi = (bidiModule as unknown as () => Bidi)();

/** Arabic script (Arabic, Persian, Sorani letters, marks, presentation forms) and the joiners Persian uses. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/;

export type Script = 'latin' | 'arabic';

export interface Segment {
  readonly text: string;
  readonly script: Script;
  /** drawn right to left (odd level) */
  readonly rtl: boolean;
}

// a space goes to the Latin font even between Arabic words: pdfkit drops the advance of a space inside a
// shaped right-to-left run (seen on a rendered page), and a word-by-word run shapes the same
function scriptOf(ch: string): Script {
  return ARABIC.test(ch) ? 'arabic' : 'latin';
}

/**
 * A number with inner separators — a date (2026-12-09), a time (04:30), a date and time, an act's number
 * (2024/1348). Inside Arabic text UAX #9 turns its digits into Arabic numbers (W2) that a hyphen does not join
 * (W4 joins only across a common separator), so "2026-12-09" would read 09-12-2026: each such token is put in
 * a left-to-right isolate (LRI … PDI, UAX #9 BD13) before the algorithm, so it reads as written.
 */
const LTR_TOKEN = /\d+(?:[-./:]\d+)+(?: \d{1,2}:\d{2})?/g;
const LRI = '\u2066';
const PDI = '\u2069';
const ISOLATES = /[\u2066-\u2069]/;

/** The line with each date, time and numbered reference isolated left to right (where it has Arabic text). */
export function isolateNumbers(line: string): string {
  return hasArabic(line) ? line.replace(LTR_TOKEN, (m) => `${LRI}${m}${PDI}`) : line;
}

/** The segments of one line in visual order (left to right), for a paragraph of direction `dir`. */
export function visualSegments(text: string, dir: 'ltr' | 'rtl'): Segment[] {
  if (text.length === 0) return [];
  const line = isolateNumbers(text);
  const { levels } = bidi.getEmbeddingLevels(line, dir);
  const chars = [...line];
  // code points, with the index of each in the UTF-16 string (levels are per UTF-16 unit)
  const runs: { text: string; script: Script; level: number }[] = [];
  let i16 = 0;
  for (const ch of chars) {
    const level = levels[i16] ?? 0;
    i16 += ch.length;
    // the isolates only steer the algorithm: they are not drawn
    if (ISOLATES.test(ch)) continue;
    const script = scriptOf(ch);
    const last = runs[runs.length - 1];
    if (last && last.level === level && last.script === script) last.text += ch;
    else runs.push({ text: ch, script, level });
  }
  if (runs.length === 0) return [];
  // L2: from the highest level to the lowest odd level, reverse every sequence of runs at that level or higher
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  let order = runs;
  for (let level = max; level >= minOdd && level > 0; level--) {
    const next: typeof runs = [];
    let k = 0;
    while (k < order.length) {
      if ((order[k]?.level ?? 0) >= level) {
        let j = k;
        while (j < order.length && (order[j]?.level ?? 0) >= level) j++;
        next.push(...order.slice(k, j).reverse());
        k = j;
      } else {
        next.push(order[k] as (typeof runs)[number]);
        k++;
      }
    }
    order = next;
  }
  return order.map((r) => {
    const rtl = r.level % 2 === 1;
    // fontkit lays an Arabic run out right to left by itself; other characters of an RTL run are reversed here
    const text =
      rtl && r.script === 'latin'
        ? [...r.text]
            .reverse()
            .map((c) => bidi.getMirroredCharacter(c) ?? c)
            .join('')
        : r.text;
    return { text, script: r.script, rtl };
  });
}

/** Whether a text has any right-to-left character (a paragraph's direction when none is given). */
export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}
