// bench:statistics, the measurement: each query's p50/p95 after warm-up runs, the baselines of the same run,
// the table printed, and EXPLAIN (ANALYZE, BUFFERS) of the queries that miss the target.

import { writeFileSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { aggregates, GROUPINGS, type Grouping } from '../../src/store/aggregates.ts';
import type { Db, Store } from '../../src/store/database.ts';
import { firstTimeApplicants } from '../../src/store/eurostat.ts';
import {
  INDICATORS,
  indicatorCases,
  type MonitoringQuery,
  monitoringIndicators,
} from '../../src/store/monitoring.ts';
import { dailyStatistics } from '../../src/store/statistics.ts';
import { rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { DAYS30, MAX_MS, MIN_RUNS, NOW, RUNS, STATE, TARGET_MS, WARMUP, YEAR, ZONE } from './options.ts';

export interface Bench {
  readonly name: string;
  readonly run: (db: Db) => Promise<unknown>;
  /** a baseline: no target, no EXPLAIN */
  readonly baseline?: boolean;
  /** several queries at once whose parts are measured separately: no EXPLAIN */
  readonly composite?: boolean;
}

export interface Result {
  readonly name: string;
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly bench: Bench;
}

/** Nearest rank. */
export const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

/** A Db that records the SQL of every execute (the store's queries all go through db.execute). */
export function capturing(db: Db, into: SQL[]): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'execute') {
        return (q: SQL) => {
          into.push(q);
          return target.execute(q);
        };
      }
      return Reflect.get(target, prop, target);
    },
  });
}

export async function measure(db: Db, bench: Bench): Promise<Result> {
  const times = await timesOf(() => bench.run(db));
  return {
    name: bench.name,
    runs: times.length,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: Math.max(...times),
    bench,
  };
}

/** Times of `run` (after `before`, untimed, each time), as `measure` takes them. */
export async function timesOf(
  run: () => Promise<unknown>,
  before?: () => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < RUNS && (times.length < MIN_RUNS || performance.now() - start < MAX_MS)) {
    await before?.();
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

export function printTable(title: string, results: readonly Result[], select1: number, scan: number): void {
  const w = Math.max(...results.map((r) => r.name.length), 5);
  const num = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(9);
  const ratio = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)}×`.padStart(11);
  console.log(`\n${title}`);
  console.log(
    `${'query'.padEnd(w)}  runs    p50 ms    p95 ms    max ms  p95/select1  p95/count(*)  target p95 < ${TARGET_MS} ms\n` +
      `${''.padEnd(w)}                                         (ratios to the baselines' p50)`,
  );
  for (const r of results) {
    const verdict = r.bench.baseline ? 'baseline' : r.p95 < TARGET_MS ? 'met' : 'MISSED';
    console.log(
      `${r.name.padEnd(w)}  ${String(r.runs).padStart(4)} ${num(r.p50)} ${num(r.p95)} ${num(r.max)}  ${ratio(r.p95 / select1)}  ${ratio(r.p95 / scan).padStart(12)}  ${verdict}`,
    );
  }
}

export function benches(monitoringParts: readonly SQL[]): Bench[] {
  const year = { state: STATE, timeZone: ZONE, ...YEAR };
  const now = new Date(NOW);
  const monYear: MonitoringQuery = { ...year, now };
  const mon30: MonitoringQuery = { state: STATE, timeZone: ZONE, ...DAYS30, now };
  const byList: Grouping[] = ['none', 'nationality', 'border-section'];
  const partNames = [
    'registration within deadline',
    'refusals after a wish',
    'deadlines by kind',
    'detentions on irregular entry only',
    'use of force: totals',
    'use of force: by kind',
  ];
  const out: Bench[] = [
    { name: 'baseline: select 1', run: (d) => d.execute(sql`select 1`), baseline: true },
    {
      name: 'baseline: count(*) case_actions',
      run: (d) => d.execute(sql`select count(*) from case_actions`),
      baseline: true,
    },
    ...byList.map(
      (by): Bench => ({
        name: `aggregates month 2025 by ${by}`,
        run: (d) => aggregates(d, { ...year, granularity: 'month', by }),
      }),
    ),
    ...byList.map(
      (by): Bench => ({
        name: `public aggregates month 2025 by ${by} (rolled up)`,
        run: (d) => rolledUpAggregates(d, { ...year, granularity: 'month', by }),
      }),
    ),
    {
      // what one write costs the next read: its day counted again, for every grouping
      name: 'rollup: one day recounted (6 groupings)',
      run: async (d) => {
        for (const by of GROUPINGS)
          await aggregates(d, { ...year, from: '2025-06-11', to: '2025-06-11', granularity: 'day', by });
      },
    },
    {
      name: 'dashboard dailyStatistics 2025',
      run: (d) => dailyStatistics(d, { ...year, now }),
    },
    {
      name: 'dashboard dailyStatistics 30 days',
      run: (d) => dailyStatistics(d, { state: STATE, timeZone: ZONE, ...DAYS30, now }),
    },
    {
      name: 'monitoringIndicators 2025 (call)',
      run: (d) => monitoringIndicators(d, monYear),
      composite: true,
    },
    {
      name: 'monitoringIndicators 30 days (call)',
      run: (d) => monitoringIndicators(d, mon30),
      composite: true,
    },
    ...monitoringParts.map(
      (q, i): Bench => ({
        name: `  indicator 2025: ${monitoringParts.length === partNames.length ? partNames[i] : `query ${i + 1}`}`,
        run: (d) => d.execute(q),
      }),
    ),
    ...INDICATORS.map(
      (ind): Bench => ({
        name: `indicatorCases 2025 ${ind}`,
        run: (d) => indicatorCases(d, monYear, ind),
      }),
    ),
    {
      name: 'eurostat firstTimeApplicants 2025',
      run: (d) =>
        firstTimeApplicants(d, {
          state: STATE,
          from: '2025-01',
          to: '2025-12',
          timeZone: ZONE,
          round: (_cell, v) => v,
        }),
    },
  ];
  return out;
}

export async function explain(store: Store, results: readonly Result[], file: string): Promise<void> {
  const dialect = new PgDialect();
  const parts: string[] = [];
  for (const r of results) {
    if (r.bench.baseline || r.bench.composite || r.p95 < TARGET_MS) continue;
    const captured: SQL[] = [];
    await r.bench.run(capturing(store.db, captured));
    for (const q of captured) {
      const { sql: text, params } = dialect.sqlToQuery(q);
      const plan = await store.query<Record<string, string>>(
        `explain (analyze, buffers) ${text}`,
        params as unknown[],
      );
      parts.push(
        `==== ${r.name} (p95 ${r.p95.toFixed(1)} ms)\n${text}\n-- params: ${JSON.stringify(params)}\n\n${plan
          .map((row) => Object.values(row)[0])
          .join('\n')}\n`,
      );
    }
  }
  if (parts.length === 0) return;
  writeFileSync(file, parts.join('\n'));
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the queries that missed the target: ${file}`);
}
