// issue 22: the period for voluntary departure (RD Art. 7) — its end, its extension — and the step the sweep
// records when it ends without a confirmed departure (RD Arts 8(1), 11(1)(b)). Pure: the law and time come in.
//
// The period is counted as every period of Pact (Regulation 1182/71, src/law/periods.ts): from the grant
// (`return.voluntary-departure`), the day of the grant not counted, ending with the expiry of the last day in
// the state's calendar (a last day that is a Saturday, Sunday or public holiday moves to the next working
// day: Art. 3(4)). UNCONFIRMED: the Directive does not say how the days are counted nor whether they run from
// the decision or its notification; Pact counts from the grant as recorded. An extension (Art. 7(2)) adds its
// days after the last day of the period as it stood.
import { DateTime } from 'luxon';
import type { MemberStateCode } from '../../../law/member-states.ts';
import { arrangementOf } from '../../../law/readmission/arrangements.ts';
import { stateCalendar } from '../../law/calendar/state-calendar.ts';
import type { ParameterRegistry } from '../../law/parameters.ts';
import { periodEnd } from '../../law/periods.ts';
import type { Action, CaseState, Decision, Obligation, ObligationKind } from '../case-state.ts';
import { evolve } from '../evolve.ts';
import { LEGAL_BASIS } from '../legal-basis.ts';
import type { ActionType } from '../statuses.ts';

export const ARTICLE_PERIOD = 'RD Art. 7(1)–(2) (the period for voluntary departure)';

const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
const localDate = (state: string, at: string) =>
  DateTime.fromISO(at)
    .setZone(stateCalendar(state as MemberStateCode).zone)
    .toISODate() ?? '';

/** The first moment after `days` calendar days from `from` (the day of `from` not counted), in `state`. */
export function daysEnd(state: string, from: string, days: number): string {
  const cal = stateCalendar(state as MemberStateCode);
  return iso(periodEnd(DateTime.fromISO(from), { amount: days, unit: 'days' }, cal).endsAt);
}

/** RD Art. 7(1): the end of a period of `days` granted at `at`. */
export const departurePeriodEnd = (state: string, at: string, days: number) => daysEnd(state, at, days);

/** RD Art. 7(2): the period extended by `days` after its last day (the last moment of the period the event). */
export const extendedPeriodEnd = (state: string, endsAt: string, days: number) =>
  daysEnd(state, new Date(Date.parse(endsAt) - 1).toISOString(), days);

/**
 * The most days a period may be granted for: RBPR 15 days where the return decision was taken in the return
 * border procedure, otherwise RD Art. 7(1) 30 days; with the parameter's citation.
 */
export function maximumDays(
  law: ParameterRegistry,
  c: CaseState,
  at: string,
): { days: number; article: string } {
  const name = c.returnDecision?.borderProcedure
    ? 'rbpr.voluntary-departure.maximum'
    : 'rd.voluntary-departure.maximum';
  const used = law.usedAt(name, localDate(c.state, at));
  return { days: Number(used.value), article: used.citation };
}

/** The voluntary-departure obligation: due at the first moment after the period. */
export const periodObligation = (dueAt: string): Obligation => ({
  kind: 'voluntary-departure',
  dueAt,
  article: ARTICLE_PERIOD,
});

/** The readmission reply's due time by the arrangement with `country`, if it has one with a time limit. */
export function readmissionReplyDue(state: string, country: string, at: string): Obligation | undefined {
  const a = arrangementOf(country);
  if (!a) return undefined;
  const limit = a.replyTimeLimit.value;
  const cal = stateCalendar(state as MemberStateCode);
  const end = periodEnd(DateTime.fromISO(at), { amount: limit.amount, unit: limit.unit }, cal);
  const basis =
    limit.basis === 'arrangement'
      ? `readmission arrangement with ${a.name}: ${limit.amount} ${limit.unit}`
      : `NATIONAL SETTING, not law (no time limit in the arrangement with ${a.name}): ${limit.amount} ${limit.unit}`;
  return { kind: 'readmission-reply', dueAt: iso(end.endsAt), article: basis };
}

/**
 * The sweep: the period for voluntary departure ended (its obligation's due time passed) with no departure
 * confirmed. The obligation to return was not complied with within the period: the return decision is to be
 * enforced (RD Art. 8(1): removal) and accompanied by an entry ban (Art. 11(1)(b)). Neither article gives a
 * time limit: each obligation's due date is a national setting (law/return.ts), and says so. Dated at the
 * period's end (the first moment after it), or at the case's last action if later. Action
 * `return.voluntary-departure-lapsed`; the case stays in return, on the forced-return path.
 */
export function voluntaryDepartureLapsed(
  current: CaseState,
  endedAt: string,
  law: ParameterRegistry,
): Decision {
  const due = new Date(endedAt).toISOString();
  const last = current.lastActionAt ?? current.occurredAt;
  const at = Date.parse(last) > Date.parse(due) ? new Date(last).toISOString() : due;
  const day = localDate(current.state, at);
  const follow = (kind: ObligationKind, name: string, article: string): Obligation => {
    const used = law.usedAt(name, day);
    return {
      kind,
      dueAt: daysEnd(current.state, at, Number(used.value)),
      article: `${article}; due date: ${used.citation} (a national setting, not law)`,
    };
  };
  const opens: Obligation[] = [
    follow('removal', 'national.return.removal-follow-up', 'RD Art. 8(1) (removal)'),
    follow('entry-ban', 'national.return.entry-ban-follow-up', 'RD Art. 11(1)(b) (entry ban)'),
  ];
  const closes: ObligationKind[] = ['voluntary-departure'];
  const action: Action = {
    type: 'return.voluntary-departure-lapsed' satisfies ActionType,
    at,
    actor: 'system',
    role: 'system',
    state: current.state,
    legalBasis: LEGAL_BASIS['return.voluntary-departure-lapsed'],
    payload: { endedAt: due, opens, closes },
  };
  return { actions: [action], next: evolve(current, action), open: opens, close: closes };
}
