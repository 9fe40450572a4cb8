// The case store on every backend: one transaction per command, idempotency, version checks, obligations
// and the deadline queue. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEncounter } from '../../src/domain/commands.ts';
import { ActionNotAllowedError } from '../../src/domain/errors.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { findCase, queue } from '../../src/store/case-queries.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { IdempotencyKeyReusedError, VersionConflictError } from '../../src/store/errors.ts';
import { listPlaces, readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const officer = { actor: 'officer-2', role: 'case-officer' };

const group = (ref: string, over: Partial<RecordEncounter> = {}): RecordEncounter => ({
  ref,
  state: 'LT',
  borderSection: 'LT-BY',
  occurredAt: '2026-12-07T04:10:00+02:00',
  kind: 'apprehended-irregular-crossing',
  groupSize: 5,
  persons: [
    {
      nationality: 'IQ',
      sex: 'male',
      birthYear: 1990,
      minor: false,
      unaccompanied: false,
      vulnerabilities: [],
      asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'Medininkai', to: 'border guard' },
    },
    {
      nationality: 'IQ',
      sex: 'female',
      birthYear: 1993,
      minor: false,
      unaccompanied: false,
      vulnerabilities: [],
      asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'Medininkai', to: 'border guard' },
    },
    {
      nationality: 'CM',
      sex: 'male',
      birthYear: 2001,
      minor: false,
      unaccompanied: false,
      vulnerabilities: [],
    },
  ],
  ...over,
});

describe.each(BACKENDS)('case store on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock();

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
  }, 60_000);
  afterAll(async () => store?.close());

  it('records a group of 5 with 3 identified persons: 3 cases, 2 counted only, screening and Eurodac obligations', async () => {
    const { result, replayed } = await cs.recordEncounter(group('G-1'), guard, 'k-g1');
    expect(replayed).toBe(false);
    expect(result.caseIds).toHaveLength(3);
    expect(result.unidentified).toBe(2);
    expect(result.obligations.filter((o) => o.kind === 'screening')).toHaveLength(3);
    expect(result.obligations.find((o) => o.kind === 'screening')?.dueAt).toBe('2026-12-15T00:00:00+02:00');
  });

  it('a retry with the same idempotency key writes nothing and returns the first result', async () => {
    const first = await cs.recordEncounter(group('G-2'), guard, 'k-g2');
    const again = await cs.recordEncounter(group('G-2'), guard, 'k-g2');
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual(first.result);
    const rows = await store.query<{ n: number }>(
      "select count(*)::int as n from encounters where ref = 'G-2'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('the same key with a different command is refused', async () => {
    await expect(cs.recordEncounter(group('G-3'), guard, 'k-g2')).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('a command on a case: registration obligation after screening, then the queue shows it due within 48 hours', async () => {
    const { result } = await cs.recordEncounter(group('G-4'), guard, 'k-g4');
    const id = result.caseIds[0] as string;
    clock.set('2026-12-10T10:00:00Z');
    const r = await cs.apply(
      id,
      1,
      { type: 'screening.completed', at: '2026-12-10T12:00:00+02:00', outcome: 'asylum' },
      officer,
      'k-c1',
    );
    expect(r.result.version).toBe(2);
    expect(r.result.opened).toEqual([
      { kind: 'registration', dueAt: '2026-12-16T00:00:00+02:00', article: 'APR Art. 27(1)' },
    ]);
    clock.set('2026-12-14T12:00:00Z');
    const q = await queue(store.db, clock.now(), {
      state: 'LT',
      withinMs: 48 * 3600_000,
      kind: 'registration',
    });
    expect(q.map((i) => i.caseId)).toContain(id);
    const none = await queue(store.db, clock.now(), { state: 'PL' });
    expect(none).toEqual([]);
  });

  it('a stale version is a conflict, and nothing is written', async () => {
    clock.set('2026-12-07T07:40:00Z'); // the commands are entered within the hour (no late entry)
    const { result } = await cs.recordEncounter(group('G-5'), guard, 'k-g5');
    const id = result.caseIds[0] as string;
    await cs.apply(id, 1, { type: 'eurodac.transmitted', at: '2026-12-07T09:00:00+02:00' }, officer, 'k-c2');
    await expect(
      cs.apply(
        id,
        1,
        { type: 'screening.check-recorded', at: '2026-12-07T09:30:00+02:00', check: 'health', result: 'ok' },
        officer,
        'k-c3',
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const view = await findCase(store.db, id);
    expect(view?.actions).toHaveLength(2);
  });

  it('an action outside the table is refused with the status and the allowed actions; nothing is written', async () => {
    const { result } = await cs.recordEncounter(group('G-6'), guard, 'k-g6');
    const id = result.caseIds[0] as string;
    await expect(
      cs.apply(id, 1, { type: 'application.lodged', at: '2026-12-07T09:00:00+02:00' }, officer, 'k-c4'),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    expect((await findCase(store.db, id))?.case.version).toBe(1);
  });

  it('when the registration deadline passes, the sweep flags the case asylum-wish-not-registered', async () => {
    const { result } = await cs.recordEncounter(group('G-7'), guard, 'k-g7');
    const id = result.caseIds[0] as string;
    clock.set('2026-12-08T10:00:00Z');
    await cs.apply(
      id,
      1,
      { type: 'screening.completed', at: '2026-12-08T11:00:00+02:00', outcome: 'asylum' },
      officer,
      'k-c5',
    );
    clock.set('2026-12-14T00:00:00Z'); // registration due by the end of Sunday 13 → Monday 14 December (Art. 3(4)); 02:00 local: not yet
    await cs.sweepOverdue();
    expect((await findCase(store.db, id))?.case.flags).not.toContain('asylum-wish-not-registered');
    clock.set('2026-12-15T00:00:00Z'); // 02:00 on 15 December in Vilnius: overdue
    await cs.sweepOverdue();
    const view = await findCase(store.db, id);
    expect(view?.case.flags).toEqual(
      expect.arrayContaining(['asylum-wish-not-registered', 'registration-overdue']),
    );
    expect(view?.actions.at(-1)?.type).toBe('obligation.missed');
    const overdue = await queue(store.db, clock.now(), {
      state: 'LT',
      overdueOnly: true,
      kind: 'registration',
    });
    expect(overdue.map((o) => o.caseId)).toContain(id);
  });

  it('places: the Lithuanian demonstration set loads; an encounter may name a known place, not an unknown one', async () => {
    expect(await upsertPlaces(store.db, readPlaces('data/places-lt.csv'))).toBe(23);
    const ok = await cs.recordEncounter(
      group('G-8', { placeId: 'LT-BCP-MEDININKAI', kind: 'application-at-crossing-point' }),
      guard,
      'k-g8',
    );
    expect(ok.result.caseIds).toHaveLength(3);
    await expect(
      cs.recordEncounter(group('G-9', { placeId: 'LT-BCP-NOWHERE' }), guard, 'k-g9'),
    ).rejects.toThrow(/unknown place LT-BCP-NOWHERE/);
    expect(
      (await listPlaces(store.db, 'LT')).filter((p) => p.kind === 'crossing-point' && p.open),
    ).toHaveLength(3);
  });

  it('Screening Art. 18(5): screening not completed by its deadline ends anyway, and the registration period of an applicant starts', async () => {
    const { result } = await cs.recordEncounter(group('G-10'), guard, 'k-g10');
    const id = result.caseIds[0] as string;
    // apprehended Monday 7 Dec 2026: screening due by the end of Monday 14 December (SR Art. 8(3))
    clock.set('2026-12-15T08:00:00Z');
    await cs.sweepOverdue();
    const view = await findCase(store.db, id);
    expect(view?.case.flags).toContain('screening-overdue');
    // registration: 5 days from 14 December, Saturday 19 → Monday 21 December (APR Art. 27(1), Art. 3(4))
    expect(view?.obligations.find((o) => o.kind === 'registration')?.dueAt.toISOString()).toBe(
      '2026-12-21T22:00:00.000Z',
    );
  });

  it('the audit chain covers every action and verifies', async () => {
    const v = await verifyAudit(store.db);
    // issue 21: one entry per encounter (also those with nobody identified), per command on cases and per
    // places load; each case-log row is listed by exactly one entry (format 2, audit-actions.ts)
    const rows = await store.query<{ n: number; listed: number; actions: number }>(
      `select (select count(*) from encounters) + (select count(*) from audit_log where action = 'case.actions') + 1 as n,
        (select count(*) from audit_log a cross join lateral jsonb_array_elements(case when a.data @> '{"v": 2}' then a.data->'actions' else '[]' end)) as listed,
        (select count(*) from case_actions) as actions`,
    );
    expect(v.ok).toBe(true);
    expect(v.entries).toBe(Number(rows[0]?.n));
    expect(Number(rows[0]?.listed)).toBe(Number(rows[0]?.actions));
    expect(await verifyRecords(store.db)).toBeUndefined();
  });
});
