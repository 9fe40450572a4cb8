// Relocation between two installations (issue 20): ONE signed time decides whether the state of relocation
// answered within the week of AMMR Art. 67(9) — the time at which the benefitting state's installation received
// the answer (its signed receipt). Expected by hand, as in relocation-silence.test.ts: the proposals received in
// Warsaw on Tuesday 8 December 2026 at 10:00 (09:00Z); a week under Regulation 1182/71 Art. 3(1) and 3(2)(c)
// ends at the end of Tuesday 15 December in Warsaw = 2026-12-15T23:00Z, the first late instant.
// - an answer PL's coordinator gave at 22:58:30Z and LT received at 22:59Z (one minute before): in time;
// - a refusal PL's coordinator gave at 22:59:30Z (before the end on PL's clock) that LT received at 23:00Z
//   (at the end): late — confirmed by silence at 23:00Z on BOTH sides, the refusal overridden;
// - a confirmation PL dated 10 December 12:00Z that LT received at 11:00Z: the confirmation is recorded at
//   11:00Z on both sides (never after the answer's receipt), and the four weeks of Art. 67(11) run from it.
// Synthetic candidates only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/federation/contract.ts';
import { LAW } from '../../src/law/law.ts';
import { addCandidates, listTransfers, proposeTransfers, stepTransfer } from '../../src/store/solidarity.ts';
import { deliver, type Installation, installation, sentOf } from './relocation-pair.ts';

const DUE = '2026-12-15T23:00:00.000Z';

describe('relocation: the benefitting state’s signed receipt of the answer decides its lateness', () => {
  let lt: Installation;
  let pl: Installation;
  let ids: string[] = [];

  const step = (id: string, s: 'confirm' | 'refuse' | 'did-not-appear', reasons?: string) =>
    stepTransfer(pl.store.db, LAW, id, s, pl.clock.now(), 'pl-coordinator', pl.clock.now(), false, pl.cases, {
      outbox: pl.outbox,
      ...(reasons ? { reasons } : {}),
    });
  const lastReply = () => sentOf(pl, 'relocation.reply').at(-1) as Envelope;
  const both = async (id: string) => [
    (await listTransfers(lt.store.db, 2026, { ids: [id] }))[0],
    (await listTransfers(pl.store.db, 2026, { ids: [id] }))[0],
  ];

  beforeAll(async () => {
    [lt, pl] = await Promise.all([
      installation('LT', '2026-12-07T20:00:00Z'),
      installation('PL', '2026-12-07T20:00:00Z'),
    ]);
    const candidate = (id: string) => ({
      id,
      from: 'LT' as const,
      kind: 'applicant' as const,
      nationality: 'AF',
      minor: false,
      vulnerabilities: [],
      languages: ['ps'],
      securityHit: false,
    });
    await addCandidates(
      lt.store.db,
      2026,
      ['T1', 'T2', 'T3', 'T4'].map(candidate),
      'lt-coordinator',
      lt.clock.now(),
    );
    const ts = await proposeTransfers(
      lt.store.db,
      LAW,
      2026,
      ['T1', 'T2', 'T3', 'T4'].map((c) => ({
        candidateId: c,
        from: 'LT' as const,
        to: 'PL' as const,
        why: 'criteria met',
      })),
      'lt-coordinator',
      lt.clock.now(),
      lt.outbox,
    );
    ids = ts.map((t) => t.id);
    pl.clock.set('2026-12-08T09:00:00Z');
    for (const m of sentOf(lt, 'relocation.proposal')) await deliver(lt, pl, m);
    for (const t of await both(ids[0] as string)) expect(t?.confirmDueAt).toBe(DUE);
  }, 120_000);
  afterAll(async () => {
    await lt?.store.close();
    await pl?.store.close();
  });

  it('an answer LT received one minute before the end is applied, at the coordinator’s time, on both sides', async () => {
    pl.clock.set('2026-12-15T22:58:30Z');
    await step(ids[0] as string, 'confirm');
    lt.clock.set('2026-12-15T22:59:00Z');
    await deliver(pl, lt, lastReply());
    const [a, b] = await both(ids[0] as string);
    for (const t of [a, b])
      expect(t).toMatchObject({
        status: 'confirmed',
        confirmedBySilence: false,
        confirmedAt: '2026-12-15T22:58:30.000Z',
      });
    expect(a?.transferDueAt).toBe(b?.transferDueAt);
  });

  it('a refusal LT received at the end of the week is late: confirmed by silence at the end, on both sides', async () => {
    pl.clock.set('2026-12-15T22:59:30Z'); // before the end on PL's clock
    await step(
      ids[1] as string,
      'refuse',
      'an alert gives reasonable grounds of a threat to internal security',
    );
    expect((await both(ids[1] as string))[1]?.status).toBe('refused');
    lt.clock.set('2026-12-15T23:00:00Z');
    await deliver(pl, lt, lastReply());
    const [a, b] = await both(ids[1] as string);
    for (const t of [a, b])
      expect(t).toMatchObject({ status: 'confirmed', confirmedBySilence: true, confirmedAt: DUE });
    expect(a?.transferDueAt).toBe(b?.transferDueAt);
    expect(b?.closedAt).toBeUndefined();
    const why = await pl.store.query<{ data: { why: string; answered: string } }>(
      `select data from audit_log where action = 'solidarity.transfer-silence' and subject = $1`,
      [ids[1]],
    );
    expect(why[0]?.data.answered).toBe('refused');
    expect(why[0]?.data.why).toMatch(/signed receipt/);
  });

  it('a confirmation dated after LT received it is recorded at LT’s receipt, on both sides', async () => {
    pl.clock.set('2026-12-10T12:00:00Z');
    await step(ids[2] as string, 'confirm');
    expect(lastReply().body.at).toBe('2026-12-10T12:00:00.000Z');
    lt.clock.set('2026-12-10T11:00:00Z');
    await deliver(pl, lt, lastReply());
    const [a, b] = await both(ids[2] as string);
    for (const t of [a, b])
      expect(t).toMatchObject({ status: 'confirmed', confirmedAt: '2026-12-10T11:00:00.000Z' });
    expect(a?.transferDueAt).toBe(b?.transferDueAt);
  });

  it('a transfer message for a transfer whose person did not appear is refused with a code, nothing applied', async () => {
    pl.clock.set('2026-12-10T13:00:00Z');
    await step(ids[3] as string, 'confirm');
    lt.clock.set('2026-12-10T13:00:01Z');
    await deliver(pl, lt, lastReply());
    pl.clock.set('2026-12-20T10:00:00Z');
    await step(ids[3] as string, 'did-not-appear');
    lt.clock.set('2026-12-20T10:00:01Z');
    await deliver(pl, lt, sentOf(pl, 'relocation.arrival').at(-1) as Envelope);
    const proposal = sentOf(lt, 'relocation.proposal')[3] as Envelope;
    const transfer: Envelope = {
      ...proposal,
      id: randomUUID(),
      kind: 'relocation.transfer',
      seq: 2,
      body: { transferId: ids[3], at: '2026-12-21T10:00:00.000Z' },
    };
    pl.clock.set('2026-12-21T10:00:05Z');
    await expect(deliver(lt, pl, transfer)).rejects.toMatchObject({ code: 'transfer-step-not-allowed' });
    expect((await both(ids[3] as string))[1]?.status).toBe('did-not-appear');
    expect(sentOf(pl, 'relocation.arrival')).toHaveLength(1);
  });
});
