// The relocation transfers of the solidarity cycle (AMMR Art. 67(9)–(11), Art. 68): proposed by matching,
// confirmed (or confirmed by silence), carried out or closed, and the case that follows the person; each write
// entered in the audit log in the same transaction (write() of solidarity.ts).
import { and, asc, eq, inArray, isNull, lte, notExists } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../law/member-states.ts';
import { caseRelocated, relocationConfirmed } from '../domain/system-steps.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import {
  closedLate,
  confirmationDeadline,
  nextTransfer,
  type Transfer,
  transferDeadline,
} from '../solidarity/transfers.ts';
import type { CaseStore, Services } from './case-store.ts';
import type { Db } from './database.ts';
import { exchangeStep, proposeToPeers } from './relocation-exchange.ts';
import { relocationExchange } from './schema-federation.ts';
import { relocationTransfers } from './schema-solidarity.ts';

type Outbox = NonNullable<Services['outbox']>;

import { caseOfCandidate, write } from './solidarity.ts';

// ---- transfers (AMMR Art. 67(9)–(11), Art. 68)

type TransferRow = typeof relocationTransfers.$inferSelect;

export interface StoredTransfer extends Transfer {
  readonly year: number;
  readonly confirmDueAt: string;
  readonly transferDueAt?: string;
  readonly why: string;
  /** Carried out, or closed, after the transfer deadline (AMMR Art. 67(11)). */
  readonly late: boolean;
  /** issue 20: the other state is another installation: `out` this state proposed, `in` it received the proposal */
  readonly exchange?: 'out' | 'in';
  /** issue 20: a refusal's reasons (AMMR Art. 67(8)–(9)) */
  readonly reasons?: string;
}

export const toTransfer = (r: TransferRow): StoredTransfer => {
  const t = {
    id: r.id,
    year: r.year,
    candidateId: r.candidateId,
    from: r.fromState as MemberStateCode,
    to: r.toState as MemberStateCode,
    status: r.status as Transfer['status'],
    exceptional: r.exceptional,
    proposedAt: r.proposedAt.toISOString(),
    confirmDueAt: r.confirmDueAt.toISOString(),
    ...(r.confirmedAt ? { confirmedAt: r.confirmedAt.toISOString() } : {}),
    ...(r.confirmedBySilence !== null ? { confirmedBySilence: r.confirmedBySilence } : {}),
    ...(r.transferDueAt ? { transferDueAt: r.transferDueAt.toISOString() } : {}),
    ...(r.closedAt ? { closedAt: r.closedAt.toISOString() } : {}),
    why: r.why,
  };
  return { ...t, late: closedLate(t) };
};

/** Proposes each matched person to the state of relocation; the confirmation deadline starts now. */
export async function proposeTransfers(
  db: Db,
  law: ParameterRegistry,
  year: number,
  assignments: readonly { candidateId: string; from: MemberStateCode; to: MemberStateCode; why: string }[],
  actor: string,
  now: Date,
  outbox?: Outbox,
): Promise<StoredTransfer[]> {
  const rows = assignments.map((a) => ({
    id: crypto.randomUUID(),
    year,
    candidateId: a.candidateId,
    fromState: a.from,
    toState: a.to,
    status: 'proposed',
    exceptional: false,
    proposedAt: now,
    confirmDueAt: new Date(confirmationDeadline(law, a.to, DateTime.fromJSDate(now)).dueAt),
    why: a.why,
  }));
  if (rows.length === 0) return [];
  await write(
    db,
    [
      {
        at: now,
        actor,
        action: 'solidarity.relocations-proposed',
        subject: String(year),
        data: {
          transfers: rows.map((r) => ({
            id: r.id,
            candidateId: r.candidateId,
            from: r.fromState,
            to: r.toState,
          })),
        },
      },
    ],
    async (tx) => {
      for (let i = 0; i < rows.length; i += 500)
        await tx.insert(relocationTransfers).values(rows.slice(i, i + 500));
      // issue 20: in an installation that exchanges with other states, each state of relocation is another
      // installation: the proposal goes to it in this transaction (src/store/relocation-exchange.ts)
      if (outbox) await proposeToPeers(tx, outbox, rows, now);
    },
  );
  return listTransfers(db, year, { ids: rows.map((r) => r.id) });
}

export async function listTransfers(
  db: Db,
  year: number,
  f: { state?: string; ids?: readonly string[] } = {},
): Promise<StoredTransfer[]> {
  const rows = await db
    .select()
    .from(relocationTransfers)
    .where(
      and(
        eq(relocationTransfers.year, year),
        f.ids ? inArray(relocationTransfers.id, [...f.ids]) : undefined,
      ),
    )
    .orderBy(asc(relocationTransfers.proposedAt), asc(relocationTransfers.id));
  const ids = rows.map((r) => r.id);
  const exchanged = new Map<string, { direction: string; reasons: string | null }>();
  for (let i = 0; i < ids.length; i += 1000)
    for (const e of await db
      .select({
        id: relocationExchange.transferId,
        direction: relocationExchange.direction,
        reasons: relocationExchange.reasons,
      })
      .from(relocationExchange)
      .where(inArray(relocationExchange.transferId, ids.slice(i, i + 1000))))
      exchanged.set(e.id, e);
  const all = rows.map((r): StoredTransfer => {
    const e = exchanged.get(r.id);
    return {
      ...toTransfer(r),
      ...(e ? { exchange: e.direction as 'out' | 'in' } : {}),
      ...(e?.reasons ? { reasons: e.reasons } : {}),
    };
  });
  return f.state ? all.filter((t) => t.from === f.state || t.to === f.state) : all;
}

export class TransferNotFound extends Error {}

/** One step of a transfer (confirm, refuse, transferred, did-not-appear), with its deadline and audit entry. */
export async function stepTransfer(
  db: Db,
  law: ParameterRegistry,
  id: string,
  step: TransferStepName,
  at: Date,
  actor: string,
  now: Date,
  exceptional = false,
  cases?: CaseStore,
  exchange: { outbox?: Outbox; reasons?: string } = {},
): Promise<StoredTransfer> {
  let result: StoredTransfer | undefined;
  let caseDone = false;
  await write(
    db,
    [
      {
        at: now,
        actor,
        action: `solidarity.transfer-${step}`,
        subject: id,
        data: { at: at.toISOString(), ...(exchange.reasons ? { reasons: exchange.reasons } : {}) },
      },
    ],
    async (tx) => {
      result = await stepTransferIn(tx, law, id, step, at, exceptional);
      // issue 20: a transfer with another installation sends its step there (relocation-exchange.ts)
      caseDone = await exchangeStep(tx, result, step, now, { ...exchange, ...(cases ? { cases } : {}) });
    },
  );
  if (!result) throw new TransferNotFound(id);
  if (cases && !caseDone) await followOnCase(db, cases, result);
  return result;
}

export type TransferStepName = 'confirm' | 'refuse' | 'transferred' | 'did-not-appear' | 'silence';

/** The step itself, inside the caller's transaction (no audit entry, no case step). */
export async function stepTransferIn(
  tx: Db,
  law: ParameterRegistry,
  id: string,
  step: TransferStepName,
  at: Date,
  exceptional = false,
): Promise<StoredTransfer> {
  const [row] = await tx
    .select()
    .from(relocationTransfers)
    .where(eq(relocationTransfers.id, id))
    .for('update');
  if (!row) throw new TransferNotFound(id);
  const current = toTransfer(row);
  const next = nextTransfer(current, step, at.toISOString());
  const transferDue =
    next.status === 'confirmed' && next.confirmedAt
      ? new Date(transferDeadline(law, current.from, DateTime.fromISO(next.confirmedAt)).dueAt)
      : undefined;
  await tx
    .update(relocationTransfers)
    .set({
      status: next.status,
      ...(next.confirmedAt ? { confirmedAt: new Date(next.confirmedAt) } : {}),
      ...(next.confirmedBySilence !== undefined ? { confirmedBySilence: next.confirmedBySilence } : {}),
      ...(transferDue ? { transferDueAt: transferDue } : {}),
      ...(next.closedAt ? { closedAt: new Date(next.closedAt) } : {}),
      ...(exceptional && step === 'confirm' ? { exceptional: true } : {}),
    })
    .where(eq(relocationTransfers.id, id));
  const stepped = {
    ...current,
    ...next,
    ...(transferDue ? { transferDueAt: transferDue.toISOString() } : {}),
  };
  return { ...stepped, late: closedLate(stepped) };
}

/**
 * The transfer's step in the person's case, when the candidate has one: a confirmation opens the transfer
 * deadline in the benefitting state's queue; the transfer moves the case to the state of relocation.
 */
export async function followOnCase(db: Db, cases: CaseStore, t: StoredTransfer): Promise<void> {
  const caseId = await caseOfCandidate(db, t.candidateId);
  if (!caseId) return;
  if (t.status === 'confirmed' && t.confirmedAt && t.transferDueAt)
    await cases.recordSystemStep(caseId, (c) =>
      relocationConfirmed(c, {
        to: t.to,
        transferId: t.id,
        confirmedAt: t.confirmedAt ?? '',
        transferDueAt: t.transferDueAt ?? '',
        article: 'AMMR Art. 67(11)',
      }),
    );
  if (t.status === 'transferred')
    await cases.recordSystemStep(caseId, (c) =>
      caseRelocated(c, { to: t.to, transferId: t.id, at: t.closedAt ?? t.proposedAt }),
    );
}

/** Art. 67(9): a proposal not answered by its deadline counts as confirmed, at the deadline. */
export async function confirmSilentTransfers(
  db: Db,
  law: ParameterRegistry,
  now: Date,
  cases?: CaseStore,
): Promise<number> {
  const due = await db
    .select({ id: relocationTransfers.id, confirmDueAt: relocationTransfers.confirmDueAt })
    .from(relocationTransfers)
    .where(
      and(
        eq(relocationTransfers.status, 'proposed'),
        lte(relocationTransfers.confirmDueAt, now),
        // issue 20: a proposal to another installation runs from its receipt there (Art. 67(9)): not before it
        notExists(
          db
            .select({ id: relocationExchange.transferId })
            .from(relocationExchange)
            .where(
              and(
                eq(relocationExchange.transferId, relocationTransfers.id),
                eq(relocationExchange.direction, 'out'),
                isNull(relocationExchange.proposalReceivedAt),
              ),
            ),
        ),
      ),
    );
  for (const t of due)
    await stepTransfer(db, law, t.id, 'silence', t.confirmDueAt, 'system', now, false, cases);
  return due.length;
}
