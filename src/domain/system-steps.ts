// The steps of a case that the system records, not a user's command: a deadline passed (the sweep), a
// relocation confirmed and carried out (AMMR Arts 67–68). Pure: time and the law come in as arguments.
import type { ParameterRegistry } from '../law/parameters.ts';
import type { Action, CaseState, Decision, Obligation, ObligationKind } from './case-state.ts';
import type { DecideContext } from './decide.ts';
import { evolve } from './evolve.ts';
import { LEGAL_BASIS } from './legal-basis.ts';
import { obligation } from './obligations.ts';
import { missedConsequence } from './responsibility/steps.ts';
import { voluntaryDepartureLapsed } from './returns/period.ts';
import type { ActionType } from './statuses.ts';

/** A system action: an open obligation's deadline has passed (sets the overdue flags). */
export function obligationMissed(
  current: CaseState,
  kind: ObligationKind,
  dueAt: string,
  article: string,
  now: Date,
  law?: ParameterRegistry,
): Decision {
  // issue 22: the period for voluntary departure is the person's, not a deadline the state missed: its end
  // without a confirmed departure is the lapse (RD Arts 8(1), 11(1)(b)), not an obligation missed
  if (law && kind === 'voluntary-departure') return voluntaryDepartureLapsed(current, dueAt, law);
  const opens: Obligation[] = [];
  // Screening Regulation Art. 18(5): screening ends at its deadline even if checks are incomplete; for a
  // person who asked for asylum, the registration period then starts (APR Art. 27(7)), from the last moment
  // of the screening period
  if (
    law &&
    kind === 'screening' &&
    current.asylumWishAt &&
    current.status === 'in-screening' &&
    !current.open.includes('registration')
  ) {
    const ctx: DecideContext = { law, now, actor: 'system', role: 'system' };
    opens.push(
      obligation(
        ctx,
        current,
        'registration',
        'registration',
        new Date(Date.parse(dueAt) - 1).toISOString(),
        true,
        current.asylumWishAt,
      ),
    );
  }
  // dated at the due time (when the deadline passed; the log's recorded_at says when the sweep saw it), or at
  // the case's last action if that is later: the log's times never go backwards (entry-rules.ts)
  const due = new Date(dueAt).toISOString();
  const last = current.lastActionAt ?? current.occurredAt;
  const action: Action = {
    type: 'obligation.missed' satisfies ActionType,
    at: Date.parse(last) > Date.parse(due) ? new Date(last).toISOString() : due,
    actor: 'system',
    role: 'system',
    state: current.state,
    // the obligation's own article (e.g. APR Art. 27(1) for registration): that is the rule that was broken
    legalBasis: article,
    payload: { kind, dueAt, article, ...(opens.length > 0 ? { opens } : {}) },
  };
  const next = evolve(current, action);
  // issue 20: a missed time limit of AMMR Part III has its consequence in law, logged with it at the same
  // time (acceptance or confirmation by silence, or this state's responsibility: responsibility/steps.ts)
  const then = law ? missedConsequence(next, kind, action.at, law, dueAt) : undefined;
  if (then)
    return {
      actions: [action, ...then.actions],
      next: then.next,
      open: [...opens, ...then.open],
      close: [...then.close],
    };
  return { actions: [action], next, open: opens, close: [] };
}

/**
 * AMMR Art. 67(9)–(11): the state of relocation confirmed the relocation of this person (or let the week
 * pass); the benefitting state transfers the person within 4 weeks — an obligation in its queue.
 */
export function relocationConfirmed(
  current: CaseState,
  r: { to: string; transferId: string; confirmedAt: string; transferDueAt: string; article: string },
): Decision {
  const opens: Obligation[] = [{ kind: 'relocation-transfer', dueAt: r.transferDueAt, article: r.article }];
  const action: Action = {
    type: 'relocation.confirmed' satisfies ActionType,
    at: new Date(r.confirmedAt).toISOString(),
    actor: 'system',
    role: 'system',
    state: current.state,
    legalBasis: LEGAL_BASIS['relocation.confirmed'],
    payload: { to: r.to, transferId: r.transferId, opens },
  };
  return { actions: [action], next: evolve(current, action), open: opens, close: [] };
}

/** AMMR Art. 68: the person was transferred; the case passes to the state of relocation. */
export function caseRelocated(
  current: CaseState,
  r: { to: string; transferId: string; at: string },
): Decision {
  const closes: ObligationKind[] = current.open.includes('relocation-transfer')
    ? ['relocation-transfer']
    : [];
  const action: Action = {
    type: 'case.relocated' satisfies ActionType,
    at: new Date(r.at).toISOString(),
    actor: 'system',
    role: 'system',
    state: current.state,
    legalBasis: LEGAL_BASIS['case.relocated'],
    payload: { from: current.state, to: r.to, transferId: r.transferId, closes },
  };
  return { actions: [action], next: evolve(current, action), open: [], close: closes };
}
