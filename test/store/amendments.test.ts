// Corrections written by the store (src/store/amendments.ts), on every backend: the log and the audit keep the
// old value; the case row, its flags and its obligations follow the correction (a representative opened and
// then cancelled, screening moved); an amended encounter still verifies, and a row changed without a
// correction is still found. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Amendment } from '../../src/domain/amend.ts';
import type { CaseState } from '../../src/domain/case-state.ts';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { CommandRejectedError } from '../../src/domain/errors.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { LAW } from '../../src/law/law.ts';
import { amendCase } from '../../src/store/amendments.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { type CaseStateRow, caseState, caseStateColumns } from '../../src/store/case-data.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { VersionConflictError } from '../../src/store/errors.ts';
import { BACKENDS } from './backends.ts';

const guard = { actor: 'guard.lt', role: 'border-guard' as const };
const officer = { actor: 'officer.lt', role: 'case-officer' as const };
const allow = () => {};

describe.each(BACKENDS)('corrections on $name', (backend) => {
  let store: Store;
  let cases: CaseStore;
  let first = '';
  let second = '';
  /** The first encounter's request and answer (a replay of its key must answer the same, issue 21). */
  let firstRequest: ReturnType<typeof RecordEncounter.parse>;
  let firstUnidentified = -1;
  let n = 0;
  const version = async (id: string) =>
    (await store.query<{ version: number }>(`select version from cases where id = $1`, [id]))[0]?.version ??
    0;
  const amend = async (id: string, amendment: Amendment, actor: typeof officer | typeof guard = officer) =>
    (await amendCase(cases, id, await version(id), amendment, actor, `amend-${++n}`, allow)).result;
  const obligationsOf = (id: string, kind: string) =>
    store.query<{ status: string; due_at: string }>(
      `select status, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as due_at from obligations where case_id = $1 and kind = $2 order by id`,
      [id, kind],
    );

  beforeAll(async () => {
    store = await backend.open();
    cases = new CaseStore(store, {
      law: LAW,
      clock: () => new Date('2026-12-08T04:00:00Z'),
      uuid: randomUUID,
    });
    // Tuesday 8 Dec 2026, 04:10 in Vilnius: two persons of one group
    firstRequest = RecordEncounter.parse({
      ref: 'AM-1',
      state: 'LT',
      occurredAt: '2026-12-08T04:10:00+02:00',
      kind: 'apprehended-irregular-crossing',
      groupSize: 3,
      persons: [
        { nationality: 'IQ', sex: 'male', birthYear: 1990, identity: { familyName: 'Testas' } },
        { nationality: 'SY', sex: 'female', birthYear: 1995 },
      ],
    });
    const { result } = await cases.recordEncounter(firstRequest, guard, 'am-1');
    firstUnidentified = result.unidentified;
    [first = '', second = ''] = result.caseIds;
    await cases.apply(
      first,
      1,
      {
        type: 'asylum-wish.expressed',
        at: '2026-12-08T05:00:00+02:00',
        where: 'station',
        to: 'border guard',
      },
      guard,
      'am-wish',
    );
    await cases.apply(
      first,
      2,
      {
        type: 'screening.check-recorded',
        at: '2026-12-08T05:30:00+02:00',
        check: 'identity',
        result: 'pasport seen',
      },
      guard,
      'am-check',
    );
  }, 60_000);
  afterAll(() => store?.close());

  it('a birth year from 1990 to 2010: the case row says minor, the log keeps old, new, reason and who', async () => {
    const r = await amend(first, {
      kind: 'person',
      field: 'birthYear',
      value: 2010,
      reason: 'passport seen',
    });
    expect(r.flags).toContain('minor');
    const [row] = await store.query<Record<string, unknown>>(
      `select minor, birth_year, flags from cases where id = $1`,
      [first],
    );
    expect(row).toMatchObject({ minor: true, birth_year: 2010 });
    expect(row?.flags).toContain('minor');
    const [log] = await store.query<Record<string, unknown>>(
      `select type, actor, role, payload from case_actions where case_id = $1 order by seq desc limit 1`,
      [first],
    );
    expect(log).toMatchObject({ type: 'person.amended', actor: 'officer.lt', role: 'case-officer' });
    expect(log?.payload).toMatchObject({ field: 'birthYear', old: 1990, new: 2010, reason: 'passport seen' });
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('unaccompanied: the representative row opens, due 15 working days from the wish of Tuesday 8 Dec (24–26 Dec not counted): end of Thursday 31 Dec', async () => {
    const r = await amend(first, {
      kind: 'person',
      field: 'unaccompanied',
      value: true,
      reason: 'travels alone',
    });
    expect(r.opened).toEqual([expect.objectContaining({ kind: 'representative' })]);
    // 9,10,11,14,15,16,17,18,21,22,23,28,29,30,31 Dec: the 15th working day is Thursday 31 Dec → 1 Jan 00:00 Vilnius
    expect(await obligationsOf(first, 'representative')).toEqual([
      { status: 'open', due_at: '2026-12-31T22:00' },
    ]);
  });

  it('back to 1990: no longer a minor — the representative row is cancelled (not met, not missed), the flags and columns follow', async () => {
    const r = await amend(first, {
      kind: 'person',
      field: 'birthYear',
      value: 1990,
      reason: 'the passport was misread',
    });
    expect(r.cancelled).toEqual(['representative']);
    expect(r.notes?.join(' ')).toMatch(/no longer an unaccompanied minor/);
    expect(await obligationsOf(first, 'representative')).toEqual([
      { status: 'cancelled', due_at: '2026-12-31T22:00' },
    ]);
    const [row] = await store.query<Record<string, unknown>>(
      `select minor, unaccompanied, flags from cases where id = $1`,
      [first],
    );
    expect(row).toMatchObject({ minor: false, unaccompanied: false });
    expect(row?.flags).not.toContain('unaccompanied');
  });

  it("the person's projection for search follows a corrected name", async () => {
    await amend(first, {
      kind: 'person',
      field: 'identity.familyName',
      value: 'Testaitis',
      reason: 'spelling',
    });
    const [row] = await store.query<{ names: string }>(
      `select names from person_identities where case_id = $1`,
      [first],
    );
    expect(row?.names).toContain('Testaitis');
  });

  it('an encounter a day earlier (Monday 7 Dec): both cases record it, screening moves from Wednesday 16 to Tuesday 15 Dec 00:00, the old row kept as cancelled', async () => {
    const r = await amend(
      second,
      {
        kind: 'encounter',
        field: 'occurredAt',
        value: '2026-12-07T04:10:00+02:00',
        reason: 'the patrol log',
      },
      guard,
    );
    expect([...r.caseIds].sort()).toEqual([first, second].sort());
    for (const id of [first, second])
      expect(await obligationsOf(id, 'screening')).toEqual([
        { status: 'cancelled', due_at: '2026-12-15T22:00' },
        { status: 'open', due_at: '2026-12-14T22:00' },
      ]);
    const [enc] = await store.query<{ at: string }>(
      `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as at from encounters where ref = 'AM-1'`,
    );
    expect(enc?.at).toBe('2026-12-07T02:10');
    const audit = await store.query<{ action: string }>(
      `select action from audit_log where action = 'encounter.corrected'`,
    );
    expect(audit).toHaveLength(1);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('a group size corrected still verifies; the persons identified stay, the unidentified follow', async () => {
    await amend(second, { kind: 'encounter', field: 'groupSize', value: 5, reason: 'counted again' }, guard);
    const [enc] = await store.query<{ group_size: number; unidentified: number }>(
      `select group_size, unidentified from encounters where ref = 'AM-1'`,
    );
    expect(enc).toEqual({ group_size: 5, unidentified: 3 });
    expect(await verifyRecords(store.db)).toBeUndefined();
    // issue 21: a retry of the first request (its key) answers what it was answered: 3 − 2 persons = 1 unidentified
    expect(firstUnidentified).toBe(1);
    const again = await cases.recordEncounter(firstRequest, guard, 'am-1');
    expect(again).toMatchObject({ replayed: true, result: { unidentified: 1 } });
  });

  it("a screening check's result corrected: the action row is not edited, the correction names it", async () => {
    await amend(
      first,
      { kind: 'action', seq: 3, field: 'result', value: 'passport seen', reason: 'typo' },
      guard,
    );
    const [check] = await store.query<{ payload: { result: string } }>(
      `select payload from case_actions where case_id = $1 and seq = 3`,
      [first],
    );
    expect(check?.payload.result).toBe('pasport seen');
  });

  it('a stale version is a conflict; the same key again is a replay; a refused value writes nothing', async () => {
    const v = await version(first);
    const a: Amendment = { kind: 'person', field: 'sex', value: 'unknown', reason: 'not established' };
    await expect(amendCase(cases, first, v - 1, a, officer, 'stale', allow)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    const once = await amendCase(cases, first, v, a, officer, 'same-key', allow);
    const again = await amendCase(cases, first, v, a, officer, 'same-key', allow);
    expect([once.replayed, again.replayed]).toEqual([false, true]);
    await expect(
      amendCase(cases, first, v + 1, { ...a, field: 'birthYear', value: 2030 }, officer, 'future', allow),
    ).rejects.toBeInstanceOf(CommandRejectedError);
    expect(await version(first)).toBe(v + 1);
  });

  it('the permission check runs before anything is written', async () => {
    const v = await version(first);
    const deny = () => {
      throw new Error('forbidden');
    };
    await expect(
      amendCase(
        cases,
        first,
        v,
        { kind: 'person', field: 'sex', value: 'male', reason: 'r' },
        officer,
        'deny',
        deny,
      ),
    ).rejects.toThrow('forbidden');
    expect(await version(first)).toBe(v);
  });

  it("replaying each case's log, corrections included, gives its stored state", async () => {
    for (const id of [first, second]) {
      const log = await store.query<{
        type: string;
        at: Date | string;
        actor: string;
        role: string;
        state: string;
        legal_basis: string;
        payload: Record<string, unknown>;
      }>(
        `select type, at, actor, role, state, legal_basis, payload from case_actions where case_id = $1 order by seq`,
        [id],
      );
      const replayed = log.reduce<CaseState | undefined>(
        (s, a) =>
          evolve(s, {
            type: a.type,
            at: new Date(a.at).toISOString(),
            actor: a.actor,
            role: a.role,
            state: a.state as CaseState['state'],
            legalBasis: a.legal_basis,
            payload: a.payload,
          }),
        undefined,
      );
      // issue 21 writebytes: the stored state as every reader reads it (cases.data with the row's columns)
      const [row] = await store.query<CaseStateRow>(`select ${caseStateColumns()} from cases where id = $1`, [
        id,
      ]);
      expect(replayed).toEqual(row && caseState(row));
    }
  });

  it('ATTACK: an encounter row changed without a correction is still found, after corrections too', async () => {
    await store.query(`update encounters set group_size = 9, unidentified = 7 where ref = 'AM-1'`);
    expect(await verifyRecords(store.db)).toMatchObject({ reason: 'the encounter it records was altered' });
    await store.query(`update encounters set group_size = 5, unidentified = 3 where ref = 'AM-1'`);
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('ATTACK: a correction rewritten in the log is found by the audit', async () => {
    await store.query(
      `update case_actions set payload = jsonb_set(payload, '{old}', '2000') where case_id = $1 and type = 'person.amended' and payload->>'field' = 'birthYear'`,
      [first],
    );
    expect(await verifyRecords(store.db)).toMatchObject({
      reason: 'the case-log entry it records was altered',
    });
  });
});
