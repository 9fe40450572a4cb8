// issue 21 (copy): the bulk import by COPY (src/store/bulk-import.ts) on every backend — what it writes, the
// deadlines of the law, re-import, the same result as the single path, the audit chain with one entry per
// batch, and the attacks: an imported row altered, added or removed after the import is found by the verifier.
// Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { buildEncounter, isRowErrors, type ParsedRow, parseRow } from '../../src/domain/encounter-csv.ts';
import { LAW } from '../../src/law/law.ts';
import { type AggregateQuery, aggregates, GROUPINGS } from '../../src/store/aggregates.ts';
import { amendCase } from '../../src/store/amendments.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { type ImportItem, importBatch } from '../../src/store/bulk-import.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { monitoringIndicators } from '../../src/store/monitoring.ts';
import { rolledUpMonitoring } from '../../src/store/monitoring-rolled-up.ts';
import { refreshFacts } from '../../src/store/monitoring-rollup.ts';
import { sweepRetention } from '../../src/store/retention.ts';
import { rolledUpAggregates } from '../../src/store/statistics-rollup.ts';
import { BACKENDS, testClock } from './backends.ts';

const HEADER =
  'encounter_ref,state,occurred_at,kind,group_size,place_id,nationality,sex,birth_year,family_name,given_names,birth_date,document_type,document_number,document_country';
const ROWS = [
  // an apprehended crossing in Lithuania at 04:10 local (02:10Z): screening and Eurodac, per person
  'BLK-1,LT,2026-12-07T04:10:00+02:00,apprehended-irregular-crossing,3,,IQ,male,1990,Testperson,Alpha,1990-03-04,passport,P100001,IQ',
  'BLK-1,LT,2026-12-07T04:10:00+02:00,apprehended-irregular-crossing,3,,SY,female,1995,,,,,,',
  // refused entry, no asylum wish: no obligation
  'BLK-2,LT,2026-12-08T10:00:00+02:00,entry-prevented-refused,2,,AF,male,2000,,,,,,',
  'BLK-2,LT,2026-12-08T10:00:00+02:00,entry-prevented-refused,2,,AF,male,2001,,,,,,',
  // the same person as in BLK-1 (name, date of birth, passport): a likely duplicate to review
  'BLK-3,LT,2026-12-08T20:00:00+02:00,apprehended-irregular-crossing,1,,IQ,male,1990,Testperson,Alpha,1990-03-04,passport,P100001,IQ',
  // a group only counted: an encounter, no case
  'BLK-4,LT,2026-12-08T21:00:00+02:00,apprehended-irregular-crossing,12,,,,,,,,,,',
];

/** The CSV as the command reads it (csv-parse, parseRow, buildEncounter), in items of the bulk path. */
function items(lines: readonly string[]): ImportItem[] {
  const records = parse(`${HEADER}\n${lines.join('\n')}\n`, { columns: true }) as Record<string, string>[];
  const groups = new Map<string, ParsedRow[]>();
  records.forEach((r, i) => {
    const p = parseRow(r, i + 2);
    if (isRowErrors(p)) throw new Error(JSON.stringify(p));
    groups.set(p.groupKey, [...(groups.get(p.groupKey) ?? []), p]);
  });
  return [...groups.values()].map((g) => {
    const built = buildEncounter(g);
    if (isRowErrors(built)) throw new Error(JSON.stringify(built));
    return { command: built.encounter, key: `import:${built.encounter.state}:${built.encounter.ref}` };
  });
}

const importer = { actor: 'csv-import', role: 'import' as const };

describe.each(BACKENDS)('bulk import by COPY on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock('2026-12-09T08:00:00Z');
  const count = async (sql: string) => Number((await store.query<{ n: number }>(sql))[0]?.n);
  const run = () => importBatch(store, cs.services, items(ROWS), importer);
  let first: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    first = await run();
  }, 60_000);
  afterAll(() => store.close());

  it('writes the encounters, one case per identified person, their first actions and obligations', async () => {
    expect(first.map((o) => o.status)).toEqual(['recorded', 'recorded', 'recorded', 'recorded']);
    expect(await count('select count(*)::int as n from encounters')).toBe(4);
    // 2 + 2 + 1 + 0 identified persons
    expect(await count('select count(*)::int as n from cases')).toBe(5);
    expect(await count('select count(*)::int as n from case_actions')).toBe(5);
    expect(await count('select count(*)::int as n from person_identities')).toBe(5);
    // BLK-4 counts 12 persons, none identified
    expect(await count(`select unidentified as n from encounters where ref = 'BLK-4'`)).toBe(12);
    // screening and Eurodac for the 3 persons apprehended crossing (BLK-1 ×2, BLK-3), nothing for refused entry
    expect(await count('select count(*)::int as n from obligations')).toBe(6);
  });

  it('the deadlines are the law’s: screening 7 days to the end of the local day, Eurodac 72 whole hours', async () => {
    const due = await store.query<{ kind: string; due_at: Date }>(
      `select o.kind, o.due_at from obligations o join cases c on c.id = o.case_id join encounters e on e.id = c.encounter_id
        where e.ref = 'BLK-1' and c.nationality = 'IQ' order by o.kind`,
    );
    // occurred 2026-12-07 04:10 in Vilnius (UTC+2): SR Art. 8(3) 7 days → 14 December 24:00 local = 22:00Z;
    // Eurodac Art. 22(2) 72 hours, counted (Reg. 1182/71 Art. 3(1)) from the start of the hour after 02:10Z
    // on the 7th, i.e. 03:00Z → 03:00Z on the 10th
    expect(due.map((d) => [d.kind, new Date(d.due_at).toISOString()])).toEqual([
      ['eurodac', '2026-12-10T03:00:00.000Z'],
      ['screening', '2026-12-14T22:00:00.000Z'],
    ]);
  });

  it('writes what the single path writes for the same encounter (cases, obligations)', async () => {
    const [item] = items([ROWS[0] as string]);
    const command = { ...(item?.command as RecordEncounter), ref: 'SINGLE-1' };
    await cs.recordEncounter(command, importer, 'single:LT:SINGLE-1');
    const shape = async (ref: string) =>
      store.query<{ kind: string; due_at: string; status: string; flags: string; data: string }>(
        `select o.kind, o.due_at::text, c.status, c.flags::text, (c.data - 'id' - 'encounterId')::text as data
          from cases c join encounters e on e.id = c.encounter_id join obligations o on o.case_id = c.id
          where e.ref = $1 and c.nationality = 'IQ' order by o.kind`,
        [ref],
      );
    expect(await shape('BLK-1')).toEqual(await shape('SINGLE-1'));
  });

  it('proposes the likely duplicate (same name, date of birth and passport) as the single path does', async () => {
    expect(await count('select count(*)::int as n from duplicate_candidates')).toBeGreaterThanOrEqual(1);
  });

  it('importing the same rows again creates nothing and adds no audit entry', async () => {
    const entries = await count('select count(*)::int as n from audit_log');
    const again = await run();
    expect(again.map((o) => o.status)).toEqual(['replayed', 'replayed', 'replayed', 'replayed']);
    expect(await count('select count(*)::int as n from encounters')).toBe(5); // 4 + SINGLE-1
    expect(await count('select count(*)::int as n from audit_log')).toBe(entries);
  });

  it('one audit entry for the batch; the chain and the records verify', async () => {
    expect(await count(`select count(*)::int as n from audit_log where action = 'import.batch'`)).toBe(1);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('a rejected encounter writes nothing of itself; the others of the batch are recorded', async () => {
    const bad = items([
      'BLK-5,LT,2026-12-08T22:00:00+02:00,apprehended-irregular-crossing,1,NO-SUCH-PLACE,IQ,male,1990,,,,,,',
      'BLK-6,LT,2026-12-08T22:00:00+02:00,apprehended-irregular-crossing,1,,IQ,male,1991,,,,,,',
    ]);
    const out = await importBatch(store, cs.services, bad, importer);
    expect(out.map((o) => o.status)).toEqual(['rejected', 'recorded']);
    expect(await count(`select count(*)::int as n from encounters where ref in ('BLK-5', 'BLK-6')`)).toBe(1);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('the statistics rolled up by day count an import batch (its entry names the hours it touched)', async () => {
    const q = (by: (typeof GROUPINGS)[number]): AggregateQuery => ({
      state: 'LT',
      from: '2026-11-01',
      to: '2026-12-31',
      timeZone: 'Europe/Vilnius',
      granularity: 'day',
      by,
    });
    await rolledUpAggregates(store.db, q(GROUPINGS[0])); // the first read counts every day
    // 23:30Z on 19 November is 01:30 on the 20th in Vilnius
    const late = items([
      'BLK-7,LT,2026-11-19T23:30:00Z,apprehended-irregular-crossing,2,,IR,female,1980,,,,,,',
      'BLK-7,LT,2026-11-19T23:30:00Z,apprehended-irregular-crossing,2,,IR,male,1979,,,,,,',
    ]);
    expect((await importBatch(store, cs.services, late, importer)).map((o) => o.status)).toEqual([
      'recorded',
    ]);
    for (const by of GROUPINGS)
      expect(await rolledUpAggregates(store.db, q(by)), by).toEqual(await aggregates(store.db, q(by)));
  });

  it('an imported encounter corrected later (encounter.corrected) still verifies, from the hash it was imported with', async () => {
    const [c] = await store.query<{ id: string; version: number }>(
      `select c.id, c.version from cases c join encounters e on e.id = c.encounter_id where e.ref = 'BLK-3'`,
    );
    await amendCase(
      cs,
      c?.id ?? '',
      c?.version ?? 1,
      { kind: 'encounter', field: 'groupSize', value: 2, reason: 'a second person seen' } as never,
      { actor: 'guard.lt', role: 'border-guard' },
      'amend-blk-3',
      () => {},
    );
    expect(await count(`select group_size as n from encounters where ref = 'BLK-3'`)).toBe(2);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('a command on an imported case (its own format-2 entry) verifies; the rolled-up monitoring counts it as live', async () => {
    const [c] = await store.query<{ id: string; version: number }>(
      `select c.id, c.version from cases c join encounters e on e.id = c.encounter_id where e.ref = 'BLK-1' and c.nationality = 'SY'`,
      // the unnamed person of BLK-1: the named one stays without a wish (the retention test below erases them 5 years on)
    );
    await refreshFacts(store.db); // the import batch's encounters are counted first
    clock.set('2026-12-09T09:00:00Z');
    await cs.apply(
      c?.id ?? '',
      c?.version ?? 1,
      { type: 'asylum-wish.expressed', at: '2026-12-09T08:30:00Z', where: 'station', to: 'officer' } as never,
      { actor: 'officer.lt', role: 'case-officer' },
      'wish-blk-1',
    );
    expect(
      await count(
        `select count(*)::int as n from audit_log where action = 'case.actions' and subject = '${c?.id}'`,
      ),
    ).toBe(1);
    expect(await verifyRecords(store.db)).toBeUndefined();
    const q = {
      state: 'LT',
      from: '2026-12-01',
      to: '2026-12-31',
      timeZone: 'Europe/Vilnius',
      now: new Date('2026-12-09T10:00:00Z'),
    };
    const live = await monitoringIndicators(store.db, q);
    expect(live.registrationWithinDeadline.asylumWishes).toBeGreaterThanOrEqual(1);
    expect(await rolledUpMonitoring(store.db, q)).toEqual(live);
  });

  // the attacks: someone with SQL access changes an imported row after the import
  it('an imported case-log entry altered afterwards is found (and its restoration verifies again)', async () => {
    const q = `from case_actions where case_id = (select c.id from cases c join encounters e on e.id = c.encounter_id
      where e.ref = 'BLK-2' order by c.birth_year limit 1)`;
    const [was] = await store.query<{ payload: unknown }>(`select payload ${q}`);
    await store.query(
      `update case_actions set payload = jsonb_set(payload, '{person,nationality}', '"SY"') where (case_id, seq) in (select case_id, seq ${q})`,
    );
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
    await store.query(
      `update case_actions set payload = $1::jsonb where (case_id, seq) in (select case_id, seq ${q})`,
      [JSON.stringify(was?.payload)],
    );
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('an imported encounter altered afterwards (its group size) is found', async () => {
    await store.query(`update encounters set group_size = 2 where ref = 'BLK-4'`);
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
    await store.query(`update encounters set group_size = 12 where ref = 'BLK-4'`);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('ATTACK: an imported case action moved to another state (it counts there) is found', async () => {
    const one = `(select c.case_id from case_actions c join cases k on k.id = c.case_id join encounters e on e.id = k.encounter_id
      where e.ref = 'BLK-2' and c.seq = 1 order by c.case_id limit 1)`;
    await store.query(`update case_actions set state = 'PL' where seq = 1 and case_id = ${one}`);
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
    await store.query(`update case_actions set state = 'LT' where seq = 1 and case_id = ${one}`);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('a case-log entry slipped into an imported case, or one removed, is found', async () => {
    const [c] = await store.query<{ id: string }>(
      `select c.id from cases c join encounters e on e.id = c.encounter_id where e.ref = 'BLK-2' order by c.birth_year desc limit 1`,
    );
    await store.query(
      `insert into case_actions (case_id, seq, type, at, actor, role, state, legal_basis, payload, recorded_at, salt)
        select case_id, 2, 'screening.completed', at, actor, role, state, legal_basis, payload, recorded_at, salt
        from case_actions where case_id = $1 and seq = 1`,
      [c?.id],
    );
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
    const [row] = await store.query<Record<string, unknown>>(
      `select * from case_actions where case_id = $1 and seq = 1`,
      [c?.id],
    );
    await store.query(`delete from case_actions where case_id = $1`, [c?.id]);
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
    // put the first one back as it was
    await store.query(
      `insert into case_actions (case_id, seq, type, at, actor, role, state, legal_basis, payload, recorded_at, salt)
        values ($1, 1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
      [
        c?.id,
        row?.type,
        row?.at,
        row?.actor,
        row?.role,
        row?.state,
        row?.legal_basis,
        JSON.stringify(row?.payload),
        row?.recorded_at,
        row?.salt,
      ],
    );
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('ATTACK: a row marked erased by hand (to be checked only by its kept hash) while a name is changed is found', async () => {
    const [row] = await store.query<{ case_id: string }>(
      `select c.case_id from case_actions c join cases k on k.id = c.case_id join encounters e on e.id = k.encounter_id
        where e.ref = 'BLK-2' and c.seq = 1 limit 1`,
    );
    await store.query(
      `update case_actions set erased_at = '2001-01-01T00:00:00Z' where case_id = $1 and seq = 1`,
      [row?.case_id],
    );
    const renamed = `update case_actions set payload = replace(payload::text, 'Testperson', 'Otherperson')::jsonb
      where seq = 1 and payload::text like '%Testperson%'
        and case_id in (select k.id from cases k join encounters e on e.id = k.encounter_id where e.ref = 'BLK-1')`;
    await store.query(renamed);
    expect((await verifyRecords(store.db))?.reason).toMatch(
      /marked erased, but no retention sweep erased it/,
    );
    await store.query(`update case_actions set erased_at = null where case_id = $1 and seq = 1`, [
      row?.case_id,
    ]);
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
    await store.query(
      `update case_actions set payload = replace(payload::text, 'Otherperson', 'Testperson')::jsonb
        where payload::text like '%Otherperson%'`,
    );
    expect(await verifyRecords(store.db)).toBeUndefined();
  });
  it('an encounter passed off as imported (written outside Pact into a batch) is found', async () => {
    await store.query(
      `insert into encounters (id, state, ref, occurred_at, kind, group_size, unidentified, recorded_by, created_at)
        values ($1, 'LT', 'FORGED-1', '2026-12-08T10:00:00Z', 'entry-prevented-refused', 1, 1, 'x', now())`,
      [randomUUID()],
    );
    await store.query(
      `insert into import_encounters (encounter_id, batch) select id, (select batch from import_encounters limit 1)
        from encounters where ref = 'FORGED-1'`,
    );
    expect((await verifyRecords(store.db))?.reason).toMatch(/import batch were altered/);
  });
  it('the retention sweep erases the identity of imported persons; the batch still verifies (keptSha256)', async () => {
    // take back the forged encounter of the attack above
    await store.query(
      `delete from import_encounters where encounter_id in (select id from encounters where ref = 'FORGED-1')`,
    );
    await store.query(`delete from encounters where ref = 'FORGED-1'`);
    expect(await verifyRecords(store.db)).toBeUndefined();
    const named = `select count(*)::int as n from case_actions where payload::text like '%Testperson%'`;
    expect(await count(named)).toBeGreaterThan(0);
    // apprehended crossing without a wish, met in December 2026: erased 5 years on (Eurodac Art. 29(6))
    const at = new Date('2031-12-09T00:00:00Z');
    const report = await sweepRetention(store.db, LAW, { at, now: at });
    expect(report.kinds.flatMap((k) => k.tampered ?? [])).toEqual([]);
    expect(await count(named)).toBe(0);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });
});
