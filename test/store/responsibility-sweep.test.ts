// issue 20: the sweep records the consequence in law of a missed AMMR Part III time limit in the same
// transaction as the missed obligation (src/store/case-store.ts sweepOverdue → src/domain/system-steps.ts
// obligationMissed → src/domain/responsibility/steps.ts missedConsequence): Poland does not answer a
// take-charge request in time and the request is accepted by silence, with the transfer obligations opened.
// The outbox is faked (fed-core provides the real one). Synthetic persons only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/domain/outgoing.ts';
import { requestReceived } from '../../src/domain/responsibility/steps.ts';
import { LAW } from '../../src/law/law.ts';
import { verifyAudit } from '../../src/store/audit.ts';
import { findCase, queue } from '../../src/store/case-queries.ts';
import { CaseStore } from '../../src/store/case-store.ts';
import type { Store } from '../../src/store/database.ts';
import { BACKENDS, testClock } from './backends.ts';

const officer = { actor: 'officer-2', role: 'case-officer' };

describe.each(BACKENDS)('AMMR Art. 40 silence through the sweep on $name', (backend) => {
  let store: Store;
  let cs: CaseStore;
  const clock = testClock();
  const sent: OutgoingMessage[] = [];

  beforeAll(async () => {
    store = await backend.open();
    cs = new CaseStore(store, {
      law: LAW,
      clock: clock.now,
      uuid: randomUUID,
      outbox: async (_tx, messages) => {
        sent.push(...messages);
      },
    });
  }, 60_000);
  afterAll(async () => store?.close());

  it('no reply within 2 weeks of receipt on a hit: the sweep logs obligation.missed and take-charge.accepted-by-silence, dated at the deadline, and opens the transfer', async () => {
    clock.set('2026-07-14T07:01:00Z');
    const { result } = await cs.recordEncounter(
      {
        ref: 'AMMR-SILENCE-1',
        state: 'LT',
        occurredAt: '2026-07-14T10:00:00+03:00',
        kind: 'found-inside-territory',
        groupSize: 1,
        persons: [
          {
            nationality: 'IQ',
            sex: 'male',
            birthYear: 1990,
            minor: false,
            unaccompanied: false,
            vulnerabilities: [],
            asylumWish: { at: '2026-07-14T10:00:00+03:00', where: 'station', to: 'police' },
          },
        ],
      },
      officer,
      'ammr-k1',
    );
    const id = result.caseIds[0] as string;
    const steps = [
      { type: 'screening.completed', at: '2026-07-14T11:00:00+03:00', outcome: 'asylum' },
      { type: 'application.registered', at: '2026-07-15T10:00:00+03:00', disproportionateNumbers: false },
      {
        type: 'responsibility.criterion-recorded',
        at: '2026-07-20T10:00:00+03:00',
        criterion: 'irregular-entry',
        state: 'PL',
        evidence: [{ kind: 'proof', description: 'Eurodac category 2 hit (synthetic)' }],
      },
      {
        type: 'take-charge.requested',
        at: '2026-07-25T10:00:00+03:00',
        to: 'PL',
        criterion: 'irregular-entry',
        hit: { system: 'eurodac', at: '2026-07-16T10:00:00+03:00' },
      },
    ] as const;
    for (const [i, s] of steps.entries()) {
      clock.set(new Date(Date.parse(s.at) + 60_000).toISOString());
      await cs.apply(id, i + 1, s as never, officer, `ammr-c${i}`);
    }
    expect(sent.map((m) => m.kind)).toEqual(['responsibility.take-charge-request']);
    clock.set('2026-10-01T08:01:00Z');
    // Poland's receipt (dublin-peer's handler calls requestReceived in the message's transaction)
    await cs.transact('federation:receipt-1', { r: 1 }, async (_tx, w) => {
      const c = await w.load(id);
      const d = requestReceived(c, {
        kind: 'take-charge',
        to: 'PL',
        receivedAt: '2026-10-01T10:00:00+02:00',
        law: LAW,
      });
      await w.persist([{ decision: d, expectedVersion: c.version }], clock.now(), {
        actor: 'system',
        role: 'system',
      });
      return { version: d.next.version };
    });
    // 2 weeks from Thursday 1 October (Warsaw): due at the first moment of Friday 16 October, 22:00 UTC
    clock.set('2026-10-15T21:59:00Z');
    await cs.sweepOverdue(); // the lodging and Eurodac periods passed long ago: their misses are recorded
    const before = await findCase(store.db, id);
    expect(before?.actions.map((a) => a.type)).not.toContain('take-charge.accepted-by-silence');
    clock.set('2026-10-16T06:00:00Z');
    expect(await cs.sweepOverdue()).toBe(1);
    const view = await findCase(store.db, id);
    expect(view?.actions.slice(-2).map((a) => [a.type, new Date(a.at).toISOString()])).toEqual([
      ['obligation.missed', '2026-10-15T22:00:00.000Z'],
      ['take-charge.accepted-by-silence', '2026-10-15T22:00:00.000Z'],
    ]);
    const open = await queue(store.db, clock.now(), { state: 'LT', withinMs: 365 * 24 * 3600_000 });
    const kinds = open.filter((o) => o.caseId === id).map((o) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['transfer-decision', 'transfer']));
    expect(kinds).not.toContain('take-charge-reply');
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });
});
