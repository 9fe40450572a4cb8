// issue 21 (the write path): an audit entry per command, not per case-log row (docs/audit.md, "Case log").
// Format 2 — an encounter's `encounter.stored` entry, a command's `case.actions` entry — lists the rows it
// vouches for; format 1 — one entry per row — is what databases written before hold, and still verifies. The
// attacks: a case-log row altered (the person's nationality, the action's type), removed or added, and the
// entry's list altered, each found in the new format as in the old.
import { randomUUID } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { actionSalt } from '../../src/store/action-hash.ts';
import { appendAudit, sha256, verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { actionAudit, CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const guard = { actor: 'guard.lt', role: 'border-guard' as const };

describe.each(BACKENDS)(
  'the audit entry formats on $name',
  (backend) => {
    let store: Store;
    let cs: CaseStore;
    const clock = testClock('2026-12-09T08:00:00Z');
    afterEach(async () => {
      await store?.close();
    });
    const entries = () =>
      store.query<{ seq: number; action: string; subject: string; data: Record<string, unknown> }>(
        `select seq, action, subject, data from audit_log order by seq`,
      );
    /** Runs statements as someone with SQL access who disabled the audit log's insert-only trigger. */
    const asDba = async (statements: [string, unknown[]?][]) => {
      await store.query('alter table audit_log disable trigger user');
      try {
        for (const [s, p] of statements) await store.query(s, p);
      } finally {
        await store.query('alter table audit_log enable trigger user');
      }
    };

    /** Two identified persons (one asks for asylum) and one more counted. */
    async function twoPersons() {
      store = await backend.open();
      cs = new CaseStore(store, { law: LAW, clock: clock.now, uuid: randomUUID });
      const { result } = await cs.recordEncounter(
        RecordEncounter.parse({
          ref: 'AF-1',
          state: 'LT',
          occurredAt: '2026-12-08T04:10:00+02:00',
          kind: 'apprehended-irregular-crossing',
          groupSize: 3,
          persons: [
            {
              nationality: 'IQ',
              sex: 'male',
              birthYear: 1990,
              asylumWish: { at: '2026-12-08T04:30:00+02:00', where: 'station', to: 'border guard' },
            },
            { nationality: 'IQ', sex: 'female', birthYear: 1991 },
          ],
        }),
        guard,
        'af-1',
      );
      return result;
    }

    it('an encounter of two persons writes ONE audit entry, which lists the first row of each case', async () => {
      const result = await twoPersons();
      const audit = await entries();
      // one encounter → one entry (format 1 wrote 1 + one per person = 3)
      expect(audit.map((e) => e.action)).toEqual(['encounter.stored']);
      const data = audit[0]?.data as { v: number; actions: { caseId: string; seq: number; type: string }[] };
      expect(data.v).toBe(2);
      expect(data.actions.map((a) => [a.caseId, a.seq, a.type])).toEqual(
        result.caseIds.map((id) => [id, 1, 'encounter.recorded']),
      );
      expect((await verifyAudit(store.db)).ok).toBe(true);
      expect(await verifyRecords(store.db)).toBeUndefined();
    });

    it('a command on a case writes one `case.actions` entry listing its rows; the chain and the rows verify', async () => {
      const result = await twoPersons();
      const caseId = result.caseIds[1] as string;
      await cs.apply(
        caseId,
        1,
        {
          type: 'asylum-wish.expressed',
          at: '2026-12-09T07:00:00Z',
          where: 'station',
          to: 'border guard',
        } as never,
        guard,
        'af-2',
      );
      const audit = await entries();
      expect(audit.map((e) => e.action)).toEqual(['encounter.stored', 'case.actions']);
      expect(audit[1]?.subject).toBe(caseId);
      const listed =
        (audit[1]?.data as { actions?: { caseId: string; seq: number }[] } | undefined)?.actions ?? [];
      const rows = await store.query<{ seq: number }>(
        `select seq from case_actions where case_id = $1 and seq > 1 order by seq`,
        [caseId],
      );
      expect(listed.map((a) => [a.caseId, a.seq])).toEqual(rows.map((r) => [caseId, r.seq]));
      expect((await verifyAudit(store.db)).ok).toBe(true);
      expect(await verifyRecords(store.db)).toBeUndefined();
    });

    it('rows vouched for in format 1 (one entry per row, salted or from before salts) still verify', async () => {
      const result = await twoPersons();
      const caseId = result.caseIds[0] as string;
      // what a database written before issue 21 holds: a row with its own format-1 entry (actionAudit) ...
      const payload = { note: 'written before issue 21' };
      const salt = actionSalt();
      await store.query(
        `insert into case_actions (case_id, seq, type, at, actor, role, state, legal_basis, payload, recorded_at, salt)
        values ($1, 2, 'note.added', '2026-12-09T07:00:00Z', 'guard.lt', 'border-guard', 'LT', 'test', $2, now(), $3),
          ($1, 3, 'note.added', '2026-12-09T07:01:00Z', 'guard.lt', 'border-guard', 'LT', 'test', $4, now(), null)`,
        [caseId, JSON.stringify(payload), salt, JSON.stringify({ note: 'before salts' })],
      );
      const old = { caseId, seq: 2, type: 'note.added', at: '2026-12-09T07:00:00.000Z', state: 'LT' };
      await appendAudit(store.db, [
        actionAudit({ ...old, salt, payload }, 'guard.lt', clock.now()),
        // ... and one from before salts: the unsalted hash of the payload, no keptSha256
        {
          at: clock.now(),
          actor: 'guard.lt',
          action: 'note.added',
          subject: caseId,
          data: {
            seq: 3,
            at: '2026-12-09T07:01:00.000Z',
            state: 'LT',
            payloadSha256: sha256(stringify({ note: 'before salts' }) ?? ''),
          },
        },
      ]);
      expect((await verifyAudit(store.db)).ok).toBe(true);
      expect(await verifyRecords(store.db)).toBeUndefined();
      // and a format-1 row altered is found as before
      await store.query(
        `update case_actions set payload = '{"note":"altered"}' where case_id = $1 and seq = 2`,
        [caseId],
      );
      expect((await verifyRecords(store.db))?.reason).toMatch(/altered/);
    });

    it('ATTACK: the person of a format-2 row changed IQ→SY is found at the encounter’s entry', async () => {
      const result = await twoPersons();
      await store.query(
        `update case_actions set payload = jsonb_set(payload, '{person,nationality}', '"SY"') where case_id = $1`,
        [result.caseIds[1]],
      );
      expect((await verifyAudit(store.db)).ok).toBe(true);
      expect(await verifyRecords(store.db)).toEqual({
        seq: 1,
        reason: 'the case-log entry it records was altered',
      });
    });

    it('ATTACK: a row’s type or state changed, a row removed, or a row added are found', async () => {
      const result = await twoPersons();
      const [a, b] = result.caseIds as [string, string];
      await store.query(`update case_actions set type = 'case.closed' where case_id = $1`, [a]);
      expect((await verifyRecords(store.db))?.reason).toBe('the case-log entry it records was altered');
      await store.query(`update case_actions set type = 'encounter.recorded' where case_id = $1`, [a]);
      expect(await verifyRecords(store.db)).toBeUndefined();
      // the state it counts for, moved LT→PL (the statistics group by it)
      await store.query(`update case_actions set state = 'PL' where case_id = $1`, [a]);
      expect((await verifyRecords(store.db))?.reason).toBe('the case-log entry it records was altered');
      await store.query(`update case_actions set state = 'LT' where case_id = $1`, [a]);
      expect(await verifyRecords(store.db)).toBeUndefined();
      await store.query(
        `insert into case_actions (case_id, seq, type, at, actor, role, state, legal_basis, payload, recorded_at, salt)
        values ($1, 2, 'note.added', now(), 'x', 'x', 'LT', 'x', '{}', now(), 'ab')`,
        [b],
      );
      expect((await verifyRecords(store.db))?.reason).toMatch(/1 case-log entries have no audit entry/);
      await store.query(`delete from case_actions where case_id = $1 and seq = 2`, [b]);
      await store.query(`delete from person_identities where case_id = $1`, [b]);
      await store.query(`delete from obligations where case_id = $1`, [b]);
      await store.query(`delete from case_actions where case_id = $1`, [b]);
      expect(await verifyRecords(store.db)).toEqual({
        seq: 1,
        reason: 'the case-log entry it records was removed',
      });
    });

    it('ATTACK: the list of a format-2 entry altered (a row dropped from it, or its hash replaced) breaks the chain', async () => {
      await twoPersons();
      await asDba([
        [`update audit_log set data = jsonb_set(data, '{actions}', (data->'actions') - 1) where seq = 1`],
      ]);
      expect((await verifyAudit(store.db)).problem).toEqual({
        seq: 1,
        reason: 'its content or position was altered',
      });
      // the row it no longer lists has no audit entry
      expect((await verifyRecords(store.db))?.reason).toMatch(/1 case-log entries have no audit entry/);
    });
  },
  60_000, // a fresh embedded database per test: slow on a loaded machine
);
