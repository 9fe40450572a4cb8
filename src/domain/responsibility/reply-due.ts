// issue 20: when the requested state's reply to a take-charge request, or its confirmation of a take-back
// notification, is due — counted from the time of receipt that its installation signed (Regulation 1560/2003
// Art. 15(3)), by Regulation 1182/71 in the REQUESTED state's calendar (its public holidays, its zone), so
// that the requesting state's case and the requested state's table of received requests agree on the day
// silence becomes acceptance. Pure.
//
// - AMMR Art. 40(1): a take-charge request is answered within 1 month of receipt;
// - Art. 40(2): within 2 weeks where the request rests on Eurodac or VIS data (a hit);
// - Art. 45: within 1 week where the person is detained (read as the take-charge reply only; a take-back
//   notification's confirmation stays at the 2 weeks of Art. 41(3));
// - Art. 41(3): receipt of a take-back notification is confirmed within 2 weeks.
// Silence beyond each of these is acceptance (Art. 40(1) last subparagraph, Art. 45) or confirmation (Art. 41(3)).
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { computeDeadline, type Deadline } from '../../law/deadlines.ts';
import type { ParameterRegistry } from '../../law/parameters.ts';

export interface ReplyDueInput {
  readonly kind: 'take-charge' | 'take-back';
  /** the request rests on a Eurodac or VIS hit (take-charge only: Art. 40(2)) */
  readonly hit: boolean;
  readonly detained: boolean;
  /** the requested state: whose calendar counts */
  readonly requested: MemberStateCode;
  /** the time of receipt in the requested state's signed receipt */
  readonly receivedAt: Date;
}

/** The deadline kind (src/law/deadlines.ts) that applies to a received request or notification. */
export function replyDeadlineKind(input: Pick<ReplyDueInput, 'kind' | 'hit' | 'detained'>): string {
  if (input.kind === 'take-back') return 'take-back-confirmation';
  if (input.detained) return 'take-charge-reply-detained';
  return input.hit ? 'take-charge-reply-after-hit' : 'take-charge-reply';
}

/** The reply's deadline: `end.endsAt` is the first moment of silence (acceptance or confirmation by silence). */
export function replyDue(law: ParameterRegistry, input: ReplyDueInput): Deadline {
  return computeDeadline(
    law,
    replyDeadlineKind(input),
    input.requested,
    DateTime.fromJSDate(input.receivedAt, { zone: 'utc' }),
  );
}
