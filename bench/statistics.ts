// Benchmark of the statistics reads (issue #7): p50/p95 of the public monthly aggregates, the dashboard's daily
// statistics, each monitoring indicator (and the whole call), the drill-down and the Eurostat export, on a
// large synthetic log. Prints figures; not a test.
//
//   npm run bench:statistics -- [--backend pg|pglite] [--actions N] [--runs 30] [--max-seconds 20]
//                               [--warmup 2] [--reuse] [--keep] [--try-indexes] [--indexes-only]
//                               [--database pact_bench] [--dir PATH]
//
// (each option also as an environment variable: BENCH_BACKEND, BENCH_ACTIONS, BENCH_RUNS, …)
//
// Data: generated INSIDE the database by INSERT … SELECT … FROM generate_series (no row leaves Node), after
// the schema was created by the project's own openStore (its migrations). One member state, LT (zone
// Europe/Vilnius), and 2 % of the encounters in PL; encounters spread over three years (2024-01-01 to
// 2026-12-01, "now" is 2026-12-09), of every kind; about 2.5 identified persons per encounter, one case each,
// each case's log following the procedure as far as its age allows (screening checks, Eurodac, asylum wish,
// screening completed or entry refused, registration — on time, late or not at all —, lodging, interview,
// decision with its outcome, appeal, return decided and executed, detention ordered on its grounds, reviewed
// and ended, absconding, the sweep's obligation.missed); the obligations (screening, eurodac, registration,
// lodging, decision, detention-review) met, missed, cancelled or open; the flags (registration-overdue,
// detention-irregular-entry-only, detained, …). The number of encounters is calibrated on a 2 % sample so
// that the log holds about --actions case actions (default 10,000,000 on PostgreSQL, 1,000,000 on PGlite).
// During the load the secondary indexes and case_actions' primary key are dropped and foreign-key triggers
// are off (the data is consistent by construction); then the same indexes are rebuilt from their own
// definitions (pg_get_indexdef) and the database is vacuumed and analysed — freshly built indexes are denser
// than those of a live system, which makes the figures slightly optimistic.
//
// PostgreSQL: DATABASE_URL (default postgres://root@127.0.0.1:5432/test) names the server; the benchmark
// drops and creates its own database pact_bench on it (never the database of the URL), and drops it at the
// end unless --keep (--reuse: keep using a pact_bench that already holds the same number of actions).
// PGlite: a temporary folder (or --dir), removed at the end unless --keep or --dir.
//
// Measured, for the year 2025 (and the last 30 days where the screen's default is 30 days), after --warmup
// unmeasured runs: each query --runs times, or fewer (at least 5) when --max-seconds have passed. The baseline
// in the same run: `select 1` (a round trip) and `select count(*) from case_actions` (a full count). A query
// whose p95 misses 50 ms is explained (EXPLAIN (ANALYZE, BUFFERS), written to a file). --try-indexes then
// creates the candidate indexes of CANDIDATE_INDEXES, measures the missed queries again and drops them
// (--indexes-only: measure only the baselines before, then every query with the candidate indexes).
// --database: another dedicated database name starting with pact_bench (to keep two sizes side by side).

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import { monitoringIndicators } from '../src/store/monitoring.ts';
import { refreshRollup } from '../src/store/statistics-rollup.ts';
import { describeData, generate, LOADED } from './statistics/generate.ts';
import {
  benches,
  capturing,
  explain,
  measure,
  printTable,
  type Result,
  timesOf,
} from './statistics/measure.ts';
import { openLite, openPg } from './statistics/open.ts';
import {
  ACTIONS,
  BACKEND,
  CANDIDATE_INDEXES,
  DAYS30,
  INDEXES_ONLY,
  MAX_MS,
  MIN_RUNS,
  NOW,
  ROLLUP_ONLY,
  RUNS,
  SKIP_LIVE,
  STATE,
  TARGET_MS,
  TRY_INDEXES,
  WARMUP,
  YEAR,
  ZONE,
} from './statistics/options.ts';
import { rollupBench } from './statistics/rollup.ts';

async function main(): Promise<void> {
  console.log(
    `Pact statistics benchmark — ${new Date().toISOString()}; ${BACKEND}, ${ACTIONS.toLocaleString('en')} case actions, ` +
      `up to ${RUNS} runs per query (at least ${MIN_RUNS}, at most ${MAX_MS / 1000} s), ${WARMUP} warm-up runs; ` +
      `state ${STATE} (${ZONE}), now ${NOW}`,
  );
  const o = BACKEND === 'postgres' ? await openPg() : await openLite();
  try {
    if (o.fresh) await generate(o.exec, BACKEND);
    else console.log(`reusing the generated data (${ACTIONS} actions)`);
    await describeData(o.exec);

    // the monitoring call's separate queries, as it builds them (it runs them at once with Promise.all)
    const monitoringParts: SQL[] = [];
    // issue 21 (monitoring): BENCH_SKIP_LIVE=1 skips the live counts and the public aggregates' first build
    if (!SKIP_LIVE) {
      await monitoringIndicators(capturing(o.store.db, monitoringParts), {
        state: STATE,
        timeZone: ZONE,
        ...YEAR,
        now: new Date(NOW),
      });
      const m = await monitoringIndicators(o.store.db, {
        state: STATE,
        timeZone: ZONE,
        ...YEAR,
        now: new Date(NOW),
      });
      const { legalBasis: _a, ...reg } = m.registrationWithinDeadline;
      const { legalBasis: _b, ...ref } = m.refusalsAfterWish;
      const { legalBasis: _c, ...det } = m.detentionsIrregularEntryOnly;
      const { legalBasis: _d, byKind: _e, ...force } = m.useOfForce;
      console.log(
        `indicators 2025: registration ${JSON.stringify(reg)}; refusals ${JSON.stringify(ref)}; detentions ${JSON.stringify(det)}; force ${JSON.stringify(force)}; ` +
          `deadlines ${m.deadlines.byKind.map((k) => `${k.kind} met ${k.met} missed ${k.missed} open-overdue ${k.openOverdue} open ${k.openNotYetDue} cancelled ${k.cancelled}`).join('; ')}`,
      );

      // the daily counts of the public aggregates: the first read builds them (bench data has no audit entries)
      const built = performance.now();
      await refreshRollup(o.store.db, new Date(NOW));
      console.log(
        `public aggregates: every fact and day count built in ${((performance.now() - built) / 1000).toFixed(1)} s`,
      );
    }

    const list = benches(monitoringParts);
    const results: Result[] = [];
    for (const b of (INDEXES_ONLY && TRY_INDEXES) || ROLLUP_ONLY ? list.slice(0, 2) : list) {
      const r = await measure(o.store.db, b);
      results.push(r);
      process.stdout.write(`\r  measured ${results.length}/${list.length}   `);
    }
    process.stdout.write('\n');
    const select1 = results[0]?.p50 ?? 1;
    const scan = results[1]?.p50 ?? 1;
    printTable(
      `${BACKEND}, ${ACTIONS.toLocaleString('en')} case actions (shared machine: other processes were running)`,
      results,
      select1,
      scan,
    );
    const file = join(tmpdir(), `pact-bench-statistics-${BACKEND}-${ACTIONS}-explain.txt`);
    await explain(o.store, results, file);
    await rollupBench(o.store.db, {
      state: STATE,
      zone: ZONE,
      year: YEAR,
      days30: DAYS30,
      now: new Date(NOW),
      times: (run, before) => timesOf(run, before),
      select1,
      scan,
      target: TARGET_MS,
    });

    if (TRY_INDEXES && CANDIDATE_INDEXES.length > 0) {
      const missed = INDEXES_ONLY
        ? list.slice(2).map((bench) => ({ bench }))
        : results.filter((r) => !r.bench.baseline && r.p95 >= TARGET_MS);
      const t0 = performance.now();
      for (const ddl of CANDIDATE_INDEXES) await o.exec(ddl);
      for (const t of LOADED) await o.exec(`analyze ${t}`);
      console.log(
        `\ncandidate indexes created in ${((performance.now() - t0) / 1000).toFixed(1)} s:\n  ${CANDIDATE_INDEXES.join(';\n  ')}`,
      );
      const again: Result[] = [];
      for (const r of [results[0], results[1], ...missed]) {
        if (r) again.push(await measure(o.store.db, r.bench));
      }
      printTable('with the candidate indexes', again, again[0]?.p50 ?? 1, again[1]?.p50 ?? 1);
      await explain(o.store, again, file.replace('-explain', '-explain-indexes'));
      for (const ddl of CANDIDATE_INDEXES) {
        const name = /index (?:if not exists )?(\S+)/i.exec(ddl)?.[1];
        if (name) await o.exec(`drop index if exists ${name}`);
      }
    }
  } finally {
    await o.cleanup();
  }
}

await main();
