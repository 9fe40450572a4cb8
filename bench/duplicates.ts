// Benchmark of the encounter path with the search for likely duplicates (issue #16). Prints figures; not a test.
//
//   npx tsx bench/duplicates.ts [--persons 100000] [--batches 20] [--database-url postgres://…]
//   (BENCH_KEEP=name: the server's database of that name is kept, to study plans)
//
// Seeds `persons` synthetic persons of one state (set-wise, straight into the projection the store keeps:
// cases, person_identities, person_documents), drawn from the demo's name lists (data/names/): a few
// nationalities make most of the arrivals, and within a nationality the first names of the lists are far more
// common than the last (weights 1/rank), so that thousands of persons share a family name, as at a real
// border; a share are written in another transliteration (data/names/variants.csv); dates of birth of the
// demo's precisions. Then records `batches` batches of 50 encounters of 2 persons each through
// CaseStore.recordEncounters (the group commit), alternately with and without the search for likely
// duplicates (setDuplicatesAfterEncounters), some of them persons already stored (another spelling), and
// prints the median and p90 of each and their ratio — the target: with ≤ 1.5 × without. Without
// --database-url: embedded PGlite. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type NationalityNames, readNameLists } from '../src/cli/demo/names.ts';
import { Random } from '../src/cli/demo/random.ts';
import { RecordEncounter } from '../src/domain/commands.ts';
import { birthDateRange, namesText } from '../src/domain/identity.ts';
import { LAW } from '../src/law/law.ts';
import { CaseStore } from '../src/store/case-store.ts';
import { openStore, type Store } from '../src/store/database.ts';
import { setDuplicatesAfterEncounters } from '../src/store/duplicates.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    batches: { type: 'string', default: '20' },
    'database-url': { type: 'string' },
  },
});
const PERSONS = Number(values.persons);

const names = readNameLists('data');
/** Arrivals by nationality (a land border's mix: a few make most of them). */
const NATIONALITIES = [
  { item: 'IQ', weight: 30 },
  { item: 'SY', weight: 20 },
  { item: 'AF', weight: 20 },
  { item: 'IR', weight: 8 },
  { item: 'SO', weight: 6 },
  { item: 'ER', weight: 5 },
  { item: 'TR', weight: 5 },
  { item: 'PK', weight: 6 },
].filter((n) => names.byNationality.has(n.item));
const rng = new Random(16);
/** Rank-weighted: the first of a list 1, the second 1/2, … (a few names are very common). */
const zipf = <T>(xs: readonly T[]): T => rng.weighted(xs.map((item, i) => ({ item, weight: 1 / (i + 1) })));
/** Another spelling of a name (30 % of the records), when the variants list has one. */
const spelt = (name: string): string => {
  const forms = names.variants.get(name);
  return forms && forms.length > 1 && rng.chance(0.3) ? rng.pick(forms).spelling : name;
};
function person() {
  const nationality = rng.weighted(NATIONALITIES);
  const lists = names.byNationality.get(nationality) as NationalityNames;
  const female = rng.chance(0.35);
  const family = zipf(lists.family);
  const year = rng.int(1965, 2008);
  const precision = rng.weighted([
    { item: 'full' as const, weight: 15 },
    { item: 'year-month' as const, weight: 5 },
    { item: 'year' as const, weight: 45 },
    { item: 'about' as const, weight: 35 },
  ]);
  const value =
    precision === 'full'
      ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : precision === 'year-month'
        ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}`
        : String(year);
  return {
    nationality,
    sex: female ? ('female' as const) : ('male' as const),
    identity: {
      givenNames: spelt(zipf(female ? lists.given.female : lists.given.male).latin),
      familyName: spelt((female && family.female ? family.female : family).latin),
      aliases: [] as string[],
      languages: [] as string[],
      documents: [] as never[],
      birthDate: { value, precision },
    },
  };
}
type Person = ReturnType<typeof person>;

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
      if (process.env.BENCH_KEEP) return;
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database ${name} with (force)`);
      await a.end();
    },
  };
}

/** The stored persons, set-wise (foreign-key triggers off: consistent by construction). */
async function seed(store: Store): Promise<Person[]> {
  const t0 = performance.now();
  const kept: Person[] = [];
  await store.query('set session_replication_role = replica');
  for (let done = 0; done < PERSONS; done += 5000) {
    const rows = Array.from({ length: Math.min(5000, PERSONS - done) }, () => {
      const p = person();
      if (kept.length < 2000 && rng.chance(0.05)) kept.push(p);
      const birth = birthDateRange(p.identity.birthDate);
      return {
        id: randomUUID(),
        nationality: p.nationality,
        sex: p.sex,
        family_name: p.identity.familyName,
        given_names: p.identity.givenNames,
        names: namesText(p.identity as never),
        birth_from: birth.from,
        birth_to: birth.to,
        birth_precision: p.identity.birthDate.precision,
      };
    });
    const json = JSON.stringify(rows).replace(/'/g, "''");
    await store.query(`with v as (select * from jsonb_to_recordset('${json}'::jsonb) as v(id uuid, nationality char(2),
        sex text, family_name text, given_names text, names text, birth_from date, birth_to date, birth_precision text)),
      c as (insert into cases (id, state, encounter_id, status, version, nationality, data, created_at, updated_at)
        select id, 'LT', '00000000-0000-4000-8000-000000000000', 'in-screening', 1, nationality, '{}'::jsonb, now(), now() from v)
      insert into person_identities (case_id, state, family_name, given_names, names, birth_from, birth_to, birth_precision,
        sex, nationality, updated_at)
      select id, 'LT', family_name, given_names, names, birth_from, birth_to, birth_precision, sex, nationality, now() from v`);
  }
  await store.query('set session_replication_role = origin');
  // the planner's statistics, as autovacuum would have them on a database in use
  await store.query('analyze');
  const [top] = await store.query<{ family_name: string; n: number }>(
    `select count(*)::int as n from person_identities group by family_name order by 1 desc limit 1`,
  );
  console.log(
    `seeded ${PERSONS.toLocaleString('en')} persons in ${((performance.now() - t0) / 1000).toFixed(1)} s (${store.backend}); the commonest family name is borne by ${top?.n}`,
  );
  return kept;
}

const url = values['database-url'];
const { store, drop } = url ? await scratch(url) : { store: await openStore(), drop: async () => {} };
try {
  const stored = await seed(store);
  const cs = new CaseStore(store, {
    law: LAW,
    clock: () => new Date('2026-12-08T06:00:00Z'),
    uuid: randomUUID,
  });
  const actor = { actor: 'bench', role: 'border-guard' };
  let seq = 0;
  /** A person met again (1 in 10: another spelling of a stored person) or a new one. */
  const someone = (): Person => {
    if (!rng.chance(0.1)) return person();
    const p = rng.pick(stored);
    return {
      ...p,
      identity: {
        ...p.identity,
        givenNames: spelt(p.identity.givenNames),
        familyName: spelt(p.identity.familyName),
      },
    };
  };
  const batch = () =>
    Array.from({ length: 50 }, () => ({
      command: RecordEncounter.parse({
        ref: `BENCH-${++seq}`,
        state: 'LT',
        occurredAt: '2026-12-07T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 2,
        persons: [someone(), someone()],
      }),
      key: `bench-${seq}-${randomUUID()}`,
    }));
  const count = async () =>
    Number((await store.query<{ n: number }>('select count(*)::int as n from duplicate_candidates'))[0]?.n);
  // warm-up: one of each
  for (const on of [true, false]) {
    setDuplicatesAfterEncounters(on);
    await cs.recordEncounters(batch(), actor);
  }
  const before = await count();
  const times = { with: [] as number[], without: [] as number[] };
  for (let b = 0; b < Number(values.batches); b++) {
    const on = b % 2 === 0;
    setDuplicatesAfterEncounters(on);
    const items = batch();
    const t = performance.now();
    await cs.recordEncounters(items, actor);
    (on ? times.with : times.without).push(performance.now() - t);
  }
  setDuplicatesAfterEncounters(true);
  const proposed = (await count()) - before;
  const at = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;
  console.log(
    `\n${PERSONS.toLocaleString('en')} persons stored, ${store.backend}; a batch of 50 encounters (100 named persons):`,
  );
  for (const k of ['without', 'with'] as const)
    console.log(
      `  ${`${k} duplicate detection`.padEnd(30)} median ${at(times[k], 0.5).toFixed(0).padStart(6)} ms   p90 ${at(times[k], 0.9).toFixed(0).padStart(6)} ms   (${times[k].length} batches)`,
    );
  const ratio = at(times.with, 0.5) / at(times.without, 0.5);
  console.log(
    `  ratio with / without (medians): ${ratio.toFixed(2)}× — target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}; pairs proposed in the measured batches: ${proposed}`,
  );
} finally {
  await drop();
  if (!url) await store.close();
}
