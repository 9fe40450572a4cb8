// Corrections of recorded facts (src/domain/amend.ts), written as any case action: one transaction, idempotent,
// at the version the user read; the log, the obligations and the audit chain extended, never edited. What the
// case's row keeps of its person is updated with it; the obligations a correction ends are marked `cancelled`
// (not met, not missed) and those it moves are cancelled and opened again at their new due time. An encounter's
// correction rewrites its row and extends the audit with the row's new hash (`encounter.corrected`): the latest
// such entry vouches for the row, and names the hash before it and the `encounter.amended` case action it comes
// from (verifyRecords, src/store/audit.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Amendment, amendAction, amendPermissions, amendPerson } from '../domain/amend.ts';
import {
  amendEncounterCase,
  checkEncounterAmendment,
  type EncounterFacts,
} from '../domain/amend-encounter.ts';
import type { CaseState, Decision, ObligationKind } from '../domain/case-state.ts';
import type { Person } from '../domain/commands.ts';
import type { Actor } from '../domain/decide.ts';
import type { Permission } from '../domain/roles.ts';
import { AMENDMENT_ACTIONS } from '../domain/statuses.ts';
import { appendAudit, encounterHash } from './audit.ts';
import { resultRows } from './bulk.ts';
import { CASE_STATE, caseState } from './case-data.ts';
import type { CaseStore, CaseWriter, Replayable } from './case-store.ts';
import type { Db } from './database.ts';
import { NotFoundError, UnknownPlaceError, VersionConflictError } from './errors.ts';
import { isPlace } from './places.ts';
import { cases, encounters, obligations } from './schema.ts';

export interface AmendResult {
  readonly caseId: string;
  readonly version: number;
  readonly status: string;
  readonly flags: readonly string[];
  /** every case the correction was recorded in (an encounter's: all its cases) */
  readonly caseIds: readonly string[];
  readonly opened: readonly { kind: string; dueAt: string; article: string }[];
  readonly cancelled: readonly string[];
  readonly notes?: readonly string[];
}

/**
 * Corrects a fact of a case. `authorize` gets the permissions the correction needs (an action's depend on the
 * action corrected: src/domain/amend.ts amendPermissions) and throws when the user lacks one.
 */
export async function amendCase(
  store: CaseStore,
  caseId: string,
  expectedVersion: number,
  amendment: Amendment,
  actor: Actor,
  idempotencyKey: string,
  authorize: (needed: readonly Permission[]) => void,
): Promise<Replayable<AmendResult>> {
  return store.transact(
    idempotencyKey,
    { kind: 'amendment', caseId, expectedVersion, amendment },
    async (tx, w) => {
      const now = store.services.clock();
      const current = await w.load(caseId);
      // the permission first (an action's depends on the action), then the version the user read
      const items = await decideAmendment(tx, w, current, amendment, actor, now, authorize, expectedVersion);
      await cancelObligations(tx, items, now);
      await w.persist(items, now, actor);
      if (amendment.kind === 'person') await updatePersonColumns(tx, items);
      const own = items.find((i) => i.decision.next.id === caseId)?.decision as Decision;
      return {
        caseId,
        version: own.next.version,
        status: own.next.status,
        flags: own.next.flags,
        caseIds: items.map((i) => i.decision.next.id),
        opened: own.open,
        cancelled: cancelsOf(own),
        ...(own.notes ? { notes: own.notes } : {}),
      };
    },
  );
}

type Item = { decision: Decision; expectedVersion: number };

async function decideAmendment(
  tx: Db,
  w: CaseWriter,
  current: CaseState,
  a: Amendment,
  actor: Actor,
  now: Date,
  authorize: (needed: readonly Permission[]) => void,
  expectedVersion: number,
): Promise<Item[]> {
  const ctx = w.context(actor, now);
  const checkVersion = () => {
    if (current.version !== expectedVersion)
      throw new VersionConflictError(current.id, expectedVersion, current.version);
  };
  if (a.kind === 'person') {
    authorize(amendPermissions(a));
    checkVersion();
    const known = await obligationsOf(tx, [current.id]);
    const decision = amendPerson(current, a, { ...ctx, ...(known.get(current.id) ?? EMPTY) });
    return [{ decision, expectedVersion: current.version }];
  }
  if (a.kind === 'action') {
    const rows = resultRows(
      await tx.execute(
        sql`select seq, type, payload from case_actions where case_id = ${current.id} and seq = ${a.seq}`,
      ),
    );
    const target = rows[0]
      ? {
          seq: Number(rows[0].seq),
          type: String(rows[0].type),
          payload: rows[0].payload as Record<string, unknown>,
        }
      : undefined;
    authorize(amendPermissions(a, target?.type));
    checkVersion();
    return [{ decision: amendAction(current, target, a, ctx), expectedVersion: current.version }];
  }
  authorize(amendPermissions(a));
  checkVersion();
  // the encounter: every case of it, in one order (the same locks in the same order for concurrent corrections)
  const [row] = await tx
    .select()
    .from(encounters)
    .where(eq(encounters.id, current.encounterId))
    .for('update');
  // an encounter is a fact of the state that recorded it: a case relocated since (AMMR Art. 68) cannot correct
  // it from its new state, and a correction writes only into the cases still of that state
  if (!row || row.state !== current.state) throw new NotFoundError(`encounter ${current.encounterId}`);
  const siblings = await tx
    .select(CASE_STATE)
    .from(cases)
    .where(and(eq(cases.encounterId, current.encounterId), eq(cases.state, row.state)))
    .orderBy(cases.id);
  const ids = siblings.map((s) => s.id);
  const [earliest] = resultRows(
    await tx.execute(
      sql`select min(at) as at from case_actions where case_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and seq > 1 and not (type = any(${sql.raw(`array[${AMENDMENT_ACTIONS.map((t) => `'${t}'`).join(',')}]`)}))`,
    ),
  );
  const earliestAt = earliest?.at ? new Date(earliest.at as string).toISOString() : undefined;
  const facts: EncounterFacts = {
    occurredAt: row.occurredAt.toISOString(),
    placeId: row.placeId,
    groupSize: row.groupSize,
    persons: row.groupSize - row.unidentified,
    force: row.forceUsed
      ? {
          used: true,
          ...(row.forceKind ? { kind: row.forceKind as never } : {}),
          ...(row.forceKindOther ? { kindOther: row.forceKindOther } : {}),
          ...(row.forceReason ? { reason: row.forceReason } : {}),
        }
      : row.forceKind || row.forceReason
        ? { used: false }
        : null,
    ...(earliestAt ? { earliestActionAt: earliestAt } : {}),
  };
  const change = checkEncounterAmendment(facts, current, a, now);
  if (a.field === 'placeId' && change.new !== null && !(await isPlace(tx, String(change.new), current.state)))
    throw new UnknownPlaceError(String(change.new));
  const known = await obligationsOf(tx, ids);
  const items = siblings.map((s) => {
    const c = caseState(s);
    return {
      decision: amendEncounterCase(c, a, change, { ...ctx, ...(known.get(c.id) ?? EMPTY) }),
      expectedVersion: c.version,
    };
  });
  // the correction's own case action, which its audit entry names (the seq it will be persisted at)
  const own = items.find((i) => i.decision.next.id === current.id)?.decision as Decision;
  const k = own.actions.findIndex((x) => x.type === 'encounter.amended');
  const amended = { caseId: current.id, seq: own.next.version - own.actions.length + 1 + k };
  await rewriteEncounter(tx, row.id, a.field, change.new, now, actor, amended);
  return items;
}

const EMPTY = { everOpened: [], openObligations: [] };

/** Per case: the kinds of obligation it ever had, and its open ones with their due times. */
async function obligationsOf(
  tx: Db,
  ids: readonly string[],
): Promise<
  Map<string, { everOpened: ObligationKind[]; openObligations: { kind: ObligationKind; dueAt: string }[] }>
> {
  const rows = await tx
    .select({
      caseId: obligations.caseId,
      kind: obligations.kind,
      status: obligations.status,
      dueAt: obligations.dueAt,
    })
    .from(obligations)
    .where(inArray(obligations.caseId, [...ids]));
  const out = new Map<
    string,
    { everOpened: ObligationKind[]; openObligations: { kind: ObligationKind; dueAt: string }[] }
  >();
  for (const r of rows) {
    const o = out.get(r.caseId) ?? { everOpened: [], openObligations: [] };
    o.everOpened.push(r.kind as ObligationKind);
    if (r.status === 'open')
      o.openObligations.push({ kind: r.kind as ObligationKind, dueAt: new Date(r.dueAt).toISOString() });
    out.set(r.caseId, o);
  }
  return out;
}

const cancelsOf = (d: Decision): ObligationKind[] =>
  d.actions.flatMap((a) => (a.payload as { cancels?: ObligationKind[] }).cancels ?? []);

/** Marks the obligations a correction ends or moves `cancelled` (before the moved ones are opened again). */
async function cancelObligations(tx: Db, items: readonly Item[], now: Date): Promise<void> {
  for (const { decision } of items) {
    const kinds = cancelsOf(decision);
    if (kinds.length === 0) continue;
    await tx
      .update(obligations)
      .set({ status: 'cancelled', closedAt: now, closedRecordedAt: now })
      .where(
        and(
          eq(obligations.caseId, decision.next.id),
          inArray(obligations.kind, kinds),
          eq(obligations.status, 'open'),
        ),
      );
  }
}

/** What the case's row keeps of its person (statistics read these columns). */
async function updatePersonColumns(tx: Db, items: readonly Item[]): Promise<void> {
  for (const { decision } of items) {
    const p: Person = decision.next.person;
    await tx
      .update(cases)
      .set({
        nationality: p.nationality ?? null,
        sex: p.sex,
        birthYear: p.birthYear ?? null,
        minor: p.minor,
        unaccompanied: p.unaccompanied,
        vulnerabilities: [...p.vulnerabilities],
      })
      .where(eq(cases.id, decision.next.id));
  }
}

/** The encounter's row with the corrected field, and the audit entry carrying its new hash. */
async function rewriteEncounter(
  tx: Db,
  id: string,
  field: string,
  value: unknown,
  now: Date,
  actor: Actor,
  amended: { caseId: string; seq: number },
): Promise<void> {
  const [before] = await tx
    .select({ at: encounters.occurredAt })
    .from(encounters)
    .where(eq(encounters.id, id));
  const prev = resultRows(
    await tx.execute(sql`select * from encounters where id = ${id}::uuid`),
  )[0] as Record<string, unknown>;
  const set: Partial<typeof encounters.$inferInsert> = {};
  if (field === 'occurredAt') set.occurredAt = new Date(String(value));
  if (field === 'placeId') set.placeId = value === null ? null : String(value);
  if (field === 'force') {
    const f = value as { used: boolean; kind?: string; kindOther?: string; reason?: string };
    set.forceUsed = f.used;
    set.forceKind = f.kind ?? null;
    set.forceKindOther = f.kindOther ?? null;
    set.forceReason = f.reason ?? null;
  }
  if (field === 'groupSize') {
    // the persons identified stay; the unidentified are the rest of the group
    await tx
      .update(encounters)
      .set({
        unidentified: sql`${Number(value)} - (${encounters.groupSize} - ${encounters.unidentified})`,
        groupSize: Number(value),
      })
      .where(eq(encounters.id, id));
  } else if (Object.keys(set).length > 0) {
    await tx.update(encounters).set(set).where(eq(encounters.id, id));
  }
  const rows = resultRows(await tx.execute(sql`select * from encounters where id = ${id}::uuid`));
  const row = rows[0] as Record<string, unknown>;
  await appendAudit(tx, [
    {
      at: now,
      actor: actor.actor,
      action: 'encounter.corrected',
      subject: id,
      // the day it was on (statistics-rollup.ts counts it again), the hash of the row before (the one vouched
      // last: the chain of the row's hashes is continuous), the case action it comes from, and the row's hash now
      data: {
        field,
        was: before?.at.toISOString() ?? null,
        prevRowSha256: encounterHash(prev),
        amended,
        rowSha256: encounterHash(row),
      },
    },
  ]);
}
