// Monthly first-time asylum applicants in the shape of Eurostat's migr_asyappctzm ("Asylum applicants by
// type, citizenship, age and sex — monthly data"): one row per month, citizenship, sex and age class, counted
// in SQL. A person counts in the month their application was registered (APR Art. 27), in the state's zone —
// one case has one registration, so each person is a first-time applicant here. Public outputs hide cells
// below 5 (OBS_VALUE empty, OBS_FLAG "c", Eurostat's flag for confidential) and round the others to base 5
// (src/store/disclosure.ts; Eurostat rounds these figures to the nearest 5), for ended months only
// (`lastEndedMonth`). Citizenship: Pact's XX (unknown) and a nationality not recorded are Eurostat's UNK, XS
// (stateless) its STLS (Eurostat's citizenship list; issue #16 split the two, which XX used to mix).
import { sql } from 'drizzle-orm';
import { SUPPRESS_BELOW } from './aggregates.ts';
import type { Db } from './database.ts';
import { rowsOf } from './database.ts';
import type { Rounder } from './disclosure.ts';

/** The columns, in Eurostat's SDMX-CSV order (DATAFLOW and LAST UPDATE left out: this is not Eurostat's file). */
/** A month as the export takes it (YYYY-MM); the CLI and the API check against it. */
export const MONTH_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

export const EUROSTAT_COLUMNS = [
  'freq',
  'unit',
  'citizen',
  'sex',
  'age',
  'asyl_app',
  'geo',
  'TIME_PERIOD',
  'OBS_VALUE',
  'OBS_FLAG',
] as const;

/** Age classes of migr_asyappctzm, by the age reached in the year of registration (birth year only is known). */
export const AGE_CLASSES = ['Y_LT14', 'Y14-17', 'Y18-34', 'Y35-64', 'Y_GE65', 'UNK'] as const;

export interface EurostatRow {
  readonly freq: 'M';
  readonly unit: 'PER';
  readonly citizen: string;
  readonly sex: 'F' | 'M' | 'UNK';
  readonly age: (typeof AGE_CLASSES)[number];
  readonly asyl_app: 'NASY_APP';
  readonly geo: string;
  readonly TIME_PERIOD: string;
  readonly OBS_VALUE: number | null;
  readonly OBS_FLAG: '' | 'c';
}

// one rule for every public output (src/store/aggregates.ts)
export { SUPPRESS_BELOW };

/** `from`/`to`: months (YYYY-MM), both included. */
export async function firstTimeApplicants(
  db: Db,
  q: {
    state: string;
    from: string;
    to: string;
    timeZone: string;
    /** for the public: counts 1–4 hidden, the others rounded (src/store/disclosure.ts); absent: exact */
    round?: Rounder;
  },
): Promise<EurostatRow[]> {
  const tz = q.timeZone;
  const lo = sql`((${`${q.from}-01`}::date)::timestamp at time zone ${tz})`;
  const hi = sql`(((${`${q.to}-01`}::date + interval '1 month')::date)::timestamp at time zone ${tz})`;
  const rows = await rowsOf<{ period: string; citizen: string; sex: string; age: string; value: number }>(
    db,
    sql`select * from (select to_char(a.at at time zone ${tz}, 'YYYY-MM') as period,
          case c.nationality when 'XS' then 'STLS' else coalesce(nullif(c.nationality::text, 'XX'), 'UNK') end as citizen,
          case c.sex when 'female' then 'F' when 'male' then 'M' else 'UNK' end as sex,
          case
            when c.birth_year is null then 'UNK'
            when extract(year from a.at at time zone ${tz})::int - c.birth_year < 14 then 'Y_LT14'
            when extract(year from a.at at time zone ${tz})::int - c.birth_year < 18 then 'Y14-17'
            when extract(year from a.at at time zone ${tz})::int - c.birth_year < 35 then 'Y18-34'
            when extract(year from a.at at time zone ${tz})::int - c.birth_year < 65 then 'Y35-64'
            else 'Y_GE65'
          end as age,
          count(*)::int as value
        from case_actions a join cases c on c.id = a.case_id
        where a.type = 'application.registered' and a.state = ${q.state} and a.at >= ${lo} and a.at < ${hi}
        group by 1, 2, 3, 4) s
        order by period, citizen collate "C", sex collate "C", age collate "C"`,
  );
  return eurostatRows(rows, q);
}

/** The counts (period, citizen, sex, age, value) as the export's rows: the same for the live and the rolled-up counts. */
export function eurostatRows(
  rows: readonly { period: string; citizen: string; sex: string; age: string; value: number }[],
  q: { state: string; round?: Rounder },
): EurostatRow[] {
  return rows.map((r) => {
    const [y, m] = r.period.split('-').map(Number) as [number, number];
    const value = q.round
      ? q.round(
          {
            state: q.state,
            metric: 'eurostat:first-time-applicants',
            first: `${r.period}-01`,
            last: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10),
            grouping: 'citizen+sex+age',
            group: `${r.citizen}+${r.sex}+${r.age}`,
          },
          r.value,
        )
      : r.value;
    const hidden = value === null;
    return {
      freq: 'M',
      unit: 'PER',
      citizen: r.citizen,
      sex: r.sex as EurostatRow['sex'],
      age: r.age as EurostatRow['age'],
      asyl_app: 'NASY_APP',
      geo: q.state === 'GR' ? 'EL' : q.state,
      TIME_PERIOD: r.period,
      OBS_VALUE: value,
      OBS_FLAG: hidden ? 'c' : '',
    };
  });
}

/** The last month that has ended on `now` in `timeZone` (YYYY-MM): the public gets no month still running. */
export function lastEndedMonth(now: Date, timeZone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1
    ? `${String(y - 1).padStart(4, '0')}-12`
    : `${String(y).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
}
