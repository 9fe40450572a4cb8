// The rows a decision writes (case, case-log, obligation) and the audit entries that vouch for them.
import type { Action, CaseState, Decision } from '../domain/case-state.ts';
import type { RecordEncounter } from '../domain/commands.ts';
import type { Actor } from '../domain/decide.ts';
import { actionSalt, keptSha256, payloadSha256 } from './action-hash.ts';
import { type AuditEntry, encounterHash } from './audit.ts';
import { type ActionToAudit, actionsData, commandAudit } from './audit-actions.ts';
import { storedCaseData } from './case-data.ts';

/**
 * The audit entry of an encounter (every encounter, also one with no identified person). issue 21: it also
 * vouches for the first case-log rows of its cases (format 2, audit-actions.ts): one entry per encounter.
 */
export function encounterAudit(
  e: Record<string, unknown>,
  now: Date,
  actor: Actor,
  confirmed: readonly { caseId: string; otherCaseId: string }[] = [],
  actions: readonly ActionToAudit[] = [],
): AuditEntry {
  return {
    at: now,
    actor: actor.actor,
    action: 'encounter.stored',
    subject: e.id as string,
    data: {
      state: e.state,
      ref: e.ref,
      rowSha256: encounterHash(e),
      // issue 19: the new case of each person the guard confirmed as the person of an open case (sameAsCase)
      ...(confirmed.length > 0
        ? { sameAsCase: confirmed.map((c) => ({ caseId: c.caseId, sameAsCase: c.otherCaseId })) }
        : {}),
      ...(actions.length > 0 ? actionsData(actions) : {}),
    },
  };
}

/** The log, obligation and audit rows of decisions. */
export function logRows(items: readonly { decision: Decision; actor?: Actor }[], now: Date, actor: Actor) {
  const actors: string[] = [];
  const actions = items.flatMap((item) => {
    const { decision } = item;
    const first = decision.next.version - decision.actions.length + 1;
    for (const _ of decision.actions) actors.push((item.actor ?? actor).actor);
    return decision.actions.map((a, k) => actionRow(decision.next.id, first + k, a, now));
  });
  const obligationRows = items.flatMap(({ decision }) =>
    decision.open.map((o) => ({
      case_id: decision.next.id,
      state: decision.next.state,
      kind: o.kind,
      due_at: o.dueAt,
      article: o.article,
      status: 'open',
      opened_at: now.toISOString(),
    })),
  );
  const audited: ActionToAudit[] = actions.map((r) => ({
    caseId: r.case_id as string,
    seq: r.seq as number,
    type: r.type as string,
    at: r.at as string,
    state: r.state as string,
    salt: r.salt as string,
    payload: r.payload,
  }));
  // issue 21: one audit entry per command (format 2), by the actor of each (applyMany writes several actors')
  const byActor = new Map<string, ActionToAudit[]>();
  audited.forEach((r, i) => {
    const who = actors[i] ?? actor.actor;
    byActor.set(who, [...(byActor.get(who) ?? []), r]);
  });
  const audit = [...byActor].flatMap(([who, rows]) => commandAudit(rows, who, now));
  return { actions, obligations: obligationRows, audit, audited };
}

/**
 * Format 1 (before issue 21; still accepted by every reader, audit-actions.ts): the audit entry of one case-log row, which verifyRecords (audit.ts) checks the row against: the payload
 * salted with its row's salt, and what the retention sweep keeps of it (action-hash.ts). Also used for the
 * history of a case that arrives from another installation (federation-relocation.ts receiveCase).
 */
export function actionAudit(
  r: {
    caseId: string;
    seq: number;
    type: string;
    at: string;
    state: string;
    salt: string;
    payload: unknown;
  },
  actor: string,
  now: Date,
): AuditEntry {
  return {
    at: now,
    actor,
    action: r.type,
    subject: r.caseId,
    data: {
      seq: r.seq,
      at: r.at,
      state: r.state,
      payloadSha256: payloadSha256(r.salt, r.payload),
      keptSha256: keptSha256(r.payload),
    },
  };
}

export function caseRow(c: CaseState, now: Date): Record<string, unknown> {
  return {
    id: c.id,
    state: c.state,
    encounter_id: c.encounterId,
    status: c.status,
    flags: c.flags,
    version: c.version,
    nationality: c.person.nationality ?? null,
    sex: c.person.sex,
    birth_year: c.person.birthYear ?? null,
    minor: c.person.minor,
    unaccompanied: c.person.unaccompanied,
    vulnerabilities: c.person.vulnerabilities,
    asylum_wish_at: c.asylumWishAt ?? null,
    procedure: c.procedure ?? null,
    crisis_id: c.crisis?.id ?? null,
    data: storedCaseData(c),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

export function actionRow(caseId: string, seq: number, a: Action, now: Date) {
  return {
    case_id: caseId,
    seq,
    type: a.type,
    at: a.at,
    actor: a.actor,
    role: a.role,
    state: a.state,
    legal_basis: a.legalBasis,
    payload: a.payload,
    recorded_at: now.toISOString(),
    salt: actionSalt(),
  };
}

/** A new encounter's row (the API's group commit and the bulk import write the same). */
export function encounterRow(e: RecordEncounter, encounterId: string, actor: Actor, at: string) {
  return {
    id: encounterId,
    state: e.state,
    ref: e.ref,
    place_id: e.placeId ?? null,
    occurred_at: e.occurredAt,
    kind: e.kind,
    group_size: e.groupSize,
    unidentified: e.groupSize - e.persons.length,
    force_used: e.force?.used ?? false,
    force_kind: e.force?.kind ?? null,
    force_kind_other: e.force?.kindOther ?? null,
    force_reason: e.force?.reason ?? null,
    recorded_by: actor.actor,
    created_at: at,
  };
}
