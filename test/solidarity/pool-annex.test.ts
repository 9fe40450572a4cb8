// The annex of Council Implementing Decision (EU) 2025/2642 (AMMR Art. 57(1)): the reader refuses a complete
// file whose pledges do not add up to the headline — 21 000 relocations or EUR 420 000 000, the three measures
// of equal value at EUR 20 000 per relocation (Art. 56(2), Art. 12(3) derived) — and reports the missing cells
// of an incomplete one. Expected values are hand arithmetic on the synthetic files below.
import { describe, expect, it } from 'vitest';
import type { MemberStateCode } from '../../law/member-states.ts';
import { LAW } from '../../src/law/law.ts';
import { InvalidAnnex, readPoolAnnex } from '../../src/solidarity/pool-annex.ts';
import { loadPoolAnnex } from '../../src/store/pool-view.ts';

const HEADLINE = { relocations: 21_000, eur: 420_000_000, eurPerRelocation: 20_000 };
const opts = (participating: MemberStateCode[]) => ({ year: 2026, participating, headline: HEADLINE });
const HEADER = 'state,relocations,financial_eur,alternatives_eur,alternatives_description,source\n';

describe('the 2026 pool annex (Decision 2025/2642, AMMR Art. 57(1))', () => {
  it('a complete file that adds up to EUR 420 000 000 is read (hand sum: 10 000 × 20 000 + 150 000 000 + 70 000 000)', () => {
    // AT: 10 000 relocations = EUR 200 000 000; BE: EUR 150 000 000; DE: alternatives EUR 70 000 000
    const text = `${HEADER}AT,10000,0,0,,synthetic\nBE,0,150000000,0,,synthetic\nDE,0,0,70000000,"staff, ""tents""",synthetic\n`;
    const a = readPoolAnnex(text, opts(['AT', 'BE', 'DE']));
    expect(a.missing).toEqual([]);
    expect(a.known).toEqual({ relocations: 10_000, financialEur: 150_000_000, alternativesEur: 70_000_000 });
    expect(a.totalValueEur).toBe(420_000_000);
    expect(a.rows[2]?.alternativesDescription).toBe('staff, "tents"');
  });

  it('a complete file one relocation short of the headline is refused (EUR 419 980 000)', () => {
    const text = `${HEADER}AT,9999,0,0,,s\nBE,0,150000000,0,,s\nDE,0,0,70000000,,s\n`;
    expect(() => readPoolAnnex(text, opts(['AT', 'BE', 'DE']))).toThrow(
      /EUR 419980000.*not the headline EUR 420000000/,
    );
  });

  it('empty cells are missing, not zero: the file is read and says how many', () => {
    const text = `${HEADER}AT,10000,,0,,s\nBE,,,,,not found\n`;
    const a = readPoolAnnex(text, opts(['AT', 'BE']));
    expect(a.missing).toEqual([
      { state: 'AT', measure: 'financial_eur' },
      { state: 'BE', measure: 'relocations' },
      { state: 'BE', measure: 'financial_eur' },
      { state: 'BE', measure: 'alternatives_eur' },
    ]);
    expect(a.totalValueEur).toBeUndefined();
    expect(a.status).toMatch(/^4 of 6 cells missing/);
  });

  it('refuses an estimate-like value, a state twice, a state absent and a row without its source', () => {
    expect(() => readPoolAnnex(`${HEADER}AT,10.5,0,0,,s\n`, opts(['AT']))).toThrow(InvalidAnnex);
    expect(() => readPoolAnnex(`${HEADER}AT,1,0,0,,s\nAT,1,0,0,,s\n`, opts(['AT']))).toThrow(/twice/);
    expect(() => readPoolAnnex(`${HEADER}AT,1,0,0,,s\n`, opts(['AT', 'BE']))).toThrow(
      /missing from the file: BE/,
    );
    expect(() => readPoolAnnex(`${HEADER}AT,,,,,\n`, opts(['AT']))).toThrow(/no source/);
    expect(() => readPoolAnnex(`${HEADER}DK,,,,,s\n`, opts(['AT']))).toThrow(/DK is not a state taking part/);
  });

  it('the shipped file: the 26 participating states (not DK), every per-state cell missing — the annex was not found', () => {
    const a = loadPoolAnnex(LAW);
    expect(a.rows.map((r) => r.state)).not.toContain('DK');
    expect(a.rows).toHaveLength(26);
    expect(a.missing).toHaveLength(26 * 3);
    expect(a.status).toMatch(/^78 of 78 cells missing/);
    for (const r of a.rows) expect(r.source).toBe('not found — copy from OJ L 2025/2642 annex');
  });
});
