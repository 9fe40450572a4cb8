// issue 21 (copy): the bulk path of `pact import encounters`. One batch of encounters is one transaction on one
// connection (copy.ts) holding the audit chain's lock: the basis is read (keys and references already used,
// places, crises: encounter-basis.ts), each encounter is decided by the domain exactly as the single path does
// (startCase: the same cases, first actions, obligations and deadlines), and the rows go in by COPY straight into
// their tables — encounters, cases, case_actions, obligations, person_identities, person_documents,
// idempotency_keys, import_encounters — with ONE audit entry for the batch (import-audit.ts). The likely
// duplicates of the persons are proposed after the commit, set-wise for the batch, as recordEncounters does.
import stringify from 'safe-stable-stringify';
import type { Action, CaseState } from '../domain/case-state.ts';
import type { RecordEncounter } from '../domain/commands.ts';
import { type Actor, startCase } from '../domain/decide.ts';
import { ENTRY_RULES } from '../domain/entry-rules.ts';
import { CommandRejectedError } from '../domain/errors.ts';
import { PactError } from '../law/errors.ts';
import { actionSalt } from './action-hash.ts';
import { AUDIT_CHAIN_LOCK, type AuditHead, chainRows, encounterHash, sha256 } from './audit.ts';
import {
  ACTION_COLUMNS,
  AUDIT_COLUMNS,
  CASE_COLUMNS,
  type Columns,
  ENCOUNTER_COLUMNS,
  IDEMPOTENCY_COLUMNS,
  OBLIGATION_COLUMNS,
} from './bulk.ts';
import type { BatchOutcome, EncounterResult, Services } from './case-store.ts';
import type { CopySession } from './copy.ts';
import { covering } from './crises.ts';
import type { Store } from './database.ts';
import { proposeAfterEncounters } from './duplicates.ts';
import { readBasis, type WriteBasis } from './encounter-basis.ts';
import { checkPlaceOpen } from './encounter-conflicts.ts';
import { DuplicateReferenceError, IdempotencyKeyReusedError, UnknownPlaceError } from './errors.ts';
import { batchHashes, IMPORT_BATCH, touchedHours } from './import-audit.ts';
import { comparable, newIdentityParts } from './person-identities.ts';

export interface ImportItem {
  readonly command: RecordEncounter;
  /** `import:STATE:REF` */
  readonly key: string;
}

const IMPORT_ENCOUNTER_COLUMNS: Columns = { encounter_id: 'uuid', batch: 'uuid' };

interface Fresh {
  readonly e: RecordEncounter;
  readonly key: string;
  readonly requestHash: string;
  readonly encounterId: string;
  readonly cases: readonly { state: CaseState; actions: readonly Action[] }[];
  readonly result: EncounterResult;
}

/** Records one batch of encounters (one transaction); an outcome per item, as recordEncounters gives. */
export async function importBatch(
  store: Store,
  services: Services,
  items: readonly ImportItem[],
  actor: Actor,
): Promise<BatchOutcome[]> {
  const sessions = store.copySessions;
  if (!sessions) throw new PactError('database-unavailable', 'this database has no COPY session');
  const now = services.clock();
  const decided = await sessions(async (s) => {
    await s.query(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const basis = await readBasis(s.db, items);
    const d = decide(items, basis, services, now, actor);
    if (d.fresh.length > 0) await write(s, d.fresh, basis.head, now, actor, services.uuid());
    return d;
  });
  if (decided.fresh.some((f) => f.cases.some((c) => comparable(c.state, now))))
    await proposeAfterEncounters(store.db, decided.outcomes, now);
  return decided.outcomes;
}

/** Each encounter recorded, replayed or rejected against the basis — the checks of recordEncounters. */
function decide(
  items: readonly ImportItem[],
  basis: WriteBasis,
  services: Services,
  now: Date,
  actor: Actor,
): { outcomes: BatchOutcome[]; fresh: Fresh[] } {
  const ctx = {
    ...actor,
    law: services.law,
    now,
    crisisAt: (state: string, at: string, section?: string) => covering(basis.crises, state, at, section),
  };
  const outcomes: BatchOutcome[] = [];
  const fresh: Fresh[] = [];
  const refs = new Set<string>();
  const keys = new Set<string>();
  items.forEach(({ command: e, key }, index) => {
    const requestHash = sha256(stringify({ kind: 'record-encounter', e }) ?? '');
    try {
      const first = basis.existing.get(key);
      if (first) {
        if (first.hash !== requestHash) throw new IdempotencyKeyReusedError(key);
        outcomes[index] = { status: 'replayed', result: first.response };
        return;
      }
      if (Date.parse(e.occurredAt) > now.getTime() + ENTRY_RULES.futureToleranceMinutes * 60_000)
        throw new CommandRejectedError('occurredAt', { code: 'in-future', params: {} }, 'is in the future');
      if (e.placeId && !basis.places.has(e.placeId)) throw new UnknownPlaceError(e.placeId);
      checkPlaceOpen(e, basis.closedPlaces);
      const ref = `${e.state}:${e.ref}`;
      if (basis.taken.has(ref) || refs.has(ref)) throw new DuplicateReferenceError(e.state, e.ref);
      if (keys.has(key)) throw new IdempotencyKeyReusedError(key);
      refs.add(ref);
      keys.add(key);
      const encounterId = services.uuid();
      const crisis = covering(basis.crises, e.state, e.occurredAt, e.borderSection);
      const persons = e.persons.map(({ sameAsCase: _, ...person }) => person);
      const encounter = { ...e, persons };
      const decisions = persons.map((person) =>
        startCase(ctx, {
          caseId: services.uuid(),
          encounterId,
          encounter,
          person,
          ...(crisis ? { crisis } : {}),
        }),
      );
      const result: EncounterResult = {
        encounterId,
        caseIds: decisions.map((d) => d.next.id),
        unidentified: e.groupSize - e.persons.length,
        obligations: decisions.flatMap((d) => d.open.map((o) => ({ ...o, caseId: d.next.id }))),
        receivedAt: now.toISOString(),
      };
      const cases = decisions.map((d) => ({ state: d.next, actions: d.actions }));
      fresh.push({ e, key, requestHash, encounterId, cases, result });
      outcomes[index] = { status: 'recorded', result };
    } catch (err) {
      if (!(err instanceof PactError)) throw err;
      outcomes[index] = { status: 'rejected', error: err };
    }
  });
  return { outcomes, fresh };
}

/** The rows of the batch by COPY, in foreign-key order, and its one audit entry. */
async function write(
  s: CopySession,
  fresh: readonly Fresh[],
  head: AuditHead,
  now: Date,
  actor: Actor,
  batch: string,
): Promise<void> {
  const at = now.toISOString();
  const encounters = fresh.map(({ e, encounterId }) => ({
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
  }));
  const cases = fresh.flatMap((f) => f.cases);
  const states = cases.map((c) => c.state);
  const actions = cases.flatMap(({ state: c, actions: list }) => {
    const first = c.version - list.length + 1;
    return list.map((a, k) => ({
      case_id: c.id,
      seq: first + k,
      type: a.type,
      at: a.at,
      actor: a.actor,
      role: a.role,
      state: a.state,
      legal_basis: a.legalBasis,
      payload: a.payload,
      recorded_at: at,
      salt: actionSalt(),
    }));
  });
  const obligations = fresh.flatMap((f) =>
    f.result.obligations.map((o) => ({
      case_id: o.caseId,
      state: f.e.state,
      kind: o.kind,
      due_at: o.dueAt,
      article: o.article,
      status: 'open',
      opened_at: at,
    })),
  );
  await s.copyRows('encounters', ENCOUNTER_COLUMNS, encounters);
  await s.copyRows(
    'cases',
    CASE_COLUMNS,
    states.map((c) => caseRow(c, at)),
  );
  await s.copyRows('case_actions', ACTION_COLUMNS, actions);
  await s.copyRows('obligations', OBLIGATION_COLUMNS, obligations);
  for (const part of newIdentityParts(states, now)) await s.copyRows(part.table, part.columns, part.rows);
  await s.copyRows(
    'import_encounters',
    IMPORT_ENCOUNTER_COLUMNS,
    encounters.map((e) => ({ encounter_id: e.id, batch })),
  );
  await s.copyRows(
    'idempotency_keys',
    IDEMPOTENCY_COLUMNS,
    fresh.map((f) => ({ key: f.key, request_hash: f.requestHash, response: f.result, created_at: at })),
  );
  const caseState = new Map(states.map((c) => [c.id, c]));
  const touched = touchedHours(
    (function* () {
      for (const e of encounters) yield [e.state, e.occurred_at] as const;
      for (const a of actions) {
        const c = caseState.get(a.case_id);
        for (const st of new Set([a.state, c?.state ?? a.state]))
          for (const t of [a.at, c?.asylumWishAt]) yield [st, t] as const;
      }
    })(),
  );
  const hashes = batchHashes(
    encounters.map((e) => ({ id: e.id, rowSha256: encounterHash(e) })),
    actions,
  );
  const data = {
    encounters: encounters.length,
    persons: states.length,
    actions: actions.length,
    ...hashes,
    touched,
  };
  await s.copyRows(
    'audit_log',
    AUDIT_COLUMNS,
    chainRows(head, [{ at: now, actor: actor.actor, action: IMPORT_BATCH, subject: batch, data }]),
  );
}

/** A new case's row, as the single path writes it (case-store.ts caseRow). */
function caseRow(c: CaseState, at: string): Record<string, unknown> {
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
    data: c,
    created_at: at,
    updated_at: at,
  };
}
