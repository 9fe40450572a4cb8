// issue 20: what an installation does with the relocation messages of another (AMMR Arts 67–68), each inside
// the transaction that marks the message applied (src/federation/contract.ts): the state of relocation stores
// a proposal (its confirmation period runs from the receipt: Art. 67(9)) and, later, creates the person's case
// with its history, once; the benefitting state records the answer, the receipt's time of its proposal, and
// the arrival or non-appearance (Art. 68(1)). The sending side: src/store/relocation-exchange.ts.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { CaseState } from '../domain/case-state.ts';
import { relocationConfirmed } from '../domain/system-steps.ts';
import type { Envelope, FederationContext, KindHandlers } from '../federation/contract.ts';
import {
  RelocationArrivalBody,
  RelocationProposalBody,
  RelocationReplyBody,
  RelocationTransferBody,
  relocationStream,
} from '../federation/kinds/relocation.ts';
import { PactError } from '../law/errors.ts';
import { confirmationDeadline, TransferStepError } from '../solidarity/transfers.ts';
import { actionSalt } from './action-hash.ts';
import { appendAudit } from './audit.ts';
import { commandAudit } from './audit-actions.ts';
import { storedCaseData } from './case-data.ts';
import { refreshIdentities } from './person-identities.ts';
import { answerLate, confirmationTime, onReplyReceipt } from './relocation-reply-time.ts';
import { caseActions, cases, encounters, obligations } from './schema.ts';
import { relocationExchange } from './schema-federation.ts';
import { relocationCandidates, relocationTransfers } from './schema-solidarity.ts';
import { type StoredTransfer, stepTransferIn, toTransfer } from './solidarity-transfers.ts';

type State = CaseState['state'];

const audit = (ctx: FederationContext, action: string, subject: string, data: Record<string, unknown>) =>
  appendAudit(ctx.tx, [{ at: ctx.now, actor: 'system', action, subject, data }]);

/** The transfer of this message, between its sender and this installation in the expected roles. */
async function transferOf(ctx: FederationContext, m: Envelope, id: string, direction: 'in' | 'out') {
  const [row] = await ctx.tx.select().from(relocationTransfers).where(eq(relocationTransfers.id, id));
  const [ex] = await ctx.tx.select().from(relocationExchange).where(eq(relocationExchange.transferId, id));
  if (!row || !ex || ex.direction !== direction || ex.peer !== m.from)
    throw new PactError(
      'relocation-no-such-transfer',
      `${m.kind} ${m.id}: no transfer ${id} with ${m.from} here`,
      {
        transferId: id,
      },
    );
  return { t: toTransfer(row), ex };
}

/** Records `relocation.confirmed` in the person's case, in the message's transaction. */
async function caseConfirmed(ctx: FederationContext, t: StoredTransfer): Promise<void> {
  const [cand] = await ctx.tx
    .select({ caseId: relocationCandidates.caseId })
    .from(relocationCandidates)
    .where(eq(relocationCandidates.id, t.candidateId));
  if (!cand?.caseId || !t.confirmedAt || !t.transferDueAt) return;
  const current = await ctx.writer.load(cand.caseId);
  const decision = relocationConfirmed(current, {
    to: t.to,
    transferId: t.id,
    confirmedAt: t.confirmedAt,
    transferDueAt: t.transferDueAt,
    article: 'AMMR Art. 67(11)',
  });
  await ctx.writer.persist([{ decision, expectedVersion: current.version }], ctx.now, {
    actor: 'system',
    role: 'system',
  });
}

/** State of relocation: a proposal arrives; its confirmation period runs from this receipt (Art. 67(9)). */
async function onProposal(m: Envelope, receivedAt: Date, ctx: FederationContext): Promise<void> {
  const b = RelocationProposalBody.parse(m.body);
  if (m.to !== ctx.self || ctx.self === 'EU' || m.from === 'EU')
    throw new PactError('relocation-not-for-us', `proposal ${m.id} is not for ${ctx.self}`);
  const to = ctx.self;
  // the candidate as the benefitting state's reference, prefixed: another state's ids may repeat ours
  const candidateId = `${m.from}:${b.candidate.id}`;
  const c = b.candidate;
  await ctx.tx
    .insert(relocationCandidates)
    .values({
      id: candidateId,
      year: b.year,
      fromState: m.from,
      familyId: c.familyId ? `${m.from}:${c.familyId}` : null,
      kind: c.kind,
      protectionGrantedOn: c.protectionGrantedOn ?? null,
      consent: c.consent ?? null,
      nationality: c.nationality,
      minor: c.minor,
      vulnerabilities: c.vulnerabilities,
      languages: c.languages,
      securityHit: false,
      recordedAt: receivedAt,
    })
    .onConflictDoNothing();
  const inserted = await ctx.tx
    .insert(relocationTransfers)
    .values({
      id: b.transferId,
      year: b.year,
      candidateId,
      fromState: m.from,
      toState: to,
      status: 'proposed',
      proposedAt: receivedAt,
      confirmDueAt: new Date(confirmationDeadline(ctx.law, to, DateTime.fromJSDate(receivedAt)).dueAt),
      why: b.why,
    })
    .onConflictDoNothing()
    .returning({ id: relocationTransfers.id });
  if (inserted.length === 0) return; // the same transfer proposed again: nothing new
  await ctx.tx
    .insert(relocationExchange)
    .values({ transferId: b.transferId, direction: 'in', peer: m.from, proposalReceivedAt: receivedAt });
  await audit(ctx, 'relocation.proposal-received', b.transferId, {
    from: m.from,
    candidateId,
    receivedAt: receivedAt.toISOString(),
  });
}

/** Benefitting state: the receipt says when the state of relocation received the proposal (Art. 67(9)). */
async function onProposalReceipt(m: Envelope, receipt: { receivedAt: string }, ctx: FederationContext) {
  const b = RelocationProposalBody.parse(m.body);
  const at = new Date(receipt.receivedAt);
  const [ex] = await ctx.tx
    .update(relocationExchange)
    .set({ proposalReceivedAt: at })
    .where(eq(relocationExchange.transferId, b.transferId))
    .returning({ peer: relocationExchange.peer });
  if (!ex) return;
  const due = new Date(confirmationDeadline(ctx.law, ex.peer as State, DateTime.fromJSDate(at)).dueAt);
  await ctx.tx
    .update(relocationTransfers)
    .set({ confirmDueAt: due })
    .where(eq(relocationTransfers.id, b.transferId));
  await audit(ctx, 'relocation.proposal-receipt', b.transferId, {
    receivedAt: receipt.receivedAt,
    confirmDueAt: due.toISOString(),
  });
}

/** Benefitting state: the state of relocation confirmed or refused (with its reasons). */
async function onReply(m: Envelope, receivedAt: Date, ctx: FederationContext): Promise<void> {
  const b = RelocationReplyBody.parse(m.body);
  const { t, ex } = await transferOf(ctx, m, b.transferId, 'out');
  if (t.status !== 'proposed') {
    // confirmed by silence here already (the period ran out before the answer arrived): silence stands
    await audit(ctx, 'relocation.reply-after-step', t.id, { confirmed: b.confirmed, status: t.status });
    return;
  }
  // the time of this receipt (signed back to the state of relocation) decides, on both sides: at or after the
  // end of the week the answer is late and silence stands (relocation-reply-time.ts)
  const late = answerLate(receivedAt, t.confirmDueAt);
  const step = late ? 'silence' : b.confirmed ? 'confirm' : 'refuse';
  const at = late ? new Date(t.confirmDueAt) : confirmationTime(b.at, ex.proposalReceivedAt, receivedAt);
  const stepped = await stepTransferIn(ctx.tx, ctx.law, t.id, step, at, b.exceptional ?? false);
  if (step === 'refuse' && b.reasons)
    await ctx.tx
      .update(relocationExchange)
      .set({ reasons: b.reasons })
      .where(eq(relocationExchange.transferId, t.id));
  if (stepped.status === 'confirmed') await caseConfirmed(ctx, stepped);
  await audit(ctx, `solidarity.transfer-${step}`, t.id, {
    at: at.toISOString(),
    from: m.from,
    ...(late ? { answerReceivedAt: receivedAt.toISOString() } : {}),
  });
}

/** State of relocation: the person is transferred; the case arrives with its history, once (Art. 68). */
async function onTransfer(m: Envelope, receivedAt: Date, ctx: FederationContext): Promise<void> {
  const b = RelocationTransferBody.parse(m.body);
  const { t } = await transferOf(ctx, m, b.transferId, 'in');
  if (t.status === 'transferred') return;
  // only a confirmed transfer can be carried out (Art. 67(11)): a refused one, or one whose person did not
  // appear, is refused with its reason (the inbox keeps it as refused, not applied)
  if (t.status !== 'confirmed')
    throw new TransferStepError(
      `transfer ${t.id} is ${t.status} here: it cannot be carried out`,
      'transfer-step-not-allowed',
      { status: t.status, step: 'transferred' },
    );
  if (b.case) await receiveCase(ctx, m, b.case, b.transferId, receivedAt);
  await stepTransferIn(ctx.tx, ctx.law, t.id, 'transferred', new Date(b.at));
  await ctx.tx
    .update(relocationExchange)
    .set({ arrivedAt: receivedAt, ...(b.case ? { caseId: b.case.id } : {}) })
    .where(eq(relocationExchange.transferId, t.id));
  await audit(ctx, 'solidarity.transfer-transferred', t.id, { at: b.at, from: m.from });
  await ctx.send({
    to: m.from as State,
    kind: 'relocation.arrival',
    stream: relocationStream(t.id),
    body: { transferId: t.id, arrivedAt: receivedAt.toISOString() },
  });
}

async function receiveCase(
  ctx: FederationContext,
  m: Envelope,
  c: NonNullable<RelocationTransferBody['case']>,
  transferId: string,
  receivedAt: Date,
): Promise<void> {
  const [known] = await ctx.tx.select({ id: cases.id }).from(cases).where(eq(cases.id, c.id));
  if (known) return; // the case is here already: applied once
  const state = c.state as unknown as CaseState;
  if (state.id !== c.id || state.state !== ctx.self)
    throw new PactError('relocation-case-not-passed', `case ${c.id} is not passed to ${ctx.self}`);
  // the encounter is a fact of the state that recorded it: kept as its, never correctable here
  await ctx.tx
    .insert(encounters)
    .values({
      id: c.encounter.id,
      state: m.from,
      ref: `relocated:${transferId}`,
      occurredAt: new Date(c.encounter.occurredAt),
      kind: c.encounter.kind,
      groupSize: 1,
      unidentified: 0,
      recordedBy: `federation:${m.from}`,
      createdAt: receivedAt,
    })
    .onConflictDoNothing();
  await ctx.tx.insert(cases).values({
    id: c.id,
    state: ctx.self as State,
    encounterId: c.encounter.id,
    status: state.status,
    flags: [...state.flags],
    version: state.version,
    nationality: state.person.nationality ?? null,
    sex: state.person.sex,
    birthYear: state.person.birthYear ?? null,
    minor: state.person.minor,
    unaccompanied: state.person.unaccompanied,
    vulnerabilities: [...state.person.vulnerabilities],
    asylumWishAt: state.asylumWishAt ? new Date(state.asylumWishAt) : null,
    procedure: state.procedure ?? null,
    data: storedCaseData(state),
    createdAt: receivedAt,
    updatedAt: receivedAt,
  });
  // the history keeps its original times and states; recordedAt is when the benefitting state recorded it
  const rows = c.actions.map((a) => ({
    caseId: c.id,
    seq: a.seq,
    type: a.type,
    at: new Date(a.at),
    actor: a.actor,
    role: a.role,
    state: a.state,
    legalBasis: a.legalBasis,
    payload: a.payload,
    recordedAt: new Date(a.recordedAt),
    salt: actionSalt(),
  }));
  await ctx.tx.insert(caseActions).values(rows);
  // each imported action has its audit entry here, as every action written by this installation has (a row
  // with a fresh salt of this installation): verifyRecords then vouches for the history as received
  await appendAudit(
    ctx.tx,
    // issue 21: one entry for the history received (format 2, audit-actions.ts)
    commandAudit(
      rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      `federation:${m.from}`,
      ctx.now,
    ),
  );
  if (c.open.length > 0)
    await ctx.tx.insert(obligations).values(
      c.open.map((o) => ({
        caseId: c.id,
        state: ctx.self as State,
        kind: o.kind,
        dueAt: new Date(o.dueAt),
        article: o.article,
        status: 'open',
        openedAt: receivedAt,
      })),
    );
  await refreshIdentities(ctx.tx, [state], ctx.now);
  // the import is one entry of this installation's audit chain, with a hash of the history it received
  await audit(ctx, 'relocation.case-received', c.id, {
    transferId,
    from: m.from,
    messageId: m.id,
    actions: c.actions.length,
    historySha256: createHash('sha256').update(JSON.stringify(c.actions)).digest('hex'),
  });
}

/** Benefitting state: the state of relocation reports the arrival, or that the person did not appear. */
async function onArrival(m: Envelope, _receivedAt: Date, ctx: FederationContext): Promise<void> {
  const b = RelocationArrivalBody.parse(m.body);
  const { t } = await transferOf(ctx, m, b.transferId, 'out');
  if (b.arrivedAt) {
    await ctx.tx
      .update(relocationExchange)
      .set({ arrivedAt: new Date(b.arrivedAt) })
      .where(eq(relocationExchange.transferId, t.id));
    await audit(ctx, 'relocation.arrived', t.id, { at: b.arrivedAt, from: m.from });
    return;
  }
  const at = b.notAppeared as string;
  await ctx.tx
    .update(relocationExchange)
    .set({ notAppearedAt: new Date(at) })
    .where(eq(relocationExchange.transferId, t.id));
  if (t.status === 'confirmed') await stepTransferIn(ctx.tx, ctx.law, t.id, 'did-not-appear', new Date(at));
  await audit(ctx, 'solidarity.transfer-did-not-appear', t.id, { at, from: m.from });
}

export const RELOCATION_HANDLERS: Readonly<Record<string, KindHandlers>> = {
  'relocation.proposal': { onReceive: onProposal, onReceipt: onProposalReceipt },
  'relocation.reply': { onReceive: onReply, onReceipt: onReplyReceipt },
  'relocation.transfer': { onReceive: onTransfer },
  'relocation.arrival': { onReceive: onArrival },
};
