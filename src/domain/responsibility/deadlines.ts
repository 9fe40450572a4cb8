// issue 20: the time limits of AMMR Part III for one case, counted by Regulation 1182/71 (src/law/periods.ts)
// with the parameters of law/ammr/responsibility.ts. Pure: the law comes in.
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { computeDeadline } from '../../law/deadlines.ts';
import type { ParameterRegistry } from '../../law/parameters.ts';
import type { CaseState, Obligation, ObligationKind } from '../case-state.ts';
import { replyDeadlineKind } from './reply-due.ts';

/** The first moment after a period of deadline kind `kindId` from `from`, in `state`'s calendar. */
export function dueIn(
  law: ParameterRegistry,
  kindId: string,
  state: string,
  from: string,
): { dueAt: string; article: string } {
  const d = computeDeadline(law, kindId, state as MemberStateCode, DateTime.fromISO(from));
  return {
    dueAt: d.end.endsAt.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
    article: d.parameters.map((p) => p.citation).join('; '),
  };
}

export const obligationDue = (kind: ObligationKind, d: { dueAt: string; article: string }): Obligation => ({
  kind,
  dueAt: d.dueAt,
  article: d.article,
});

const earlier = (a: { dueAt: string; article: string }, b: { dueAt: string; article: string }) =>
  Date.parse(a.dueAt) <= Date.parse(b.dueAt) ? a : b;

/**
 * AMMR Art. 39(1): a take-charge request within two months of registration, or — on a Eurodac or VIS hit —
 * within one month of receiving the hit; Art. 45(1): for a detained person not more than two weeks from the
 * registration (or the hit), or, for a person detained after the registration, not more than one week from
 * the placement in detention (whichever ends first: "shall not exceed"). Undefined before a registration.
 */
export function requestDeadline(
  law: ParameterRegistry,
  c: Pick<CaseState, 'state' | 'registeredAt' | 'detention'>,
  hit?: { at: string },
): { dueAt: string; article: string } | undefined {
  const from = hit?.at ?? c.registeredAt;
  if (!from) return undefined;
  const ordinary = dueIn(law, hit ? 'take-charge-request-after-hit' : 'take-charge-request', c.state, from);
  const d = c.detention;
  if (!d) return ordinary;
  if (c.registeredAt && Date.parse(d.since) > Date.parse(c.registeredAt))
    return earlier(ordinary, dueIn(law, 'take-charge-request-detained-later', c.state, d.since));
  return earlier(ordinary, dueIn(law, 'take-charge-request-detained', c.state, from));
}

/**
 * The requested (or notified) state's time to answer, from the receipt: AMMR Art. 40(1) one month, Art. 40(2)
 * two weeks on a Eurodac or VIS hit, Art. 45(2) one week for a detained person; Art. 41(3) two weeks to
 * confirm a take-back notification. Counted in the REQUESTED state's calendar: it is that state that must
 * act, its public holidays move the last day (Regulation 1182/71 Art. 2: those of the state where the action
 * is taken), and both installations must record the same day — the requested state computes it too.
 */
export function replyDeadline(
  law: ParameterRegistry,
  r: { kind: 'take-charge' | 'take-back'; to: string; hit?: unknown; detained: boolean },
  receivedAt: string,
): Obligation {
  // the same deadline kind as the requested state's table of received requests (reply-due.ts)
  const kind = replyDeadlineKind({ kind: r.kind, hit: Boolean(r.hit), detained: r.detained });
  return obligationDue(
    r.kind === 'take-back' ? 'take-back-confirmation' : 'take-charge-reply',
    dueIn(law, kind, r.to, receivedAt),
  );
}

/** AMMR Art. 42(1) (decision within two weeks) and Art. 46(1) (transfer within six months), from `from`. */
export function transferObligations(law: ParameterRegistry, state: string, from: string): Obligation[] {
  return [
    obligationDue('transfer-decision', dueIn(law, 'transfer-decision', state, from)),
    obligationDue('transfer', dueIn(law, 'transfer', state, from)),
  ];
}
