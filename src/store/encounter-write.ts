// Recording encounters (CaseStore.recordEncounter, recordEncounters): group commit of concurrent requests, an
// optimistic write against a basis read in one statement (or remembered from the previous write), and the
// write itself — encounters, cases, first actions, obligations, keys and audit entries in ONE statement.
import { sql } from 'drizzle-orm';
import type { Actor } from '../domain/decide.ts';
import { AUDIT_CHAIN_LOCK, type AuditHead, chainRows, lockAudit } from './audit.ts';
import {
  ACTION_COLUMNS,
  AUDIT_COLUMNS,
  CASE_COLUMNS,
  ENCOUNTER_COLUMNS,
  IDEMPOTENCY_COLUMNS,
  insertMany,
  OBLIGATION_COLUMNS,
} from './bulk.ts';
import { caseRow, encounterAudit, encounterRow, logRows } from './case-rows.ts';
import { type BatchOutcome, type EncounterItem, READ_COMMITTED, type Services } from './case-store-types.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { CRISES_DIGEST } from './crises.ts';
import type { Db, Store } from './database.ts';
import { proposeAfterEncounters } from './duplicates.ts';
import { storedAnswer } from './encounter-answer.ts';
import { knowsPlace, readBasis, type WriteBasis } from './encounter-basis.ts';
import { acknowledgedPairsPart, CLOSED_PLACES_DIGEST, hasComparedDocuments } from './encounter-conflicts.ts';
import { decideEncounters, type Prepared } from './encounter-decide.ts';
import { comparable, newIdentityParts } from './person-identities.ts';

type Tx = Db;

/** At most this many encounters in one group commit. */
const GROUP_COMMIT_MAX = 200;

/** The encounter writer of one CaseStore. */
export class EncounterWriter {
  /** The basis of this store's last encounter write, with the head it left (see recordEncounters). */
  private remembered: WriteBasis | undefined;

  constructor(
    private readonly store: Store,
    private readonly services: Services,
  ) {}

  private get db(): Db {
    return this.store.db;
  }

  /** Encounters waiting to be written: while one write is in flight, the next ones gather here. */
  private pending: {
    readonly item: EncounterItem;
    readonly actor: Actor;
    readonly resolve: (o: BatchOutcome) => void;
    readonly reject: (e: unknown) => void;
  }[] = [];
  private flushing = false;

  /**
   * Group commit: encounters recorded at the same time (concurrent HTTP requests) are written together, one
   * statement for all, by one writer of this process at a time — instead of racing each other for the next
   * position of the audit chain. Each request still gets its own outcome.
   */
  enqueue(item: EncounterItem, actor: Actor): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, actor, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        // one batch: the waiting requests of the first one's author, each idempotency key once (a retry of a
        // request still in flight waits for the next batch, where it is replayed)
        const first = this.pending[0] as (typeof this.pending)[number];
        const batch: typeof this.pending = [];
        const rest: typeof this.pending = [];
        const keys = new Set<string>();
        for (const p of this.pending) {
          const same = p.actor.actor === first.actor.actor && p.actor.role === first.actor.role;
          if (same && batch.length < GROUP_COMMIT_MAX && !keys.has(p.item.key)) {
            batch.push(p);
            keys.add(p.item.key);
          } else rest.push(p);
        }
        this.pending = rest;
        try {
          const outcomes = await this.recordEncounters(
            batch.map((b) => b.item),
            first.actor,
          );
          batch.forEach((b, i) => {
            const o = outcomes[i];
            if (o) b.resolve(o);
            else b.reject(new Error('no outcome'));
          });
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Records many encounters (the CSV import and the single path share it). Each item is recorded, replayed
   * (its idempotency key was used before with the same command) or rejected with a typed error; a rejected
   * item writes nothing, the others are committed together, in one statement.
   *
   * The write is optimistic: the encounters are decided against a basis (crisis declarations, places, the
   * audit chain's head, keys and references already used) read in one statement — or, on a first attempt,
   * remembered from this store's previous write — and written in one autocommit statement that fails if the
   * basis changed meanwhile (chain position taken, key or reference taken, crisis declared), or if another
   * writer holds the chain's lock (a command, or a bulk import batch that read the head before this statement
   * and writes its entry later: without this the batch would fail on the chain position). Such a failure
   * writes nothing; the next attempt reads afresh, and from the third on it holds the chain's lock.
   */
  async recordEncounters(items: readonly EncounterItem[], actor: Actor): Promise<BatchOutcome[]> {
    const now = this.services.clock();
    const outcomes = await retryStaleWrites(async (attempt) => {
      const remembered = this.remembered;
      this.remembered = undefined;
      const write = async (
        db: Db,
        basis: WriteBasis,
        { outcomes, fresh } = decideEncounters(items, basis, now, actor, this.services),
      ) => {
        if (fresh.length > 0) {
          const head = await this.writeEncounters(db, fresh, basis, now, actor);
          this.remembered = { ...basis, head, existing: new Map(), taken: new Set(), held: new Map() };
        }
        return { outcomes, fresh };
      };
      // a remembered basis knows the places, not who holds the items' documents (read afresh for those)
      const fromMemory = (i: (typeof items)[number]) =>
        knowsPlace(remembered as WriteBasis, i.command) &&
        !(i.checkKnownPersons && hasComparedDocuments(i.command));
      if (attempt === 0 && remembered && items.every(fromMemory)) {
        // a remembered basis does not know the keys already used: a refusal decided from it may be a retry
        // after a lost answer (to be replayed), so it is never answered — the basis is read again below
        const decided = decideEncounters(items, remembered, now, actor, this.services);
        if (decided.outcomes.every((o) => o.status !== 'rejected'))
          return write(this.db, remembered, decided);
      }
      if (attempt <= 1) return write(this.db, await readBasis(this.db, items));
      return this.db.transaction(async (txn) => {
        const tx = txn as unknown as Tx;
        await lockAudit(tx);
        return write(tx, await readBasis(tx, items));
      }, READ_COMMITTED);
    });
    // likely duplicates of the persons just recorded: set-wise, for the batch, after its write (the pairs a guard
    // confirmed, sameAsCase, were written with the encounters: encounter-conflicts.ts acknowledgedPairsPart)
    // issue 21: no statement when no person recorded has a name, a Eurodac reference or a document
    if (outcomes.fresh.some((p) => p.decisions.some((d) => comparable(d.next, now))))
      await proposeAfterEncounters(this.db, outcomes.outcomes, now);
    return outcomes.outcomes;
  }

  /**
   * New encounters, their cases (first actions), obligations, idempotency keys and audit entries: ONE
   * statement, which aborts as a whole when a key was taken or a crisis declared since the basis was read.
   * Returns the chain's new head.
   */
  private async writeEncounters(
    db: Db,
    fresh: readonly Prepared[],
    basis: WriteBasis,
    now: Date,
    actor: Actor,
  ): Promise<AuditHead> {
    const at = now.toISOString();
    const encounterRows = fresh.map(({ e, encounterId }) => encounterRow(e, encounterId, actor, at));
    const decisions = fresh.flatMap((p) => p.decisions);
    const {
      actions,
      obligations: obligationRows,
      audited,
    } = logRows(
      decisions.map((decision) => ({ decision })),
      now,
      actor,
    );
    // issue 19: the persons a guard confirmed as the person of an open case (sameAsCase): the encounter's audit
    // entry says which new case the guard (its actor) confirmed as which, and the pair goes to the review
    const confirmed = fresh.map((p) =>
      p.acknowledged.map((a) => ({
        caseId: p.result.caseIds[a.person] as string,
        otherCaseId: a.sameAsCase,
        state: p.e.state,
      })),
    );
    // issue 21: ONE audit entry per encounter, vouching for the first case-log rows of its cases too
    const chain = chainRows(
      basis.head,
      encounterRows.map((e, i) => {
        const ids = new Set(fresh[i]?.result.caseIds ?? []);
        return encounterAudit(
          e,
          now,
          actor,
          confirmed[i] ?? [],
          audited.filter((a) => ids.has(a.caseId)),
        );
      }),
    );
    await insertMany(
      db,
      [
        {
          table: 'idempotency_keys',
          columns: IDEMPOTENCY_COLUMNS,
          rows: fresh.map((p) => ({
            key: p.key,
            request_hash: p.requestHash,
            response: storedAnswer(p.result),
            created_at: at,
          })),
          onConflict: 'on conflict (key) do nothing',
        },
        { table: 'encounters', columns: ENCOUNTER_COLUMNS, rows: encounterRows },
        { table: 'cases', columns: CASE_COLUMNS, rows: decisions.map((d) => caseRow(d.next, now)) },
        { table: 'case_actions', columns: ACTION_COLUMNS, rows: actions },
        { table: 'obligations', columns: OBLIGATION_COLUMNS, rows: obligationRows },
        ...newIdentityParts(
          decisions.map((d) => d.next),
          now,
        ),
        { table: 'audit_log', columns: AUDIT_COLUMNS, rows: chain },
        acknowledgedPairsPart(confirmed.flat(), now),
      ],
      sql`select pact_conflict('an idempotency key was used meanwhile') where (select count(*) from p0) <> ${fresh.length}
        union all select pact_conflict('the crisis declarations changed meanwhile') where ${sql.raw(CRISES_DIGEST)} <> ${basis.crisesDigest}
        union all select pact_conflict('a place was withdrawn or reopened meanwhile') where ${sql.raw(CLOSED_PLACES_DIGEST)} <> ${basis.closedPlacesDigest}
        union all select pact_conflict('another writer holds the audit chain') where not pg_try_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`,
    );
    const last = chain[chain.length - 1];
    return last ? { seq: last.seq as number, hash: last.hash as string } : basis.head;
  }
}
