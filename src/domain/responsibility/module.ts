// issue 20: guarantees module "responsibility" — the member state responsible, in the requesting state's case
// (AMMR Part III): the criteria found with their evidence, the take-charge request (Art. 39) and its reply
// (Art. 40, silence = acceptance), the take-back notification (Art. 41), the transfer decision (Art. 42), the
// appeal (Art. 43), the transfer and its time limit (Art. 46), and responsibility assumed when a time limit
// lapses (Arts 37(1), 39(1)). Registered in src/domain/guarantees/index.ts. See ../guarantees/types.ts.
//
// Text followed (AMMR 2024/1351 as rendered on fantasticsearch.net / migrationpact.info; not yet checked in
// the Official Journal, so law/ammr/responsibility.ts keeps its "reported" status): Art. 37(1), 39(1) (all four
// subparagraphs), 40(1)–(2), 41(1), (3), (4), 42(1)–(2), 43(1)–(2), 45(1)–(2), 46(1). NOT read: the paragraph
// of Art. 40 on silence (Pact follows the issue and Art. 45(2), which says so for the one-week period), the
// rest of Art. 43(3) (who decides the suspension, and within a month) and Art. 46(2) (the 1- and 3-year
// extensions and the shift of responsibility: Art. 37(1) says the same shift).
import type { Action, CaseState } from '../case-state.ts';
import type { Guarantee, GuaranteeModule, OpenObligation } from '../guarantees/types.ts';
import type { Condition } from '../next-actions.ts';
import { CRITERIA, type CriterionId, criterionRank } from './criteria.ts';
import { guards, handlers, minorException } from './handlers.ts';
import type { CaseResponsibility, ResponsibilityRequest, TransferState } from './types.ts';

const EMPTY: CaseResponsibility = { criteria: [], requests: [] };
const of = (s: CaseState) => s.responsibility ?? EMPTY;
const p = (a: Action) => a.payload as Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The request awaiting its answer, or the one accepted whose transfer still runs (one at a time). */
export function pendingRequest(c: CaseState): ResponsibilityRequest | undefined {
  const last = of(c).requests.at(-1);
  if (!last) return undefined;
  if (!last.answer) return last;
  const t = of(c).transfer;
  return last.answer.accepted && !t?.annulledAt ? last : undefined;
}

/** The recorded criterion that ranks first in the order of the law (Art. 24(1)), and the state it designates. */
export function firstCriterion(c: CaseState) {
  const ks = [...of(c).criteria];
  ks.sort((a, b) => criterionRank(a.criterion) - criterionRank(b.criterion));
  return ks[0];
}

const running = (t?: TransferState) => t && !t.suspended && !t.carriedOutAt && !t.annulledAt;

function when<T extends Condition['action']>(
  action: T,
  refuses: (c: CaseState) => boolean,
  refusal: Condition['refusal'],
  why: string,
): Condition {
  return { action, refuses, refusal, why };
}

const notAccepted: Condition['refusal'] = () => ({ code: 'transfer-not-accepted', params: {} });
const noTransfer = (c: CaseState) => !of(c).transfer || of(c).transfer?.annulledAt !== undefined;

const conditions: readonly Condition[] = [
  when(
    'take-charge.requested',
    (c) => !of(c).criteria.some((k) => k.state !== c.state),
    () => ({ code: 'responsibility-no-other-state', params: {} }),
    'no recorded criterion points to another member state (AMMR Art. 39(1))',
  ),
  ...(['take-charge.requested', 'take-back.notified'] as const).map((action) =>
    when(
      action,
      (c) => pendingRequest(c) !== undefined,
      (c) => ({
        code: 'responsibility-request-pending',
        params: { to: pendingRequest(c)?.to ?? '', at: pendingRequest(c)?.at ?? '' },
      }),
      'a request is awaiting its answer, or was accepted (AMMR Arts 40, 46)',
    ),
  ),
  when(
    'take-charge.requested',
    (c) => of(c).assumed !== undefined && !minorException(c),
    (c) => ({
      code: 'responsibility-assumed',
      params: { at: of(c).assumed?.at ?? '', reason: of(c).assumed?.reason ?? '' },
    }),
    'this state became responsible when a time limit lapsed (AMMR Arts 37(1), 39(1))',
  ),
  ...(['transfer.decided', 'transfer.appealed', 'transfer.extended', 'transfer.carried-out'] as const).map(
    (action) =>
      when(action, noTransfer, notAccepted, 'no acceptance or confirmation of a request (AMMR Arts 42, 46)'),
  ),
  when(
    'transfer.decided',
    (c) => of(c).transfer?.decidedAt !== undefined,
    (c) => ({ code: 'transfer-already-decided', params: { decidedAt: of(c).transfer?.decidedAt ?? '' } }),
    'the transfer decision was taken already (AMMR Art. 42)',
  ),
  ...(['transfer.appealed', 'transfer.carried-out'] as const).map((action) =>
    when(
      action,
      (c) => !noTransfer(c) && of(c).transfer?.decidedAt === undefined,
      () => ({ code: 'transfer-not-decided', params: {} }),
      'no transfer decision yet (AMMR Arts 42–43)',
    ),
  ),
  when(
    'transfer.appealed',
    (c) => of(c).transfer?.appeal !== undefined,
    (c) => ({ code: 'transfer-appeal-state', params: { lodgedAt: of(c).transfer?.appeal?.lodgedAt ?? '' } }),
    'an appeal against the transfer decision is recorded already (AMMR Art. 43)',
  ),
  when(
    'transfer.appeal-decided',
    (c) => !of(c).transfer?.appeal || of(c).transfer?.appeal?.decidedAt !== undefined,
    (c) => ({ code: 'transfer-appeal-state', params: { lodgedAt: of(c).transfer?.appeal?.lodgedAt ?? '' } }),
    'no appeal against the transfer decision is pending (AMMR Art. 43)',
  ),
  ...(['transfer.extended', 'transfer.carried-out'] as const).map((action) =>
    when(
      action,
      (c) => !noTransfer(c) && !running(of(c).transfer),
      () => ({ code: 'transfer-not-running', params: {} }),
      'the transfer is suspended pending the appeal, or carried out (AMMR Arts 43(3), 46)',
    ),
  ),
];

const set = (s: CaseState, r: Partial<CaseResponsibility>): CaseState => ({
  ...s,
  responsibility: { ...of(s), ...r },
});
const setLast = (s: CaseState, f: (r: ResponsibilityRequest) => ResponsibilityRequest): CaseState => {
  const rs = of(s).requests;
  const last = rs.at(-1);
  return last ? set(s, { requests: [...rs.slice(0, -1), f(last)] }) : s;
};
const setTransfer = (s: CaseState, f: (t: TransferState) => TransferState): CaseState => {
  const t = of(s).transfer;
  return t ? set(s, { transfer: f(t) }) : s;
};
/** the transfer obligation the action opened (its due time is the transfer's time limit) */
const opened = (a: Action, kind: string) =>
  ((p(a).opens as { kind: string; dueAt: string }[] | undefined) ?? []).find((o) => o.kind === kind);

/** When silence accepted or confirmed: the deadline itself (payload acceptedAt / confirmedAt), else the action's time. */
const answeredAt = (a: Action) => str(p(a).acceptedAt) ?? str(p(a).confirmedAt) ?? a.at;

function accepted(s: CaseState, a: Action, answer: ResponsibilityRequest['answer']): CaseState {
  const next = setLast(s, (r) => ({ ...r, ...(answer ? { answer } : {}) }));
  const t = opened(a, 'transfer');
  const to = of(next).requests.at(-1)?.to ?? '';
  return t ? set(next, { transfer: { to, runsFrom: answeredAt(a), dueAt: t.dueAt } }) : next;
}

const module: GuaranteeModule = {
  name: 'responsibility',
  conditions,
  guards,
  handlers,
  evolvers: {
    'responsibility.criterion-recorded': (s, a) =>
      set(s, {
        criteria: [
          ...of(s).criteria,
          {
            criterion: p(a).criterion as CriterionId,
            state: String(p(a).state),
            evidence: p(a).evidence as CaseResponsibility['criteria'][number]['evidence'],
            at: a.at,
          },
        ],
      }),
    'take-charge.requested': (s, a) => request(s, a, 'take-charge'),
    'take-back.notified': (s, a) => request(s, a, 'take-back'),
    'responsibility.request-received': (s, a) => {
      const due = (p(a).opens as { dueAt: string }[] | undefined)?.[0]?.dueAt;
      return setLast(s, (r) => ({
        ...r,
        receivedAt: str(p(a).receivedAt) ?? a.at,
        ...(due ? { replyDueAt: due } : {}),
      }));
    },
    'take-charge.answered': (s, a) => {
      if (p(a).afterAnswer === true) return s;
      const answer = {
        accepted: p(a).accepted === true,
        at: a.at,
        ...(str(p(a).criterion) ? { criterion: p(a).criterion as CriterionId } : {}),
        ...(str(p(a).reasons) ? { reasons: String(p(a).reasons) } : {}),
      };
      return accepted(s, a, answer);
    },
    'take-charge.accepted-by-silence': (s, a) =>
      accepted(s, a, { accepted: true, at: answeredAt(a), bySilence: true }),
    'take-back.confirmed': (s, a) =>
      p(a).afterAnswer === true
        ? s
        : accepted(s, a, {
            accepted: true,
            at: answeredAt(a),
            ...(p(a).bySilence === true ? { bySilence: true } : {}),
          }),
    'transfer.decided': (s, a) => setTransfer(s, (t) => ({ ...t, decidedAt: a.at })),
    'transfer.appealed': (s, a) =>
      setTransfer(s, (t) => ({
        ...t,
        appeal: { lodgedAt: a.at, suspensionRequested: p(a).suspensionRequested === true },
        ...(p(a).suspended === true ? { suspended: true } : {}),
      })),
    'transfer.appeal-decided': (s, a) =>
      setTransfer(s, (t) => {
        const upheld = p(a).upheld === true;
        const appeal = t.appeal ? { ...t.appeal, decidedAt: a.at, upheld } : undefined;
        const o = opened(a, 'transfer');
        const { suspended: _s, ...rest } = t;
        return {
          ...rest,
          ...(appeal ? { appeal } : {}),
          ...(upheld ? { annulledAt: a.at } : {}),
          ...(o ? { runsFrom: a.at, dueAt: o.dueAt } : {}),
        };
      }),
    'transfer.extended': (s, a) => {
      const o = opened(a, 'transfer');
      return setTransfer(s, (t) => ({
        ...t,
        extended: p(a).ground as TransferState['extended'],
        ...(o ? { dueAt: o.dueAt } : {}),
      }));
    },
    'transfer.carried-out': (s, a) => ({
      ...setTransfer(s, (t) => ({ ...t, carriedOutAt: a.at })),
      status: 'closed',
    }),
    'responsibility.assumed': (s, a) =>
      set(s, {
        assumed: {
          at: a.at,
          reason: p(a).reason as 'request-late' | 'transfer-late',
          article: a.legalBasis,
        },
      }),
  },
  guarantees: [criterionLine, requestLine, transferLine, assumedLine],
};

function request(s: CaseState, a: Action, kind: ResponsibilityRequest['kind']): CaseState {
  const hit = p(a).hit as ResponsibilityRequest['hit'];
  const r: ResponsibilityRequest = {
    kind,
    to: String(p(a).to),
    ...(str(p(a).criterion) ? { criterion: p(a).criterion as CriterionId } : {}),
    ...(hit ? { hit } : {}),
    detained: p(a).detained === true,
    at: a.at,
    ...(p(a).late === true ? { late: true } : {}),
  };
  // a new request after a refusal or an annulled transfer: the old transfer is history
  const { transfer: _t, ...rest } = of(s);
  return { ...s, responsibility: { ...rest, requests: [...of(s).requests, r] } };
}

/** Art. 24(1): the criterion first in the order of the law, and the state it designates. */
function criterionLine(c: CaseState): Guarantee | undefined {
  const k = firstCriterion(c);
  if (!k) return undefined;
  const article = CRITERIA.find((x) => x.id === k.criterion)?.article ?? 'AMMR Art. 24';
  return {
    key: 'responsibility-criterion',
    article: `${article}; AMMR Art. 24(1)`,
    status: 'done',
    at: k.at,
    params: { criterion: k.criterion, state: k.state, count: of(c).criteria.length },
  };
}

function requestLine(c: CaseState, _now: Date, open: readonly OpenObligation[]): Guarantee | undefined {
  const r = of(c).requests.at(-1);
  if (!r) {
    const due = open.find((o) => o.kind === 'take-charge-request');
    return due
      ? { key: 'take-charge-request-due', article: 'AMMR Art. 39(1)', status: 'due', dueAt: due.dueAt }
      : undefined;
  }
  const article = r.kind === 'take-charge' ? 'AMMR Arts 39–40' : 'AMMR Art. 41';
  const params = { to: r.to, requestKind: r.kind };
  if (r.answer)
    return {
      key: r.answer.bySilence
        ? 'responsibility-request-silence'
        : `responsibility-request-${r.answer.accepted ? 'accepted' : 'refused'}`,
      article,
      status: 'done',
      at: r.answer.at,
      params,
    };
  const dueAt = open.find(
    (o) => o.kind === 'take-charge-reply' || o.kind === 'take-back-confirmation',
  )?.dueAt;
  return {
    key: r.receivedAt ? 'responsibility-request-received' : 'responsibility-request-sent',
    article,
    status: 'due',
    ...(dueAt ? { dueAt } : {}),
    params,
  };
}

function transferLine(c: CaseState, _now: Date, open: readonly OpenObligation[]): Guarantee | undefined {
  const t = of(c).transfer;
  if (!t) return undefined;
  const params = { to: t.to };
  if (t.carriedOutAt)
    return {
      key: 'transfer-carried-out',
      article: 'AMMR Art. 46(1)',
      status: 'done',
      at: t.carriedOutAt,
      params,
    };
  if (t.annulledAt)
    return { key: 'transfer-annulled', article: 'AMMR Art. 43', status: 'done', at: t.annulledAt, params };
  if (t.suspended) return { key: 'transfer-suspended', article: 'AMMR Art. 43(3)', status: 'due', params };
  const dueAt = open.find((o) => o.kind === 'transfer')?.dueAt ?? t.dueAt;
  return { key: 'transfer-due', article: 'AMMR Arts 42, 46', status: 'due', dueAt, params };
}

function assumedLine(c: CaseState): Guarantee | undefined {
  const a = of(c).assumed;
  if (!a) return undefined;
  return {
    key: 'responsibility-assumed',
    article: a.article,
    status: 'done',
    at: a.at,
    params: { reason: a.reason, state: c.state },
  };
}

export default module;
