// issue 20: the steps of the member state responsible that the system records in the requesting state's
// case, not a user: the other state's receipt of a request (its time starts the reply period), its answer,
// its confirmation of a take-back notification, and what the sweep records when a time limit passes —
// acceptance or confirmation by silence, or this state's own responsibility. Each returns a Decision; the
// federation's handlers (dublin-peer) and the sweep (src/domain/system-steps.ts obligationMissed) call them.
import { PactError } from '../../law/errors.ts';
import type { ParameterRegistry } from '../../law/parameters.ts';
import type { Action, CaseState, Decision, Obligation, ObligationKind } from '../case-state.ts';
import { evolve } from '../evolve.ts';
import { LEGAL_BASIS } from '../legal-basis.ts';
import type { ActionType } from '../statuses.ts';
import type { CriterionId } from './criteria.ts';
import { replyDeadline, transferObligations } from './deadlines.ts';

/** A system action at `at`, or at the case's last action if that is later (the log's times never go back). */
function system(
  current: CaseState,
  type: ActionType,
  at: string,
  payload: Record<string, unknown>,
  legalBasis: string = LEGAL_BASIS[type],
): Action {
  const t = new Date(at).toISOString();
  const last = current.lastActionAt ?? current.occurredAt;
  return {
    type,
    at: Date.parse(last) > Date.parse(t) ? new Date(last).toISOString() : t,
    actor: 'system',
    role: 'system',
    state: current.state,
    legalBasis,
    payload,
  };
}

function decision(current: CaseState, action: Action, open: Obligation[], close: ObligationKind[]): Decision {
  return { actions: [action], next: evolve(current, action), open, close };
}

const lastRequest = (c: CaseState, kind?: 'take-charge' | 'take-back', to?: string) => {
  const r = c.responsibility?.requests.at(-1);
  return r && (!kind || r.kind === kind) && (!to || r.to === to) ? r : undefined;
};

/** No request or notification of the case awaits this step: the inbox refuses the message with this code. */
export class NoSuchRequestError extends PactError {
  constructor(caseId: string, what: string) {
    super('responsibility-no-such-request', `case ${caseId} has no ${what} awaiting this step`, { what });
  }
}

/** A reply received at or after the end of its period (the first late instant): late, with that end. */
function lateReceipt(
  req: { answer?: unknown; replyDueAt?: string },
  at: string,
): { late: true; replyDueAt: string } | undefined {
  if (req.answer || !req.replyDueAt) return undefined;
  return Date.parse(at) >= Date.parse(req.replyDueAt)
    ? { late: true, replyDueAt: req.replyDueAt }
    : undefined;
}

/**
 * The other state's signed receipt of our request or notification (its time, not ours, is the proof:
 * Regulation (EC) No 1560/2003 Art. 15): opens `take-charge-reply` (AMMR Art. 40(1) one month, 40(2) two
 * weeks on a hit, 45(2) one week for a detained person) or `take-back-confirmation` (Art. 41(3) two weeks),
 * counted in the requested state's calendar (deadlines.ts replyDeadline says why). Action
 * `responsibility.request-received`.
 */
export function requestReceived(
  current: CaseState,
  r: { kind: 'take-charge' | 'take-back'; to: string; receivedAt: string; law: ParameterRegistry },
): Decision {
  const req = lastRequest(current, r.kind, r.to);
  if (!req || req.answer || req.receivedAt) throw new NoSuchRequestError(current.id, `${r.kind} to ${r.to}`);
  const o = replyDeadline(r.law, req, r.receivedAt);
  const action = system(current, 'responsibility.request-received', r.receivedAt, {
    kind: r.kind,
    to: r.to,
    receivedAt: new Date(r.receivedAt).toISOString(),
    opens: [o],
  });
  return decision(current, action, [o], []);
}

/**
 * AMMR Art. 40: the requested state's reply. Accepted: the transfer decision within two weeks (Art. 42(1)) and
 * the transfer within six months (Art. 46(1)), from the acceptance. Refused: the reply period closes and the
 * case stays with this state's determination (another request may follow). A reply that comes after the
 * request was answered (accepted by silence) is logged and changes nothing: silence already accepted.
 */
export function replyReceived(
  current: CaseState,
  r: {
    from: string;
    accepted: boolean;
    criterion?: CriterionId;
    reasons?: string;
    at: string;
    law: ParameterRegistry;
  },
): Decision {
  const req = lastRequest(current, 'take-charge', r.from);
  if (!req) throw new NoSuchRequestError(current.id, `take-charge request to ${r.from}`);
  const base = {
    from: r.from,
    accepted: r.accepted,
    ...(r.criterion ? { criterion: r.criterion } : {}),
    ...(r.reasons ? { reasons: r.reasons } : {}),
  };
  // Art. 40(1): the reply must REACH this state within the period — its time of receipt here (signed back to
  // the requested state, which aligns on it) decides; at or after the end of the period, silence has accepted
  const late = lateReceipt(req, r.at);
  if (req.answer || late) {
    const action = system(current, 'take-charge.answered', r.at, { ...base, afterAnswer: true, ...late });
    return decision(current, action, [], []);
  }
  const opens = r.accepted ? transferObligations(r.law, current.state, r.at) : [];
  const closes: ObligationKind[] = ['take-charge-reply'];
  const action = system(current, 'take-charge.answered', r.at, { ...base, opens, closes });
  return decision(current, action, opens, closes);
}

/** AMMR Art. 41(3): the notified state confirmed receipt of the take-back notification. */
export function takeBackConfirmed(
  current: CaseState,
  r: { from: string; at: string; law: ParameterRegistry },
): Decision {
  const req = lastRequest(current, 'take-back', r.from);
  if (!req) throw new NoSuchRequestError(current.id, `take-back notification to ${r.from}`);
  const late = lateReceipt(req, r.at);
  if (req.answer || late)
    return decision(
      current,
      system(current, 'take-back.confirmed', r.at, { from: r.from, afterAnswer: true, ...late }),
      [],
      [],
    );
  const opens = transferObligations(r.law, current.state, r.at);
  const closes: ObligationKind[] = ['take-back-confirmation'];
  const action = system(current, 'take-back.confirmed', r.at, { from: r.from, opens, closes });
  return decision(current, action, opens, closes);
}

/**
 * What follows in law when the sweep finds an obligation of AMMR Part III missed (the action after
 * `obligation.missed`, dated at the deadline):
 * - take-charge-reply: the request is accepted by silence (Art. 40; Art. 45(2) for the one-week period);
 * - take-back-confirmation: receipt confirmed by silence (Art. 41(4));
 * - take-charge-request: no request in time — this state is responsible (Art. 39(1) third subparagraph);
 * - transfer: not carried out in time — this state is responsible (Art. 37(1); Art. 46);
 * - take-back-notification, transfer-decision: no consequence in the law (Art. 41(1) last sentence: a late
 *   notification does not affect the obligation to take back).
 * `after` is the case with `obligation.missed` applied; `at` the time that action was dated at (the deadline,
 * or the case's last action if later: the log's times never go back); `dueAt` the deadline itself. Silence
 * accepts (or confirms) AT the deadline, whenever the sweep records it: the acceptance carries `acceptedAt`
 * (`confirmedAt`) = dueAt and the transfer's periods run from it — the requested state dates it the same.
 */
export function missedConsequence(
  after: CaseState,
  kind: ObligationKind,
  at: string,
  law: ParameterRegistry,
  dueAt: string = at,
): Decision | undefined {
  const r = lastRequest(after);
  const due = new Date(dueAt).toISOString();
  if (kind === 'take-charge-reply' && r?.kind === 'take-charge' && !r.answer) {
    const opens = transferObligations(law, after.state, due);
    const closes: ObligationKind[] = ['take-charge-reply'];
    const payload = { from: r.to, acceptedAt: due, opens, closes };
    const action = system(after, 'take-charge.accepted-by-silence', at, payload);
    return decision(after, action, opens, closes);
  }
  if (kind === 'take-back-confirmation' && r?.kind === 'take-back' && !r.answer) {
    const opens = transferObligations(law, after.state, due);
    const closes: ObligationKind[] = ['take-back-confirmation'];
    const payload = { from: r.to, bySilence: true, confirmedAt: due, opens, closes };
    const action = system(after, 'take-back.confirmed', at, payload);
    return decision(after, action, opens, closes);
  }
  if (kind === 'take-charge-request' || kind === 'transfer') {
    const late = kind === 'take-charge-request' ? 'request-late' : 'transfer-late';
    const closes: ObligationKind[] =
      kind === 'transfer' ? ['transfer', 'transfer-decision'] : ['take-charge-request'];
    const article =
      kind === 'take-charge-request'
        ? 'AMMR Art. 39(1) third subparagraph (no take-charge request within the time limit)'
        : 'AMMR Arts 37(1) and 46 (the transfer not carried out within the time limit)';
    const action = system(after, 'responsibility.assumed', at, { reason: late, closes }, article);
    return decision(after, action, [], closes);
  }
  return undefined;
}
