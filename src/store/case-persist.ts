// Writing decisions on existing cases (CaseStore.persist): version-checked updates of the case rows and their
// closed obligations, then the case log, the new obligations and the audit entries in one statement.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { CaseState, Decision } from '../domain/case-state.ts';
import type { Actor } from '../domain/decide.ts';
import { ENTRY_RULES } from '../domain/entry-rules.ts';
import { auditHead, chainRows, lockAudit } from './audit.ts';
import { ACTION_COLUMNS, AUDIT_COLUMNS, insertMany, OBLIGATION_COLUMNS, resultRows } from './bulk.ts';
import { CASE_STATE, caseState, storedCaseData } from './case-data.ts';
import { logRows } from './case-rows.ts';
import type { Services } from './case-store-types.ts';
import type { Db } from './database.ts';
import { NoFederationError, NotFoundError, VersionConflictError } from './errors.ts';
import { changesPerson, refreshIdentities } from './person-identities.ts';
import { cases, obligations } from './schema.ts';

type Tx = Db;

/** The current state of a case (inside the caller's transaction). */
export async function loadCase(tx: Tx, caseId: string): Promise<CaseState> {
  const [row] = await tx.select(CASE_STATE).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new NotFoundError(`case ${caseId}`);
  return caseState(row);
}

/**
 * Writes decisions on existing cases: version-checked updates, then log, obligations and audit in one
 * statement. Inside the caller's transaction; also used by duplicate decisions (duplicate-decisions.ts).
 */
export async function persistDecisions(
  tx: Tx,
  items: readonly { decision: Decision; expectedVersion: number; actor?: Actor }[],
  now: Date,
  actor: Actor,
  outbox: Services['outbox'],
): Promise<void> {
  const relocating = items.some(({ decision }) => decision.actions.some((a) => a.type === 'case.relocated'));
  // updateTogether is for decisions on different cases: a chain on one case (a document issued and
  // handed over at once, issue 18) is written one decision after the other, each at its own version
  const distinct = new Set(items.map(({ decision }) => decision.next.id)).size === items.length;
  if (items.length > 1 && !relocating && distinct) await updateTogether(tx, items, now);
  else await updateOneByOne(tx, items, now);
  await refreshIdentities(
    tx,
    items.filter(({ decision }) => changesPerson(decision)).map(({ decision }) => decision.next),
    now,
  );
  const { actions, obligations: obligationRows, audit } = logRows(items, now, actor);
  await lockAudit(tx);
  const head = await auditHead(tx);
  await insertMany(tx, [
    { table: 'case_actions', columns: ACTION_COLUMNS, rows: actions },
    { table: 'obligations', columns: OBLIGATION_COLUMNS, rows: obligationRows },
    { table: 'audit_log', columns: AUDIT_COLUMNS, rows: chainRows(head, audit) },
  ]);
  const outgoing = items.flatMap(({ decision }) => decision.outgoing ?? []);
  if (outgoing.length > 0) {
    if (!outbox) throw new NoFederationError(outgoing[0]?.kind ?? '');
    await outbox(tx, outgoing, now);
  }
}

/** The case rows and closed obligations of decisions, a statement or three each (the single-command path). */
async function updateOneByOne(
  tx: Tx,
  items: readonly { decision: Decision; expectedVersion: number }[],
  now: Date,
): Promise<void> {
  for (const { decision, expectedVersion } of items) {
    const c = decision.next;
    const updated = await tx
      .update(cases)
      .set({
        state: c.state,
        status: c.status,
        flags: [...c.flags],
        version: c.version,
        asylumWishAt: c.asylumWishAt ? new Date(c.asylumWishAt) : null,
        procedure: c.procedure ?? null,
        // who the person is may change (identity.recorded): the columns statistics count by follow
        nationality: c.person.nationality ?? null,
        sex: c.person.sex,
        birthYear: c.person.birthYear ?? null,
        minor: c.person.minor,
        data: storedCaseData(c),
        updatedAt: now,
      })
      .where(and(eq(cases.id, c.id), eq(cases.version, expectedVersion)))
      .returning({ id: cases.id });
    if (updated.length === 0) {
      const [actual] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, c.id));
      throw new VersionConflictError(c.id, expectedVersion, actual?.version ?? -1);
    }
    // a case relocated to another state (AMMR Art. 68): its open obligations go with it
    if (decision.actions.some((a) => a.type === 'case.relocated'))
      await tx
        .update(obligations)
        .set({ state: c.state })
        .where(and(eq(obligations.caseId, c.id), eq(obligations.status, 'open')));
    if (decision.close.length > 0) {
      const at = new Date(decision.actions[decision.actions.length - 1]?.at ?? now);
      await tx
        .update(obligations)
        .set({
          status: closedStatus(sql`${obligations.dueAt}`, sql`${at.toISOString()}::timestamptz`, now),
          closedAt: at,
          closedRecordedAt: now,
        })
        .where(
          and(
            eq(obligations.caseId, c.id),
            inArray(obligations.kind, [...decision.close]),
            eq(obligations.status, 'open'),
          ),
        );
    }
  }
}

/**
   * A step of the case that the system records (not a user's command): `build` decides it on the case as


/** The log, obligation and audit rows of decisions. */
/**
 * The case rows and closed obligations of several decisions on different cases in two statements (the bulk
 * path of applyMany): each case updated only at the version its decision was made on (a conflict otherwise),
 * each closed obligation met or missed by closedStatus — as updateOneByOne does.
 */
async function updateTogether(
  tx: Db,
  items: readonly { decision: Decision; expectedVersion: number }[],
  now: Date,
): Promise<void> {
  const rows = items.map(({ decision: { next: c }, expectedVersion }) => ({
    id: c.id,
    expected: expectedVersion,
    state: c.state,
    status: c.status,
    flags: [...c.flags],
    version: c.version,
    asylum_wish_at: c.asylumWishAt ?? null,
    procedure: c.procedure ?? null,
    nationality: c.person.nationality ?? null,
    sex: c.person.sex,
    birth_year: c.person.birthYear ?? null,
    minor: c.person.minor,
    data: storedCaseData(c),
  }));
  const updated = resultRows(
    await tx.execute(sql`update cases c set state = v.state, status = v.status, flags = v.flags, version = v.version,
        asylum_wish_at = v.asylum_wish_at, procedure = v.procedure, nationality = v.nationality, sex = v.sex,
        birth_year = v.birth_year, minor = v.minor, data = v.data, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, expected integer, state char(2), status text,
        flags text[], version integer, asylum_wish_at timestamptz, procedure text, nationality char(2), sex text,
        birth_year integer, minor boolean, data jsonb)
      where c.id = v.id and c.version = v.expected
      returning c.id`),
  );
  if (updated.length !== rows.length) {
    const done = new Set(updated.map((r) => String(r.id)));
    const missed = items.find(({ decision }) => !done.has(decision.next.id));
    const [actual] = missed
      ? await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, missed.decision.next.id))
      : [];
    throw new VersionConflictError(
      missed?.decision.next.id ?? '',
      missed?.expectedVersion ?? -1,
      actual?.version ?? -1,
    );
  }
  const closes = items
    .filter(({ decision }) => decision.close.length > 0)
    .map(({ decision }) => ({
      case_id: decision.next.id,
      kinds: [...decision.close],
      at: decision.actions[decision.actions.length - 1]?.at ?? now.toISOString(),
    }));
  if (closes.length > 0)
    await tx.execute(sql`update obligations o
        set status = ${closedStatus(sql`o.due_at`, sql`v.at`, now)}, closed_at = v.at,
          closed_recorded_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(closes)}::jsonb) as v(case_id uuid, kinds text[], at timestamptz)
      where o.case_id = v.case_id and o.kind = any(v.kinds) and o.status = 'open'`);
}

/**
 * The status of an obligation closed by an action stated at `at` and recorded at `now` (entry-rules.ts): met
 * only if stated before the due time, recorded no later than the tolerance after it, and its passing not
 * recorded (`missed_recorded_at`) — a deadline recorded as missed never turns into met. Used by both update
 * paths (apply and applyMany write the same: test/store/apply-many.test.ts).
 */
function closedStatus(dueAt: SQL, at: SQL, now: Date): SQL {
  return sql`case when ${dueAt} > ${at}
      and ${now.toISOString()}::timestamptz <= ${dueAt} + interval '${sql.raw(String(ENTRY_RULES.lateEntryToleranceMinutes))} minutes'
      and missed_recorded_at is null
    then 'met' else 'missed' end`;
}
