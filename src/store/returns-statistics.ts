// issue 22: monthly returns by citizenship, type of return and assistance, in the shape of Eurostat's return
// statistics where they fit. Eurostat's migr_eirtn ("Third country nationals returned following an order to
// leave", annual and, as migr_eirtn1, quarterly; rounded) counts persons by citizenship (and age and sex);
// since Regulation (EU) 2020/851 amended Regulation (EC) No 862/2007 Art. 7, states also report returns by
// type of return (voluntary, enforced) and by assistance received (assisted, not assisted): migr_eirt_vol and
// migr_eirt_ass. Pact gives one row per month, citizenship, type and assistance; the dimension codes below
// (rtn_type VOL|ENF, rtn_ass ASS|NASS) are Pact's own, modelled on those datasets: their codes in Eurostat's
// data structure were not read (UNCONFIRMED). No age or sex breakdown: cells of returns are small already.
//
// What counts, once per case (src/store/return-events.ts): a voluntary return is a departure confirmed at a
// border crossing point (`return.departure-confirmed`), assisted when support was granted before it; an enforced
// return is the first `return.executed`; a voluntary departure that lapsed and was then executed counts once, as
// enforced (a voluntary return executed later too). Month: the return's, in the state's zone. Public outputs hide
// counts 1–4 (OBS_FLAG "c") and round the others randomly to base 5 (src/store/disclosure.ts), as the first-time
// applicants export does, for months that have ended. Returns counted before the Pact applied, with no case
// behind them (table return_history: the demo's 2021–2022, src/store/return-history.ts), are added as counted.
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from './database.ts';
import type { Rounder } from './disclosure.ts';
import { refreshFacts } from './monitoring-rollup.ts';
import { returnEvents } from './return-events.ts';
import { returnHistoryCounts } from './return-history.ts';

export const RETURNS_COLUMNS = [
  'freq',
  'unit',
  'citizen',
  'rtn_type',
  'rtn_ass',
  'geo',
  'TIME_PERIOD',
  'OBS_VALUE',
  'OBS_FLAG',
] as const;

export interface ReturnsRow {
  readonly freq: 'M';
  readonly unit: 'PER';
  readonly citizen: string;
  /** VOL: voluntary (departure confirmed); ENF: enforced (removal) */
  readonly rtn_type: 'VOL' | 'ENF';
  /** ASS: with support granted before the departure; NASS: without (every enforced return in Pact) */
  readonly rtn_ass: 'ASS' | 'NASS';
  readonly geo: string;
  readonly TIME_PERIOD: string;
  readonly OBS_VALUE: number | null;
  readonly OBS_FLAG: '' | 'c';
}

/** Counts by (month, citizen, event key) of the keys voluntary, assisted and forced. */
type Count = { period: string; citizen: string; key: string; value: number };

const byC = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const ORDER = ['VOL+ASS', 'VOL+NASS', 'ENF+NASS'];

/** The counts as rows: voluntary split into assisted and not assisted; empty cells left out. */
export function returnsRows(counts: readonly Count[], q: { state: string; round?: Rounder }): ReturnsRow[] {
  const cells = new Map<string, { period: string; citizen: string; v: number; a: number; f: number }>();
  for (const c of counts) {
    const k = `${c.period}\u0000${c.citizen}`;
    const cell = cells.get(k) ?? { period: c.period, citizen: c.citizen, v: 0, a: 0, f: 0 };
    if (c.key === 'voluntary') cell.v += c.value;
    else if (c.key === 'assisted') cell.a += c.value;
    else if (c.key === 'forced') cell.f += c.value;
    cells.set(k, cell);
  }
  const out: (ReturnsRow & { order: number })[] = [];
  for (const c of cells.values()) {
    const [y, m] = c.period.split('-').map(Number) as [number, number];
    for (const [type, ass, value] of [
      ['VOL', 'ASS', c.a],
      ['VOL', 'NASS', c.v - c.a],
      ['ENF', 'NASS', c.f],
    ] as const) {
      if (value <= 0) continue;
      const shown = q.round
        ? q.round(
            {
              state: q.state,
              metric: 'eurostat:returns',
              first: `${c.period}-01`,
              last: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10),
              grouping: 'citizen+rtn_type+rtn_ass',
              group: `${c.citizen}+${type}+${ass}`,
            },
            value,
          )
        : value;
      out.push({
        freq: 'M',
        unit: 'PER',
        citizen: c.citizen,
        rtn_type: type,
        rtn_ass: ass,
        geo: q.state === 'GR' ? 'EL' : q.state,
        TIME_PERIOD: c.period,
        OBS_VALUE: shown,
        OBS_FLAG: shown === null ? 'c' : '',
        order: ORDER.indexOf(`${type}+${ass}`),
      });
    }
  }
  return out
    .sort((a, b) => byC(a.TIME_PERIOD, b.TIME_PERIOD) || byC(a.citizen, b.citizen) || a.order - b.order)
    .map(({ order: _, ...row }) => row);
}

interface ReturnsQuery {
  readonly state: string;
  /** months, YYYY-MM, both included */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** for the public: counts 1–4 hidden, the others rounded; absent: exact */
  readonly round?: Rounder;
}

/** Counted live from the case logs. */
export async function returnsByCitizenship(db: Db, q: ReturnsQuery): Promise<ReturnsRow[]> {
  const lo = sql`((${`${q.from}-01`}::date)::timestamp at time zone ${q.timeZone})`;
  const hi = sql`(((${`${q.to}-01`}::date + interval '1 month')::date)::timestamp at time zone ${q.timeZone})`;
  const rows = await rowsOf<Count>(
    db,
    sql`select to_char(e.at at time zone ${q.timeZone}, 'YYYY-MM') as period, e.citizen, e.key,
        count(*)::int as value
      from (${returnEvents(sql`c.state = ${q.state}`)}) e
      where e.at >= ${lo} and e.at < ${hi} and e.key in ('voluntary', 'assisted', 'forced')
      group by 1, 2, 3`,
  );
  return returnsRows(
    [...rows.map((r) => ({ ...r, value: Number(r.value) })), ...(await returnHistoryCounts(db, q))],
    q,
  );
}

/** The same from the roll-up's daily sums (keys ret:*, src/store/monitoring-rollup.ts); `db`: the primary. */
export async function rolledUpReturns(db: Db, q: ReturnsQuery): Promise<ReturnsRow[]> {
  await refreshFacts(db);
  const rows = await rowsOf<Count>(
    db,
    sql`select to_char(day, 'YYYY-MM') as period, grp as citizen, substr(key, 5) as key,
        sum(value)::int as value from rollup_daily
      where state = ${q.state} and key in ('ret:voluntary', 'ret:assisted', 'ret:forced')
        and day >= ${`${q.from}-01`}::date
        and day < (${`${q.to}-01`}::date + interval '1 month')::date
      group by 1, 2, 3 having sum(value) > 0`,
  );
  return returnsRows(
    [...rows.map((r) => ({ ...r, value: Number(r.value) })), ...(await returnHistoryCounts(db, q))],
    q,
  );
}
