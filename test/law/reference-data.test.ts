// AMMR Art. 66 uses "the latest available Eurostat data": population on 1 January of Y counts as published
// from 1 August of Y (released in July), GDP of Y from 1 April of Y+1 (released in March).
import { describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import {
  type ReferenceData,
  ReferenceDataUnavailableError,
  selectReferenceYears,
} from '../../src/law/reference-data.ts';

const shipped = (popYears: number[], gdpYears: number[]): ReferenceData => ({
  population: popYears.map((year) => ({
    country: 'LT',
    year,
    population: 1,
    precision: 'exact',
    source: 'test',
  })),
  gdp: gdpYears.map((year) => ({ country: 'LT', year, gdpMeur: '1', basis: 'test', source: 'test' })),
  populationFile: 'pop.csv',
  gdpFile: 'gdp.csv',
});

const data = shipped([2023, 2024, 2025], [2022, 2023, 2024]);

describe('which figures were the latest available at a date', () => {
  it('the 2026 pool, proposed on 11 November 2025, uses population on 1 January 2025 and GDP of 2024', () => {
    const r = selectReferenceYears(LAW, '2025-11-11', data);
    expect([r.populationYear, r.gdpYear]).toEqual([2025, 2024]);
    expect(r.warnings).toEqual([]);
  });

  it('population of 2025 (published July 2025) is not yet used on 31 July 2025, and is on 1 August', () => {
    expect(selectReferenceYears(LAW, '2025-07-31', data).populationYear).toBe(2024);
    expect(selectReferenceYears(LAW, '2025-08-01', data).populationYear).toBe(2025);
  });

  it('GDP of 2024 (published March 2025) is not yet used on 31 March 2025, and is on 1 April', () => {
    expect(selectReferenceYears(LAW, '2025-03-31', data).gdpYear).toBe(2023);
    expect(selectReferenceYears(LAW, '2025-04-01', data).gdpYear).toBe(2024);
  });

  it('when newer figures count as published than are shipped, uses the newest shipped and warns', () => {
    const r = selectReferenceYears(LAW, '2026-11-23', data);
    expect([r.populationYear, r.gdpYear]).toEqual([2025, 2024]);
    expect(r.expected).toEqual({ populationYear: 2026, gdpYear: 2025 });
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/population on 1 January 2026 counts as published/);
  });

  it('a date before any shipped figure was published is an error', () => {
    expect(() => selectReferenceYears(LAW, '2024-07-15', shipped([2024, 2025], [2023, 2024]))).toThrow(
      ReferenceDataUnavailableError,
    );
  });
});
