// Reads the reference data shipped in data/ (population and GDP by member state) and validates every row.
// This is I/O, so it lives in the store layer; the law layer receives the rows as arguments.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { MEMBER_STATE_CODES } from '../../law/member-states.ts';
import { PactError } from '../law/errors.ts';
import type { RecognitionRate } from '../law/recognition-rates.ts';
import type { GdpRow, PopulationRow, ReferenceData } from '../law/reference-data.ts';

const ROOT = new URL('../../', import.meta.url);
export const DATA_DIR = new URL('data/', ROOT);

/** A file's path relative to the project when it is inside it, for traces and messages. */
const label = (url: URL): string =>
  url.href.startsWith(ROOT.href) ? url.href.slice(ROOT.href.length) : url.pathname;

export class ReferenceDataFileError extends PactError {
  constructor(file: string, problems: readonly string[]) {
    super(
      'reference-data-file',
      `${file}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
  }
}

const Year = z.coerce.number().int().min(1990).max(2100);
const Decimal = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal number');

const PopulationCsvRow = z.object({
  country_code: z.enum([...MEMBER_STATE_CODES, 'EU27']),
  year: Year,
  reference_date: z.iso.date(),
  population: z.string().regex(/^\d+$/, 'a whole number of persons'),
  precision: z.enum(['exact', 'rounded_to_100']),
  source: z.string(),
});

const GdpCsvRow = z.object({
  country_code: z.enum([...MEMBER_STATE_CODES, 'EU27']),
  year: Year,
  gdp_meur: Decimal,
  gdp_meur_basis: z.string().min(1),
  source: z.string(),
});

function readRows<T extends z.ZodType>(url: URL, schema: T): { rows: z.infer<T>[]; file: string } {
  const file = label(url);
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(url, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new ReferenceDataFileError(file, [(e as Error).message]);
  }
  const problems: string[] = [];
  const rows: z.infer<T>[] = [];
  records.forEach((rec, i) => {
    const r = schema.safeParse(rec);
    if (r.success) rows.push(r.data);
    else
      for (const issue of r.error.issues)
        problems.push(`line ${i + 2}, column ${issue.path.join('.')}: ${issue.message}`);
  });
  if (problems.length > 0) throw new ReferenceDataFileError(file, problems);
  return { rows, file };
}

/** Loads data/eu_population.csv and data/eu_gdp.csv (or the files given). EU-27 aggregate rows are dropped. */
export function loadReferenceData(
  populationFile: URL = new URL('eu_population.csv', DATA_DIR),
  gdpFile: URL = new URL('eu_gdp.csv', DATA_DIR),
): ReferenceData {
  const pop = readRows(populationFile, PopulationCsvRow);
  const gdp = readRows(gdpFile, GdpCsvRow);
  const population: PopulationRow[] = [];
  for (const r of pop.rows) {
    if (r.country_code === 'EU27') continue;
    population.push({
      country: r.country_code,
      year: r.year,
      population: Number(r.population),
      precision: r.precision,
      source: r.source,
    });
  }
  const gdpRows: GdpRow[] = [];
  for (const r of gdp.rows) {
    if (r.country_code === 'EU27') continue;
    gdpRows.push({
      country: r.country_code,
      year: r.year,
      gdpMeur: r.gdp_meur,
      basis: r.gdp_meur_basis,
      source: r.source,
    });
  }
  return {
    population,
    gdp: gdpRows,
    populationFile: pop.file,
    gdpFile: gdp.file,
  };
}

const PactRateRow = z.object({
  citizenship: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
  period: z
    .string()
    .regex(/^\d{4}(-(\d{2}|H[12]|Q[1-4]))?$/, 'a year (2025) or a part of one (2025-09, 2025-H1)'),
  recognition_rate_pct: z.coerce.number().min(0).max(100),
  scope: z.string().min(1),
  source: z.string().min(1),
});

/**
 * Union-wide recognition rates by citizenship: Pact's own file (data/recognition_rates.csv), or Eurostat's
 * first-instance decisions table migr_asydcfsta as SDMX-CSV (rate = decisions granting international
 * protection / all decisions, EU-27, both sexes, all ages, by year: see fromEurostat).
 */
export function loadRecognitionRates(
  file: URL = new URL('recognition_rates.csv', DATA_DIR),
): RecognitionRate[] {
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new ReferenceDataFileError(label(file), [(e as Error).message]);
  }
  const first = records[0] ?? {};
  if ('citizen' in first && 'decision' in first && 'OBS_VALUE' in first) return fromEurostat(records);
  const problems: string[] = [];
  const rates: RecognitionRate[] = [];
  records.forEach((rec, i) => {
    const r = PactRateRow.safeParse(rec);
    if (r.success) {
      rates.push({
        citizenship: r.data.citizenship,
        period: r.data.period,
        ratePct: r.data.recognition_rate_pct,
        scope: r.data.scope,
        source: r.data.source,
      });
    } else {
      for (const issue of r.error.issues)
        problems.push(`line ${i + 2}, column ${issue.path.join('.')}: ${issue.message}`);
    }
  });
  if (problems.length > 0) throw new ReferenceDataFileError(label(file), problems);
  return rates;
}

/**
 * APR Art. 42(1)(j): "the proportion of decisions by the determining authority granting international
 * protection" — international protection is refugee status and subsidiary protection (APR Art. 3), so the rate
 * is (GENCONV + SUB_PROT) ÷ TOTAL first-instance decisions, Union-wide (EU27_2020), annual, both sexes, all ages.
 * Eurostat's TOTAL_POS also counts national humanitarian status (HUMSTAT) and temporary protection, which are
 * not international protection (Venezuela 2024: 89 % with them, 4 % without — data/README): TOTAL_POS is used
 * only less HUMSTAT (and TEMP_PROT) when the file has no GENCONV/SUB_PROT rows, and not at all when it cannot
 * be cleaned.
 */
function fromEurostat(records: readonly Record<string, string>[]): RecognitionRate[] {
  const totals = new Map<string, Record<string, number>>();
  for (const r of records) {
    if (
      r.geo !== 'EU27_2020' ||
      (r.sex && r.sex !== 'T') ||
      (r.age && r.age !== 'TOTAL') ||
      (r.freq && r.freq !== 'A') ||
      (r.unit && r.unit !== 'PER')
    )
      continue;
    const value = Number(r.OBS_VALUE);
    if (r.OBS_VALUE === '' || !Number.isFinite(value) || !/^[A-Z]{2}$/.test(r.citizen ?? '')) continue;
    if (!/^\d{4}$/.test(r.TIME_PERIOD ?? '')) continue;
    const key = `${r.citizen}|${r.TIME_PERIOD}`;
    const t = totals.get(key) ?? {};
    t[r.decision ?? ''] = value;
    totals.set(key, t);
  }
  const rates: RecognitionRate[] = [];
  for (const [key, t] of totals) {
    const [citizenship = '', period = ''] = key.split('|');
    const all = t.TOTAL ?? 0;
    let pos: number | undefined;
    if (t.GENCONV !== undefined || t.SUB_PROT !== undefined) pos = (t.GENCONV ?? 0) + (t.SUB_PROT ?? 0);
    else if (t.TOTAL_POS !== undefined && t.HUMSTAT !== undefined)
      pos = t.TOTAL_POS - t.HUMSTAT - (t.TEMP_PROT ?? 0);
    if (all > 0 && pos !== undefined && pos >= 0) {
      // rounded UP to a tenth of a percent: a rate compares with a threshold of whole tenths (20 %, 5 %, 50 %)
      // exactly as the exact proportion does (20.04 % stays above 20 %)
      const ratePct = Math.ceil((1000 * pos) / all) / 10;
      rates.push({
        citizenship,
        period,
        ratePct,
        scope: 'EU-27 first instance, refugee + subsidiary protection (Eurostat migr_asydcfsta)',
        source: 'Eurostat migr_asydcfsta',
      });
    }
  }
  return rates;
}
