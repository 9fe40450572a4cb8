// issue 22: "a programme of 2,000 split among three pledging states sums exactly and matches the key when split
// by it". The expected shares are computed by hand in the comments; the reference data of the key case is
// made up here (round numbers) so that every share can be checked on paper.
import { describe, expect, it } from 'vitest';
import { type ProgrammePledge, splitProgramme } from '../../src/domain/admission/split.ts';
import { LAW } from '../../src/law/law.ts';
import type { ReferenceData } from '../../src/law/reference-data.ts';
import { shippedReferenceData } from '../../src/store/solidarity.ts';

const pledges = (lt: number, lv: number, pl: number): ProgrammePledge[] => [
  { state: 'LT', admissionType: 'humanitarian-admission', persons: lt },
  { state: 'LV', admissionType: 'humanitarian-admission', persons: lv },
  { state: 'PL', admissionType: 'resettlement', persons: pl },
];
const sharesOf = (s: ReturnType<typeof splitProgramme>) =>
  Object.fromEntries(s.shares.map((x) => [x.state, x.share]));
const sum = (s: ReturnType<typeof splitProgramme>) => s.shares.reduce((n, x) => n + x.share, 0);

// On 1 September 2026 the publication rule (law/reference-data.ts) takes the population on 1 January 2026 and
// the GDP of 2025. Made-up figures:
//   population  LT 2,000,000  LV 1,000,000  PL 7,000,000  → Σ 10,000,000 → 20 %, 10 %, 70 %
//   GDP (MEUR)  LT   100,000  LV    50,000  PL   850,000  → Σ  1,000,000 → 10 %,  5 %, 85 %
//   key = 50 % × population share + 50 % × GDP share (AMMR Art. 66) → LT 15 %, LV 7.5 %, PL 77.5 %
const ASOF = '2026-09-01';
const made: ReferenceData = {
  populationFile: 'test population',
  gdpFile: 'test gdp',
  population: [
    { country: 'LT', year: 2026, population: 2_000_000, precision: 'exact', source: 'test' },
    { country: 'LV', year: 2026, population: 1_000_000, precision: 'exact', source: 'test' },
    { country: 'PL', year: 2026, population: 7_000_000, precision: 'exact', source: 'test' },
  ],
  gdp: [
    { country: 'LT', year: 2025, gdpMeur: '100000.0', basis: 'test', source: 'test' },
    { country: 'LV', year: 2025, gdpMeur: '50000.0', basis: 'test', source: 'test' },
    { country: 'PL', year: 2025, gdpMeur: '850000.0', basis: 'test', source: 'test' },
  ],
};

describe('a programme of 2,000 split among three pledging states', () => {
  it('by pledges 500/300/200: 2,000 × 500/1,000 = 1,000, × 300/1,000 = 600, × 200/1,000 = 400; sum 2,000', () => {
    const s = splitProgramme(2000, pledges(500, 300, 200), 'pledges', LAW, ASOF, made);
    expect(sharesOf(s)).toEqual({ LT: 1000, LV: 600, PL: 400 });
    expect(sum(s)).toBe(2000);
  });

  it('by pledges 700/700/600 (Σ 2,000, equal to the total): each state gets its pledge', () => {
    expect(sharesOf(splitProgramme(2000, pledges(700, 700, 600), 'pledges', LAW, ASOF, made))).toEqual({
      LT: 700,
      LV: 700,
      PL: 600,
    });
  });

  it('by pledges 1/1/1 (thirds): 666.67 each → 666 each, the 2 left go to the lowest codes on equal remainders (LT, LV)', () => {
    const s = splitProgramme(2000, pledges(1, 1, 1), 'pledges', LAW, ASOF, made);
    expect(sharesOf(s)).toEqual({ LT: 667, LV: 667, PL: 666 });
    expect(sum(s)).toBe(2000);
  });

  it('by the key: 2,000 × 15 % = 300, × 7.5 % = 150, × 77.5 % = 1,550; sum 2,000, and each share is key × total', () => {
    const s = splitProgramme(2000, pledges(500, 300, 200), 'reference-key', LAW, ASOF, made);
    expect(sharesOf(s)).toEqual({ LT: 300, LV: 150, PL: 1550 });
    expect(sum(s)).toBe(2000);
    const keys = Object.fromEntries(s.shares.map((x) => [x.state, x.keyPercent]));
    expect(keys.LT).toBeCloseTo(15, 10);
    expect(keys.LV).toBeCloseTo(7.5, 10);
    expect(keys.PL).toBeCloseTo(77.5, 10);
  });

  it('by the key with remainders, 2,001: 300.15 / 150.075 / 1,550.775 → floors 300 + 150 + 1,550 = 2,000; the 1 left goes to the largest remainder, PL (.775)', () => {
    const s = splitProgramme(2001, pledges(500, 300, 200), 'reference-key', LAW, ASOF, made);
    expect(sharesOf(s)).toEqual({ LT: 300, LV: 150, PL: 1551 });
    expect(sum(s)).toBe(2001);
  });

  it('by the key of the shipped Eurostat data: the parts add up to 2,000 and each is within one person of key × 2,000', () => {
    const s = splitProgramme(
      2000,
      pledges(500, 300, 200),
      'reference-key',
      LAW,
      ASOF,
      shippedReferenceData(),
    );
    expect(sum(s)).toBe(2000);
    for (const x of s.shares) expect(Math.abs(x.share - ((x.keyPercent ?? 0) * 2000) / 100)).toBeLessThan(1);
    // Poland's population is over ten times Lithuania's and Latvia's together: it takes most of the programme
    expect(sharesOf(s).PL).toBeGreaterThan(1500);
  });
  // issue 22: the structured basis the web explains in the reader's language, and each state's exact quota
  it('the exact quotas before rounding, by pledges 1/1/1 of 2,000: 2,000 / 3 = 666.666… each, and the basis', () => {
    const s = splitProgramme(2000, pledges(1, 1, 1), 'pledges', LAW, ASOF, made);
    for (const x of s.shares) expect(x.quota).toBeCloseTo(2000 / 3, 9);
    expect(s.basis).toEqual({ method: 'pledges', total: 2000, pledgeSum: 3 });
  });

  it('the exact quotas by the key, 2,001: 300.15 / 150.075 / 1,550.775 (as above), and the basis of Art. 66', () => {
    const s = splitProgramme(2001, pledges(1, 1, 1), 'reference-key', LAW, ASOF, made);
    const quota = Object.fromEntries(s.shares.map((x) => [x.state, x.quota]));
    expect(quota.LT).toBeCloseTo(300.15, 9);
    expect(quota.LV).toBeCloseTo(150.075, 9);
    expect(quota.PL).toBeCloseTo(1550.775, 9);
    // weights 50 % / 50 % (AMMR Art. 66); population on 1 January 2026, GDP of 2025 (see the data above)
    expect(s.basis).toEqual({
      method: 'reference-key',
      total: 2001,
      populationWeight: 50,
      gdpWeight: 50,
      populationYear: 2026,
      gdpYear: 2025,
      states: 3,
    });
  });
});
