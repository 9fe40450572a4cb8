import type { Action, CaseState } from '../domain/case-state.ts';
import type { RecordEncounter } from '../domain/commands.ts';
import type { Actor } from '../domain/decide.ts';
import { PactError } from '../law/errors.ts';
import { AUDIT_CHAIN_LOCK, type AuditHead, chainRows, encounterHash } from './audit.ts';
import {
  ACTION_COLUMNS,
  AUDIT_COLUMNS,
  CASE_COLUMNS,
  type Columns,
  ENCOUNTER_COLUMNS,
  IDEMPOTENCY_COLUMNS,
  OBLIGATION_COLUMNS,
} from './bulk.ts';
import { actionRow, caseRow, encounterRow } from './case-rows.ts';
import type { BatchOutcome, EncounterResult, Services } from './case-store.ts';
import type { CopySession } from './copy.ts';
import type { Store } from './database.ts';
import { proposeAfterEncounters } from './duplicates.ts';
import { storedAnswer } from './encounter-answer.ts';
import { readBasis, type WriteBasis } from './encounter-basis.ts';
import { decideEncounters } from './encounter-decide.ts';
import { BATCH_FORMAT, batchHashes, IMPORT_BATCH, touchedHours } from './import-audit.ts';
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

/** Each encounter recorded, replayed or rejected against the basis: the API's own decision (encounter-decide.ts). */
function decide(
  items: readonly ImportItem[],
  basis: WriteBasis,
  services: Services,
  now: Date,
  actor: Actor,
): { outcomes: BatchOutcome[]; fresh: Fresh[] } {
  const { outcomes, fresh } = decideEncounters(items, basis, now, actor, services);
  return {
    outcomes,
    fresh: fresh.map((f) => ({
      e: f.e,
      key: f.key,
      requestHash: f.requestHash,
      encounterId: f.encounterId,
      cases: f.decisions.map((d) => ({ state: d.next, actions: d.actions })),
      result: f.result,
    })),
  };
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
  const encounters = fresh.map(({ e, encounterId }) => encounterRow(e, encounterId, actor, at));
  const cases = fresh.flatMap((f) => f.cases);
  const states = cases.map((c) => c.state);
  const actions = cases.flatMap(({ state: c, actions: list }) => {
    const first = c.version - list.length + 1;
    return list.map((a, k) => actionRow(c.id, first + k, a, now));
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
    states.map((c) => caseRow(c, now)),
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
    fresh.map((f) => ({
      key: f.key,
      request_hash: f.requestHash,
      response: storedAnswer(f.result),
      created_at: at,
    })),
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
    format: BATCH_FORMAT,
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
