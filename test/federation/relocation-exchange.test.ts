// Relocation between two installations (AMMR Arts 67–68; issue 20): Lithuania (benefitting) proposes a person
// to Poland (state of relocation), Poland confirms, Lithuania transfers the person and the person's case goes
// to Poland with its history, once; Poland reports the arrival; both sides' balances count the relocation
// once. Two PGlite databases, the transport faked (relocation-pair.ts). Synthetic persons only.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordEncounter } from '../../src/domain/commands.ts';
import { LAW } from '../../src/law/law.ts';
import { TransferStepError } from '../../src/solidarity/transfers.ts';
import { verifyAudit, verifyRecords } from '../../src/store/audit.ts';
import { findCase } from '../../src/store/case-queries.ts';
import { caseActions } from '../../src/store/schema.ts';
import { relocationExchange } from '../../src/store/schema-federation.ts';
import { addCandidates, listTransfers, proposeTransfers, stepTransfer } from '../../src/store/solidarity.ts';
import { solidarityReport } from '../../src/store/solidarity-report.ts';
import { deliver, type Installation, installation, sentOf } from './relocation-pair.ts';

const guard = { actor: 'lt-guard-1', role: 'border-guard' as const };

describe('a relocation from LT to PL between two installations', () => {
  let lt: Installation;
  let pl: Installation;
  let caseId = '';
  let transferId = '';

  beforeAll(async () => {
    [lt, pl] = await Promise.all([
      installation('LT', '2026-12-07T06:00:00Z'),
      installation('PL', '2026-12-07T06:00:00Z'),
    ]);
    const { result } = await lt.cases.recordEncounter(
      RecordEncounter.parse({
        ref: 'LT-R-1',
        state: 'LT',
        occurredAt: '2026-12-01T04:10:00+02:00',
        kind: 'apprehended-irregular-crossing',
        groupSize: 1,
        persons: [
          {
            nationality: 'SY',
            sex: 'female',
            identity: {
              givenNames: 'Testa',
              familyName: 'Synthetica',
              birthDate: { value: '1991', precision: 'year' },
            },
          },
        ],
      }),
      guard,
      'k-lt-1',
    );
    caseId = result.caseIds[0] as string;
    await addCandidates(
      lt.store.db,
      2026,
      [
        {
          id: 'C1',
          from: 'LT',
          kind: 'applicant',
          nationality: 'SY',
          minor: false,
          vulnerabilities: [],
          languages: ['ar'],
          securityHit: false,
          caseId,
        },
      ],
      'lt-coordinator',
      lt.clock.now(),
    );
  }, 120_000);
  afterAll(async () => {
    await lt?.store.close();
    await pl?.store.close();
  });

  it('the proposal is written with the transfer and carries the candidate’s facts, no name', async () => {
    const [t] = await proposeTransfers(
      lt.store.db,
      LAW,
      2026,
      [{ candidateId: 'C1', from: 'LT', to: 'PL', why: 'criteria met' }],
      'lt-coordinator',
      lt.clock.now(),
      lt.outbox,
    );
    transferId = t?.id as string;
    const [m] = sentOf(lt, 'relocation.proposal');
    expect(m?.to).toBe('PL');
    expect(m?.stream).toBe(`relocation:${transferId}`);
    expect(JSON.stringify(m?.body)).not.toMatch(/Testa|Synthetica|1991/);
    expect(m?.body).toMatchObject({ candidate: { nationality: 'SY', kind: 'applicant' } });
  });

  it('PL stores the proposal; PL confirms; LT records the confirmation in the transfer and the case', async () => {
    pl.clock.set('2026-12-07T09:00:00Z');
    await deliver(lt, pl, sentOf(lt, 'relocation.proposal')[0] as never);
    const [inPl] = await listTransfers(pl.store.db, 2026, { ids: [transferId] });
    expect(inPl).toMatchObject({ from: 'LT', to: 'PL', status: 'proposed', candidateId: 'LT:C1' });
    // the benefitting state cannot confirm in the other state's place
    await expect(
      stepTransfer(
        lt.store.db,
        LAW,
        transferId,
        'confirm',
        lt.clock.now(),
        'lt-coordinator',
        lt.clock.now(),
        false,
        lt.cases,
        { outbox: lt.outbox },
      ),
    ).rejects.toBeInstanceOf(TransferStepError);
    pl.clock.set('2026-12-09T08:00:00Z');
    await stepTransfer(
      pl.store.db,
      LAW,
      transferId,
      'confirm',
      pl.clock.now(),
      'pl-coordinator',
      pl.clock.now(),
      false,
      pl.cases,
      { outbox: pl.outbox },
    );
    lt.clock.set('2026-12-09T08:00:05Z');
    await deliver(pl, lt, sentOf(pl, 'relocation.reply')[0] as never);
    const [inLt] = await listTransfers(lt.store.db, 2026, { ids: [transferId] });
    const [inPl2] = await listTransfers(pl.store.db, 2026, { ids: [transferId] });
    expect(inLt?.status).toBe('confirmed');
    expect(inLt?.confirmedAt).toBe('2026-12-09T08:00:00.000Z');
    // both sides count the 4 weeks of Art. 67(11) from the same confirmation, in LT's calendar
    expect(inLt?.transferDueAt).toBe(inPl2?.transferDueAt);
    const view = await findCase(lt.store.db, caseId, 'LT');
    expect(JSON.stringify(view)).toContain('relocation-transfer');
  });

  it('LT transfers: the case goes to PL with its history, once, even delivered twice; PL reports the arrival', async () => {
    lt.clock.set('2026-12-14T10:00:00Z');
    const before = await lt.store.db
      .select()
      .from(caseActions)
      .where(eq(caseActions.caseId, caseId))
      .orderBy(caseActions.seq);
    await stepTransfer(
      lt.store.db,
      LAW,
      transferId,
      'transferred',
      lt.clock.now(),
      'lt-coordinator',
      lt.clock.now(),
      false,
      lt.cases,
      { outbox: lt.outbox },
    );
    const [m] = sentOf(lt, 'relocation.transfer');
    expect(m).toBeDefined();
    pl.clock.set('2026-12-14T10:00:02Z');
    await deliver(lt, pl, m as never);
    const again = await deliver(lt, pl, m as never);
    expect(again.status).toBe('duplicate');
    // a copy under another id (a resend by hand): the case is already here, nothing is applied again
    await deliver(lt, pl, { ...(m as never as object), id: crypto.randomUUID() } as never);
    const history = await pl.store.db
      .select()
      .from(caseActions)
      .where(eq(caseActions.caseId, caseId))
      .orderBy(caseActions.seq);
    expect(history).toHaveLength(before.length + 1); // LT's log and its case.relocated
    expect(history.map((a) => a.at.toISOString()).slice(0, before.length)).toEqual(
      before.map((a) => a.at.toISOString()),
    );
    expect(history.at(-1)?.type).toBe('case.relocated');
    // PL's own staff see it; LT's no longer do (the case is PL's now: Art. 68)
    expect((await findCase(pl.store.db, caseId, 'PL'))?.case.state).toBe('PL');
    expect(await findCase(lt.store.db, caseId, 'LT')).toBeUndefined();
    const imports = await pl.store.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'relocation.case-received' and subject = $1`,
      [caseId],
    );
    expect(imports[0]?.n).toBe(1);
    expect(sentOf(pl, 'relocation.arrival')).toHaveLength(1);
    lt.clock.set('2026-12-14T10:00:05Z');
    await deliver(pl, lt, sentOf(pl, 'relocation.arrival')[0] as never);
    const [ex] = await lt.store.db
      .select()
      .from(relocationExchange)
      .where(eq(relocationExchange.transferId, transferId));
    expect(ex?.arrivedAt?.toISOString()).toBe('2026-12-14T10:00:02.000Z');
  });

  it('a message about the transfer from a third state is refused and changes nothing', async () => {
    const forged = {
      ...(sentOf(pl, 'relocation.arrival')[0] as object),
      id: crypto.randomUUID(),
      from: 'FR',
      body: { transferId, notAppeared: '2026-12-14T11:00:00.000Z' },
    };
    await expect(deliver(pl, lt, forged as never)).rejects.toThrow(/no transfer/);
    const [t] = await listTransfers(lt.store.db, 2026, { ids: [transferId] });
    expect(t?.status).toBe('transferred');
  });

  it('both balances count the relocation once, for PL', async () => {
    const [a, b] = await Promise.all([
      solidarityReport(lt.store.db, LAW, 2026, '2026-12-14'),
      solidarityReport(pl.store.db, LAW, 2026, '2026-12-14'),
    ]);
    const pledgedBy = (r: typeof a) =>
      r.balances.states.find((s) => s.state === 'PL')?.implemented.relocations;
    expect(pledgedBy(a)).toBe(1);
    expect(pledgedBy(b)).toBe(1);
    expect(a.transfers).toEqual(b.transfers);
    expect(a.transfers).toEqual([
      { from: 'LT', to: 'PL', open: 0, transferred: 1, late: 0, didNotAppear: 0, refused: 0 },
    ]);
  });

  it('both audit chains verify, and so do both case logs against them (the imported history included)', async () => {
    expect((await verifyAudit(lt.store.db)).ok).toBe(true);
    expect((await verifyAudit(pl.store.db)).ok).toBe(true);
    expect(await verifyRecords(lt.store.db)).toBeUndefined();
    expect(await verifyRecords(pl.store.db)).toBeUndefined();
    const entries = await pl.store.query<{ n: number }>(
      // issue 21: the case-log rows the audit lists (format 2, one entry per command) or vouches for one by one
      `select count(*)::int as n from (select 1 from audit_log a cross join lateral jsonb_array_elements(case when a.data @> '{"v": 2}' then a.data->'actions' else '[]' end) e(x)
        where e.x->>'caseId' = $1 union all select 1 from audit_log where subject = $1 and data ? 'payloadSha256') t`,
      [caseId],
    );
    const actions = await pl.store.db.select().from(caseActions).where(eq(caseActions.caseId, caseId));
    expect(entries[0]?.n).toBe(actions.length);
    const rows = await pl.store.db.execute(sql`select state from cases where id = ${caseId}`);
    expect(JSON.stringify(rows)).toContain('PL');
  });
});
