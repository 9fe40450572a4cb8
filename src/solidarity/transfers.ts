// A relocation transfer's steps and deadlines (AMMR Art. 67(9)–(11)): the benefitting state proposes a
// person; the state of relocation confirms within 1 week (exceptionally 2), and silence counts as
// confirmation; the transfer takes place within 4 weeks of the confirmation; then the person is
// transferred, or did not appear (Art. 68). Periods are counted by Regulation 1182/71 in the calendar of
// the state that must act: the state of relocation confirms, the benefitting state transfers.
import type { DateTime } from 'luxon';
import type { MemberStateCode } from '../../law/member-states.ts';
import { computeDeadline } from '../law/deadlines.ts';
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

export class TransferStepError extends Error {}

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
