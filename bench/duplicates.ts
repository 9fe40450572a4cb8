// Benchmark of the encounter path with the search for likely duplicates (issue #16). Prints figures; not a test.
//
//   npx tsx bench/duplicates.ts [--persons 10000] [--batches 10] [--database-url postgres://…]
//
// Seeds `persons` named synthetic persons of one state (names drawn from short lists, so that many share a
// name: the search has many pairs to measure), then records `batches` batches of 50 encounters of 2 named
// persons each through CaseStore.recordEncounters (the group commit), and prints the median and p90 time of a
// batch and the pairs proposed. Run it once as it is and once with the hook in recordEncounters commented out
// to compare. Without --database-url: embedded PGlite.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { RecordEncounter } from '../src/domain/commands.ts';
import { LAW } from '../src/law/law.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { openStore, type Store } from '../src/store/database.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '10000' },
    batches: { type: 'string', default: '10' },
    'database-url': { type: 'string' },
  },
});
const GIVEN = [
  'Mohammed',
  'Ahmad',
  'Ali',
  'Omar',
  'Hassan',
  'Yusuf',
  'Ibrahim',
  'Khalid',
  'Mustafa',
  'Hamid',
];
const GIVEN2 = ['Fatima', 'Aisha', 'Maryam', 'Zainab', 'Leila', 'Amina', 'Sara', 'Nour', 'Huda', 'Rania'];
const FAMILY = [
  'Al-Hassan',
  'Rahimi',
  'Karimi',
  'Haidari',
  'Ahmadi',
  'Hussaini',
  'Mohammadi',
  'Rezaei',
  'Nazari',
  'Sultani',
  'Jafari',
  'Qasemi',
  'Amiri',
  'Sharifi',
  'Hashimi',
  'Azizi',
  'Barakzai',
  'Popal',
  'Safi',
  'Noori',
];
const NAT = ['SY', 'AF', 'IQ', 'ER', 'SO'];

let seq = 0;
const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length] as T;
function person(n: number) {
  const female = n % 2 === 1;
  return {
    nationality: pick(NAT, n * 7),
    sex: female ? ('female' as const) : ('male' as const),
    identity: {
      givenNames: pick(female ? GIVEN2 : GIVEN, n * 13),
      familyName: pick(FAMILY, n * 17 + (n >> 4)),
      aliases: [],
      languages: [],
      documents: [],
      birthDate: { value: String(1960 + (n % 45)), precision: 'year' as const },
    },
  };
}
const encounter = (): RecordEncounter =>
  RecordEncounter.parse({
    ref: `BENCH-${++seq}`,
    state: 'LT',
    occurredAt: '2026-12-07T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: 2,
    persons: [person(seq * 2), person(seq * 2 + 1)],
  });

async function scratch(url: string): Promise<{ store: Store; drop: () => Promise<void> }> {
  const name = process.env.BENCH_KEEP ?? `pact_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: u.toString() });
  return {
    store,
    drop: async () => {
      await store.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database ${name} with (force)`);
      await a.end();
    },
  };
}

const url = values['database-url'];
const { store, drop } = url ? await scratch(url) : { store: await openStore(), drop: async () => {} };
const cs = new CaseStore(store, {
  law: LAW,
  clock: () => new Date('2026-12-08T06:00:00Z'),
  uuid: randomUUID,
});
const actor = { actor: 'bench', role: 'border-guard' };
const seedBatches = Math.ceil(Number(values.persons) / 2 / 100);
for (let b = 0; b < seedBatches; b++)
  await cs.recordEncounters(
    Array.from({ length: 100 }, () => ({ command: encounter(), key: `bench-${seq}-${randomUUID()}` })),
    actor,
  );
// the planner's statistics, as autovacuum would have them on a database in use
await store.query('analyze');
const before = Number(
  (await store.query<{ n: number }>('select count(*)::int as n from duplicate_candidates'))[0]?.n,
);
const times: number[] = [];
for (let b = 0; b < Number(values.batches); b++) {
  const items = Array.from({ length: 50 }, () => ({
    command: encounter(),
    key: `bench-${seq}-${randomUUID()}`,
  }));
  const t = performance.now();
  await cs.recordEncounters(items, actor);
  times.push(performance.now() - t);
}
const after = Number(
  (await store.query<{ n: number }>('select count(*)::int as n from duplicate_candidates'))[0]?.n,
);
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(0);
console.log(
  `${url ? 'postgres' : 'pglite'}: ${seedBatches * 200} persons seeded; a batch of 50 encounters (100 named persons): ` +
    `median ${at(0.5)} ms, p90 ${at(0.9)} ms over ${times.length} batches; pairs proposed: ${before} while seeding, ${after - before} in the measured batches`,
);
if (process.env.BENCH_KEEP) console.log('kept', store);
else await drop();
if (!url) await store.close();
