// Benchmark of the read replicas (issue 21): the dashboard's statistics read on a streaming replica against the
// same read on the primary (same run, same data, interleaved), and the replica's lag under a write load. Prints
// figures and ratios; not a test.
//
//   npm run bench:replica -- [--encounters 5000] [--runs 30] [--write-seconds 10]
//
// The primary and the replica: PACT_TEST_PRIMARY_URL and PACT_TEST_REPLICA_URL, or, when unset, the pair that
// scripts/replica-clusters.sh starts (5433, 5434). The benchmark creates its own database on the primary
// (pact_bench_replica_…) and drops it at the end. Synthetic encounters only.
//
// Lag under load: while one writer records encounters one by one (each its own transaction, as the API does),
// a sampler takes the primary's pg_current_wal_lsn() every 100 ms and times how long the replica takes until
// its pg_last_wal_replay_lsn() reaches it — the delay after which a read on the replica sees everything
// committed at the sample's time. Printed as p50/p95/max, and p95 against the default bound (5,000 ms).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { RecordEncounter } from '../src/domain/commands.ts';
import { LAW } from '../src/law/law.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { type Db, openStore } from '../src/store/database.ts';
import { DEFAULT_MAX_LAG_MS, lsnBytes } from '../src/store/read-replicas.ts';
import { dailyStatistics } from '../src/store/statistics.ts';

const { values: args } = parseArgs({
  options: {
    encounters: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '30' },
    'write-seconds': { type: 'string', default: '10' },
  },
});
const ENCOUNTERS = Number(args.encounters);
const RUNS = Number(args.runs);
const WRITE_MS = Number(args['write-seconds']) * 1000;

function clusters(): { primary: string; replica: string } {
  let primary = process.env.PACT_TEST_PRIMARY_URL;
  let replica = process.env.PACT_TEST_REPLICA_URL;
  if (!primary || !replica) {
    const out = execFileSync('scripts/replica-clusters.sh', { encoding: 'utf8' });
    primary = /PACT_TEST_PRIMARY_URL=(\S+)/.exec(out)?.[1];
    replica = /PACT_TEST_REPLICA_URL=(\S+)/.exec(out)?.[1];
  }
  if (!primary || !replica) throw new Error('no primary and replica (scripts/replica-clusters.sh)');
  return { primary, replica };
}

const inDb = (base: string, name: string) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};
async function once(url: string, text: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

const KINDS = [
  'apprehended-irregular-crossing',
  'found-inside-territory',
  'application-at-crossing-point',
] as const;
const NATIONALITIES = ['IQ', 'AF', 'SY', 'ER', 'IN', 'CU', 'TR', 'SO'];
let seq = 0;
function encounter(): RecordEncounter {
  seq += 1;
  const day = 1 + (seq % 19);
  const month = 7 + (seq % 6); // July–December 2026: the Pact applies from 12 June 2026
  return RecordEncounter.parse({
    ref: `BR-${seq}`,
    state: 'LT',
    borderSection: 'LT-BY',
    occurredAt: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T04:10:00+02:00`,
    kind: KINDS[seq % KINDS.length],
    groupSize: 2,
    persons: [
      { nationality: NATIONALITIES[seq % 8], sex: 'male', birthYear: 1980 + (seq % 20) },
      {
        nationality: NATIONALITIES[(seq + 3) % 8],
        sex: 'female',
        birthYear: 1985 + (seq % 15),
        vulnerabilities: [],
      },
    ],
  });
}

async function main() {
  const { primary, replica } = clusters();
  const name = `pact_bench_replica_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  await once(inDb(primary, 'postgres'), `create database ${name}`);
  const store = await openStore({ databaseUrl: inDb(primary, name), readUrls: [inDb(replica, name)] });
  const replicaPool = new pg.Pool({ connectionString: inDb(replica, name), max: 2 });
  const primaryPool = new pg.Pool({ connectionString: inDb(primary, name), max: 2 });
  // dropping the database at the end ends their idle connections (on the replica, when the drop is replayed)
  replicaPool.on('error', () => {});
  primaryPool.on('error', () => {});
  try {
    const cs = new CaseStore(store, {
      law: LAW,
      clock: () => new Date('2026-12-20T12:00:00Z'),
      uuid: randomUUID,
    });
    const guard = { actor: 'bench-guard', role: 'border-guard' };
    let t = performance.now();
    for (let i = 0; i < ENCOUNTERS; i += 500) {
      const batch = Array.from({ length: Math.min(500, ENCOUNTERS - i) }, () => ({
        command: encounter(),
        key: `b-${seq}`,
      }));
      await cs.recordEncounters(batch, guard);
    }
    console.log(
      `loaded ${ENCOUNTERS} encounters (${ENCOUNTERS * 2} persons) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await store.query('analyze');

    // wait until the statistics read is routed to the replica (caught up and measured)
    let onReplica: Db | undefined;
    for (let i = 0; i < 100 && !onReplica; i++) {
      const db = await store.forRead();
      if (db !== store.db) onReplica = db;
      else await sleep(200);
    }
    if (!onReplica) throw new Error('the replica never came within the lag bound');

    const q = {
      state: 'LT',
      from: '2026-07-01',
      to: '2026-12-31',
      timeZone: 'Europe/Vilnius',
      now: new Date('2026-12-20T12:00:00Z'),
    };
    const times = { replica: [] as number[], primary: [] as number[] };
    for (let i = 0; i < 3; i++) {
      await dailyStatistics(onReplica, q);
      await dailyStatistics(store.db, q);
    }
    for (let i = 0; i < RUNS; i++) {
      for (const [which, db] of [
        ['replica', onReplica],
        ['primary', store.db],
      ] as const) {
        t = performance.now();
        await dailyStatistics(db, q);
        times[which].push(performance.now() - t);
      }
    }
    console.log(`\nstatistics of half a year (dailyStatistics), ${RUNS} runs each, interleaved:`);
    for (const which of ['replica', 'primary'] as const)
      console.log(`  on the ${which}: p50 ${ms(pct(times[which], 50))}  p95 ${ms(pct(times[which], 95))}`);
    console.log(
      `  ratio replica / primary: p50 ${(pct(times.replica, 50) / pct(times.primary, 50)).toFixed(2)} ×, p95 ${(pct(times.replica, 95) / pct(times.primary, 95)).toFixed(2)} ×`,
    );

    // the lag under a write load
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      const end = performance.now() + WRITE_MS;
      while (performance.now() < end) {
        await cs.recordEncounter(encounter(), guard, `w-${seq}`);
        writes++;
      }
      writing = false;
    })();
    const lags: number[] = [];
    while (writing) {
      const started = performance.now();
      const target = lsnBytes(
        String((await primaryPool.query('select pg_current_wal_lsn()::text as l')).rows[0].l),
      );
      for (;;) {
        const r = (await replicaPool.query('select pg_last_wal_replay_lsn()::text as l')).rows[0].l;
        if (lsnBytes(String(r)) >= target) break;
        await sleep(1);
      }
      lags.push(performance.now() - started);
      await sleep(Math.max(0, 100 - (performance.now() - started)));
    }
    await writer;
    console.log(
      `\nlag under a write load: ${writes} encounters in ${WRITE_MS / 1000} s (${(writes / (WRITE_MS / 1000)).toFixed(0)}/s, one transaction each), ${lags.length} samples`,
    );
    console.log(
      `  until the replica has replayed the primary's WAL position: p50 ${ms(pct(lags, 50))}  p95 ${ms(pct(lags, 95))}  max ${ms(Math.max(...lags))}`,
    );
    console.log(
      `  p95 against the default bound PACT_READ_MAX_LAG_MS=${DEFAULT_MAX_LAG_MS}: ${(pct(lags, 95) / DEFAULT_MAX_LAG_MS).toFixed(4)} ×`,
    );
    console.log(
      '  (both clusters on this machine: the network delay of a replica on another server is not in these figures)',
    );
  } finally {
    await replicaPool.end();
    await primaryPool.end();
    await store.close();
    await once(inDb(primary, 'postgres'), `drop database if exists ${name} with (force)`);
  }
}

await main();
