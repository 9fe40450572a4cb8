// Relocation between two installations (issue 20): silence and refusal. AMMR Art. 67(9): the state of
// relocation confirms within one week; failure to act within it counts as confirmation. The period runs from
// the proposal's receipt in the state of relocation (the signed receipt's time), counted by Regulation 1182/71
// in that state's calendar, so both installations reach the same day. Expected by hand: the proposal written
// in Vilnius on Monday 7 December 2026 at 22:00 (20:00Z), Poland down overnight, received in Warsaw on Tuesday
// 8 December at 10:00 (09:00Z). Art. 3(1) second subpara: the day of receipt is not counted; Art. 3(2)(c): a
// period of one week ends with the last hour of the same weekday a week later — Tuesday 15 December, a
// working day in Poland — at the end of that day in Warsaw (CET, UTC+1): Pact writes an end of day as the
// next midnight, 00:00 on 16 December in Warsaw = 2026-12-15T23:00Z. Counted from the proposal's own time
// instead it would end on Monday 14 December. A refusal needs reasons (Art. 67(8)–(9)).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAW } from '../../src/law/law.ts';
import { TransferStepError } from '../../src/solidarity/transfers.ts';
import { relocationExchange } from '../../src/store/schema-federation.ts';
import {
  addCandidates,
  confirmSilentTransfers,
  listTransfers,
  proposeTransfers,
  stepTransfer,
} from '../../src/store/solidarity.ts';
import { deliver, type Installation, installation, sentOf } from './relocation-pair.ts';

const DUE = '2026-12-15T23:00:00.000Z';

describe('relocation between installations: silence and refusal', () => {
  let lt: Installation;
  let pl: Installation;
  let silent = '';
  let refused = '';

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
      [candidate('S1'), candidate('S2')],
      'lt-coordinator',
      lt.clock.now(),
    );
    const ts = await proposeTransfers(
      lt.store.db,
      LAW,
      2026,
      [
        { candidateId: 'S1', from: 'LT', to: 'PL', why: 'criteria met' },
        { candidateId: 'S2', from: 'LT', to: 'PL', why: 'criteria met' },
      ],
      'lt-coordinator',
      lt.clock.now(),
      lt.outbox,
    );
    [silent = '', refused = ''] = ts.map((t) => t.id);
  }, 120_000);
  afterAll(async () => {
    await lt?.store.close();
    await pl?.store.close();
  });

  it('before the receipt comes back, LT confirms nothing by silence, even after a week from its proposal', async () => {
    lt.clock.set('2026-12-15T10:00:00Z'); // past 14 December, the end counted from the proposal's own time
    expect(await confirmSilentTransfers(lt.store.db, LAW, lt.clock.now())).toBe(0);
  });

  it('both sides compute the same end of the period from the receipt in Warsaw: 15 December', async () => {
    pl.clock.set('2026-12-08T09:00:00Z');
    for (const m of sentOf(lt, 'relocation.proposal')) await deliver(lt, pl, m);
    const [a] = await listTransfers(lt.store.db, 2026, { ids: [silent] });
    const [b] = await listTransfers(pl.store.db, 2026, { ids: [silent] });
    expect(a?.confirmDueAt).toBe(DUE);
    expect(b?.confirmDueAt).toBe(DUE);
  });

  it('a refusal without reasons is refused and sends nothing; with reasons, LT records them', async () => {
    pl.clock.set('2026-12-10T08:00:00Z');
    const refuse = (reasons?: string) =>
      stepTransfer(
        pl.store.db,
        LAW,
        refused,
        'refuse',
        pl.clock.now(),
        'pl-coordinator',
        pl.clock.now(),
        false,
        pl.cases,
        {
          outbox: pl.outbox,
          ...(reasons ? { reasons } : {}),
        },
      );
    await expect(refuse()).rejects.toBeInstanceOf(TransferStepError);
    expect(sentOf(pl, 'relocation.reply')).toHaveLength(0);
    expect((await listTransfers(pl.store.db, 2026, { ids: [refused] }))[0]?.status).toBe('proposed');
    await refuse('an alert in a national database gives reasonable grounds of a threat to internal security');
    const [reply] = sentOf(pl, 'relocation.reply');
    lt.clock.set('2026-12-10T08:00:03Z');
    await deliver(pl, lt, reply as never);
    expect((await listTransfers(lt.store.db, 2026, { ids: [refused] }))[0]?.status).toBe('refused');
    const [ex] = await lt.store.db
      .select()
      .from(relocationExchange)
      .where(eq(relocationExchange.transferId, refused));
    expect(ex?.reasons).toMatch(/internal security/);
  });

  it('no answer: both sides confirm by silence at the same time, on 15 December, not an hour before', async () => {
    for (const i of [lt, pl]) i.clock.set('2026-12-15T22:59:00Z');
    expect(await confirmSilentTransfers(lt.store.db, LAW, lt.clock.now(), lt.cases)).toBe(0);
    expect(await confirmSilentTransfers(pl.store.db, LAW, pl.clock.now(), pl.cases)).toBe(0);
    for (const i of [lt, pl]) i.clock.set('2026-12-15T23:00:00Z');
    expect(await confirmSilentTransfers(lt.store.db, LAW, lt.clock.now(), lt.cases)).toBe(1);
    expect(await confirmSilentTransfers(pl.store.db, LAW, pl.clock.now(), pl.cases)).toBe(1);
    const [a] = await listTransfers(lt.store.db, 2026, { ids: [silent] });
    const [b] = await listTransfers(pl.store.db, 2026, { ids: [silent] });
    for (const t of [a, b])
      expect(t).toMatchObject({ status: 'confirmed', confirmedBySilence: true, confirmedAt: DUE });
    expect(a?.transferDueAt).toBe(b?.transferDueAt);
    // silence sends nothing: each side counted it itself
    expect(sentOf(pl, 'relocation.reply')).toHaveLength(1);
  });

  it('a late answer does not undo the silence', async () => {
    pl.clock.set('2026-12-16T08:00:00Z');
    // the refusal the coordinator might still try in PL: the transfer is confirmed there already
    await expect(
      stepTransfer(
        pl.store.db,
        LAW,
        silent,
        'refuse',
        pl.clock.now(),
        'pl-coordinator',
        pl.clock.now(),
        false,
        pl.cases,
        {
          outbox: pl.outbox,
          reasons: 'too late to refuse on grounds of internal security',
        },
      ),
    ).rejects.toBeInstanceOf(TransferStepError);
    expect((await listTransfers(lt.store.db, 2026, { ids: [silent] }))[0]?.status).toBe('confirmed');
  });

  it('Art. 68(1): the state of relocation reports that the person did not appear; LT cannot report it for PL', async () => {
    lt.clock.set('2026-12-20T10:00:00Z');
    await expect(
      stepTransfer(
        lt.store.db,
        LAW,
        silent,
        'did-not-appear',
        lt.clock.now(),
        'lt-coordinator',
        lt.clock.now(),
        false,
        lt.cases,
        {
          outbox: lt.outbox,
        },
      ),
    ).rejects.toBeInstanceOf(TransferStepError);
    pl.clock.set('2026-12-21T10:00:00Z');
    await stepTransfer(
      pl.store.db,
      LAW,
      silent,
      'did-not-appear',
      pl.clock.now(),
      'pl-coordinator',
      pl.clock.now(),
      false,
      pl.cases,
      {
        outbox: pl.outbox,
      },
    );
    const [m] = sentOf(pl, 'relocation.arrival');
    expect(m?.body).toEqual({ transferId: silent, notAppeared: '2026-12-21T10:00:00.000Z' });
    lt.clock.set('2026-12-21T10:00:01Z');
    await deliver(pl, lt, m as never);
    const [a] = await listTransfers(lt.store.db, 2026, { ids: [silent] });
    const [b] = await listTransfers(pl.store.db, 2026, { ids: [silent] });
    for (const t of [a, b])
      expect(t).toMatchObject({ status: 'did-not-appear', closedAt: '2026-12-21T10:00:00.000Z' });
  });
});
