// AMMR Art. 66: the reference key is "based on … the latest available Eurostat data". Which figures were
// the latest available at a date follows the publication rule of law/reference-data.ts. This module picks
// the population year and the GDP year for a date from the rows it is given, and says so in its trace.
import type { MemberStateCode } from '../../law/member-states.ts';
import type { IsoDate } from '../../law/schema.ts';
import { PactError } from './errors.ts';
import type { ParameterRegistry, UsedParameter } from './parameters.ts';

export interface PopulationRow {
  readonly country: MemberStateCode;
  /** Population on 1 January of this year. */
  readonly year: number;
  readonly population: number;
  readonly precision: 'exact' | 'rounded_to_100';
  readonly source: string;
}

export interface GdpRow {
  readonly country: MemberStateCode;
  readonly year: number;
  /** Million EUR at current prices, as the decimal string of the file (kept exact). */
  readonly gdpMeur: string;
  readonly basis: string;
  readonly source: string;
}

export interface ReferenceData {
  readonly population: readonly PopulationRow[];
  readonly gdp: readonly GdpRow[];
  readonly populationFile: string;
  readonly gdpFile: string;
}

export class ReferenceDataUnavailableError extends PactError {
  constructor(message: string) {
    super('reference-data-unavailable', message);
  }
}

export interface ReferenceYears {
  readonly populationYear: number;
  readonly gdpYear: number;
  /** What the publication rule says was available at the date (may be newer than what is shipped). */
  readonly expected: { readonly populationYear: number; readonly gdpYear: number };
  readonly parameters: readonly UsedParameter[];
  readonly warnings: readonly string[];
}

/** The first day of the month `months` after 1 January of `year`, as YYYY-MM-DD. */
function firstOfMonthAfter(year: number, months: number): IsoDate {
  const y = year + Math.floor(months / 12);
  const m = (months % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** The latest year Y whose figures count as available at `date`, given when Y's figures become available. */
function latestAvailableYear(date: IsoDate, availableFrom: (year: number) => IsoDate): number {
  let year = Number(date.slice(0, 4)) + 1;
  while (availableFrom(year) > date) year -= 1;
  return year;
}

interface Kind {
  readonly figures: string;
  readonly label: (year: number) => string;
}

const POPULATION: Kind = { figures: 'population figures', label: (y) => `population on 1 January ${y}` };
const GDP: Kind = { figures: 'GDP figures', label: (y) => `GDP of ${y}` };

function pick(
  kind: Kind,
  expected: number,
  shipped: readonly number[],
  date: IsoDate,
  availableFrom: (year: number) => IsoDate,
  warnings: string[],
): number {
  if (shipped.includes(expected)) return expected;
  const newest = Math.max(...shipped);
  const oldest = Math.min(...shipped);
  if (shipped.length > 0 && expected > newest) {
    warnings.push(
      `${kind.label(expected)} counts as published by ${date} (available from ${availableFrom(expected)}), but the newest shipped is ${kind.label(newest)}: the shares use it; load newer figures into data/ for the exact result`,
    );
    return newest;
  }
  const earliest =
    shipped.length > 0
      ? `; the earliest shipped, ${kind.label(oldest)}, counts as available from ${availableFrom(oldest)}`
      : '';
  throw new ReferenceDataUnavailableError(
    `no ${kind.figures} for ${date}: the latest published by then is ${kind.label(expected)}, which is not shipped${earliest}`,
  );
}

/** Which population year and GDP year the reference key uses at `date`. */
export function selectReferenceYears(
  law: ParameterRegistry,
  date: IsoDate,
  data: ReferenceData,
): ReferenceYears {
  const popLag = law.usedAt('reference-data.population.available-after', date);
  const gdpLag = law.usedAt('reference-data.gdp.available-after', date);
  const popFrom = (y: number) => firstOfMonthAfter(y, popLag.value as number);
  const gdpFrom = (y: number) => firstOfMonthAfter(y + 1, gdpLag.value as number);
  const expected = {
    populationYear: latestAvailableYear(date, popFrom),
    gdpYear: latestAvailableYear(date, gdpFrom),
  };
  const warnings: string[] = [];
  const shippedPop = [...new Set(data.population.map((r) => r.year))];
  const shippedGdp = [...new Set(data.gdp.map((r) => r.year))];
  const populationYear = pick(POPULATION, expected.populationYear, shippedPop, date, popFrom, warnings);
  const gdpYear = pick(GDP, expected.gdpYear, shippedGdp, date, gdpFrom, warnings);
  return { populationYear, gdpYear, expected, parameters: [popLag, gdpLag], warnings };
}
