// issue 21 writebytes: the bytes an encounter no longer repeats, and what is read back. `cases.data` leaves out
// what the row's columns hold, and the case reads back as the replay of its log; an idempotency key keeps the
// encounter and its cases only, and a replay answers exactly what the first request was answered. Rows written
// before (the whole state in `cases.data`, the whole answer in the key) are still read as written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case-state.ts';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { evolve } from '../../src/domain/evolve.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard-7', role: 'border-guard' };
const officer = { actor: 'officer-2', role: 'case-officer' };
const encounter = (ref: string) =>
  RecordEncounter.parse({
    ref,
    state: 'LT',
    occurredAt: '2026-12-07T04:10:00+02:00',
    kind: 'apprehended-irregular-crossing',
    groupSize: 3,
    persons: [
      {
        nationality: 'IQ',
        sex: 'male',
        birthYear: 1990,
        asylumWish: { at: '2026-12-07T04:30:00+02:00', where: 'station', to: 'border guard' },
      },
      { nationality: 'SY', sex: 'female', birthYear: 2011, minor: true },
    ],
  });

describe.each(BACKENDS)('the bytes of an encounter on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, { law: LAW, clock: testClock('2026-12-07T06:00:00Z').now, uuid: randomUUID });
  }, 60_000);
  afterAll(() => store?.close());

  /** The case as its log replays it (domain/evolve.ts): what the stored state must equal. */
  const replay = async (id: string) => {
    const log = await store.query<Record<string, unknown>>(
      'select type, at, actor, role, state, legal_basis, payload from case_actions where case_id = $1 order by seq',
      [id],
    );
    return log.reduce<CaseState | undefined>(
      (s, a) =>
        evolve(s, {
          type: a.type as string,
          at: new Date(a.at as string).toISOString(),
          actor: a.actor as string,
          role: a.role as string,
          state: a.state as CaseState['state'],
          legalBasis: a.legal_basis as string,
          payload: a.payload as never,
        }),
      undefined,
    );
  };
  const dataOf = async (id: string) =>
    (await store.query<{ data: Record<string, unknown> }>('select data from cases where id = $1', [id]))[0]
      ?.data;

  it("a case row's jsonb leaves out what its columns hold; the case reads back as its log replays", async () => {
    const { result } = await cs.recordEncounter(encounter('WB-1'), guard, 'wb-1');
    for (const id of result.caseIds) {
      const data = await dataOf(id);
      for (const k of ['id', 'state', 'encounterId', 'status', 'flags', 'version'])
        expect(data, k).not.toHaveProperty(k);
      for (const k of ['nationality', 'sex', 'birthYear', 'minor'])
        expect(data?.person, k).not.toHaveProperty(k);
      expect((await findCase(store.db, id))?.case).toEqual(await replay(id));
    }
    const [adult = '', child = ''] = result.caseIds;
    // what the encounter said of each person, read back through the columns
    expect((await findCase(store.db, adult))?.case).toMatchObject({
      id: adult,
      state: 'LT',
      encounterId: result.encounterId,
      version: 1,
      person: { nationality: 'IQ', sex: 'male', birthYear: 1990, minor: false },
    });
    expect((await findCase(store.db, child))?.case.person).toMatchObject({
      nationality: 'SY',
      sex: 'female',
      birthYear: 2011,
      minor: true,
    });
    // a command on the case: the update writes the short form too, and the case still equals its replay
    await cs.apply(
      adult,
      1,
      { type: 'eurodac.transmitted', at: '2026-12-07T07:30:00+02:00' },
      officer,
      'wb-1a',
    );
    expect(await dataOf(adult)).not.toHaveProperty('version');
    const after = (await findCase(store.db, adult))?.case;
    expect(after?.version).toBe(2);
    expect(after).toEqual(await replay(adult));
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
    expect(await verifyRecords(store.db)).toBeUndefined();
  });

  it('a case row written before (the whole state in its jsonb) is read as written, and shortened by its next write', async () => {
    const { result } = await cs.recordEncounter(encounter('WB-2'), guard, 'wb-2');
    const id = result.caseIds[0] as string;
    const whole = (await findCase(store.db, id))?.case as CaseState;
    await store.query('update cases set data = $1::jsonb where id = $2', [JSON.stringify(whole), id]);
    expect(await dataOf(id)).toHaveProperty('version', 1); // the old form, as rows before issue 21 hold it
    expect((await findCase(store.db, id))?.case).toEqual(whole);
    await cs.apply(id, 1, { type: 'eurodac.transmitted', at: '2026-12-07T07:30:00+02:00' }, officer, 'wb-2a');
    expect(await dataOf(id)).not.toHaveProperty('version');
    expect((await findCase(store.db, id))?.case).toEqual(await replay(id));
  });

  it('an idempotency key keeps the encounter, its cases and the unidentified count; a replay answers exactly the first answer', async () => {
    const first = await cs.recordEncounter(encounter('WB-3'), guard, 'wb-3');
    const [key] = await store.query<{ response: unknown }>(
      `select response from idempotency_keys where key = 'wb-3'`,
    );
    expect(key?.response).toEqual({
      v: 2,
      encounterId: first.result.encounterId,
      caseIds: first.result.caseIds,
      // 3 in the group, 2 identified (the encounter's row holds it too, but a group size corrected changes it there)
      unidentified: 1,
    });
    // the first answer, by arithmetic from the encounter: 3 in the group, 2 identified; each case opens
    // screening and Eurodac (the persons crossed irregularly), and it was received at the clock's time
    expect(first.result.unidentified).toBe(1);
    expect(first.result.obligations.map((o) => [o.caseId, o.kind])).toEqual(
      first.result.caseIds.flatMap((c) => [
        [c, 'screening'],
        [c, 'eurodac'],
      ]),
    );
    expect(first.result.receivedAt).toBe('2026-12-07T06:00:00.000Z');
    const again = await cs.recordEncounter(encounter('WB-3'), guard, 'wb-3');
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual(first.result);
    // the same after a later command on one of its cases (its first row, not the case, says what it opened)
    await cs.apply(
      first.result.caseIds[0] as string,
      1,
      { type: 'eurodac.transmitted', at: '2026-12-07T07:30:00+02:00' },
      officer,
      'wb-3a',
    );
    expect((await cs.recordEncounter(encounter('WB-3'), guard, 'wb-3')).result).toEqual(first.result);
  });

  it('a key stored before (the whole answer) is answered with what it holds', async () => {
    const first = await cs.recordEncounter(encounter('WB-4'), guard, 'wb-4');
    // an answer as stored before issue 19 (no receivedAt) and before issue 21 (whole): answered as it is
    const { receivedAt: _, ...old } = first.result;
    await store.query(`update idempotency_keys set response = $1::jsonb where key = 'wb-4'`, [
      JSON.stringify(old),
    ]);
    const again = await cs.recordEncounter(encounter('WB-4'), guard, 'wb-4');
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual(old);
    expect(again.result).not.toHaveProperty('receivedAt');
  });
});
