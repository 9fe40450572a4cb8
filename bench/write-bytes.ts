// issue 21 writepath: the rows and bytes one encounter of bench:api writes (two identified persons, one asking
// for asylum, one more counted), table by table, on a fresh embedded database. Prints figures; not a test.
//
//   npx tsx bench/write-bytes.ts [count]
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { RecordEncounter } from '../src/domain/commands.ts';
import { LAW } from '../src/law/law.ts';
import { resultRows } from '../src/store/bulk.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { openStore } from '../src/store/database.ts';
import { sampleEncounter } from './sample-encounter.ts';

const TABLES = [
  'idempotency_keys',
  'encounters',
  'cases',
  'case_actions',
  'obligations',
  'person_identities',
  'audit_log',
];

const count = Number(process.argv[2] ?? 50);
const store = await openStore();
const cs = new CaseStore(store, {
  law: LAW,
  clock: () => new Date('2026-11-02T06:00:00Z'),
  uuid: randomUUID,
});
const guard = { actor: 'guard-7', role: 'border-guard' };
for (let i = 0; i < count; i++)
  await cs.recordEncounter(RecordEncounter.parse(sampleEncounter(`BYTES-${i}`)), guard, `bytes-${i}`);
let rows = 0;
let bytes = 0;
console.log(`per encounter (mean of ${count}): table, rows, bytes of the row values (pg_column_size)`);
for (const t of TABLES) {
  const [r] = resultRows(
    await store.db.execute(
      sql.raw(`select count(*)::int as n, coalesce(sum(pg_column_size(x.*)), 0)::bigint as b from ${t} x`),
    ),
  );
  const n = Number(r?.n) / count;
  const b = Number(r?.b) / count;
  rows += n;
  bytes += b;
  console.log(`${t.padEnd(20)} ${n.toFixed(2).padStart(6)} ${b.toFixed(0).padStart(8)}`);
}
const [a] = resultRows(
  await store.db.execute(
    sql.raw(
      `select coalesce(sum(pg_column_size(data)), 0)::bigint as b from audit_log where action <> 'user.added'`,
    ),
  ),
);
console.log(`${'total'.padEnd(20)} ${rows.toFixed(2).padStart(6)} ${bytes.toFixed(0).padStart(8)}`);
console.log(`audit data jsonb     ${(Number(a?.b) / count).toFixed(0).padStart(15)}`);
await store.close();
