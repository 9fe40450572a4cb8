// issue 22: the demonstration's counted history of returns from Lithuania in 2021–2022, from the published
// figures of data/returns-lt-2021-2022.csv (each row keeps its source), written to return_history
// (src/store/return-history.ts) — there are no cases before the Pact, so these are counts, not persons. What
// was not published is assumed and listed in RETURN_ASSUMPTIONS, printed by `pact demo`. A row the plan
// needs but cannot find is an error, as in calibration.ts: never an invented number.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ReturnHistoryRow } from '../../store/return-history.ts';
import { CalibrationError } from './calibration.ts';

export const RETURNS_FILE = 'returns-lt-2021-2022.csv';

export const RETURN_ASSUMPTIONS = [
  "returns 2021: the 537 reported on 2 January 2022 (482 voluntary, 55 forced) include that day's charter flight of 98 Iraqis; the other 384 voluntary and the 55 forced returns are counted in December 2021 (their months were not published), citizenship unknown (UNK), the voluntary ones as not assisted (assistance per person not published)",
  'returns January 2022: the 98 Iraqis of the 2 January charter flight, assisted (a state payment of EUR 1,000 each)',
  "Iraq's repatriation flights from Minsk (November 2021) and IOM Lithuania's 90 assisted returns (July 2021 – October 2022) are in the data file as context, not counted: the first are returns from Belarus, the second overlap the figures above",
];

interface Row {
  date_or_period: string;
  country: string;
  measure: string;
  value: string;
  source: string;
}

export function readReturnHistory(dataDir: string): ReturnHistoryRow[] {
  const rows = parse(readFileSync(`${dataDir}/${RETURNS_FILE}`, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];
  const find = (period: string, measureStarts: string) => {
    const row = rows.find(
      (r) => r.country === 'LT' && r.date_or_period === period && r.measure.startsWith(measureStarts),
    );
    const value = Number(row?.value);
    if (!row || !Number.isInteger(value) || value < 0)
      throw new CalibrationError(
        `data/${RETURNS_FILE}: no usable row for LT, ${period}, "${measureStarts}…" (the demonstration's returns are counted from it)`,
      );
    return { value, source: row.source.split(' ')[0] ?? row.source };
  };
  const voluntary = find('2021-01-01/2022-01-02', 'migrants returned voluntarily');
  const forced = find('2021-01-01/2022-01-02', 'migrants returned against their will');
  const flight = find('2022-01-02', 'Iraqi citizens returned voluntarily on the first charter flight');
  if (voluntary.value < flight.value)
    throw new CalibrationError(`data/${RETURNS_FILE}: fewer voluntary returns than the flight carried`);
  return [
    {
      state: 'LT',
      month: '2021-12',
      citizen: 'UNK',
      rtnType: 'VOL',
      rtnAss: 'NASS',
      persons: voluntary.value - flight.value,
      source: voluntary.source,
    },
    {
      state: 'LT',
      month: '2021-12',
      citizen: 'UNK',
      rtnType: 'ENF',
      rtnAss: 'NASS',
      persons: forced.value,
      source: forced.source,
    },
    {
      state: 'LT',
      month: '2022-01',
      citizen: 'IQ',
      rtnType: 'VOL',
      rtnAss: 'ASS',
      persons: flight.value,
      source: flight.source,
    },
  ];
}
