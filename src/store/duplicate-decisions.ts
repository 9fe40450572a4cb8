// The review of likely duplicates (issue #16): the queue of pairs with both persons side by side, and an
// officer's decision — "same person" links the files (cases.main_case_id of the other file set to the main
// one; a `case.linked` action in both logs, so both timelines say it; nothing is deleted), "different" is not
// proposed again — and the undo of either. Each decision and undo is one transaction, in the audit chain.
import { sql } from 'drizzle-orm';
import type { Action, CaseState, Decision } from '../domain/case-state.ts';
import { evolve } from '../domain/evolve.ts';
import { LEGAL_BASIS } from '../domain/legal-basis.ts';
import type { ActionType } from '../domain/statuses.ts';
import { PactError } from '../law/errors.ts';
import { appendAudit } from './audit.ts';
import { resultRows } from './bulk.ts';
import { CASE_STATE_SQL, type CaseStateRow, caseState } from './case-data.ts';
import type { CaseStore } from './case-store.ts';
import { retryStaleWrites } from './chain-retry.ts';
import type { Db } from './database.ts';
import { NotFoundError } from './errors.ts';

/** A refusal of a duplicate decision (a 409 with a stable code and params: docs/errors.md). */
export class DuplicateDecisionError extends PactError {
  constructor(code: string, message: string, params: Record<string, string> = {}) {
    super(code, message, params);
  }
}

export interface PersonSide {
  readonly caseId: string;
  readonly status: string;
  readonly familyName: string | null;
  readonly givenNames: string | null;
  readonly aliases: readonly string[];
  readonly birthFrom: string | null;
  readonly birthTo: string | null;
  readonly birthPrecision: string | null;
  readonly sex: string | null;
  readonly nationality: string | null;
  readonly eurodacRef: string | null;
  readonly documents: readonly string[];
  readonly occurredAt: string;
  readonly mainCaseId: string | null;
}

export interface PairView {
  readonly caseId: string;
  readonly otherCaseId: string;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly status: string;
  readonly mainCaseId: string | null;
  readonly foundAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly person: PersonSide;
  readonly other: PersonSide;
}

const SIDE = (alias: string) => `json_build_object(
    'caseId', ${alias}.id, 'status', ${alias}.status, 'familyName', ${alias}i.family_name, 'givenNames', ${alias}i.given_names,
    'aliases', ${alias}i.aliases, 'birthFrom', ${alias}i.birth_from, 'birthTo', ${alias}i.birth_to,
    'birthPrecision', ${alias}i.birth_precision, 'sex', ${alias}i.sex, 'nationality', ${alias}i.nationality,
    'eurodacRef', ${alias}i.eurodac_ref, 'occurredAt', ${alias}.data->>'occurredAt', 'mainCaseId', ${alias}.main_case_id,
    'documents', coalesce((select json_agg(d.number order by d.seq) from person_documents d where d.case_id = ${alias}.id), '[]'))`;

/** The pairs of a state by status (open: the review queue), best score first; or the one pair asked for. */
export async function listPairs(
  db: Db,
  state: string,
  f: { status?: string; pair?: readonly [string, string]; limit?: number } = {},
): Promise<PairView[]> {
  const rows = resultRows(
    await db.execute(sql`select c.case_id, c.other_case_id, c.score, c.reasons, c.status, c.main_case_id,
        c.found_at, c.decided_by, c.decided_at,
        ${sql.raw(SIDE('a'))} as person, ${sql.raw(SIDE('b'))} as other
      from duplicate_candidates c
        join cases a on a.id = c.case_id join person_identities ai on ai.case_id = c.case_id
        join cases b on b.id = c.other_case_id join person_identities bi on bi.case_id = c.other_case_id
      where c.state = ${state} and a.state = ${state} and b.state = ${state}
        ${f.status ? sql`and c.status = ${f.status}` : sql``}
        ${f.pair ? sql`and c.case_id = ${f.pair[0]}::uuid and c.other_case_id = ${f.pair[1]}::uuid` : sql``}
      order by c.score desc, c.found_at, c.case_id
      limit ${f.limit ?? 100}`),
  );
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return rows.map((r) => ({
    caseId: String(r.case_id),
    otherCaseId: String(r.other_case_id),
    score: Number(r.score),
    reasons: (r.reasons ?? []) as string[],
    status: String(r.status),
    mainCaseId: (r.main_case_id as string | null) ?? null,
    foundAt: iso(r.found_at) ?? '',
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: iso(r.decided_at),
    person: side(r.person),
    other: side(r.other),
  }));
}

function side(v: unknown): PersonSide {
  const o = (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
  const date = (d: unknown) => (d ? String(d).slice(0, 10) : null);
  return {
    ...(o as unknown as PersonSide),
    birthFrom: date(o.birthFrom),
    birthTo: date(o.birthTo),
    nationality: o.nationality ? String(o.nationality).trim() : null,
  };
}

export interface Decider {
  readonly actor: string;
  readonly role: string;
}

/** The pair as stored (either way round), locked for the decision. */
async function lockPair(tx: Db, state: string, a: string, b: string) {
  const [row] = resultRows(
    await tx.execute(sql`select case_id, other_case_id, status, main_case_id, reasons from duplicate_candidates
      where state = ${state} and ((case_id = ${a}::uuid and other_case_id = ${b}::uuid)
        or (case_id = ${b}::uuid and other_case_id = ${a}::uuid))
        -- both files still of the state: a file relocated since (AMMR Art. 68) is another state's to write
        and (select count(*) from cases c where c.id in (${a}::uuid, ${b}::uuid) and c.state = ${state}) = 2
      for update`),
  );
  if (!row) throw new NotFoundError(`pair of files ${a} and ${b}`);
  return {
    caseId: String(row.case_id),
    otherCaseId: String(row.other_case_id),
    status: String(row.status),
    mainCaseId: (row.main_case_id as string | null) ?? null,
    reasons: (row.reasons ?? []) as string[],
  };
}

async function loadCases(tx: Db, ids: readonly string[]): Promise<Map<string, CaseState>> {
  const rows = resultRows(
    await tx.execute(
      sql`select ${CASE_STATE_SQL()} from cases where id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}) for update`,
    ),
  );
  return new Map(rows.map((r) => [String(r.id), caseState(r as unknown as CaseStateRow)]));
}

/** A link action (linked or unlinked) on one file of the pair. */
function linkDecision(
  c: CaseState,
  type: 'case.linked' | 'case.unlinked',
  by: Decider,
  now: Date,
  payload: Record<string, unknown>,
): Decision {
  const last = c.lastActionAt ?? c.occurredAt;
  const action: Action = {
    type: type satisfies ActionType,
    // the log's times never go backwards (entry-rules.ts)
    at: Date.parse(last) > now.getTime() ? new Date(last).toISOString() : now.toISOString(),
    actor: by.actor,
    role: by.role,
    state: c.state,
    legalBasis: LEGAL_BASIS[type],
    payload,
  };
  return { actions: [action], next: evolve(c, action), open: [], close: [] };
}

/**
 * "Same person": the other file is linked under `mainCaseId` (one of the pair). Both logs get `case.linked`,
 * the pair becomes `same`. A file that is itself the main file of others cannot be linked under another.
 */
export async function decideSame(
  store: CaseStore,
  state: string,
  pair: readonly [string, string],
  mainCaseId: string,
  by: Decider,
): Promise<void> {
  const now = store.services.clock();
  await retryStaleWrites(() =>
    store.store.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const p = await lockPair(tx, state, pair[0], pair[1]);
      if (p.status !== 'open')
        throw new DuplicateDecisionError('duplicate-not-open', `the pair is ${p.status}`, {
          status: p.status,
        });
      if (mainCaseId !== p.caseId && mainCaseId !== p.otherCaseId)
        throw new DuplicateDecisionError(
          'duplicate-main-not-in-pair',
          'the main file is neither of the pair',
        );
      const linked = mainCaseId === p.caseId ? p.otherCaseId : p.caseId;
      const [dependants] = resultRows(
        await tx.execute(sql`select count(*)::int as n from cases where main_case_id = ${linked}::uuid`),
      );
      if (Number(dependants?.n ?? 0) > 0)
        throw new DuplicateDecisionError(
          'duplicate-has-linked-files',
          'this file is the main file of other files: choose it as the main file',
          { caseId: linked },
        );
      const files = await loadCases(tx, [mainCaseId, linked]);
      const main = files.get(mainCaseId);
      const other = files.get(linked);
      if (!main || !other) throw new NotFoundError('case');
      const payload = { mainCaseId, linkedCaseId: linked, reasons: p.reasons };
      await store.persist(
        tx,
        [main, other].map((c) => ({
          decision: linkDecision(c, 'case.linked', by, now, payload),
          expectedVersion: c.version,
        })),
        now,
        by,
      );
      await tx.execute(sql`update cases set main_case_id = ${mainCaseId}::uuid where id = ${linked}::uuid`);
      await tx.execute(sql`update duplicate_candidates set status = 'same', main_case_id = ${mainCaseId}::uuid,
          decided_by = ${by.actor}, decided_at = ${now.toISOString()}::timestamptz
        where case_id = ${p.caseId}::uuid and other_case_id = ${p.otherCaseId}::uuid`);
    }),
  );
}

/** "Different persons": the pair is closed and never proposed again (the audit says who decided). */
export async function decideDifferent(
  store: CaseStore,
  state: string,
  pair: readonly [string, string],
  by: Decider,
): Promise<void> {
  const now = store.services.clock();
  await retryStaleWrites(() =>
    store.store.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const p = await lockPair(tx, state, pair[0], pair[1]);
      if (p.status !== 'open')
        throw new DuplicateDecisionError('duplicate-not-open', `the pair is ${p.status}`, {
          status: p.status,
        });
      await tx.execute(sql`update duplicate_candidates set status = 'different', decided_by = ${by.actor},
          decided_at = ${now.toISOString()}::timestamptz
        where case_id = ${p.caseId}::uuid and other_case_id = ${p.otherCaseId}::uuid`);
      await appendAudit(tx, [
        {
          at: now,
          actor: by.actor,
          action: 'duplicates.decided-different',
          subject: p.caseId,
          data: { otherCaseId: p.otherCaseId, role: by.role, state },
        },
      ]);
    }),
  );
}

/**
 * Undoes a decision: a link is removed (`case.unlinked` in both logs, main_case_id cleared), a "different"
 * reopened; the pair is open for review again.
 */
export async function undoDecision(
  store: CaseStore,
  state: string,
  pair: readonly [string, string],
  by: Decider,
): Promise<void> {
  const now = store.services.clock();
  await retryStaleWrites(() =>
    store.store.db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      const p = await lockPair(tx, state, pair[0], pair[1]);
      if (p.status === 'same' && p.mainCaseId) {
        const linked = p.mainCaseId === p.caseId ? p.otherCaseId : p.caseId;
        const files = await loadCases(tx, [p.mainCaseId, linked]);
        const payload = { mainCaseId: p.mainCaseId, linkedCaseId: linked };
        await store.persist(
          tx,
          [...files.values()].map((c) => ({
            decision: linkDecision(c, 'case.unlinked', by, now, payload),
            expectedVersion: c.version,
          })),
          now,
          by,
        );
        await tx.execute(sql`update cases set main_case_id = null
          where id = ${linked}::uuid and main_case_id = ${p.mainCaseId}::uuid`);
      } else if (p.status === 'different') {
        await appendAudit(tx, [
          {
            at: now,
            actor: by.actor,
            action: 'duplicates.undone',
            subject: p.caseId,
            data: { otherCaseId: p.otherCaseId, undid: 'different', role: by.role, state },
          },
        ]);
      } else throw new DuplicateDecisionError('duplicate-not-decided', 'the pair has no decision to undo');
      await tx.execute(sql`update duplicate_candidates set status = 'open', main_case_id = null, decided_by = null,
          decided_at = null where case_id = ${p.caseId}::uuid and other_case_id = ${p.otherCaseId}::uuid`);
    }),
  );
}

export interface CaseLinks {
  readonly assignedTo: string | null;
  /** the main file this file is linked under */
  readonly mainCaseId: string | null;
  /** the files linked under this one */
  readonly linkedCaseIds: readonly string[];
}

/** A case's assignee and links (one statement); undefined if the case is not of `state`. */
export async function caseLinks(db: Db, caseId: string, state: string): Promise<CaseLinks | undefined> {
  const [row] = resultRows(
    await db.execute(sql`select c.assigned_to, c.main_case_id,
        coalesce((select json_agg(l.id order by l.created_at) from cases l where l.main_case_id = c.id and l.state = c.state), '[]') as linked
      from cases c where c.id = ${caseId}::uuid and c.state = ${state}`),
  );
  if (!row) return undefined;
  const linked = typeof row.linked === 'string' ? JSON.parse(row.linked) : row.linked;
  return {
    assignedTo: (row.assigned_to as string | null) ?? null,
    mainCaseId: (row.main_case_id as string | null) ?? null,
    linkedCaseIds: (linked ?? []) as string[],
  };
}
