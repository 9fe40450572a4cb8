// The visual order of mixed lines (src/documents/bidi-lines.ts), against orders worked out by hand from the
// Unicode Bidirectional Algorithm (UAX #9): resolved levels (W1–W7, N0–N2, I1–I2), then rule L2 (reverse
// every run at a level or higher, from the highest level to the lowest odd one), then — as the renderer
// does — a right-to-left run of non-Arabic characters reversed with its brackets mirrored (L4), an Arabic run
// left to the font engine, which lays it out right to left. Each case names the rules that decide it.
import { describe, expect, it } from 'vitest';
import { isolateNumbers, visualSegments } from '../../src/documents/bidi-lines.ts';

/** The segments as [text, script, rtl] triples, left to right as drawn. */
const order = (text: string, dir: 'ltr' | 'rtl') =>
  visualSegments(text, dir).map((s) => [s.text, s.script, s.rtl] as const);

describe('visualSegments (UAX #9)', () => {
  it('a Latin line left to right is one run at level 0', () => {
    expect(order('Karim Test HADDAD', 'ltr')).toEqual([['Karim Test HADDAD', 'latin', false]]);
  });

  it('two Arabic words right to left: the second word drawn first (L2), the space between at level 1 (N1)', () => {
    expect(order('كريم حداد', 'rtl')).toEqual([
      ['حداد', 'arabic', true],
      [' ', 'latin', true],
      ['كريم', 'arabic', true],
    ]);
  });

  it('an Arabic name in an English line: the Latin at level 0, the Arabic words reversed among themselves (N2, L2)', () => {
    // "Name: " is L with its neutrals between L and R resolved to the embedding level 0 (N2)
    expect(order('Name: كريم حداد', 'ltr')).toEqual([
      ['Name: ', 'latin', false],
      ['حداد', 'arabic', true],
      [' ', 'latin', true],
      ['كريم', 'arabic', true],
    ]);
  });

  it('a date in Arabic text reads as a date: isolated, its digits stay European numbers (W2 sees the isolate’s L sos)', () => {
    // without the isolate: W2 turns 2026, 12, 09 into AN after an AL; W4 does not join AN across a hyphen
    // (ES), the hyphens become R (N1) and the line would read 09-12-2026
    expect(order('بتاريخ 2026-12-09', 'rtl')).toEqual([
      ['2026-12-09', 'latin', false],
      [' ', 'latin', true],
      ['بتاريخ', 'arabic', true],
    ]);
  });

  it('a date and time in Arabic text is one left-to-right unit', () => {
    expect(order('الموعد 2026-12-30 00:10', 'rtl')).toEqual([
      ['2026-12-30 00:10', 'latin', false],
      [' ', 'latin', true],
      ['الموعد', 'arabic', true],
    ]);
  });

  it('"المادة 8 من اللائحة (EU) 2024/1348": the act number isolated, (EU) bracketed right to left (N0 c.2), 8 an Arabic number (W2, I1)', () => {
    // levels: Arabic letters and spaces 1; 8 is AN at level 2 (I1); "(" ")" resolve to R by N0 (the pair
    // holds only L, and the strong type before "(" is R: c.2 → the embedding direction); EU is L at 2; the
    // isolated 2024/1348 is L at 2. L2 reverses the whole line; the R runs " (" and ") " are reversed and
    // mirrored, so the brackets open and close around EU as a reader of right-to-left text expects.
    expect(order('المادة 8 من اللائحة (EU) 2024/1348', 'rtl')).toEqual([
      ['2024/1348', 'latin', false],
      [' (', 'latin', true],
      ['EU', 'latin', false],
      [') ', 'latin', true],
      ['اللائحة', 'arabic', true],
      [' ', 'latin', true],
      ['من', 'arabic', true],
      [' ', 'latin', true],
      ['8', 'latin', false],
      [' ', 'latin', true],
      ['المادة', 'arabic', true],
    ]);
  });

  it('a closing bracket after an Arabic letter is mirrored (L4): "أ) ليس" draws "ليس (أ"', () => {
    expect(order('أ) ليس', 'rtl')).toEqual([
      ['ليس', 'arabic', true],
      [' (', 'latin', true],
      ['أ', 'arabic', true],
    ]);
  });

  it('nested brackets with numbers and a Latin letter in Arabic text (N0 on each pair, in order of the openings)', () => {
    // "(المادة 8(2)(a))": the outer pair and (2) hold R or AN → R; (a) holds only L and the strong type
    // before it is the ")" of (2), already R → R (c.2). 8 and 2 are AN (W2) at level 2, a is L at level 2.
    // Logical: ( المادة ␠ 8 ( 2 ) ( a ) ); L2 reverses it all; each R bracket is mirrored.
    expect(order('(المادة 8(2)(a))', 'rtl')).toEqual([
      ['((', 'latin', true],
      ['a', 'latin', false],
      [')(', 'latin', true],
      ['2', 'latin', false],
      [')', 'latin', true],
      ['8', 'latin', false],
      [' ', 'latin', true],
      ['المادة', 'arabic', true],
      [')', 'latin', true],
    ]);
  });

  it('the isolates steer the algorithm only: they are never drawn', () => {
    const drawn = visualSegments('بتاريخ 2026-12-09', 'rtl')
      .map((s) => s.text)
      .join('');
    expect(drawn).not.toMatch(/[\u2066-\u2069]/);
  });
});

describe('isolateNumbers', () => {
  it('isolates dates, times and act numbers only where the line has Arabic text', () => {
    expect(isolateNumbers('on 2026-12-09 at 04:30')).toBe('on 2026-12-09 at 04:30');
    expect(isolateNumbers('في 2026-12-09 الساعة 04:30')).toBe(
      'في \u20662026-12-09\u2069 الساعة \u206604:30\u2069',
    );
    expect(isolateNumbers('اللائحة 2024/1348')).toBe('اللائحة \u20662024/1348\u2069');
    // a bare number (an article) is left to the algorithm: an Arabic number reads right in Arabic text
    expect(isolateNumbers('المادة 8')).toBe('المادة 8');
  });
});
