// Benchmark of the case store (issue #3), on PostgreSQL and PGlite in one run. Prints figures; not a test.
//
//   npm run bench:cases -- [--backend both|postgres|pglite] [--encounters 1000] [--rows 1000000] [--cases 1000000]
//     [--pglite-rows 100000]
//
// 1. baseline: a raw single-row INSERT loop on the same connection;
// 2. encounters registered per second through the service layer (one person each, one command each);
// 3. CSV import of --rows person rows (4 persons per encounter; --pglite-rows on PGlite) through `pact import
//    encounters`, against its baseline (issue 21): a raw COPY of the same CSV file into a plain table with the
//    CSV's columns, on the same database in the same run;
// 4. p50/p95 of the 48-hour deadline query with --cases open cases (obligations spread over a year), for the
//    default page of the queue and for a page of 500.
// PostgreSQL: DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres); a scratch database is created.
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { run } from '../src/cli/main.ts';
import { LAW } from '../src/law/law.ts';
import { QUEUE_PAGE, queue } from '../src/store/case-queries.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { openStore, type Store } from '../src/store/database.ts';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'both' },
    encounters: { type: 'string', default: '1000' },
    rows: { type: 'string', default: '1000000' },
    cases: { type: 'string', default: '1000000' },
    'pglite-rows': { type: 'string', default: '100000' },
  },
});
const N_ENC = Number(args.encounters);
const N_ROWS = Number(args.rows);
const N_CASES = Number(args.cases);
const N_ROWS_PGLITE = Math.min(N_ROWS, Number(args['pglite-rows']));
const PG_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

interface Target {
  name: 'postgres' | 'pglite';
  open: () => Promise<{ store: Store; env: Record<string, string>; cleanup: () => Promise<void> }>;
}

const targets: Target[] = [];
if (args.backend !== 'pglite') {
  targets.push({
    name: 'postgres',
    open: async () => {
      const db = `pact_bench_copy_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create database ${db}`);
      const u = new URL(PG_URL);
      u.pathname = `/${db}`;
      const store = await openStore({ databaseUrl: u.toString() });
      return {
        store,
        env: { DATABASE_URL: u.toString() },
        cleanup: async () => {
          await store.close();
          await admin.query(`drop database ${db} with (force)`);
          await admin.end();
        },
      };
    },
  });
}
if (args.backend !== 'postgres') {
  targets.push({
    name: 'pglite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pact-bench-'));
      const store = await openStore({ dataDir: join(dir, 'db') });
      return {
        store,
        env: { PACT_DATA_DIR: join(dir, 'db') },
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  });
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(
    'encounter_ref,state,occurred_at,kind,group_size,border_section,nationality,sex,birth_year,asylum_wish_at,asylum_wish_where,asylum_wish_to\n',
  );
  const nats = ['IQ', 'SY', 'AF', 'CM', 'CD', 'IR', 'RU', 'TJ'];
  for (let i = 0; i < rows; i++) {
    const enc = Math.floor(i / 4);
    const t = new Date(
      Date.parse('2026-07-01T00:00:00Z') + (enc % 150) * 3_600_000 * 24 + (enc % 1440) * 60_000,
    ).toISOString();
    const wish = i % 3 === 0 ? `${t},station,border guard` : ',,';
    if (
      !out.write(
        `B-${enc},LT,${t},apprehended-irregular-crossing,4,LT-BY,${nats[i % nats.length]},${i % 2 ? 'male' : 'female'},${1970 + (i % 40)},${wish}\n`,
      )
    ) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pact-bench-csv-'));
  const csvOf = new Map<number, string>();
  for (const t of targets) {
    const n = t.name === 'pglite' ? N_ROWS_PGLITE : N_ROWS;
    if (csvOf.has(n)) continue;
    csvOf.set(n, join(dir, `rows-${n}.csv`));
    await writeCsv(csvOf.get(n) as string, n);
  }
  console.log(
    `Pact case-store benchmark — ${new Date().toISOString()}; ${N_ENC} encounters, ${N_ROWS} CSV rows, ${N_CASES} open cases`,
  );
  for (const t of targets) {
    const { store, env, cleanup } = await t.open();
    const rows = t.name === 'pglite' ? N_ROWS_PGLITE : N_ROWS;
    const csv = csvOf.get(rows) as string;
    try {
      // 1. baseline: raw single-row INSERT loop
      await store.query(
        'create table bench_raw (id uuid primary key, state char(2), ref text, occurred_at timestamptz, kind text, payload jsonb)',
      );
      let t0 = performance.now();
      for (let i = 0; i < N_ENC; i++) {
        await store.query('insert into bench_raw values ($1, $2, $3, $4, $5, $6)', [
          randomUUID(),
          'LT',
          `R-${i}`,
          new Date().toISOString(),
          'apprehended-irregular-crossing',
          '{"persons":1}',
        ]);
      }
      const raw = rate(N_ENC, performance.now() - t0);
      // 2. service layer: one encounter, one person, one command each
      const cs = new CaseStore(store, {
        law: LAW,
        clock: () => new Date('2026-12-07T06:00:00Z'),
        uuid: randomUUID,
      });
      t0 = performance.now();
      for (let i = 0; i < N_ENC; i++) {
        await cs.recordEncounter(
          {
            ref: `S-${i}`,
            state: 'LT',
            occurredAt: '2026-12-07T04:10:00+02:00',
            kind: 'apprehended-irregular-crossing',
            groupSize: 1,
            persons: [
              {
                nationality: 'IQ',
                sex: 'male',
                birthYear: 1990,
                minor: false,
                unaccompanied: false,
                vulnerabilities: [],
              },
            ],
          },
          { actor: 'bench', role: 'border-guard' },
          `s-${i}`,
        );
      }
      const service = rate(N_ENC, performance.now() - t0);
      console.log(
        `\n[${t.name}] raw single-row INSERT: ${raw}/s; encounters through the service layer: ${service}/s = ${(service / raw).toFixed(2)} × raw (target ≥ 0.5 on PostgreSQL)`,
      );
      // 3. CSV import through the command
      const ctx = {
        stdout: () => {},
        stderr: (s: string) => process.stderr.write(s),
        now: () => new Date('2026-12-07T06:00:00Z'),
        env,
      };
      // the baseline: a raw COPY of the same file into a plain table with the CSV's columns (typed)
      await store.query(
        `create table bench_csv (encounter_ref text, state char(2), occurred_at timestamptz, kind text, group_size integer,
          border_section text, nationality char(2), sex text, birth_year integer, asylum_wish_at timestamptz,
          asylum_wish_where text, asylum_wish_to text)`,
      );
      t0 = performance.now();
      await store.copySessions?.((s) => s.copyCsvFile('bench_csv', csv));
      const copyMs = performance.now() - t0;
      const [{ copied } = { copied: 0 }] = await store.query<{ copied: number }>(
        'select count(*)::int as copied from bench_csv',
      );
      await store.query('drop table bench_csv');
      await store.close();
      t0 = performance.now();
      const code = await run(['import', 'encounters', csv], ctx);
      const importMs = performance.now() - t0;
      const copyRate = rate(copied, copyMs);
      const importRate = rate(rows, importMs);
      console.log(
        `[${t.name}] raw COPY of the ${copied} CSV rows: ${(copyMs / 1000).toFixed(1)} s = ${copyRate} rows/s (baseline)\n` +
          `[${t.name}] CSV import of ${rows} person rows: ${(importMs / 1000).toFixed(1)} s = ${importRate} rows/s = ${(importRate / copyRate).toFixed(2)} × raw COPY (exit ${code}; target ≥ 50,000 rows/s and ≥ 0.5 × on PostgreSQL)`,
      );
      // 4. the 48-hour deadline query with N_CASES open cases
      const s2 = await openStore(
        t.name === 'postgres' ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.PACT_DATA_DIR },
      );
      const [{ n } = { n: 0 }] = await s2.query<{ n: number }>('select count(*)::int as n from cases');
      const extra = Math.max(0, N_CASES - n);
      t0 = performance.now();
      for (let done = 0; done < extra; done += 100_000) {
        const k = Math.min(100_000, extra - done);
        await s2.query(
          `with c as (
             insert into cases (id, state, encounter_id, status, flags, version, nationality, sex, minor, unaccompanied, vulnerabilities, data, created_at, updated_at)
             select gen_random_uuid(), (array['LT','PL','LV','DE','IT'])[1 + (g % 5)], (select id from encounters limit 1), 'in-screening', '{}', 1, 'IQ', 'male', false, false, '{}', '{}'::jsonb, now(), now()
             from generate_series(1, $1) g returning id, state)
           insert into obligations (case_id, state, kind, due_at, article, status, opened_at)
           select id, state, 'screening', timestamptz '2026-07-01' + random() * interval '365 days', 'Screening Regulation Art. 8(3)', 'open', now() from c`,
          [k],
        );
      }
      await s2.query('analyze');
      const fill = performance.now() - t0;
      for (const limit of [QUEUE_PAGE, 500]) {
        const times: number[] = [];
        for (let i = 0; i < 200; i++) {
          const now = new Date(Date.parse('2026-07-15T00:00:00Z') + Math.random() * 300 * 86_400_000);
          const q0 = performance.now();
          await queue(s2.db, now, { state: 'LT', withinMs: 48 * 3_600_000, limit });
          times.push(performance.now() - q0);
        }
        console.log(
          `[${t.name}] 48-hour deadline query, a page of ${limit}${limit === QUEUE_PAGE ? ' (the default page)' : ''}, ${N_CASES} open cases (filled in ${(fill / 1000).toFixed(1)} s): p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms (target p95 < 10 ms)`,
        );
      }
      await s2.close();
    } finally {
      await cleanup().catch(() => {});
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

await main();
