// Benchmark of person search (issue #16): 100,000 synthetic persons of one state on PostgreSQL (and 2 % in
// another), then p50/p95 of name searches (as recorded, other transliterations, names reordered, typos, a
// name with a year), document numbers, Eurodac references, dates of birth of each precision and case ids'
// short prefixes — each the whole searchPersons of the API, without its audit write — and, in the same run,
// a bare indexed lookup (one person_identities row by its primary key) to compare with. Prints figures; not
// a test. The target: p95 under 100 ms for names.
//
//   npm run bench:search -- [--persons 100000] [--runs 60] [--backend pg|pglite] [--keep]
//
// PostgreSQL: DATABASE_URL (default postgres://root@127.0.0.1:5432/test) names the server; the benchmark
// creates its own database pact_bench_search on it (never the URL's) and drops it at the end unless --keep.
// Data: generated inside the database, set-wise (INSERT … SELECT … FROM generate_series), names drawn from
// lists of common names with their usual transliterations, in the projection the store keeps
// (person_identities, person_documents) and the cases they belong to; foreign-key triggers are off during the
// load (session_replication_role), the data being consistent by construction. Synthetic persons only.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openStore, type Store } from '../src/store/database.ts';
import { searchPersons } from '../src/store/person-search.ts';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: process.env.BENCH_PERSONS ?? '100000' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '60' },
    backend: { type: 'string', default: process.env.BENCH_BACKEND ?? 'pg' },
    keep: { type: 'boolean', default: false },
  },
});
const PERSONS = Number(args.persons);
const RUNS = Number(args.runs);
const DB = 'pact_bench_search';

/** Given names, each with the spellings the same name is recorded in (the first: the one most records use). */
const GIVEN = [
  ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad'],
  ['Ahmad', 'Ahmed', 'Akhmad'],
  ['Ali', 'Aly'],
  ['Hussein', 'Husain', 'Hossein'],
  ['Yusuf', 'Youssef', 'Yousef'],
  ['Omar', 'Umar'],
  ['Abdulrahman', 'Abdel Rahman', 'Abd al-Rahman'],
  ['Mustafa', 'Mostafa'],
  ['Ibrahim', 'Ebrahim'],
  ['Khaled', 'Khalid'],
  ['Hamid', 'Hameed'],
  ['Karim', 'Kareem'],
  ['Mahmoud', 'Mahmud'],
  ['Said', 'Saeed', 'Sayed'],
  ['Fatima', 'Fatemeh', 'Fatma'],
  ['Aisha', 'Aysha', 'Ayesha'],
  ['Maryam', 'Mariam'],
  ['Zainab', 'Zeynab'],
  ['Amina', 'Aminah'],
  ['Nour', 'Noor', 'Nur'],
  ['Rania'],
  ['Layla', 'Leila', 'Laila'],
  ['Abdullah', 'Abdallah'],
  ['Hassan', 'Hasan'],
  ['Olga', 'Volha'],
  ['Aleksandr', 'Alexander', 'Oleksandr'],
  ['Dmitry', 'Dzmitry', 'Dmitriy'],
  ['Sergei', 'Siarhei', 'Sergey'],
  ['Tatiana', 'Tatsiana', 'Tatyana'],
  ['Yohannes', 'Johannes'],
  ['Tesfaye', 'Tesfay'],
  ['Mohammad Reza', 'Mohamadreza'],
  ['Gul', 'Gull'],
  ['Bilal', 'Belal'],
  ['Idris', 'Idrees'],
  ['Samir', 'Sameer'],
] as const;
const FAMILY = [
  ['Al-Hassan', 'Alhasan', 'El Hassan'],
  ['Haddad', 'Hadad'],
  ['Karimi', 'Karime'],
  ['Ahmadi', 'Ahmady'],
  ['Hosseini', 'Husseini', 'Hoseini'],
  ['Rahimi'],
  ['Mohammadi', 'Muhammadi'],
  ['Al-Khalil', 'Alkhalil'],
  ['Nasser', 'Naser'],
  ['Saleh', 'Salih'],
  ['Yilmaz'],
  ['Abdi', 'Abdy'],
  ['Osman', 'Othman', 'Usman'],
  ['Tesfamariam'],
  ['Haile', 'Hayle'],
  ['Kebede'],
  ['Ivanov', 'Ivanou'],
  ['Kuznetsov', 'Kuznyatsou'],
  ['Popescu'],
  ['Nguyen', 'Nguyễn'],
  ['Barzani'],
  ['Al-Masri', 'Almasri', 'El Masri'],
  ['Darwish', 'Darvish'],
  ['Qureshi', 'Kureshi'],
  ['Siddiqui', 'Siddiqi'],
  ['Sultani'],
  ['Zaheer', 'Zahir'],
  ['Amiri', 'Ameeri'],
  ['Jafari', 'Jaafari'],
  ['Rezaei', 'Rezai'],
  ['Ghani'],
  ['Mansour', 'Mansur'],
  ['Al-Sayed', 'Elsayed'],
  ['Farah'],
  ['Warsame'],
  ['Hashemi', 'Hashimi'],
  ['Sharifi'],
  ['Noori', 'Nouri'],
  ['Bakr', 'Bakir'],
  ['Suleiman', 'Sulaiman', 'Slimane'],
] as const;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function openBench(): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (args.backend === 'pglite') return { store: await openStore(), drop: async () => {} };
  const base = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${DB}`;
  const store = await openStore({ databaseUrl: u.toString(), poolSize: 4 });
  return {
    store,
    drop: async () => {
      await store.close();
      if (args.keep) return;
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${DB} with (force)`);
      await a.end();
    },
  };
}

/** SQL array literal of a list of texts. */
const arr = (xs: readonly string[]) =>
  `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;

async function load(store: Store): Promise<void> {
  const t0 = performance.now();
  // a share of the records in a name's other spellings: the first spelling in 70 % of the records
  const spelled = (lists: readonly (readonly string[])[], idx: string, r: string) => {
    const forms = `(${arr(lists.map((l) => l.join('|')))})[1 + ${idx}]`;
    return `split_part(${forms}, '|', case when ${r} < 0.7 then 1 else 1 + floor(${r} * 10)::int % array_length(string_to_array(${forms}, '|'), 1) end)`;
  };
  const statements = [
    `set session_replication_role = replica`,
    `select setseed(0.16)`,
    `insert into cases (id, state, encounter_id, status, version, nationality, data, created_at, updated_at)
       select gen_random_uuid(), case when i % 50 = 0 then 'PL' else 'LT' end, '00000000-0000-4000-8000-000000000000',
         (array['in-screening','registered','asylum-requested','decided','closed'])[1 + i % 5], 1,
         (array['IQ','SY','AF','ER','BY','RU','TR','SO','IR','VN'])[1 + i % 10], '{}'::jsonb, now(), now()
       from generate_series(1, ${PERSONS}) i`,
    `create temporary table seeds as
       select c.id as case_id, c.state, row_number() over (order by c.id) as i,
         floor(random() * ${GIVEN.length})::int as g, random() as gr, floor(random() * ${FAMILY.length})::int as f, random() as fr,
         random() as b, date '1960-01-01' + floor(random() * 18000)::int as born
       from cases c`,
    `insert into person_identities (case_id, state, family_name, given_names, names, birth_from, birth_to, birth_precision,
         sex, nationality, eurodac_ref, updated_at)
       select case_id, state, fam, giv, giv || ' | ' || fam,
         case when b < 0.6 then born when b < 0.75 then date_trunc('month', born)::date when b < 0.9 then date_trunc('year', born)::date else date_trunc('year', born)::date end,
         case when b < 0.6 then born when b < 0.75 then (date_trunc('month', born) + interval '1 month - 1 day')::date else (date_trunc('year', born) + interval '1 year - 1 day')::date end,
         case when b < 0.6 then 'full' when b < 0.75 then 'year-month' when b < 0.9 then 'year' else 'about' end,
         case when i % 3 = 0 then 'female' else 'male' end, null,
         case when i % 2 = 0 then state || '-2026-' || lpad(i::text, 6, '0') end, now()
       from (select s.*, ${spelled(GIVEN, 's.g', 's.gr')} as giv, ${spelled(FAMILY, 's.f', 's.fr')} as fam from seeds s) x`,
    `insert into person_documents (case_id, seq, state, type, number, number_key, issuing_country)
       select case_id, 0, state, 'passport', 'P' || lpad((i * 7919 % 10000000)::text, 7, '0'), 'P' || lpad((i * 7919 % 10000000)::text, 7, '0'), 'IQ'
       from seeds where i % 3 <> 0`,
    `set session_replication_role = origin`,
    `analyze`,
  ];
  for (const s of statements) await store.query(s);
  const [n] = await store.query<{ n: number }>(`select count(*)::int as n from person_identities`);
  console.log(
    `loaded ${n?.n} persons in ${((performance.now() - t0) / 1000).toFixed(1)} s (${store.backend})`,
  );
}

async function measure(label: string, queries: readonly string[], run: (q: string) => Promise<unknown>) {
  for (const q of queries.slice(0, 3)) await run(q); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const q = queries[i % queries.length] as string;
    const t = performance.now();
    await run(q);
    times.push(performance.now() - t);
  }
  return { label, p50: pct(times, 50), p95: pct(times, 95) };
}

const typo = (s: string, k: number) => {
  const i = 1 + (k % Math.max(1, s.length - 2));
  return s.slice(0, i) + s[i] + s.slice(i); // a letter doubled
};

async function main() {
  const { store, drop } = await openBench();
  try {
    await load(store);
    const sample = await store.query<{
      case_id: string;
      given_names: string;
      family_name: string;
      birth_from: string;
      precision: string;
    }>(
      `select case_id, given_names, family_name, birth_from::text, birth_precision as precision from person_identities
        where state = 'LT' order by md5(case_id::text) limit 40`,
    );
    const docs = (
      await store.query<{ number: string }>(
        `select number from person_documents where state = 'LT' order by md5(case_id::text) limit 40`,
      )
    ).map((d) => d.number);
    const refs = (
      await store.query<{ r: string }>(
        `select eurodac_ref as r from person_identities where state = 'LT' and eurodac_ref is not null order by md5(case_id::text) limit 40`,
      )
    ).map((d) => d.r);
    const other = (name: string, lists: readonly (readonly string[])[]) => {
      const l = lists.find((x) => (x as readonly string[]).includes(name));
      return (l?.find((x) => x !== name) ?? name) as string;
    };
    const names = {
      recorded: sample.map((p) => `${p.given_names} ${p.family_name}`),
      transliterated: sample.map((p) => `${other(p.given_names, GIVEN)} ${other(p.family_name, FAMILY)}`),
      reordered: sample.map((p) => `${p.family_name.toLowerCase()} ${p.given_names.toLowerCase()}`),
      typo: sample.map((p, k) => `${p.given_names} ${typo(p.family_name, k)}`),
      'with a year': sample.map((p) => `${p.given_names} ${p.family_name} ${p.birth_from.slice(0, 4)}`),
      'one name': sample.map((p) => p.family_name),
    };
    const search = (q: string) => searchPersons(store.db, { query: q, state: 'LT', limit: 20 });
    const ids = sample.map((p) => p.case_id);
    const rows = [
      await measure('bare lookup by primary key (baseline)', ids, (id) =>
        store.db.execute(sql`select * from person_identities where case_id = ${id}::uuid`),
      ),
      ...(await (async () => {
        const out = [];
        for (const [k, qs] of Object.entries(names)) out.push(await measure(`name: ${k}`, qs, search));
        return out;
      })()),
      await measure('document number', docs, search),
      await measure('Eurodac reference', refs, search),
      await measure(
        'date of birth (full)',
        sample.map((p) => p.birth_from),
        search,
      ),
      await measure(
        'date of birth (year)',
        sample.map((p) => p.birth_from.slice(0, 4)),
        search,
      ),
      await measure(
        'date of birth (about)',
        sample.map((p) => `about ${p.birth_from.slice(0, 4)}`),
        search,
      ),
      await measure(
        'case id short prefix',
        ids.map((id) => id.slice(0, 8)),
        search,
      ),
    ];
    const base = rows[0]?.p95 ?? 1;
    console.log(`\n${PERSONS.toLocaleString('en')} persons, ${RUNS} runs each, ${store.backend}\n`);
    console.log(
      `${'query'.padEnd(40)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p95 / baseline'.padStart(16)}`,
    );
    for (const r of rows)
      console.log(
        `${r.label.padEnd(40)} ${ms(r.p50).padStart(10)} ${ms(r.p95).padStart(10)} ${`${(r.p95 / base).toFixed(1)}×`.padStart(16)}`,
      );
    const worstName = Math.max(...rows.filter((r) => r.label.startsWith('name')).map((r) => r.p95));
    console.log(
      `\nnames: worst p95 ${ms(worstName)} — target under 100 ms: ${worstName < 100 ? 'met' : 'MISSED'}`,
    );
    const found = await search(names.transliterated[0] as string);
    console.log(
      `e.g. "${names.transliterated[0]}" → ${found.results.length} results, first: ${found.results[0]?.givenNames} ${found.results[0]?.familyName} (${found.results[0]?.matches.map((m) => `${m.field} ${m.how} ${m.score}`).join('; ')})`,
    );
  } finally {
    await drop();
  }
}

await main();
