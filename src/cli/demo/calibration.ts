// The published figures the demonstration scenario is calibrated on, read from the project's data files
// (data/border_stats.csv: press reports quoting Lithuania's State Border Guard Service, VSAT; data/
// arrivals-lt-2021.csv: the Interior Ministry's breakdown by nationality). Every figure keeps the row it
// came from, so that `pact demo` can print its sources. A row the scenario needs but cannot find is an
// error: the scenario never silently falls back to an invented number.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { PactError } from '../../law/errors.ts';

export interface Sourced {
  readonly value: number;
  /** date_or_period and measure of the row, and its source */
  readonly period: string;
  readonly measure: string;
  readonly source: string;
}

export interface Calibration {
  /** Irregular migrants detained (apprehended) at the Belarus border in 2020. */
  readonly detained2020: Sourced;
  /** 2021, by month (3 = March … 7 = July). */
  readonly detained2021ByMonth: ReadonlyMap<number, Sourced>;
  /** 1–27 July 2021 (as reported on 28 July), and 27 July, the then-record day. */
  readonly detainedJuly1To27: Sourced;
  readonly detainedJuly27: Sourced;
  /** The record 24 hours of 1–2 August 2021. */
  readonly record24h: Sourced;
  /** Year to date on 6 August 2021, and the full year 2021 ("almost 4.2 thousand"). */
  readonly detainedTo6Aug: Sourced;
  readonly detained2021: Sourced;
  /** Turned back on 3–6 August 2021 ("about 700"), and 3 August – 31 December 2021. */
  readonly turnedBackFirstDays: Sourced;
  readonly turnedBack2021: Sourced;
  /** Turned back (prevented entries) per full year 2022–2025. */
  readonly turnedBackByYear: ReadonlyMap<number, Sourced>;
  /** 2024 by 1 July; 2025 by 27 August and by 7 October; 2026 by 16 February. */
  readonly turnedBack2024H1: Sourced;
  readonly turnedBack2025To27Aug: Sourced;
  readonly turnedBack2025To7Oct: Sourced;
  readonly turnedBack2026To16Feb: Sourced;
  /** Arrivals of 2021 by nationality (ISO code; '' = not named), 12 August 2021. */
  readonly nationalities2021: readonly { readonly code: string; readonly persons: number }[];
  readonly nationalitiesSource: string;
}

interface StatRow {
  date_or_period: string;
  country: string;
  measure: string;
  value: string;
  source: string;
}

/** A figure the scenario needs is missing or unreadable (one line, exit 2, like any other bad input). */
export class CalibrationError extends PactError {
  constructor(message: string) {
    super('calibration', message);
  }
}

export function readCalibration(dataDir: string): Calibration {
  const rows = parse(readFileSync(`${dataDir}/border_stats.csv`, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as StatRow[];
  const find = (period: string, measureStarts: string): Sourced => {
    const row = rows.find(
      (r) => r.country === 'LT' && r.date_or_period === period && r.measure.startsWith(measureStarts),
    );
    const value = Number(row?.value);
    if (!row || !Number.isInteger(value) || value < 0)
      throw new CalibrationError(
        `data/border_stats.csv: no usable row for LT, ${period}, "${measureStarts}…" (the demonstration is calibrated on it)`,
      );
    return { value, period: row.date_or_period, measure: row.measure, source: row.source };
  };
  const detained = 'irregular migrants detained at Belarus border';
  const prevented = 'persons prevented from entering from Belarus';
  const arrivals = parse(readFileSync(`${dataDir}/arrivals-lt-2021.csv`, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as { nationality: string; persons: string; source: string }[];
  const nationalities2021 = arrivals.map((r) => {
    const persons = Number(r.persons);
    if (!/^([A-Z]{2})?$/.test(r.nationality) || !Number.isInteger(persons) || persons <= 0)
      throw new CalibrationError(`data/arrivals-lt-2021.csv: bad row ${JSON.stringify(r)}`);
    return { code: r.nationality, persons };
  });
  return {
    detained2020: find('2020', detained),
    detained2021ByMonth: new Map(
      [3, 4, 5, 6, 7].map((m) => [m, find(`2021-0${m}`, `${detained} (month)`)] as const),
    ),
    detainedJuly1To27: find('2021-07-01/2021-07-27', 'irregular migrants detained (July to date'),
    detainedJuly27: find('2021-07-27', 'irregular migrants detained in one day'),
    record24h: find('2021-08-01/2021-08-02 (24h)', 'irregular migrants detained in 24 hours'),
    detainedTo6Aug: find('2021-01-01/2021-08-06', 'irregular migrants detained, year to date'),
    detained2021: find('2021', 'irregular migrants who entered from Belarus, full year'),
    turnedBackFirstDays: find('2021-08-03/2021-08-06', 'persons turned back'),
    turnedBack2021: find('2021-08-03/2021-12-31', prevented),
    turnedBackByYear: new Map([
      [2022, find('2022', prevented)],
      [2023, find('2023', prevented)],
      [2024, find('2024', 'illegal entry attempts from Belarus')],
      [2025, find('2025', `${prevented}, full year`)],
    ]),
    turnedBack2024H1: find('2024-01-01/2024-06-30', prevented),
    turnedBack2025To27Aug: find('2025-01-01/2025-08-27', prevented),
    turnedBack2025To7Oct: find('2025-01-01/2025-10-07', prevented),
    turnedBack2026To16Feb: find('2026-01-01/2026-02-16', prevented),
    nationalities2021,
    nationalitiesSource: arrivals[0]?.source ?? '',
  };
}
