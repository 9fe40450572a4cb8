// AMMR Art. 66 and Annex I: key = 50 % population share + 50 % GDP share over the participating states;
// fair share = key × pool, in whole persons and cents that add up exactly to the pool.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFairShares } from '../../src/law/fair-shares.ts';
import { LAW } from '../../src/law/law.ts';
import { annualPool, customPool, statutoryMinimumPool } from '../../src/law/pool.ts';
import type { ReferenceData } from '../../src/law/reference-data.ts';
import { loadReferenceData } from '../../src/store/reference-data.ts';

const DATA = loadReferenceData();
const PROPOSAL_2026 = '2025-11-11';

describe('the shipped reference data', () => {
  it("population on 1 January 2024: the 27 rows add up to Eurostat's EU-27 total, 449,206,579", () => {
    const sum = DATA.population.filter((r) => r.year === 2024).reduce((s, r) => s + r.population, 0);
    expect(sum).toBe(449_206_579);
  });
});

describe("Lithuania's fair share of a 30,000 / EUR 600 million pool (autumn 2025)", () => {
  const result = computeFairShares(LAW, PROPOSAL_2026, DATA, statutoryMinimumPool(LAW, PROPOSAL_2026));
  const lt = result.rows.find((r) => r.country === 'LT');

  it('is about 160 people or a little over EUR 3 million, as the Interior Ministry reported', () => {
    // seed report: "accept around 160 migrants each year or pay more than three million euros instead"
    expect(lt?.relocations).toBeGreaterThanOrEqual(150);
    expect(lt?.relocations).toBeLessThanOrEqual(170);
    expect(lt?.eurCents).toBeGreaterThan(3_000_000_00);
    expect(lt?.eurCents).toBeLessThan(3_500_000_00);
  });

  it('matches the arithmetic by hand from the data rows (population 1 Jan 2025, GDP 2024, 26 states)', () => {
    // P = sum of the 26 participating populations of 2025; G = sum of their GDP of 2024
    const states = LAW.statesAt('ammr.participating-states', PROPOSAL_2026);
    const P = DATA.population
      .filter((r) => r.year === 2025 && states.includes(r.country))
      .reduce((s, r) => s + r.population, 0);
    const G = DATA.gdp
      .filter((r) => r.year === 2024 && states.includes(r.country))
      .reduce((s, r) => s + Number(r.gdpMeur), 0);
    // LT: 2,890,700 persons and EUR 78,413.0 million
    const key = 0.5 * (2_890_700 / P) + 0.5 * (78_413 / G);
    expect(key).toBeCloseTo(0.00548, 5); // 0.5 × 0.6505 % + 0.5 × 0.4457 % = 0.5481 %
    expect(lt?.key).toBeCloseTo(key, 12);
    expect([Math.floor(30_000 * key), Math.ceil(30_000 * key)]).toContain(lt?.relocations);
    expect(Math.abs((lt?.eurCents ?? 0) - 600_000_000_00 * key)).toBeLessThanOrEqual(1);
  });

  it('uses population on 1 January 2025 and GDP of 2024, and says so in the trace', () => {
    expect([result.populationYear, result.gdpYear]).toEqual([2025, 2024]);
    expect(result.trace.data.population.rows).toHaveLength(26);
    expect(result.trace.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'ammr.reference-key.population-weight',
        'ammr.reference-key.gdp-weight',
        'ammr.participating-states',
        'ammr.pool.eur-per-relocation',
      ]),
    );
    expect(result.trace.rule).toMatch(/AMMR Art\. 66, Annex I/);
  });
});

describe('who is in the key', () => {
  const result = computeFairShares(LAW, PROPOSAL_2026, DATA, statutoryMinimumPool(LAW, PROPOSAL_2026));
  it('Denmark is not (Protocol No 22); Ireland is (opt-in of 2024); 26 states in all', () => {
    const codes = result.rows.map((r) => r.country);
    expect(codes).not.toContain('DK');
    expect(codes).toContain('IE');
    expect(codes).toHaveLength(26);
  });

  it('the shares of population, of GDP and the keys each add up to 1', () => {
    for (const field of ['populationShare', 'gdpShare', 'key'] as const) {
      expect(result.rows.reduce((s, r) => s + r[field], 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('the 2026 pool (Council Implementing Decision (EU) 2025/2642)', () => {
  const pool = annualPool(LAW, 2026, '2026-11-23');
  const result = computeFairShares(LAW, pool.dataDate, DATA, pool);
  it('shares exactly 21,000 relocations and EUR 420,000,000.00 with reference data of 11 November 2025', () => {
    expect(pool.dataDate).toBe('2025-11-11');
    expect(result.totals.relocations).toBe(21_000);
    expect(result.totals.eurCents).toBe(420_000_000_00);
    expect(result.warnings).toEqual([]);
  });

  it('is not yet known before the Council set it (19 December 2025)', () => {
    expect(() => annualPool(LAW, 2026, '2025-12-18')).toThrow(/no value before 2025-12-19/);
  });
});

describe('for any pool size', () => {
  it('relocations and euros add up exactly to the pool, each share within one unit of key × pool', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 1, max: 1e13 }),
        (relocations, eurCents) => {
          const result = computeFairShares(
            LAW,
            PROPOSAL_2026,
            DATA,
            customPool(LAW, PROPOSAL_2026, { relocations, eurCents }),
          );
          expect(result.totals.relocations).toBe(relocations);
          expect(result.totals.eurCents).toBe(eurCents);
          for (const r of result.rows) {
            // whole persons: the floor or the ceiling of the exact quota
            expect([Math.floor(r.exactRelocations), Math.ceil(r.exactRelocations)]).toContain(r.relocations);
            // whole cents: within one cent of key × pool (the float key is exact to about 1e-15)
            expect(Math.abs(r.eurCents - r.key * eurCents)).toBeLessThan(1.05);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the key rises with population and with GDP', () => {
  const bump = (field: 'population' | 'gdp', delta: number): ReferenceData => ({
    ...DATA,
    population: DATA.population.map((r) =>
      field === 'population' && r.country === 'LT' ? { ...r, population: r.population + delta } : r,
    ),
    gdp: DATA.gdp.map((r) =>
      field === 'gdp' && r.country === 'LT' ? { ...r, gdpMeur: (Number(r.gdpMeur) + delta).toFixed(1) } : r,
    ),
  });
  const keyOf = (data: ReferenceData) =>
    computeFairShares(LAW, PROPOSAL_2026, data, statutoryMinimumPool(LAW, PROPOSAL_2026)).rows.find(
      (r) => r.country === 'LT',
    )?.key ?? 0;
  const base = keyOf(DATA);

  it('more people in Lithuania, other things equal: a larger key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 50_000_000 }), (d) => keyOf(bump('population', d)) > base),
      { numRuns: 25 },
    );
  });

  it('more GDP in Lithuania, other things equal: a larger key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (d) => keyOf(bump('gdp', d)) > base),
      { numRuns: 25 },
    );
  });
});

describe('pools of the user', () => {
  it('derives euros from relocations at EUR 20,000 each (AMMR Art. 12(3)), and relocations from euros', () => {
    expect(customPool(LAW, PROPOSAL_2026, { relocations: 21_000 }).eurCents).toBe(420_000_000_00);
    expect(customPool(LAW, PROPOSAL_2026, { eurCents: 420_000_000_00 }).relocations).toBe(21_000);
  });

  it('warns when the two numbers break the Art. 12(3) ratio', () => {
    expect(
      customPool(LAW, PROPOSAL_2026, { relocations: 30_000, eurCents: 500_000_000_00 }).warnings.join(),
    ).toMatch(/ratio/);
  });
});
