// The audit chain vouches for the case log and the encounters through the retention sweep and corrections
// (docs/audit.md; review of #16, findings 1, 2 and 6). The attacks of the review, performed by someone with
// SQL access who can also append to the (unkeyed) chain: a nationality changed on an erased row covered by a
// forged `retention.erased` entry; a group size changed covered by a forged `encounter.corrected`; the sweep
// asked to erase (and so launder) a row altered before it; an erased identity guessed against its audit
// hash. Each fails. Synthetic persons with made-up names, to be searched for.
import { createHash, randomUUID } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { amendCase } from '../../src/store/amendments.ts';
import { appendAudit, encounterHash, verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { sweepRetention } from '../../src/store/retention.ts';
import { erasedDigest } from '../../src/store/retention-audit.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard.lt', role: 'border-guard' as const };
const allow = () => {};
const hex = (t: string) => createHash('sha256').update(t).digest('hex');
/** Met 2026-12-08T02:10Z; apprehended crossing, no wish: erased 5 years on (Eurodac Art. 29(6)). */
const MET = '2026-12-08T04:10:00+02:00';
const AFTER_FIVE_YEARS = new Date('2031-12-09T00:00:00Z');

describe.each(BACKENDS)('audit integrity on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  let caseId = '';
  let encounterId = '';
  const clock = testClock('2026-12-09T08:00:00Z');
  let n = 0;
  const version = async () =>
    (await store.query<{ version: number }>(`select version from cases where id = $1`, [caseId]))[0]
      ?.version ?? 0;
  const amend = async (a: object) =>
    amendCase(cs, caseId, await version(), a as never, guard, `amend-${++n}`, allow);
  const entryOf = async (seq: number) =>
    (
      await store.query<{ seq: number; data: Record<string, unknown> }>(
        // issue 21: the entry of a command lists its rows (format 2); an entry per row before (format 1)
        `select a.seq, e.x as data from audit_log a cross join lateral jsonb_array_elements(case when a.data @> '{"v": 2}' then a.data->'actions' else '[]' end) e(x)
          where e.x->>'caseId' = $1 and (e.x->>'seq')::int = $2
        union all select seq, data from audit_log where subject = $1 and data ? 'payloadSha256' and (data->>'seq')::int = $2`,
        [caseId, seq],
      )
    )[0];
  const actionRow = async (seq: number) =>
    (
      await store.query<{ payload: Record<string, unknown>; salt: string | null; erased_at: unknown }>(
        `select payload, salt, erased_at from case_actions where case_id = $1 and seq = $2`,
        [caseId, seq],
      )
    )[0];
  /** The columns of every table holding `needle`, as text. */
  const holders = async (needle: string) => {
    const cols = await store.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public'
        and data_type in ('text', 'character', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const c of cols) {
      const [r] = await store.query<{ n: number }>(
        `select count(*)::int as n from "${c.table_name}" where "${c.column_name}"::text ilike $1`,
        [`%${needle}%`],
      );
      if ((r?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name}`);
    }
    return found;
  };

  /** One person with a made-up identity, her name corrected with the passport's reading in the reason. */
  async function setup() {
    store = await backend.open();
    clock.set('2026-12-09T08:00:00Z');
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
    const { result } = await cs.recordEncounter(
      RecordEncounter.parse({
        ref: 'AI-1',
        state: 'LT',
        occurredAt: MET,
        kind: 'apprehended-irregular-crossing',
        groupSize: 2,
        persons: [
          {
            nationality: 'IQ',
            sex: 'male',
            birthYear: 1990,
            identity: {
              familyName: 'Qxaifamily',
              givenNames: 'Qxaigiven',
              birthDate: { value: '1990-03-04', precision: 'full' },
            },
          },
        ],
      }),
      guard,
      'ai-1',
    );
    caseId = result.caseIds[0] as string;
    encounterId = (await store.query<{ id: string }>(`select id from encounters`))[0]?.id as string;
    await amend({
      kind: 'person',
      field: 'identity.familyName',
      value: 'Qxaicorrected',
      reason: 'passport reads QXAIREASON Muhammad',
    });
  }
  afterEach(async () => {
    await store?.close();
  });

  it('each row has its own random salt; no audit entry holds the unsalted hash of a payload', async () => {
    await setup();
    const rows = await store.query<{ seq: number; payload: unknown; salt: string }>(
      `select seq, payload, salt from case_actions where case_id = $1 order by seq`,
      [caseId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.salt)).size).toBe(rows.length);
    const audit = JSON.stringify(await store.query(`select data from audit_log`));
    for (const r of rows) {
      expect(r.salt).toMatch(/^[0-9a-f]{32}$/);
      expect(audit).not.toContain(hex(stringify(r.payload) ?? ''));
      // the entry binds the payload salted with the row's salt (docs/audit.md)
      expect((await entryOf(r.seq))?.data.payloadSha256).toBe(hex(`${r.salt}${stringify(r.payload)}`));
    }
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('ATTACK: after the sweep, the true identity hashed against the audit matches nothing (the salt is gone); the reason naming the person is gone too', async () => {
    await setup();
    const before = await store.query<{ seq: number; payload: unknown; salt: string }>(
      `select seq, payload, salt from case_actions where case_id = $1 order by seq`,
      [caseId],
    );
    expect(await holders('QXAIREASON')).toEqual(['case_actions.payload']);
    await sweepRetention(store.db, LAW, { at: AFTER_FIVE_YEARS, now: AFTER_FIVE_YEARS });
    for (const needle of ['Qxai', 'QXAIREASON', '1990-03-04'])
      expect(await holders(needle), needle).toEqual([]);
    const audit = JSON.stringify(await store.query(`select data from audit_log`));
    for (const b of before) {
      const now = await actionRow(b.seq);
      if (!stringify(b.payload)?.includes('Qxai')) continue;
      // erased: the salt went with the identity, and is nowhere else
      expect(now?.erased_at).not.toBeNull();
      expect(now?.salt).toBeNull();
      expect(await holders(b.salt)).toEqual([]);
      // the exact identity (the best guess a brute force could make) hashes to nothing the audit holds
      expect(audit).not.toContain(hex(stringify(b.payload) ?? ''));
      const entry = await entryOf(b.seq);
      expect(entry?.data.payloadSha256).not.toBe(hex(stringify(b.payload) ?? ''));
      // what the audit holds of the erased row is the hash of what is left
      expect(entry?.data.keptSha256).toBe(hex(stringify(now?.payload) ?? ''));
    }
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('ATTACK: the nationality of an erased row changed IQ→SY, covered by a forged retention.erased entry, is found', async () => {
    await setup();
    await sweepRetention(store.db, LAW, { at: AFTER_FIVE_YEARS, now: AFTER_FIVE_YEARS });
    expect(await verifyRecords(store.db)).toBeUndefined();
    const T = '2032-01-01T00:00:00.000Z';
    await store.query(
      `update case_actions set payload = jsonb_set(payload, '{person,nationality}', '"SY"'), erased_at = $2, salt = null
        where case_id = $1 and seq = 1`,
      [caseId, T],
    );
    const rows = await store.query<{ case_id: string; seq: number; payload: unknown }>(
      `select case_id, seq, payload from case_actions where erased_at = $1`,
      [T],
    );
    expect(rows.length).toBe(1);
    await appendAudit(store.db, [
      {
        at: new Date(T),
        actor: 'system',
        action: 'retention.erased',
        subject: null,
        data: { kind: 'identity', erasedAt: T, actionsSha256: erasedDigest(rows) },
      },
    ]);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toEqual({
      seq: (await entryOf(1))?.seq,
      reason: 'the case-log entry it records was altered',
    });
  });

  it('ATTACK (the review script): a row not yet swept, changed IQ→SY, marked erased, its salt nulled, with a forged sweep entry, is found', async () => {
    await setup();
    const T = '2027-01-01T00:00:00.000Z';
    await store.query(
      `update case_actions set payload = jsonb_set(payload #- '{person,identity}', '{person,nationality}', '"SY"'),
        erased_at = $2, salt = null where case_id = $1 and seq = 1`,
      [caseId, T],
    );
    const rows = await store.query<{ case_id: string; seq: number; payload: unknown }>(
      `select case_id, seq, payload from case_actions where erased_at = $1`,
      [T],
    );
    await appendAudit(store.db, [
      {
        at: new Date(T),
        actor: 'system',
        action: 'retention.erased',
        subject: null,
        data: { kind: 'identity', erasedAt: T, actionsSha256: erasedDigest(rows) },
      },
    ]);
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyRecords(store.db)).toEqual({
      seq: (await entryOf(1))?.seq,
      reason: 'the case-log entry it records was altered',
    });
  });

  it('ATTACK: the sweep does not erase (launder) a row altered before it: left as is, reported as tampered, still found', async () => {
    await setup();
    await store.query(
      `update case_actions set payload = jsonb_set(payload, '{person,nationality}', '"SY"') where case_id = $1 and seq = 1`,
      [caseId],
    );
    const report = await sweepRetention(store.db, LAW, { at: AFTER_FIVE_YEARS, now: AFTER_FIVE_YEARS });
    expect(report.kinds[0]?.tampered).toEqual([{ caseId, seq: 1 }]);
    const [entry] = await store.query<{ data: { tampered?: unknown } }>(
      `select data from audit_log where action = 'retention.erased' and data->>'kind' = 'identity'`,
    );
    expect(entry?.data.tampered).toEqual([{ caseId, seq: 1 }]);
    const row = await actionRow(1);
    expect(row?.erased_at).toBeNull();
    expect(row?.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stringify(row?.payload)).toContain('Qxaifamily');
    // the untouched amendment was erased as usual
    expect((await actionRow(2))?.erased_at).not.toBeNull();
    expect(await verifyRecords(store.db)).toEqual({
      seq: (await entryOf(1))?.seq,
      reason: 'the case-log entry it records was altered',
    });
  });

  it('ATTACK: the group size changed 2→7 with a forged encounter.corrected is found, whatever the forged entry names', async () => {
    await setup();
    // a real correction first (2→3): the chain of the row's hashes, and its case action, verify
    await amend({ kind: 'encounter', field: 'groupSize', value: 3, reason: 'a third person seen' });
    expect(await verifyRecords(store.db)).toBeUndefined();
    const [amended] = await store.query<{ seq: number }>(
      `select seq from case_actions where case_id = $1 and type = 'encounter.amended'`,
      [caseId],
    );
    expect(amended).toBeDefined();
    await store.query(`update encounters set group_size = 7, unidentified = 6`);
    const row = (await store.query<Record<string, unknown>>(`select * from encounters`))[0] as Record<
      string,
      unknown
    >;
    const forge = (data: Record<string, unknown>) =>
      appendAudit(store.db, [
        {
          at: clock.now(),
          actor: 'guard.lt',
          action: 'encounter.corrected',
          subject: encounterId,
          data: { field: 'groupSize', rowSha256: encounterHash(row), ...data },
        },
      ]);
    const corrected = async () =>
      (await store.query<{ seq: number }>(`select max(seq)::int as seq from audit_log`))[0]?.seq;
    // as the review did: no previous hash, no case action
    await forge({});
    expect(await verifyRecords(store.db)).toEqual({
      seq: await corrected(),
      reason: 'this correction does not follow the hash of the encounter vouched before it',
    });
  });

  it('ATTACK: a forged encounter.corrected following the chain but re-using the real correction’s case action is found', async () => {
    await setup();
    await amend({ kind: 'encounter', field: 'groupSize', value: 3, reason: 'a third person seen' });
    const [real] = await store.query<{
      data: { rowSha256: string; amended: { caseId: string; seq: number } };
    }>(`select data from audit_log where action = 'encounter.corrected'`);
    expect(real?.data.amended.caseId).toBe(caseId);
    await store.query(`update encounters set group_size = 7, unidentified = 6`);
    const row = (await store.query<Record<string, unknown>>(`select * from encounters`))[0] as Record<
      string,
      unknown
    >;
    const forge = async (amended: unknown) => {
      await appendAudit(store.db, [
        {
          at: clock.now(),
          actor: 'guard.lt',
          action: 'encounter.corrected',
          subject: encounterId,
          data: {
            field: 'groupSize',
            prevRowSha256: real?.data.rowSha256,
            amended,
            rowSha256: encounterHash(row),
          },
        },
      ]);
      return (await store.query<{ seq: number }>(`select max(seq)::int as seq from audit_log`))[0]?.seq;
    };
    const reused = await forge(real?.data.amended);
    expect(await verifyRecords(store.db)).toEqual({
      seq: reused,
      reason: 'this correction names no recorded correction of the encounter in a case log',
    });
  });

  it('ATTACK: a forged encounter.corrected naming a case action that is no correction of the encounter is found', async () => {
    await setup();
    const [stored] = await store.query<{ data: { rowSha256: string } }>(
      `select data from audit_log where action = 'encounter.stored'`,
    );
    await store.query(`update encounters set group_size = 7, unidentified = 6`);
    const row = (await store.query<Record<string, unknown>>(`select * from encounters`))[0] as Record<
      string,
      unknown
    >;
    // seq 2 is the person's correction (person.amended): a real, audited action, but not of the encounter
    await appendAudit(store.db, [
      {
        at: clock.now(),
        actor: 'guard.lt',
        action: 'encounter.corrected',
        subject: encounterId,
        data: {
          field: 'groupSize',
          prevRowSha256: stored?.data.rowSha256,
          amended: { caseId, seq: 2 },
          rowSha256: encounterHash(row),
        },
      },
    ]);
    expect((await verifyRecords(store.db))?.reason).toBe(
      'this correction names no recorded correction of the encounter in a case log',
    );
  });
});
