// A relocation transfer's steps and deadlines (AMMR Art. 67(9)–(11)): the benefitting state proposes a
// person; the state of relocation confirms within 1 week (exceptionally 2), and silence counts as
// confirmation; the transfer takes place within 4 weeks of the confirmation; then the person is
// transferred, or did not appear (Art. 68). Periods are counted by Regulation 1182/71 in the calendar of
// the state that must act: the state of relocation confirms, the benefitting state transfers.
import type { DateTime } from 'luxon';
import type { MemberStateCode } from '../../law/member-states.ts';
import { computeDeadline } from '../law/deadlines.ts';
import { type ErrorParams, PactError } from '../law/errors.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import type { TransferStatus } from './types.ts';

export interface Transfer {
  readonly id: string;
  readonly candidateId: string;
  readonly from: MemberStateCode;
  readonly to: MemberStateCode;
  readonly status: TransferStatus;
  readonly proposedAt: string;
  readonly exceptional: boolean;
  readonly confirmedAt?: string;
  /** Confirmed by silence: nothing was answered by the deadline (Art. 67(9)). */
  readonly confirmedBySilence?: boolean;
  readonly closedAt?: string;
}

export interface TransferDeadline {
  readonly kind: 'relocation-confirmation' | 'relocation-confirmation-exceptional' | 'relocation-transfer';
  readonly dueAt: string;
  readonly article: string;
}

/** When the state of relocation must answer a proposal made at `proposedAt`. */
export function confirmationDeadline(
  law: ParameterRegistry,
  to: MemberStateCode,
  proposedAt: DateTime,
  exceptional = false,
): TransferDeadline {
  const kind = exceptional ? 'relocation-confirmation-exceptional' : 'relocation-confirmation';
  const d = computeDeadline(law, kind, to, proposedAt);
  return { kind, dueAt: d.end.endsAt.toISO() ?? '', article: d.parameters[0]?.citation ?? 'AMMR Art. 67(9)' };
}

/** When the benefitting state must have transferred a person whose relocation was confirmed at `confirmedAt`. */
export function transferDeadline(
  law: ParameterRegistry,
  from: MemberStateCode,
  confirmedAt: DateTime,
): TransferDeadline {
  const d = computeDeadline(law, 'relocation-transfer', from, confirmedAt);
  return {
    kind: 'relocation-transfer',
    dueAt: d.end.endsAt.toISO() ?? '',
    article: d.parameters[0]?.citation ?? 'AMMR Art. 67(11)',
  };
}

/**
 * AMMR Art. 67(11): the transfer takes place within 4 weeks of the confirmation. A transfer carried out, or
 * closed because the person did not appear, after the end of that period was late. The period ends with the
 * expiry of its last day (Reg. 1182/71 Art. 3(2)(c)): a step on the last day is in time.
 */
export function closedLate(t: {
  readonly status: TransferStatus;
  readonly transferDueAt?: string;
  readonly closedAt?: string;
}): boolean {
  if (t.status !== 'transferred' && t.status !== 'did-not-appear') return false;
  if (!t.transferDueAt || !t.closedAt) return false;
  return Date.parse(t.closedAt) > Date.parse(t.transferDueAt);
}

/** AMMR Art. 67(11): confirmed, not yet carried out, and its period is over at `now`. */
export function transferOverdue(
  t: { readonly status: TransferStatus; readonly transferDueAt?: string },
  now: Date,
): boolean {
  return t.status === 'confirmed' && !!t.transferDueAt && now.getTime() > Date.parse(t.transferDueAt);
}

/** A step of a relocation transfer that does not fit it (its status, or who may take it): a refusal with a code. */
export class TransferStepError extends PactError {
  constructor(message: string, code = 'transfer-step-refused', params: ErrorParams = {}) {
    super(code, message, params);
  }
}

/** The next state of a transfer after `step` at `at`; a step that does not fit the current status is an error. */
export function nextTransfer(
  t: Transfer,
  step: 'confirm' | 'refuse' | 'transferred' | 'did-not-appear' | 'silence',
  at: string,
): Transfer {
  const need = (s: TransferStatus) => {
    if (t.status !== s)
      throw new TransferStepError(
        `a transfer that is ${t.status} cannot be ${step === 'silence' ? 'confirmed by silence' : step}`,
        'transfer-step-not-allowed',
        { status: t.status, step },
      );
  };
  switch (step) {
    case 'confirm':
      need('proposed');
      return { ...t, status: 'confirmed', confirmedAt: at, confirmedBySilence: false };
    case 'silence':
      need('proposed');
      return { ...t, status: 'confirmed', confirmedAt: at, confirmedBySilence: true };
    case 'refuse':
      need('proposed');
      return { ...t, status: 'refused', closedAt: at };
    case 'transferred':
      need('confirmed');
      return { ...t, status: 'transferred', closedAt: at };
    case 'did-not-appear':
      need('confirmed');
      return { ...t, status: 'did-not-appear', closedAt: at };
  }
}

/** The transfers between two states in a year, as the cycle report counts them. */
export interface TransferCount {
  readonly from: MemberStateCode;
  readonly to: MemberStateCode;
  /** Proposed or confirmed, not yet carried out. */
  readonly open: number;
  readonly transferred: number;
  /** Of those carried out or closed: after the transfer deadline (AMMR Art. 67(11)). */
  readonly late: number;
  readonly didNotAppear: number;
  readonly refused: number;
}

/** Counts transfers per benefitting state and state of relocation, in the order of the two codes. */
export function countTransfers(
  transfers: readonly (Transfer & { transferDueAt?: string })[],
): TransferCount[] {
  const byPair = new Map<string, { -readonly [K in keyof TransferCount]: TransferCount[K] }>();
  for (const t of transfers) {
    const key = `${t.from}>${t.to}`;
    const c = byPair.get(key) ?? {
      from: t.from,
      to: t.to,
      open: 0,
      transferred: 0,
      late: 0,
      didNotAppear: 0,
      refused: 0,
    };
    if (t.status === 'proposed' || t.status === 'confirmed') c.open += 1;
    else if (t.status === 'transferred') c.transferred += 1;
    else if (t.status === 'did-not-appear') c.didNotAppear += 1;
    else c.refused += 1;
    if (closedLate(t)) c.late += 1;
    byPair.set(key, c);
  }
  return [...byPair.keys()].sort().map((k) => byPair.get(k) as TransferCount);
}
