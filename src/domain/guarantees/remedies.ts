// Guarantees module: remedies — notification of the decision, the appeal and its window, the right to remain
// and the removal it forbids (APR Arts 36, 67, 68). See types.ts for what a module may hold.
//
// Readings (shared/spec/pact-rules.md rows 4a–4c, section 9; APR Art. 68 read on migrationpact.info):
// - Art. 67(8): the time to appeal runs from the NOTIFICATION of the decision, not from the decision.
// - Art. 67(7): (a) 5–10 days for a rejection as inadmissible, implicitly withdrawn, unfounded or manifestly
//   unfounded "if …" — the condition after "if" was not read; applied only in the accelerated or border
//   procedure (UNCONFIRMED, as the brief's CORRECTED line 4a says); (b) 2 weeks – 1 month in all other cases.
//   The state's value is a national parameter `national.<state>.appeal.window-…`; where none is confirmed the
//   window is unknown, the deadline is not guessed and the person may remain.
// - Art. 68(2): the right to remain until the time to appeal has expired and, where the appeal was lodged
//   in time, pending its outcome. Art. 68(3): no such right after (a) a rejection as (manifestly) unfounded
//   in the accelerated examination (Art. 42(1) or (3)) or in the border procedure, save for an unaccompanied
//   minor; (b) a rejection as inadmissible under Art. 38(1)(a)–(e) or 38(2), save for an unaccompanied minor
//   in the border procedure. The further points of 68(3) (explicitly or implicitly withdrawn applications,
//   subsequent applications, withdrawal of protection) were NOT read: Pact does not apply them and keeps the
//   suspensive effect there (the reading that cannot remove a person who may remain). Art. 68(4)–(5): where
//   the appeal is not suspensive, a court rules on a request to remain; the person remains while the time to
//   ask runs (Pact: the appeal window) and while the request is pending.
import { DateTime } from 'luxon';
import { stateCalendar } from '../../law/calendar/state-calendar.ts';
import { periodEnd } from '../../law/periods.ts';
import type { Action, CaseAppeal, CaseState } from '../case-state.ts';
import type { CaseCommand } from '../commands.ts';
import type { DecideContext } from '../decide.ts';
import type { Condition } from '../next-actions.ts';
import type { Flag } from '../statuses.ts';
import type { Effects, Guarantee, GuaranteeModule, OpenObligation } from './types.ts';

const POSITIVE = new Set(['refugee-status', 'subsidiary-protection']);

/** The reasons mayRemain gives; the catalogue words them as `remain.<reason>`. */
export const REMAIN_REASONS = [
  'no-application',
  'applicant',
  'protection-granted',
  'not-notified',
  'appeal-window-unknown',
  'appeal-window',
  'appeal-window-ended',
  'appeal-suspensive',
  'remain-request-pending',
  'remain-allowed',
  'remain-refused',
  'no-suspensive-effect',
  'appeal-dismissed',
  'subsequent-application',
] as const;
export type RemainReason = (typeof REMAIN_REASONS)[number];

export interface MayRemain {
  readonly may: boolean;
  /** the first moment the person no longer may remain, where it is known */
  readonly until?: string;
  readonly reason: RemainReason;
  readonly article: string;
}

/**
 * APR Art. 68: whether the person may remain on the territory at `at` (a return cannot be carried out while
 * they may: Art. 68(1) suspends the return decision's effects). Pure.
 */
export function mayRemain(c: CaseState, at: string): MayRemain {
  const t = Date.parse(at);
  // Arts 55–56: a subsequent application (recorded by the withdrawal module) that gives a right to remain
  if (c.subsequent?.remain && Date.parse(c.subsequent.madeAt) <= t)
    return { may: true, reason: 'subsequent-application', article: 'APR Arts 55–56' };
  if (c.status === 'decided-protection')
    return { may: true, reason: 'protection-granted', article: 'APR Art. 67(1); Regulation (EU) 2024/1347' };
  const d = c.decision;
  if (!d) {
    // APR Art. 10: an applicant remains until the determining authority has decided
    return c.asylumWishAt
      ? { may: true, reason: 'applicant', article: 'APR Art. 10' }
      : { may: false, reason: 'no-application', article: 'APR Art. 10' };
  }
  // Art. 67(8): until the decision is notified the time to appeal has not started, so it has not expired
  if (!d.notifiedAt) return { may: true, reason: 'not-notified', article: 'APR Arts 67(8), 68(2)' };
  const a = c.appeal;
  // annulled and sent back (the case is in examination again): an applicant until the new decision
  if (a?.outcome === 'remitted') return { may: true, reason: 'applicant', article: 'APR Art. 10' };
  if (a?.outcome === 'dismissed')
    return { may: false, reason: 'appeal-dismissed', article: 'APR Art. 68(2)' };
  // a court's answer on a request to remain (Art. 68(4)–(5))
  const r = c.remain;
  if (r && r.allowed === undefined)
    return { may: true, reason: 'remain-request-pending', article: 'APR Art. 68(5)' };
  if (r?.allowed === true) return { may: true, reason: 'remain-allowed', article: 'APR Art. 68(4)' };
  if (a?.lodgedAt && a.suspensive !== false)
    return { may: true, reason: 'appeal-suspensive', article: 'APR Art. 68(2)' };
  // a court's refusal ends the stay only where the law gives no right to remain of its own (Art. 68(3), the
  // cases in which Art. 68(4) gives the court the say): elsewhere Art. 68(2) keeps the person until the time
  // to appeal has run out, whatever a court said on a request the law did not call for
  if (r?.allowed === false && !suspensiveByLaw(c))
    return { may: false, reason: 'remain-refused', article: 'APR Art. 68(4)' };
  // the time to appeal (or, where the appeal is not suspensive, to ask to remain) runs
  if (a?.windowUnknown)
    return { may: true, reason: 'appeal-window-unknown', article: 'APR Arts 67(7), 68(2)' };
  if (a?.windowEndsAt && t < Date.parse(a.windowEndsAt))
    return {
      may: true,
      until: a.windowEndsAt,
      reason: 'appeal-window',
      article: 'APR Arts 67(7)–(8), 68(2)',
    };
  if (a?.lodgedAt) return { may: false, reason: 'no-suspensive-effect', article: 'APR Art. 68(3)' };
  if (!a) {
    // a negative decision notified with no window recorded (a positive one was handled above): the window
    // cannot be known, so it has not ended
    return { may: true, reason: 'appeal-window-unknown', article: 'APR Arts 67(7), 68(2)' };
  }
  return { may: false, reason: 'appeal-window-ended', article: 'APR Arts 67(7)–(8), 68(2)' };
}

/**
 * Which APR Art. 67(7) window a negative decision opens. (a) only for a rejection as inadmissible, implicitly
 * withdrawn, unfounded or manifestly unfounded in the accelerated or border procedure (UNCONFIRMED: brief
 * row 4a; never for every inadmissible or withdrawn decision in every procedure); (b) in all other cases.
 */
export function appealWindow(
  c: Pick<CaseState, 'procedure'>,
  decision: string,
): 'window-fast-track' | 'window-other' | undefined {
  if (POSITIVE.has(decision)) return undefined;
  const fastTrackDecision = ['inadmissible', 'implicitly-withdrawn', 'unfounded', 'manifestly-unfounded'];
  const fastTrackProcedure = c.procedure === 'border' || c.procedure === 'accelerated';
  return fastTrackDecision.includes(decision) && fastTrackProcedure ? 'window-fast-track' : 'window-other';
}

/** The name of a state's national choice for a window (law/national/, or the administrator's setting). */
export function appealWindowParameter(state: string, window: CaseAppeal['window']): string {
  return `national.${state.toLowerCase()}.appeal.${window}`;
}

/** A national period parameter counted from an event by Regulation 1182/71 in the state's calendar. */
export function computeDeadlineForPeriod(
  ctx: Pick<DecideContext, 'law'>,
  c: Pick<CaseState, 'state'>,
  parameter: string,
  from: string,
): { dueAt: string; article: string } {
  const date = DateTime.fromISO(from).setZone(stateCalendar(c.state).zone).toISODate() ?? from.slice(0, 10);
  const period = ctx.law.periodAt(parameter, date);
  const used = ctx.law.usedAt(parameter, date);
  const end = periodEnd(DateTime.fromISO(from), period, stateCalendar(c.state));
  return {
    dueAt: end.endsAt.toISO({ suppressMilliseconds: true }) ?? '',
    article: `${used.citation} (national choice inside APR Art. 67(7); from notification: Art. 67(8))`,
  };
}

/**
 * APR Art. 68(2)–(3): whether an appeal against the case's decision suspends the return by law. Unknown
 * inadmissibility points (Pact does not record which point of Art. 38 a rejection used) are read as 68(3)(b)
 * applies — the court's request-to-remain route then protects the person, and they remain while it is pending.
 */
export function suspensiveByLaw(c: CaseState): boolean {
  const d = c.decision?.type;
  const uam = c.person.unaccompanied === true;
  if (d === 'unfounded' || d === 'manifestly-unfounded') {
    if (c.procedure === 'accelerated') return false; // 68(3)(a)(i)
    if (c.procedure === 'border') return uam; // 68(3)(a)(ii)
    return true;
  }
  if (d === 'inadmissible') return uam && c.procedure === 'border'; // 68(3)(b)
  return true;
}

function withFlag(flags: readonly Flag[], flag: Flag, on: boolean): readonly Flag[] {
  const rest = flags.filter((f) => f !== flag);
  return on ? [...rest, flag] : rest;
}

function notified(c: CaseState, command: CaseCommand, ctx: DecideContext): Effects | undefined {
  if (command.type !== 'decision.notified' || !c.decision) return undefined;
  const window = appealWindow(c, c.decision.type);
  if (!window) return undefined;
  const name = appealWindowParameter(c.state, window);
  const date = command.at.slice(0, 10);
  const known = ctx.law.find(name) !== undefined && inForce(ctx, name, date);
  if (!known) {
    return {
      extra: { window, windowUnknown: true },
      notes: [
        `the appeal window of ${c.state} is not confirmed (${name}, inside APR Art. 67(7)): the deadline is not guessed and the person may remain until it is known (APR Art. 68(2)); an administrator confirms it in Settings`,
      ],
    };
  }
  const d = computeDeadlineForPeriod(ctx, c, name, command.at);
  return {
    opens: [{ kind: 'appeal', dueAt: d.dueAt, article: d.article }],
    extra: { window, windowEndsAt: d.dueAt },
  };
}

function inForce(ctx: DecideContext, name: string, date: string): boolean {
  try {
    ctx.law.periodAt(name, date);
    return true;
  } catch {
    return false;
  }
}

const conditions: readonly Condition[] = [
  {
    // APR Art. 68(1): the return decision's effects are suspended while the person may remain
    action: 'return.executed',
    refuses: (c, at) => mayRemain(c, at).may,
    refusal: (c, at) => {
      const m = mayRemain(c, at ?? c.lastActionAt ?? c.occurredAt);
      return { code: 'may-remain', params: { until: m.until ?? '', reason: m.reason, article: m.article } };
    },
    why: 'the person may remain on the territory (APR Art. 68): the return cannot be carried out yet',
  },
  {
    // a second notification would restart the time to appeal; only where the window could not be counted
    action: 'decision.notified',
    refuses: (c) => c.decision?.notifiedAt !== undefined && c.appeal?.windowUnknown !== true,
    refusal: (c) => ({
      code: 'decision-already-notified',
      params: { notifiedAt: c.decision?.notifiedAt ?? '' },
    }),
    why: 'the decision is already notified (APR Art. 67(8))',
  },
  {
    action: 'remain.requested',
    refuses: (c) => c.remain !== undefined && c.remain.allowed === undefined,
    refusal: (c) => ({
      code: 'remain-request-pending',
      params: { requestedAt: c.remain?.requestedAt ?? '' },
    }),
    why: 'a request to remain is already pending (APR Art. 68(5))',
  },
  {
    action: 'remain.decided',
    refuses: (c) => c.remain === undefined || c.remain.allowed !== undefined,
    refusal: () => ({ code: 'remain-not-requested', params: {} }),
    why: 'no request to remain is pending (APR Art. 68(4))',
  },
];

function payload(action: Action): Record<string, unknown> {
  return action.payload as Record<string, unknown>;
}

const module: GuaranteeModule = {
  name: 'remedies',
  conditions,
  handlers: {
    'decision.notified': notified,
    'appeal.lodged': (c) => ({ extra: { suspensive: suspensiveByLaw(c) } }),
  },
  evolvers: {
    'decision.issued': (s) => {
      // a new decision (first, or after a remittal) is notified anew; what followed the old one is history
      const { appeal: _a, remain: _r, ...rest } = s;
      return { ...rest, flags: withFlag(s.flags, 'appeal-window-unknown', false) };
    },
    'decision.notified': (s, action) => {
      if (!s.decision) return s;
      const p = payload(action);
      const decision = { ...s.decision, notifiedAt: action.at };
      if (typeof p.window !== 'string') return { ...s, decision };
      const appeal: CaseAppeal = {
        window: p.window as CaseAppeal['window'],
        ...(typeof p.windowEndsAt === 'string' ? { windowEndsAt: p.windowEndsAt } : {}),
        ...(p.windowUnknown === true ? { windowUnknown: true } : {}),
      };
      return {
        ...s,
        decision,
        appeal,
        flags: withFlag(s.flags, 'appeal-window-unknown', p.windowUnknown === true),
      };
    },
    'appeal.lodged': (s, action) => {
      const p = payload(action);
      // an appeal lodged before the notification reached the file: the window it would have had
      const base: CaseAppeal = s.appeal ?? {
        window: (s.decision && appealWindow(s, s.decision.type)) || 'window-other',
      };
      return {
        ...s,
        appeal: { ...base, lodgedAt: action.at, suspensive: p.suspensive !== false },
        flags: withFlag(s.flags, 'appeal-window-unknown', false),
      };
    },
    'appeal.decided': (s, action) => {
      const outcome = payload(action).outcome as CaseAppeal['outcome'];
      const appeal: CaseAppeal = {
        ...(s.appeal ?? { window: 'window-other' }),
        decidedAt: action.at,
        outcome,
      };
      // annulled and sent back: the case returns to examination (the next decision is notified anew)
      if (outcome === 'remitted') return { ...s, status: 'lodged', appeal };
      return { ...s, appeal };
    },
    'remain.requested': (s, action) => ({ ...s, remain: { requestedAt: action.at } }),
    'remain.decided': (s, action) => ({
      ...s,
      remain: {
        requestedAt: s.remain?.requestedAt ?? action.at,
        decidedAt: action.at,
        allowed: payload(action).allowed === true,
      },
    }),
  },
  guarantees: [notificationGuarantee, appealWindowGuarantee, remainGuarantee],
};

/** APR Art. 67(8): a negative decision is notified (when, how, in which language). */
function notificationGuarantee(c: CaseState): Guarantee | undefined {
  if (!c.decision) return undefined;
  const article = 'APR Arts 36, 67(8)';
  return c.decision.notifiedAt
    ? { key: 'decision-notified', article, status: 'done', at: c.decision.notifiedAt }
    : { key: 'decision-notified', article, status: 'missing' };
}

/** APR Art. 67(7)–(8): the time to appeal, from the notification. */
function appealWindowGuarantee(
  c: CaseState,
  _now: Date,
  open: readonly OpenObligation[],
): Guarantee | undefined {
  const a = c.appeal;
  if (!a) return undefined;
  const article = a.window === 'window-fast-track' ? 'APR Art. 67(7)(a), 67(8)' : 'APR Art. 67(7)(b), 67(8)';
  if (a.lodgedAt) return { key: 'appeal-window', article, status: 'done', at: a.lodgedAt };
  if (a.windowUnknown)
    return { key: 'appeal-window-unknown', article, status: 'due', params: { state: c.state } };
  const dueAt = open.find((o) => o.kind === 'appeal')?.dueAt ?? a.windowEndsAt;
  return { key: 'appeal-window', article, status: 'due', ...(dueAt ? { dueAt } : {}) };
}

/** APR Art. 68: whether the person may remain, until when, and from when a removal is possible. */
function remainGuarantee(c: CaseState, now: Date): Guarantee | undefined {
  if (!c.decision || POSITIVE.has(c.decision.type) || c.status === 'decided-protection') return undefined;
  const m = mayRemain(c, now.toISOString());
  return {
    key: m.may ? 'may-remain' : 'removal-possible',
    article: m.article,
    status: m.may ? 'due' : 'done',
    ...(m.until ? { dueAt: m.until } : {}),
    params: { reason: m.reason, ...(m.until ? { until: m.until } : {}) },
  };
}

export default module;
