// The case service: every write is one transaction that checks the idempotency key, checks the case's
// version, appends the actions to the case's log, updates its current-state row, opens and closes its
// obligations and extends the audit chain. The CLI, the CSV import and the HTTP API all call it.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { Action, CaseState, Decision, Obligation, ObligationKind } from '../domain/case-state.ts';
import { CaseCommand, RecordEncounter } from '../domain/commands.ts';
import { type Actor, decide, obligationMissed, startCase } from '../domain/decide.ts';
import type { CrisisKind } from '../law/deadlines.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { type AuditEntry, appendAudit } from './audit.ts';
import type { Db, Store } from './database.ts';
import {
  DuplicateReferenceError,
  IdempotencyKeyReusedError,
  NotFoundError,
  VersionConflictError,
} from './errors.ts';
import {
  caseActions,
  cases,
  crisisDeclarations,
  encounters,
  idempotencyKeys,
  obligations,
} from './schema.ts';

export interface Services {
  readonly law: ParameterRegistry;
  readonly clock: () => Date;
  readonly uuid: () => string;
}

export interface OpenedObligation extends Obligation {
  readonly caseId: string;
}

export interface EncounterResult {
  readonly encounterId: string;
  readonly caseIds: readonly string[];
  readonly unidentified: number;
  readonly obligations: readonly OpenedObligation[];
}

export interface CaseResult {
  readonly caseId: string;
  readonly version: number;
  readonly status: string;
  readonly flags: readonly string[];
  readonly opened: readonly Obligation[];
  readonly closed: readonly ObligationKind[];
}

export interface Replayable<T> {
  readonly result: T;
  /** True when the idempotency key had been used before: nothing new was written. */
  readonly replayed: boolean;
}

type Tx = Db;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class CaseStore {
  constructor(
    readonly store: Store,
    readonly services: Services,
  ) {}

  private get db(): Db {
    return this.store.db;
  }

  /** Runs `work` once per idempotency key: a retry with the same key and command gets the first result back. */
  private async once<T>(key: string, request: unknown, work: (tx: Tx) => Promise<T>): Promise<Replayable<T>> {
    const requestHash = sha256(stringify(request) ?? '');
    return this.db.transaction(async (txn) => {
      const tx = txn as unknown as Tx;
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ key, requestHash, response: {}, createdAt: this.services.clock() })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [first] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
        if (!first || first.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
        return { result: first.response as T, replayed: true };
      }
      const result = await work(tx);
      await tx
        .update(idempotencyKeys)
        .set({ response: result as object })
        .where(eq(idempotencyKeys.key, key));
      return { result, replayed: false };
    });
  }

  /** Records an encounter: one case per identified person, the obligations their encounter starts. */
  async recordEncounter(
    input: RecordEncounter,
    actor: Actor,
    idempotencyKey: string,
  ): Promise<Replayable<EncounterResult>> {
    const e = RecordEncounter.parse(input);
    return this.once(idempotencyKey, { kind: 'record-encounter', e }, async (tx) => {
      const now = this.services.clock();
      const existing = await tx
        .select({ id: encounters.id })
        .from(encounters)
        .where(and(eq(encounters.state, e.state), eq(encounters.ref, e.ref)));
      if (existing.length > 0) throw new DuplicateReferenceError(e.state, e.ref);
      const crisis = await this.crisisCovering(tx, e.state, e.occurredAt, e.borderSection);
      const encounterId = this.services.uuid();
      await tx.insert(encounters).values({
        id: encounterId,
        state: e.state,
        ref: e.ref,
        placeId: e.placeId ?? null,
        occurredAt: new Date(e.occurredAt),
        kind: e.kind,
        groupSize: e.groupSize,
        unidentified: e.groupSize - e.persons.length,
        forceUsed: e.force?.used ?? false,
        forceKind: e.force?.kind ?? null,
        forceReason: e.force?.reason ?? null,
        recordedBy: actor.actor,
        createdAt: now,
      });
      const ctx = { ...actor, law: this.services.law, now };
      const decisions = e.persons.map((person) =>
        startCase(ctx, {
          caseId: this.services.uuid(),
          encounterId,
          encounter: e,
          person,
          ...(crisis ? { crisis } : {}),
        }),
      );
      await this.persist(
        tx,
        decisions.map((d) => ({ decision: d })),
        now,
        actor,
      );
      return {
        encounterId,
        caseIds: decisions.map((d) => d.next.id),
        unidentified: e.groupSize - e.persons.length,
        obligations: decisions.flatMap((d) => d.open.map((o) => ({ ...o, caseId: d.next.id }))),
      };
    });
  }

  /** Applies a command to a case at the version the caller read. */
  async apply(
    caseId: string,
    expectedVersion: number,
    input: CaseCommand,
    actor: Actor,
    idempotencyKey: string,
  ): Promise<Replayable<CaseResult>> {
    const command = CaseCommand.parse(input);
    return this.once(
      idempotencyKey,
      { kind: 'case-command', caseId, expectedVersion, command },
      async (tx) => {
        const now = this.services.clock();
        const current = await this.load(tx, caseId);
        if (current.version !== expectedVersion)
          throw new VersionConflictError(caseId, expectedVersion, current.version);
        const decision = decide(current, command, { ...actor, law: this.services.law, now });
        await this.persist(tx, [{ decision, expectedVersion }], now, actor);
        return {
          caseId,
          version: decision.next.version,
          status: decision.next.status,
          flags: decision.next.flags,
          opened: decision.open,
          closed: decision.close,
        };
      },
    );
  }

  private async load(tx: Tx, caseId: string): Promise<CaseState> {
    const [row] = await tx.select({ data: cases.data }).from(cases).where(eq(cases.id, caseId));
    if (!row) throw new NotFoundError(`case ${caseId}`);
    return row.data as CaseState;
  }

  private async crisisCovering(
    tx: Tx,
    state: string,
    occurredAt: string,
    section?: string,
  ): Promise<{ id: string; kind: CrisisKind } | undefined> {
    const day = occurredAt.slice(0, 10);
    const rows = await tx
      .select({
        id: crisisDeclarations.id,
        kind: crisisDeclarations.kind,
        sections: crisisDeclarations.borderSections,
      })
      .from(crisisDeclarations)
      .where(
        and(
          eq(crisisDeclarations.state, state),
          lte(crisisDeclarations.startsOn, day),
          sql`${crisisDeclarations.endsOn} >= ${day}`,
        ),
      )
      .orderBy(sql`${crisisDeclarations.startsOn} desc`);
    const hit = rows.find(
      (r) => r.sections.length === 0 || (section !== undefined && r.sections.includes(section)),
    );
    return hit ? { id: hit.id, kind: hit.kind as CrisisKind } : undefined;
  }

  /** Writes decisions: new case rows or version-checked updates, log entries, obligations, audit entries. */
  private async persist(
    tx: Tx,
    items: readonly { decision: Decision; expectedVersion?: number }[],
    now: Date,
    actor: Actor,
  ): Promise<void> {
    const newCases = items
      .filter((i) => i.expectedVersion === undefined)
      .map((i) => caseRow(i.decision.next, now));
    for (let i = 0; i < newCases.length; i += 500) await tx.insert(cases).values(newCases.slice(i, i + 500));
    for (const { decision, expectedVersion } of items) {
      if (expectedVersion === undefined) continue;
      const { id, createdAt: _c, ...row } = caseRow(decision.next, now);
      const updated = await tx
        .update(cases)
        .set(row)
        .where(and(eq(cases.id, id), eq(cases.version, expectedVersion)))
        .returning({ id: cases.id });
      if (updated.length === 0) {
        const [actual] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, id));
        throw new VersionConflictError(id, expectedVersion, actual?.version ?? -1);
      }
    }
    const logRows = items.flatMap(({ decision }) => {
      const first = decision.next.version - decision.actions.length + 1;
      return decision.actions.map((a, k) => actionRow(decision.next.id, first + k, a, now));
    });
    for (let i = 0; i < logRows.length; i += 500)
      await tx.insert(caseActions).values(logRows.slice(i, i + 500));
    for (const { decision } of items) {
      const at = new Date(decision.actions[decision.actions.length - 1]?.at ?? now);
      if (decision.close.length > 0) {
        await tx
          .update(obligations)
          .set({
            status: sql`case when ${obligations.dueAt} > ${at.toISOString()}::timestamptz then 'met' else 'missed' end`,
            closedAt: at,
          })
          .where(
            and(
              eq(obligations.caseId, decision.next.id),
              inArray(obligations.kind, [...decision.close]),
              eq(obligations.status, 'open'),
            ),
          );
      }
    }
    const obligationRows = items.flatMap(({ decision }) =>
      decision.open.map((o) => ({
        caseId: decision.next.id,
        state: decision.next.state,
        kind: o.kind,
        dueAt: new Date(o.dueAt),
        article: o.article,
        status: 'open',
        openedAt: now,
      })),
    );
    for (let i = 0; i < obligationRows.length; i += 500)
      await tx.insert(obligations).values(obligationRows.slice(i, i + 500));
    const audit: AuditEntry[] = logRows.map((r) => ({
      at: now,
      actor: actor.actor,
      action: r.type,
      subject: r.caseId,
      data: {
        seq: r.seq,
        at: r.at.toISOString(),
        state: r.state,
        payloadSha256: sha256(stringify(r.payload) ?? ''),
      },
    }));
    await appendAudit(tx, audit);
  }

  /** Records in each case's log that an open obligation's deadline passed (sets the overdue flags). */
  async sweepOverdue(): Promise<number> {
    const now = this.services.clock();
    const due = await this.db
      .select()
      .from(obligations)
      .where(
        and(
          eq(obligations.status, 'open'),
          lte(obligations.dueAt, now),
          isNull(obligations.missedRecordedAt),
        ),
      )
      .orderBy(asc(obligations.dueAt))
      .limit(1000);
    let recorded = 0;
    for (const o of due) {
      await this.db.transaction(async (txn) => {
        const tx = txn as unknown as Tx;
        const current = await this.load(tx, o.caseId);
        const d = obligationMissed(current, o.kind as ObligationKind, o.dueAt.toISOString(), o.article, now);
        await this.persist(tx, [{ decision: d, expectedVersion: current.version }], now, {
          actor: 'system',
          role: 'system',
        });
        await tx.update(obligations).set({ missedRecordedAt: now }).where(eq(obligations.id, o.id));
        recorded += 1;
      });
    }
    return recorded;
  }
}

function caseRow(c: CaseState, now: Date) {
  return {
    id: c.id,
    state: c.state,
    encounterId: c.encounterId,
    status: c.status,
    flags: [...c.flags],
    version: c.version,
    nationality: c.person.nationality ?? null,
    sex: c.person.sex,
    birthYear: c.person.birthYear ?? null,
    minor: c.person.minor,
    unaccompanied: c.person.unaccompanied,
    vulnerabilities: [...c.person.vulnerabilities],
    asylumWishAt: c.asylumWishAt ? new Date(c.asylumWishAt) : null,
    procedure: c.procedure ?? null,
    crisisId: c.crisis?.id ?? null,
    data: c,
    createdAt: now,
    updatedAt: now,
  };
}

function actionRow(caseId: string, seq: number, a: Action, now: Date) {
  return {
    caseId,
    seq,
    type: a.type,
    at: new Date(a.at),
    actor: a.actor,
    role: a.role,
    state: a.state,
    legalBasis: a.legalBasis,
    payload: a.payload,
    recordedAt: now,
  };
}
