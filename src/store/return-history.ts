// issue 22: returns counted before the Pact applied (table return_history, src/store/schema-returns.ts):
// published monthly counts with their source, no person and no case behind them. `pact demo` loads those of
// 2021–2022 (data/returns-lt-2021-2022.csv); one `return-history.imported` audit entry records each load with
// its totals and sources.
import { sql } from 'drizzle-orm';
import { appendAudit } from './audit.ts';
import { type Db, rowsOf } from './database.ts';
import { PACT_APPLIES_FROM } from './history.ts';

export interface ReturnHistoryRow {
  readonly state: string;
  /** YYYY-MM, before the Pact applied */
  readonly month: string;
  readonly citizen: string;
  readonly rtnType: 'VOL' | 'ENF';
  readonly rtnAss: 'ASS' | 'NASS';
  readonly persons: number;
  readonly source: string;
}

export async function importReturnHistory(
  db: Db,
  rows: readonly ReturnHistoryRow[],
  actor: string,
  now: Date,
): Promise<number> {
  for (const r of rows)
    if (!/^\d{4}-\d{2}$/.test(r.month) || `${r.month}-01` >= PACT_APPLIES_FROM || r.persons <= 0)
      throw new Error(
        `return history: ${r.month} ${r.citizen}: a month before the Pact and a positive count`,
      );
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    for (const r of rows)
      await tx.execute(sql`insert into return_history (state, month, citizen, rtn_type, rtn_ass, persons, source)
        values (${r.state}, ${`${r.month}-01`}::date, ${r.citizen}, ${r.rtnType}, ${r.rtnAss}, ${r.persons}, ${r.source})`);
    await appendAudit(tx, [
      {
        at: now,
        actor,
        action: 'return-history.imported',
        subject: null,
        data: {
          rows: rows.length,
          persons: rows.reduce((s, r) => s + r.persons, 0),
          sources: [...new Set(rows.map((r) => r.source))],
        },
      },
    ]);
  });
  return rows.reduce((s, r) => s + r.persons, 0);
}

/** The counted history of a state's months (YYYY-MM, both included), as the returns statistics count. */
export async function returnHistoryCounts(
  db: Db,
  q: { state: string; from: string; to: string },
): Promise<{ period: string; citizen: string; key: string; value: number }[]> {
  const rows = await rowsOf<{ period: string; citizen: string; t: string; a: string; value: number }>(
    db,
    sql`select to_char(month, 'YYYY-MM') as period, citizen, rtn_type as t, rtn_ass as a, persons as value
      from return_history where state = ${q.state} and month >= ${`${q.from}-01`}::date
        and month <= ${`${q.to}-01`}::date`,
  );
  return rows.flatMap((r) => {
    const c = { period: r.period, citizen: r.citizen, value: Number(r.value) };
    if (r.t === 'ENF') return [{ ...c, key: 'forced' }];
    return r.a === 'ASS'
      ? [
          { ...c, key: 'voluntary' },
          { ...c, key: 'assisted' },
        ]
      : [{ ...c, key: 'voluntary' }];
  });
}
