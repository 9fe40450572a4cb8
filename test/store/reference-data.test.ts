// The reference-data loader refuses a file it cannot read, naming the line and the column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReferenceData, ReferenceDataFileError } from '../../src/store/reference-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'pact-ref-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return pathToFileURL(path);
};

const POP_HEADER = 'country_code,eurostat_geo,country,year,reference_date,population,precision,source\n';
const GDP_HEADER =
  'country_code,eurostat_geo,country,year,gdp_meur,gdp_musd,gdp_meur_basis,gdp_musd_worldbank,source\n';
const gdp = file('gdp.csv', `${GDP_HEADER}LT,LT,Lithuania,2024,78413.0,,IMF,,S6\n`);

describe('loading reference data', () => {
  it('reads the shipped files: 27 states a year, the EU-27 aggregate rows left out', () => {
    const data = loadReferenceData();
    expect(data.population.filter((r) => r.year === 2025)).toHaveLength(27);
    expect(data.gdp.filter((r) => r.year === 2024)).toHaveLength(27);
    expect(data.population.some((r) => (r.country as string) === 'EU27')).toBe(false);
  });

  it('refuses a row with a bad country code or a non-numeric population, naming line and column', () => {
    const pop = file(
      'pop.csv',
      `${POP_HEADER}LT,LT,Lithuania,2025,2025-01-01,2890700,exact,S3\nXX,XX,Nowhere,2025,2025-01-01,many,exact,S3\n`,
    );
    expect(() => loadReferenceData(pop, gdp)).toThrow(ReferenceDataFileError);
    expect(() => loadReferenceData(pop, gdp)).toThrow(
      /line 3, column country_code.*line 3, column population/,
    );
  });

  it('refuses a missing file with its path', () => {
    expect(() => loadReferenceData(pathToFileURL(join(dir, 'none.csv')), gdp)).toThrow(/none\.csv/);
  });
});
