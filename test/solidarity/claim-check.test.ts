// Checking a claim about the effective solidarity of the 2026 pool: each step shown. Synthetic annexes; the
// expected values are hand arithmetic. Benefitting states: CY, GR, IT, ES (AMMR Art. 61); may request
// deductions: AT, BG, HR, CZ, EE, PL (Art. 62) — law/pools/pool-2026.ts.
import { describe, expect, it } from 'vitest';
import { checkClaim, defaultClaimSteps, SPAIN_CLAIM } from '../../src/solidarity/claim-check.ts';
import { readPoolAnnex } from '../../src/solidarity/pool-annex.ts';

const HEADER = 'state,relocations,financial_eur,alternatives_eur,alternatives_description,source\n';
const STEPS = defaultClaimSteps(['CY', 'GR', 'IT', 'ES'], ['AT', 'BG', 'HR', 'CZ', 'EE', 'PL']);
const read = (text: string, participating: string[]) =>
  readPoolAnnex(text, {
    year: 2026,
    participating: participating as never,
    headline: { relocations: 21_000, eur: 420_000_000, eurPerRelocation: 20_000 },
  });

describe('check a claim (Spain: 962 relocations, EUR 74.66 million)', () => {
  // ES 1 000 reloc; IT EUR 100 m; AT 500 reloc + EUR 50 m; PL EUR 100 m; DE 962 reloc + EUR 74 660 000;
  // FR alternatives to close the headline: 420 000 000 − (2 462 × 20 000 = 49 240 000) − 324 660 000 = 46 100 000
  const annex = read(
    `${HEADER}ES,1000,0,0,,s\nIT,0,100000000,0,,s\nAT,500,50000000,0,,s\nPL,0,100000000,0,,s\nDE,962,74660000,0,,s\nFR,0,0,46100000,,s\n`,
    ['ES', 'IT', 'AT', 'PL', 'DE', 'FR'],
  );

  it('complete data: pledges − benefitting states − states that may request deductions, step by step', () => {
    const c = checkClaim(annex, STEPS, SPAIN_CLAIM);
    expect(c.complete).toBe(true);
    expect(c.steps.map((s) => [s.op, s.amounts, s.total])).toEqual([
      [
        '=',
        { relocations: 2462, financialEur: 324_660_000, alternativesEur: 46_100_000 },
        { relocations: 2462, financialEur: 324_660_000, alternativesEur: 46_100_000 },
      ],
      [
        '−',
        { relocations: 1000, financialEur: 100_000_000, alternativesEur: 0 },
        { relocations: 1462, financialEur: 224_660_000, alternativesEur: 46_100_000 },
      ],
      [
        '−',
        { relocations: 500, financialEur: 150_000_000, alternativesEur: 0 },
        { relocations: 962, financialEur: 74_660_000, alternativesEur: 46_100_000 },
      ],
    ]);
    expect(c.steps[1]?.states).toEqual(['CY', 'GR', 'IT', 'ES']);
    expect(c.effective).toEqual({ relocations: 962, financialEur: 74_660_000, alternativesEur: 46_100_000 });
    expect(c.difference).toEqual({ relocations: 0, financialEur: 0 });
  });

  it('a state in two steps is taken away once', () => {
    const c = checkClaim(
      annex,
      [...STEPS, { label: 'again', basis: 'x', states: ['ES', 'DE'] }],
      SPAIN_CLAIM,
    );
    expect(c.steps[3]?.states).toEqual(['DE']);
    expect(c.effective).toEqual({ relocations: 0, financialEur: 0, alternativesEur: 46_100_000 });
    expect(c.difference).toEqual({ relocations: -962, financialEur: -74_660_000 });
  });

  it('missing cells: the check cannot be completed and names the cells the effective figure needs', () => {
    const partial = read(`${HEADER}ES,,,,,s\nAT,500,50000000,0,,s\nDE,962,,0,,s\nFR,,0,0,,s\n`, [
      'ES',
      'AT',
      'DE',
      'FR',
    ]);
    const c = checkClaim(partial, STEPS, SPAIN_CLAIM);
    expect(c.complete).toBe(false);
    expect(c.effective).toBeNull();
    expect(c.difference).toBeUndefined();
    // ES's cells are needed for the intermediate steps, not for the effective figure (ES is taken away)
    expect(c.needs).toEqual([
      { state: 'DE', measure: 'financial_eur' },
      { state: 'FR', measure: 'relocations' },
    ]);
    expect(c.steps[0]?.total).toBeNull();
    expect(c.steps[2]?.amounts).toEqual({ relocations: 500, financialEur: 50_000_000, alternativesEur: 0 });
    expect(c.summary).toMatch(/cannot be completed.*2 cells.*DE financial_eur, FR relocations/);
  });
});
