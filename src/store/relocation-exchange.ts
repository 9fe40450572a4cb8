// issue 20: the steps of a relocation transfer whose other state is another installation (AMMR Arts 67–68),
// as the sending side writes them — each message into the outbox in the transaction of the step that causes it:
// the benefitting state's proposal (with the candidate's facts, no name), the state of relocation's answer
// (a refusal with its reasons), the transfer with the person's case and its history, and the report that the
// person did not appear. What the other side does with them: src/store/federation-relocation.ts.
import { and, asc, eq } from 'drizzle-orm';
import type { OutgoingMessage } from '../domain/outgoing.ts';
import { caseRelocated } from '../domain/system-steps.ts';
import {
  type RelocationProposalBody,
  type RelocationReplyBody,
  type RelocationTransferBody,
  relocationStream,
} from '../federation/kinds/relocation.ts';
import { TransferStepError } from '../solidarity/transfers.ts';
import { CASE_STATE, caseState } from './case-data.ts';
import type { CaseStore, Services } from './case-store.ts';
import type { Db } from './database.ts';
import { NoFederationError } from './errors.ts';
import { caseActions, cases, encounters, obligations } from './schema.ts';
import { relocationExchange } from './schema-federation.ts';
import { relocationCandidates } from './schema-solidarity.ts';
import type { StoredTransfer } from './solidarity-transfers.ts';

type Outbox = NonNullable<Services['outbox']>;
type MemberState = OutgoingMessage['to'];

/** Proposes each transfer to its state of relocation's installation (Art. 67(6)–(8)), in the caller's transaction. */
export async function proposeToPeers(
  tx: Db,
  outbox: Outbox,
  rows: readonly { id: string; year: number; candidateId: string; toState: string; why: string }[],
  now: Date,
): Promise<void> {
  const messages: OutgoingMessage[] = [];
  for (const r of rows) {
    const [c] = await tx
      .select()
      .from(relocationCandidates)
      .where(eq(relocationCandidates.id, r.candidateId));
    if (!c) throw new Error(`candidate ${r.candidateId} of transfer ${r.id} not found`);
    const body: RelocationProposalBody = {
      transferId: r.id,
      year: r.year,
      candidate: {
        id: c.id,
        ...(c.familyId ? { familyId: c.familyId } : {}),
        kind: c.kind as 'applicant' | 'beneficiary',
        ...(c.protectionGrantedOn ? { protectionGrantedOn: c.protectionGrantedOn } : {}),
        ...(c.consent !== null ? { consent: c.consent } : {}),
        nationality: c.nationality,
        minor: c.minor,
        vulnerabilities: c.vulnerabilities,
        languages: c.languages,
      },
      why: r.why.slice(0, 500),
    };
    messages.push({
      to: r.toState as MemberState,
      kind: 'relocation.proposal',
      stream: relocationStream(r.id),
      body,
    });
    await tx.insert(relocationExchange).values({ transferId: r.id, direction: 'out', peer: r.toState });
  }
  if (messages.length > 0) await outbox(tx, messages, now);
}

/**
 * What a step of a transfer with another installation sends there, in the step's transaction. Returns true
 * when it recorded the step in the person's case itself (the transfer: the case leaves with it).
 */
export async function exchangeStep(
  tx: Db,
  t: StoredTransfer,
  step: string,
  now: Date,
  opts: { outbox?: Outbox; reasons?: string; cases?: CaseStore },
): Promise<boolean> {
  const [ex] = await tx.select().from(relocationExchange).where(eq(relocationExchange.transferId, t.id));
  if (!ex) return false;
  if (step === 'silence') return false; // both installations count the period from the same receipt
  const send = async (kind: string, body: Record<string, unknown>) => {
    if (!opts.outbox) throw new NoFederationError(kind);
    await opts.outbox(tx, [{ to: ex.peer as MemberState, kind, stream: relocationStream(t.id), body }], now);
  };
  if (ex.direction === 'in') {
    if (step === 'transferred')
      throw new TransferStepError(
        `${ex.peer}, the benefitting state, carries out the transfer: it is recorded here when the person's case arrives`,
      );
    if (step === 'did-not-appear') {
      const at = t.closedAt ?? now.toISOString();
      await tx
        .update(relocationExchange)
        .set({ notAppearedAt: new Date(at) })
        .where(eq(relocationExchange.transferId, t.id));
      await send('relocation.arrival', { transferId: t.id, notAppeared: at });
      return false;
    }
    // confirm or refuse: a refusal only on grounds of internal security, with them (Art. 67(8)–(9))
    if (step === 'refuse' && (!opts.reasons || opts.reasons.trim().length < 10))
      throw new TransferStepError(
        'a refusal states its reasons: reasonable grounds to consider the person a threat to internal security (AMMR Art. 67(8)–(9))',
      );
    if (opts.reasons)
      await tx
        .update(relocationExchange)
        .set({ reasons: opts.reasons })
        .where(eq(relocationExchange.transferId, t.id));
    const reply: RelocationReplyBody = {
      transferId: t.id,
      confirmed: step === 'confirm',
      at: (step === 'confirm' ? t.confirmedAt : t.closedAt) ?? now.toISOString(),
      ...(t.exceptional ? { exceptional: true } : {}),
      ...(step === 'refuse' && opts.reasons ? { reasons: opts.reasons } : {}),
    };
    await send('relocation.reply', reply);
    return false;
  }
  // out: this state is the benefitting state
  if (step === 'confirm' || step === 'refuse')
    throw new TransferStepError(
      `only ${ex.peer}, the state of relocation, confirms or refuses: its installation's answer is recorded here`,
    );
  if (step === 'did-not-appear')
    throw new TransferStepError(
      `${ex.peer}, the state of relocation, reports that the person did not appear (AMMR Art. 68(1))`,
    );
  // transferred: the case passes to the state of relocation (Art. 68) and goes there with its history
  const carried = await caseToSend(tx, t, now, opts.cases);
  const body: RelocationTransferBody = {
    transferId: t.id,
    at: t.closedAt ?? now.toISOString(),
    ...(carried ? { case: carried } : {}),
  };
  if (carried)
    await tx
      .update(relocationExchange)
      .set({ caseId: carried.id })
      .where(eq(relocationExchange.transferId, t.id));
  await send('relocation.transfer', body);
  return carried !== undefined;
}

/** Records `case.relocated` in the candidate's case (if linked) and returns the case with its history. */
async function caseToSend(
  tx: Db,
  t: StoredTransfer,
  now: Date,
  store: CaseStore | undefined,
): Promise<RelocationTransferBody['case']> {
  const [cand] = await tx
    .select({ caseId: relocationCandidates.caseId })
    .from(relocationCandidates)
    .where(eq(relocationCandidates.id, t.candidateId));
  const caseId = cand?.caseId;
  if (!caseId) return undefined;
  if (!store) throw new Error(`transfer ${t.id}: the case ${caseId} cannot be moved without the case store`);
  const [row] = await tx.select(CASE_STATE).from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) throw new Error(`case ${caseId} not found`);
  const current = caseState(row);
  const decision = caseRelocated(current, {
    to: t.to,
    transferId: t.id,
    at: t.closedAt ?? now.toISOString(),
  });
  await store.persist(tx, [{ decision, expectedVersion: current.version }], now, {
    actor: 'system',
    role: 'system',
  });
  const log = await tx
    .select()
    .from(caseActions)
    .where(eq(caseActions.caseId, caseId))
    .orderBy(asc(caseActions.seq));
  const [enc] = await tx
    .select({ id: encounters.id, occurredAt: encounters.occurredAt, kind: encounters.kind })
    .from(encounters)
    .where(eq(encounters.id, current.encounterId));
  const open = await tx
    .select({ kind: obligations.kind, dueAt: obligations.dueAt, article: obligations.article })
    .from(obligations)
    .where(and(eq(obligations.caseId, caseId), eq(obligations.status, 'open')));
  if (!enc) throw new Error(`encounter of case ${caseId} not found`);
  return {
    id: caseId,
    state: decision.next as unknown as Record<string, unknown>,
    encounter: { id: enc.id, occurredAt: enc.occurredAt.toISOString(), kind: enc.kind },
    actions: log.map((a) => ({
      seq: a.seq,
      type: a.type,
      at: a.at.toISOString(),
      actor: a.actor,
      role: a.role,
      state: a.state,
      legalBasis: a.legalBasis,
      payload: a.payload as Record<string, unknown>,
      recordedAt: a.recordedAt.toISOString(),
    })),
    open: open.map((o) => ({ kind: o.kind, dueAt: o.dueAt.toISOString(), article: o.article })),
  };
}
