// issue 21 writepath: where the time of one group commit goes, on PostgreSQL. Records `rounds` group commits
// of `batch` encounters (the bench:api encounter) through CaseStore.recordEncounters, one after the other, and
// times each statement the store sends (by its first words); the baseline, in the same run, is the bare
// route's work: `batch` single-row inserts of an encounter-like row (one autocommit statement each, in
// parallel) and one `select 1` round trip. Prints figures; not a test.
//
//   npx tsx bench/write-floor.ts [batch=10] [rounds=60]     (DATABASE_URL, default postgres://root@127.0.0.1:5432/postgres)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { RecordEncounter } from '../src/domain/commands.ts';
import { LAW } from '../src/law/law.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { openStore } from '../src/store/database.ts';
import { sampleEncounter } from './sample-encounter.ts';

const batch = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 60);
const admin = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const name = `pact_bench_writepath_${randomUUID().slice(0, 8)}`;
const url = new URL(admin);
const root = new pg.Client({ connectionString: admin });
await root.connect();
await root.query(`create database ${name}`);
url.pathname = `/${name}`;
try {
  const store = await openStore({ databaseUrl: url.toString(), poolSize: 12 });
  const cs = new CaseStore(store, {
    law: LAW,
    clock: () => new Date('2026-11-02T06:00:00Z'),
    uuid: randomUUID,
  });
  // time every statement by its first words
  const spent = new Map<string, { n: number; ms: number }>();
  const db = store.db as unknown as { execute: (q: unknown) => Promise<unknown> };
  const execute = db.execute.bind(db);
  db.execute = async (q: unknown) => {
    const t = performance.now();
    try {
      return await execute(q);
    } finally {
      const chunks = (q as { queryChunks?: unknown[] }).queryChunks ?? [];
      const text = JSON.stringify(chunks[0] ?? '').slice(0, 200);
      const key = /insert into idempotency_keys|with p0/.test(text)
        ? 'the write (one statement)'
        : /jsonb_to_recordset/.test(text)
          ? 'the basis (one statement)'
          : 'other';
      const s = spent.get(key) ?? { n: 0, ms: 0 };
      spent.set(key, { n: s.n + 1, ms: s.ms + performance.now() - t });
    }
  };
  const item = (ref: string) => ({
    command: RecordEncounter.parse(sampleEncounter(ref)),
    key: ref,
  });
  const guard = { actor: 'guard-7', role: 'border-guard' };
  for (let w = 0; w < 10; w++) await cs.recordEncounters([item(`W-${w}`)], guard);
  spent.clear();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++)
    await cs.recordEncounters(
      Array.from({ length: batch }, (_, i) => item(`F-${r}-${i}`)),
      guard,
    );
  const pact = (performance.now() - t0) / rounds;
  // the baseline: what the bare route does for `batch` requests, and a round trip
  const pool = new pg.Pool({ connectionString: url.toString(), max: 12 });
  await pool.query(
    'create table bare (id uuid primary key, ref text, state char(2), at timestamptz, body jsonb)',
  );
  const b0 = performance.now();
  for (let r = 0; r < rounds; r++)
    await Promise.all(
      Array.from({ length: batch }, () =>
        pool.query('insert into bare values ($1, $2, $3, now(), $4)', [randomUUID(), 'x', 'LT', '{"a":1}']),
      ),
    );
  const bare = (performance.now() - b0) / rounds;
  const r0 = performance.now();
  for (let r = 0; r < rounds; r++) await pool.query('select 1');
  const trip = (performance.now() - r0) / rounds;
  console.log(`group commit of ${batch} encounters, ${rounds} rounds, PostgreSQL ${url.host}`);
  console.log(
    `Pact: ${pact.toFixed(1)} ms per group commit (${((1000 * batch) / pact).toFixed(0)} encounters/s)`,
  );
  for (const [k, v] of spent)
    console.log(
      `  ${k.padEnd(28)} ${(v.ms / rounds).toFixed(1).padStart(6)} ms per round (${(v.n / rounds).toFixed(1)} statements)`,
    );
  console.log(
    `  rest (Node: deciding, rows, hashes) ${(pact - [...spent.values()].reduce((a, v) => a + v.ms, 0) / rounds).toFixed(1)} ms`,
  );
  console.log(
    `bare: ${bare.toFixed(1)} ms for ${batch} parallel single-row inserts; select 1: ${trip.toFixed(2)} ms`,
  );
  console.log(`ratio (bare ms / Pact ms per ${batch} encounters): ${(bare / pact).toFixed(2)}`);
  await pool.end();
  await store.close();
} finally {
  // the store's pools end with it; a connection still closing is ended by the drop (its error is expected)
  process.on('uncaughtException', () => {});
  await root.query(`drop database if exists ${name} with (force)`);
  await root.end();
}
