// issue 20: ONE time decides whether the state of relocation answered a relocation proposal within the week of
// AMMR Art. 67(9) — the time at which the benefitting state's installation received the answer, which it signs
// in its receipt (src/federation/contract.ts Receipt). The benefitting state judges the answer by it when the
// answer arrives (federation-relocation.ts onReply); the state of relocation aligns on the same signed time when
// the receipt comes back (onReplyReceipt, here): an answer received at or after the end of the period is late,
// and silence — confirmation, dated at the end of the period — stands on both sides. The time of a confirmation
// that came in time is the coordinator's, but never before the proposal's receipt nor after the answer's receipt
// (both signed): `confirmationTime`, used on both sides, so that the four weeks of Art. 67(11) run alike.
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Envelope, FederationContext, Receipt } from '../federation/contract.ts';
import { RelocationReplyBody } from '../federation/kinds/relocation.ts';
import { transferDeadline } from '../solidarity/transfers.ts';
import { appendAudit } from './audit.ts';
import { relocationExchange } from './schema-federation.ts';
import { relocationTransfers } from './schema-solidarity.ts';
import { toTransfer } from './solidarity-transfers.ts';

/** Whether an answer received at `receivedAt` is late for a period ending at `dueAt` (the first late instant). */
export const answerLate = (receivedAt: Date, dueAt: string | Date): boolean =>
  receivedAt.getTime() >= new Date(dueAt).getTime();

/** The answer's stated time, clamped between the proposal's receipt and the answer's receipt. */
export function confirmationTime(
  stated: string,
  proposalReceivedAt: Date | null,
  answerReceivedAt: Date,
): Date {
  let t = Date.parse(stated);
  if (Number.isNaN(t)) t = answerReceivedAt.getTime();
  if (proposalReceivedAt && t < proposalReceivedAt.getTime()) t = proposalReceivedAt.getTime();
  if (t > answerReceivedAt.getTime()) t = answerReceivedAt.getTime();
  return new Date(t);
}

/**
 * State of relocation: the benefitting state signed when it received our answer. Late by that time: our
 * transfer becomes confirmed by silence at the end of the period, whatever the coordinator answered (Art.
 * 67(9)); in time: the confirmation's time is clamped as the benefitting state clamped it.
 */
export async function onReplyReceipt(m: Envelope, receipt: Receipt, ctx: FederationContext): Promise<void> {
  const b = RelocationReplyBody.parse(m.body);
  const [row] = await ctx.tx
    .select()
    .from(relocationTransfers)
    .where(eq(relocationTransfers.id, b.transferId))
    .for('update');
  const [ex] = await ctx.tx
    .select()
    .from(relocationExchange)
    .where(eq(relocationExchange.transferId, b.transferId));
  if (!row || !ex || ex.direction !== 'in' || ex.peer !== m.to) return;
  const t = toTransfer(row);
  const received = new Date(receipt.receivedAt);
  if (t.status !== 'confirmed' && t.status !== 'refused') return; // carried out or closed since: nothing to align
  const late = answerLate(received, t.confirmDueAt);
  const confirmedAt = late
    ? new Date(t.confirmDueAt)
    : t.status === 'confirmed'
      ? confirmationTime(b.at, ex.proposalReceivedAt, received)
      : undefined;
  if (!confirmedAt) {
    const closedAt = confirmationTime(b.at, ex.proposalReceivedAt, received);
    if (t.closedAt && Date.parse(t.closedAt) === closedAt.getTime()) return;
    await ctx.tx.update(relocationTransfers).set({ closedAt }).where(eq(relocationTransfers.id, t.id));
    return;
  }
  if (!late && t.confirmedAt && Date.parse(t.confirmedAt) === confirmedAt.getTime()) return;
  const transferDueAt = new Date(transferDeadline(ctx.law, t.from, DateTime.fromJSDate(confirmedAt)).dueAt);
  await ctx.tx
    .update(relocationTransfers)
    .set({
      status: 'confirmed',
      confirmedAt,
      confirmedBySilence: late,
      transferDueAt,
      closedAt: null,
    })
    .where(eq(relocationTransfers.id, t.id));
  await appendAudit(ctx.tx, [
    {
      at: ctx.now,
      actor: 'system',
      action: late ? 'solidarity.transfer-silence' : 'relocation.confirmation-time-aligned',
      subject: t.id,
      data: {
        answered: b.confirmed ? 'confirmed' : 'refused',
        answerReceivedAt: received.toISOString(),
        confirmDueAt: t.confirmDueAt,
        confirmedAt: confirmedAt.toISOString(),
        why: late
          ? 'the benefitting state received the answer at or after the end of the week (its signed receipt): confirmed by silence (AMMR Art. 67(9))'
          : 'the confirmation time as the benefitting state recorded it: between the two signed receipts',
      },
    },
  ]);
}
