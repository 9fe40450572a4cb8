// bench:statistics, the rollups (issue 21): each read that the issue's target names — a year of monitoring
// indicators, the public sums by nationality, the Eurostat export — counted live and from the rollups, in the
// same run, with "write then read": one write (an audit entry naming a case of 2025, as every write of Pact
// appends one: its facts and its days are counted again), then the next read, timed; its p50 and p95, what the
// write costs that read (write→read p50 − read p50) and the ratio to the bare read of the same run.
import { sql } from 'drizzle-orm';
import { aggregates } from '../../src/store/aggregates.ts';
import { appendAudit, lockAudit } from '../../src/store/audit.ts';
import { type Db, rowsOf } from '../../src/store/database.ts';
import { firstTimeApplicants } from '../../src/store/eurostat.ts';
import { monitoringIndicators } from '../../src/store/monitoring.ts';
import { rolledUpFirstTimeApplicants, rolledUpMonitoring } from '../../src/store/monitoring-rolled-up.ts';
import { refreshFacts } from '../../src/store/monitoring-rollup.ts';
import { refreshRollup, rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { SKIP_LIVE } from './options.ts';

export interface RollupBenchOptions {
  readonly state: string;
  readonly zone: string;
  readonly year: { from: string; to: string };
  readonly days30: { from: string; to: string };
  readonly now: Date;
  /** times of one run of `run` (warm-up and the number of runs as the rest of the benchmark) */
  readonly times: (run: () => Promise<unknown>, before?: () => Promise<unknown>) => Promise<number[]>;
  /** the baselines' p50 of the same run */
  readonly select1: number;
  readonly scan: number;
  readonly target: number;
}

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

/** One write as the rollups see it: an audit entry naming a random case of the year (and its day and state). */
async function oneWrite(db: Db, o: RollupBenchOptions): Promise<void> {
  await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const [c] = await rowsOf<{ id: string; at: string }>(
      tx,
      sql`select c.id::text as id, e.occurred_at::text as at from cases c join encounters e on e.id = c.encounter_id
        where c.state = ${o.state} and e.occurred_at >= ${o.year.from}::date and e.occurred_at < ${o.year.to}::date
        offset floor(random() * 1000) limit 1`,
    );
    if (!c) return;
    await lockAudit(tx);
    await appendAudit(tx, [
      {
        at: new Date(),
        actor: 'bench',
        action: 'interview.recorded',
        subject: c.id,
        data: { seq: 0, at: new Date(c.at).toISOString(), state: o.state, payloadSha256: 'bench' },
      },
    ]);
  });
}

export async function rollupBench(db: Db, o: RollupBenchOptions): Promise<void> {
  const year = { state: o.state, timeZone: o.zone, ...o.year };
  const t0 = performance.now();
  await refreshFacts(db, o.now);
  const built = performance.now() - t0;
  const [facts] = await rowsOf<{ facts: number; daily: number }>(
    db,
    sql`select (select count(*) from rollup_facts)::int as facts, (select count(*) from rollup_daily)::int as daily`,
  );
  console.log(
    `\nrollups: every fact computed in ${(built / 1000).toFixed(1)} s (${facts?.facts} facts, ${facts?.daily} daily sums)`,
  );
  // issue 21 (monitoring): with BENCH_SKIP_LIVE=1 the public aggregates are built only when their read is measured
  const only = process.env.BENCH_ROLLUP_READS?.split(',');
  if (!SKIP_LIVE || !only || only.some((x) => 'public sums'.includes(x))) await refreshRollup(db, o.now);
  const reads: { name: string; live: () => Promise<unknown>; rolled: () => Promise<unknown> }[] = [
    {
      name: 'monitoring indicators 2025',
      live: () => monitoringIndicators(db, { ...year, now: o.now }),
      rolled: () => rolledUpMonitoring(db, { ...year, now: o.now }),
    },
    {
      name: 'monitoring indicators 30 days',
      live: () => monitoringIndicators(db, { ...year, ...o.days30, now: o.now }),
      rolled: () => rolledUpMonitoring(db, { ...year, ...o.days30, now: o.now }),
    },
    {
      name: 'public sums 2025 by nationality (month)',
      live: () => aggregates(db, { ...year, granularity: 'month', by: 'nationality' }),
      rolled: () => rolledUpAggregates(db, { ...year, granularity: 'month', by: 'nationality' }),
    },
    {
      name: 'Eurostat export 2025',
      live: () => firstTimeApplicants(db, { ...year, from: '2025-01', to: '2025-12' }),
      rolled: () => rolledUpFirstTimeApplicants(db, { ...year, from: '2025-01', to: '2025-12' }),
    },
  ];
  const w = Math.max(...reads.map((r) => r.name.length));
  const num = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8);
  console.log(
    `\n${'read (rollups, issue 21)'.padEnd(w)}  live p50  live p95  roll p50  roll p95  live/roll  write→read p50  write→read p95  write cost p50  write→read/read p95  p95/select1  p95/count(*)  target p95 < ${o.target} ms`,
  );
  // BENCH_ROLLUP_READS: only the reads whose name contains one of these (comma-separated, e.g. "nationality")
  for (const r of reads.filter((x) => !only || only.some((o) => x.name.includes(o)))) {
    const live = SKIP_LIVE ? [Number.NaN] : await o.times(r.live);
    const rolled = await o.times(r.rolled);
    const afterWrite = await o.times(r.rolled, () => oneWrite(db, o));
    const [lp95, rp95, wp95] = [pct(live, 95), pct(rolled, 95), pct(afterWrite, 95)];
    const verdict = rp95 < o.target && wp95 < o.target ? 'met' : 'MISSED';
    console.log(
      `${r.name.padEnd(w)}  ${num(pct(live, 50))}  ${num(lp95)}  ${num(pct(rolled, 50))}  ${num(rp95)}  ${`${(lp95 / rp95).toFixed(0)}×`.padStart(9)}  ${num(pct(afterWrite, 50)).padStart(14)}  ${num(wp95).padStart(14)}  ${num(pct(afterWrite, 50) - pct(rolled, 50)).padStart(14)}  ${`${(wp95 / rp95).toFixed(1)}×`.padStart(19)}  ${`${(rp95 / o.select1).toFixed(1)}×`.padStart(11)}  ${`${(rp95 / o.scan).toFixed(3)}×`.padStart(12)}  ${verdict}`,
    );
  }
}
