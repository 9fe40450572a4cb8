// bench:statistics, the options (npm run bench:statistics -- --help is the header of bench/statistics.ts): the
// command line and environment, the synthetic timeline, the candidate indexes of --try-indexes.
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string' },
    actions: { type: 'string' },
    runs: { type: 'string' },
    'max-seconds': { type: 'string' },
    warmup: { type: 'string' },
    reuse: { type: 'boolean' },
    keep: { type: 'boolean' },
    'try-indexes': { type: 'boolean' },
    'indexes-only': { type: 'boolean' },
    dir: { type: 'string' },
    database: { type: 'string' },
    'rollup-only': { type: 'boolean' },
  },
});
export const env = process.env;
export const BACKEND = (args.backend ?? env.BENCH_BACKEND ?? 'pg') === 'pglite' ? 'pglite' : 'postgres';
export const ACTIONS = Number(
  args.actions ?? env.BENCH_ACTIONS ?? (BACKEND === 'postgres' ? 10_000_000 : 1_000_000),
);
export const RUNS = Number(args.runs ?? env.BENCH_RUNS ?? 30);
export const MAX_MS = Number(args['max-seconds'] ?? env.BENCH_MAX_SECONDS ?? 20) * 1000;
export const WARMUP = Number(args.warmup ?? env.BENCH_WARMUP ?? 2);
export const REUSE = args.reuse ?? env.BENCH_REUSE === '1';
export const KEEP = args.keep ?? env.BENCH_KEEP === '1';
export const TRY_INDEXES = args['try-indexes'] ?? env.BENCH_TRY_INDEXES === '1';
export const INDEXES_ONLY = args['indexes-only'] ?? env.BENCH_INDEXES_ONLY === '1';
export const DIR = args.dir ?? env.BENCH_DIR;
/** issue 21: only the baselines and the rollups' table (bench/statistics/rollup.ts) */
export const ROLLUP_ONLY = args['rollup-only'] ?? env.BENCH_ROLLUP_ONLY === '1';
// issue 21 (monitoring): BENCH_SKIP_LIVE=1: no live count (seconds each at 10 M actions), the rollups only
export const SKIP_LIVE = env.BENCH_SKIP_LIVE === '1';
export const PG_URL = env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
export const BENCH_DB = args.database ?? env.BENCH_DATABASE ?? 'pact_bench';
if (!/^pact_bench\w*$/.test(BENCH_DB)) throw new Error('--database: pact_bench or pact_bench_…');
export const MIN_RUNS = 5;
export const TARGET_MS = 50;
if (!Number.isInteger(ACTIONS) || ACTIONS < 10_000) throw new Error('--actions: an integer ≥ 10000');

// the synthetic timeline (fixed, so that every run measures the same periods)
export const T0 = '2024-01-01T00:00:00+02:00';
export const T1 = '2026-12-01T00:00:00+02:00';
export const NOW = '2026-12-09T10:00:00Z';
export const STATE = 'LT';
export const ZONE = 'Europe/Vilnius';
export const YEAR = { from: '2025-01-01', to: '2025-12-31' };
export const DAYS30 = { from: '2026-11-10', to: '2026-12-09' };

/**
 * Indexes to try with --try-indexes (proposals; not part of the schema). Chosen from the EXPLAIN of the
 * queries that missed the target (see the report).
 */
// (the first three candidates of the first runs — a state's actions by type and time with their case, each
// case's registration, each case's registration deadline — are in migration 0008 now)
export const CANDIDATE_INDEXES: readonly string[] = [
  // the obligations of a case without reading the heap (deadlines by kind)
  'create index bench_obligations_case_cover on obligations (case_id) include (state, kind, status, due_at)',
  // the persons of an encounter without reading the heap (nationality groups, deadlines by kind)
  'create index bench_cases_encounter_cover on cases (encounter_id) include (id, state, nationality)',
  // the wishes of a period without reading the heap (registration within deadline, asylum-wishes)
  'create index bench_cases_state_wish_cover on cases (state, asylum_wish_at) include (id, flags, nationality)',
];
