// APR Art. 42(1)(j) and 45(1): the border procedure is mandatory for nationals of a country whose latest
// annual Union-wide recognition rate is 20 % or lower. Rates are dated data per nationality (loaded by the
// store from data/recognition_rates.csv or Eurostat's migr_asydcfsta); for a nationality with no annual
// rate available at the date, the ground cannot be applied, and Pact says so.
import type { IsoDate } from '../../law/schema.ts';
import type { ParameterRegistry } from './parameters.ts';

export interface RecognitionRate {
  readonly citizenship: string;
  /** "2025" (annual), or a shorter period ("2025-09", "2025-H1") that the rule does not use. */
  readonly period: string;
  readonly ratePct: number;
  readonly scope: string;
  readonly source: string;
}

/** The latest annual rate for `citizenship` counted as available on `date`, if any. */
export function annualRateAt(
  law: ParameterRegistry,
  rates: readonly RecognitionRate[],
  citizenship: string,
  date: IsoDate,
): RecognitionRate | undefined {
  const lag = law.usedAt('reference-data.recognition-rate.available-after', date).value as number;
  let best: RecognitionRate | undefined;
  for (const r of rates) {
    if (r.citizenship !== citizenship || !/^\d{4}$/.test(r.period)) continue;
    const year = Number(r.period) + 1 + Math.floor(lag / 12);
    const from = `${year}-${String((lag % 12) + 1).padStart(2, '0')}-01`;
    if (from <= date && (!best || r.period > best.period)) best = r;
  }
  return best;
}

export type RateLookup = (citizenship: string, date: IsoDate) => RecognitionRate | undefined;
