// The case service: every write is one transaction that checks the idempotency key, checks the case's
// version, appends the actions to the case's log, updates its current-state row, opens and closes its
// obligations and extends the audit chain. The CLI, the CSV import and the HTTP API all call it.
import { and, asc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { Action, CaseState, Decision, Obligation, ObligationKind } from '../domain/case-state.ts';
import { CaseCommand, RecordEncounter } from '../domain/commands.ts';
import { type Actor, decide, startCase } from '../domain/decide.ts';
import { checkLateEntry, ENTRY_RULES } from '../domain/entry-rules.ts';
import { CommandRejectedError } from '../domain/errors.ts';
import type { OutgoingMessage } from '../domain/outgoing.ts';
import { obligationMissed } from '../domain/system-steps.ts';
import { PactError } from '../law/errors.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { annualRateAt, type RecognitionRate } from '../law/recognition-rates.ts';
import { actionSalt, keptSha256, payloadSha256 } from './action-hash.ts';
import {
  type AuditEntry,
  type AuditHead,
  auditHead,
  chainRows,
  encounterHash,
  lockAudit,
  sha256,
} from './audit.ts';
import {
  ACTION_COLUMNS,
  AUDIT_COLUMNS,
  CASE_COLUMNS,
  ENCOUNTER_COLUMNS,
  IDEMPOTENCY_COLUMNS,
  insertMany,
  OBLIGATION_COLUMNS,
  resultRows,
} from './bulk.ts';
import { isStaleWrite, retryStaleWrites } from './chain-retry.ts';
import { CRISES_DIGEST, type CrisisRow, covering, readCrises } from './crises.ts';
import type { Db, Store } from './database.ts';
import { proposeAfterEncounters } from './duplicates.ts';
import { knowsPlace, readBasis, type WriteBasis } from './encounter-basis.ts';
import {
  type Acknowledged,
  acknowledgedPairsPart,
  CLOSED_PLACES_DIGEST,
  checkPersonsNotRecorded,
  checkPlaceOpen,
  comparedDocuments,
  hasComparedDocuments,
} from './encounter-conflicts.ts';
import {
  DuplicateReferenceError,
  IdempotencyKeyReusedError,
  NoFederationError,
  NotFoundError,
  UnknownPlaceError,
  VersionConflictError,
} from './errors.ts';
import {
  checkFamilyDetention,
  checkFamilyRouting,
  checkRepresentativeLimit,
  familyDecisions,
} from './guarantees-minors.ts';
import { listActivations } from './national-measures.ts';
import { lawWithSettings, listAppealWindows } from './national-settings.ts';
import { changesPerson, comparable, newIdentityParts, refreshIdentities } from './person-identities.ts';
import { cases, idempotencyKeys, obligations } from './schema.ts';

export interface Services {
  readonly law: ParameterRegistry;
  readonly clock: () => Date;
  readonly uuid: () => string;
  /** Union-wide recognition rates by nationality (data/recognition_rates.csv), for APR Art. 42(1)(j). */
  readonly recognitionRates?: readonly RecognitionRate[];
  /**
   * issue 20: writes a decision's messages to other installations into the outbox, in the transaction of its
   * actions (src/store/federation-outbox.ts); absent where no federation is configured (PACT_FEDERATION).
   */
  readonly outbox?: (tx: Db, messages: readonly OutgoingMessage[], now: Date) => Promise<void>;
}

export interface OpenedObligation extends Obligation {
  readonly caseId: string;
}

export interface EncounterResult {
  readonly encounterId: string;
  readonly caseIds: readonly string[];
  readonly unidentified: number;
  readonly obligations: readonly OpenedObligation[];
  /**
   * issue 19: when the server recorded the encounter (encounters.created_at); the deadlines count from the
   * encounter's `occurredAt`. Absent from answers stored before it (the API fills it from the encounter).
   */
  readonly receivedAt?: string;
}

/** An encounter to record, with its idempotency key. */
export interface EncounterItem {
  readonly command: RecordEncounter;
  readonly key: string;
  /**
   * issue 19: refuse a person whose identity document an open case of the state holds, unless the person names
   * that case (`sameAsCase`): set by the HTTP routes, where a guard can answer. The CSV import and the
   * demonstration load records with no one to ask; their re-encounters go to the duplicates review as before.
   */
  readonly checkKnownPersons?: boolean;
}

export interface CaseResult {
  readonly caseId: string;
  readonly version: number;
  readonly status: string;
  readonly flags: readonly string[];
  readonly opened: readonly Obligation[];
  readonly closed: readonly ObligationKind[];
  readonly notes?: readonly string[];
}

export interface Replayable<T> {
  readonly result: T;
  /** True when the idempotency key had been used before: nothing new was written. */
  readonly replayed: boolean;
}

type Tx = Db;

/** What a correction writes with (CaseStore.transact). */
export interface CaseWriter {
  load(caseId: string): Promise<CaseState>;
  persist(
    items: readonly { decision: Decision; expectedVersion: number }[],
    now: Date,
    actor: Actor,
  ): Promise<void>;
  context(actor: Actor, now: Date): ReturnType<CaseStore['decideContext']>;
}

/** The audit head and the version checks rely on each statement seeing what committed before it. */
const READ_COMMITTED = { isolationLevel: 'read committed' } as const;

/** At most this many encounters in one group commit. */
const GROUP_COMMIT_MAX = 200;

export class CaseStore {
  /** The basis of this store's last encounter write, with the head it left (see recordEncounters). */
  private remembered: WriteBasis | undefined;
  /**
   * The law with the national values an administrator confirmed (issue 17: APR Art. 67(7) appeal windows,
   * national-settings.ts); read again before each notification of a decision, the only command that uses them.
   */
  private settingsLaw: ParameterRegistry | undefined;
  /** the confirmed values settingsLaw was built from */
  private settingsKey: string | undefined;

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
    }, READ_COMMITTED);
  }

  /** Records an encounter: one case per identified person, the obligations their encounter starts. */
  async recordEncounter(
    input: RecordEncounter,
    actor: Actor,
    idempotencyKey: string,
    options: { checkKnownPersons?: boolean } = {},
  ): Promise<Replayable<EncounterResult>> {
    const outcome = await this.enqueue(
      { command: RecordEncounter.parse(input), key: idempotencyKey, ...options },
      actor,
    );
    if (outcome.status === 'rejected') throw outcome.error;
    return { result: outcome.result, replayed: outcome.status === 'replayed' };
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
  private enqueue(item: EncounterItem, actor: Actor): Promise<BatchOutcome> {
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
   * basis changed meanwhile (chain position taken, key or reference taken, crisis declared). Such a failure
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
        { outcomes, fresh } = this.prepareEncounters(items, basis, now, actor),
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
        const decided = this.prepareEncounters(items, remembered, now, actor);
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

  /** Decides every encounter (pure): recorded, replayed or rejected against the basis. */
  private prepareEncounters(
    items: readonly EncounterItem[],
    basis: WriteBasis,
    now: Date,
    actor: Actor,
  ): { outcomes: BatchOutcome[]; fresh: Prepared[] } {
    const ctx = {
      ...actor,
      law: this.services.law,
      now,
      // CFMR Arts 10(1), 11(1): the declaration in force when an application is made at the encounter
      crisisAt: (state: string, at: string, section?: string) => covering(basis.crises, state, at, section),
    };
    const outcomes: BatchOutcome[] = [];
    const fresh: Prepared[] = [];
    const refsInBatch = new Set<string>();
    const keysInBatch = new Set<string>();
    // the documents held by open cases, with those of the batch's earlier encounters added as they are decided
    const held = new Map(basis.held);
    items.forEach(({ command: e, key, checkKnownPersons }, index) => {
      const requestHash = sha256(stringify({ kind: 'record-encounter', e }) ?? '');
      try {
        const first = basis.existing.get(key);
        if (first) {
          if (first.hash !== requestHash) throw new IdempotencyKeyReusedError(key);
          outcomes[index] = { status: 'replayed', result: first.response };
          return;
        }
        // entry-rules.ts: a time up to the tolerance after the server's clock (device clocks differ a little);
        // an encounter captured offline and sent days later is in the past, and its deadlines count from then
        if (Date.parse(e.occurredAt) > now.getTime() + ENTRY_RULES.futureToleranceMinutes * 60_000)
          throw new CommandRejectedError('occurredAt', { code: 'in-future', params: {} }, 'is in the future');
        if (e.placeId && !basis.places.has(e.placeId)) throw new UnknownPlaceError(e.placeId);
        // issue 19: a place withdrawn since the guard chose it, a person already in an open case
        checkPlaceOpen(e, basis.closedPlaces);
        const acknowledged = checkKnownPersons ? checkPersonsNotRecorded(e, held) : [];
        const ref = `${e.state}:${e.ref}`;
        if (basis.taken.has(ref) || refsInBatch.has(ref)) throw new DuplicateReferenceError(e.state, e.ref);
        if (keysInBatch.has(key)) throw new IdempotencyKeyReusedError(key);
        refsInBatch.add(ref);
        keysInBatch.add(key);
        const encounterId = this.services.uuid();
        const crisis = covering(basis.crises, e.state, e.occurredAt, e.borderSection);
        // the acknowledgement (sameAsCase) is the encounter's, not a fact of the case's person
        const persons = e.persons.map(({ sameAsCase: _, ...person }) => person);
        const encounter = { ...e, persons };
        const decisions = persons.map((person) =>
          startCase(ctx, {
            caseId: this.services.uuid(),
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
        for (const d of comparedDocuments(e)) {
          const caseId = result.caseIds[d.person] as string;
          if (!held.has(d.key)) held.set(d.key, [caseId]);
        }
        fresh.push({ index, e, key, requestHash, encounterId, decisions, result, acknowledged });
        outcomes[index] = { status: 'recorded', result };
      } catch (err) {
        if (!(err instanceof PactError)) throw err;
        outcomes[index] = { status: 'rejected', error: err };
      }
    });
    return { outcomes, fresh };
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
    const encounterRows = fresh.map(({ e, encounterId }) => ({
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
    const decisions = fresh.flatMap((p) => p.decisions);
    const {
      actions,
      obligations: obligationRows,
      audit,
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
    const chain = chainRows(basis.head, [
      ...encounterRows.map((e, i) => encounterAudit(e, now, actor, confirmed[i] ?? [])),
      ...audit,
    ]);
    await insertMany(
      db,
      [
        {
          table: 'idempotency_keys',
          columns: IDEMPOTENCY_COLUMNS,
          rows: fresh.map((p) => ({
            key: p.key,
            request_hash: p.requestHash,
            response: p.result,
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
        union all select pact_conflict('a place was withdrawn or reopened meanwhile') where ${sql.raw(CLOSED_PLACES_DIGEST)} <> ${basis.closedPlacesDigest}`,
    );
    const last = chain[chain.length - 1];
    return last ? { seq: last.seq as number, hash: last.hash as string } : basis.head;
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
    if (command.type === 'decision.notified') await this.refreshNationalSettings();
    return retryStaleWrites(() =>
      this.once(idempotencyKey, { kind: 'case-command', caseId, expectedVersion, command }, async (tx) => {
        const now = this.services.clock();
        const current = await this.load(tx, caseId);
        if (current.version !== expectedVersion)
          throw new VersionConflictError(caseId, expectedVersion, current.version);
        // CFMR Arts 10(1), 11(1): an application made now is covered by the declaration in force now
        const crises = command.type === 'asylum-wish.expressed' ? await readCrises(tx) : [];
        const ctx = await this.withMeasures(tx, current, command, actor, now, crises);
        // issue 17: what the vulnerability and minors guarantees read from other cases (guarantees-minors.ts)
        await checkFamilyRouting(tx, current, command);
        await checkFamilyDetention(tx, current, command);
        const decision = decide(current, command, ctx);
        await checkRepresentativeLimit(tx, current, command, ctx);
        const members = await familyDecisions(tx, current, command, ctx);
        checkLateEntry(command, now);
        await this.persist(tx, [{ decision, expectedVersion }, ...members], now, actor);
        return {
          caseId,
          version: decision.next.version,
          status: decision.next.status,
          flags: decision.next.flags,
          opened: decision.open,
          closed: decision.close,
          ...(decision.notes ? { notes: decision.notes } : {}),
        };
      }),
    );
  }

  /** A correction (src/store/amendments.ts): `work` decides and writes inside this store's idempotent transaction. */
  async transact<T>(key: string, request: unknown, work: (tx: Tx, w: CaseWriter) => Promise<T>) {
    return retryStaleWrites(() =>
      this.once(key, request, (tx) =>
        work(tx, {
          load: (id) => this.load(tx, id),
          persist: (items, now, actor) => this.persist(tx, items, now, actor),
          context: (actor, now) => this.decideContext(actor, now),
        }),
      ),
    );
  }

  /** Reads the confirmed national values again (after a change, or before a decision's notification). */
  async refreshNationalSettings(): Promise<void> {
    const settings = await listAppealWindows(this.db);
    // the registry is built (and its files validated) again only when the confirmed values changed
    const key = JSON.stringify(settings);
    if (key === this.settingsKey) return;
    this.settingsLaw = lawWithSettings(this.services.law, settings);
    this.settingsKey = key;
  }

  /**
   * The context with the state's activations of national emergency measures, read only for a refusal of entry
   * that names a measure (issue 17: src/domain/guarantees/national-measures.ts).
   */
  private async withMeasures(
    tx: Tx,
    current: CaseState,
    command: CaseCommand,
    actor: Actor,
    now: Date,
    crises: readonly CrisisRow[] = [],
  ) {
    const ctx = this.decideContext(actor, now, crises);
    if (command.type !== 'entry.refused' || !command.measure) return ctx;
    return { ...ctx, nationalMeasureActivations: await listActivations(tx, current.state) };
  }

  /**
   * What the domain decides a user's command with: the actor, the law (with the confirmed national values),
   * the time, the recognition rates, and the crisis declarations (read by the caller when the command may make
   * an application: CFMR Art. 10(1)).
   */
  decideContext(actor: Actor, now: Date, crises: readonly CrisisRow[] = []) {
    const rates = this.services.recognitionRates ?? [];
    return {
      ...actor,
      law: this.settingsLaw ?? this.services.law,
      now,
      recognitionRate: (c: string, date: string) => annualRateAt(this.services.law, rates, c, date),
      crisisAt: (state: string, at: string, section?: string) => covering(crises, state, at, section),
    };
  }

  /**
   * Applies many commands in one transaction, in order (a case may appear several times), for a trusted bulk
   * load inside the process — the demonstration scenario — where a transaction per command costs ten times
   * as much. Each command is decided by the law exactly as `apply` decides it, on the case as the commands
   * before it left it; a refused command writes nothing and comes back as its error, the others are written
   * together (log, obligations, audit). No idempotency keys and no expected versions: a caller that may
   * retry, or that acts on what a user saw, uses `apply`.
   */
  async applyMany(
    items: readonly { caseId: string; command: CaseCommand; actor: Actor }[],
  ): Promise<({ ok: true; version: number } | { ok: false; error: unknown })[]> {
    if (items.some((i) => i.command.type === 'decision.notified')) await this.refreshNationalSettings();
    const now = this.services.clock();
    return this.db.transaction(async (txn) => {
      const tx = txn as unknown as Tx;
      const ids = [...new Set(items.map((i) => i.caseId))];
      const rows =
        ids.length > 0
          ? await tx.select({ id: cases.id, data: cases.data }).from(cases).where(inArray(cases.id, ids))
          : [];
      const current = new Map(rows.map((r) => [r.id, r.data as CaseState]));
      const crises = items.some((i) => i.command.type === 'asylum-wish.expressed')
        ? await readCrises(tx)
        : [];
      const decisions: { decision: Decision; expectedVersion: number; actor: Actor }[] = [];
      const outcomes = items.map((item) => {
        const c = current.get(item.caseId);
        if (!c) return { ok: false as const, error: new NotFoundError(`case ${item.caseId}`) };
        try {
          const command = CaseCommand.parse(item.command);
          const decision = decide(c, command, this.decideContext(item.actor, now, crises));
          checkLateEntry(command, now);
          decisions.push({ decision, expectedVersion: c.version, actor: item.actor });
          current.set(item.caseId, decision.next);
          return { ok: true as const, version: decision.next.version };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
      // persist writes a case's obligations after all its items' closes: a case's second decision (which may
      // close what its first opened) goes into the next round
      const rounds: (typeof decisions)[] = [];
      const seen = new Map<string, number>();
      for (const d of decisions) {
        const k = seen.get(d.decision.next.id) ?? 0;
        seen.set(d.decision.next.id, k + 1);
        const round = rounds[k] ?? [];
        round.push(d);
        rounds[k] = round;
      }
      for (const round of rounds) {
        const first = round[0];
        if (first) await this.persist(tx, round, now, first.actor);
      }
      return outcomes;
    }, READ_COMMITTED);
  }

  private async load(tx: Tx, caseId: string): Promise<CaseState> {
    const [row] = await tx.select({ data: cases.data }).from(cases).where(eq(cases.id, caseId));
    if (!row) throw new NotFoundError(`case ${caseId}`);
    return row.data as CaseState;
  }

  /**
   * Writes decisions on existing cases: version-checked updates, then log, obligations and audit in one
   * statement. Inside the caller's transaction; also used by duplicate decisions (duplicate-decisions.ts).
   */
  async persist(
    tx: Tx,
    items: readonly { decision: Decision; expectedVersion: number; actor?: Actor }[],
    now: Date,
    actor: Actor,
  ): Promise<void> {
    const relocating = items.some(({ decision }) =>
      decision.actions.some((a) => a.type === 'case.relocated'),
    );
    // updateTogether is for decisions on different cases: a chain on one case (a document issued and
    // handed over at once, issue 18) is written one decision after the other, each at its own version
    const distinct = new Set(items.map(({ decision }) => decision.next.id)).size === items.length;
    if (items.length > 1 && !relocating && distinct) await updateTogether(tx, items, now);
    else await this.updateOneByOne(tx, items, now);
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
      if (!this.services.outbox) throw new NoFederationError(outgoing[0]?.kind ?? '');
      await this.services.outbox(tx, outgoing, now);
    }
  }

  /** The case rows and closed obligations of decisions, a statement or three each (the single-command path). */
  private async updateOneByOne(
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
          data: c,
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
   * it is now; retried if the case changed meanwhile. Used for relocation (AMMR Arts 67–68).
   */
  async recordSystemStep(caseId: string, build: (current: CaseState) => Decision): Promise<CaseState> {
    const now = this.services.clock();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(async (txn) => {
          const tx = txn as unknown as Tx;
          const current = await this.load(tx, caseId);
          const d = build(current);
          await this.persist(tx, [{ decision: d, expectedVersion: current.version }], now, {
            actor: 'system',
            role: 'system',
          });
          return d.next;
        }, READ_COMMITTED);
      } catch (e) {
        if (attempt >= 4 || (!(e instanceof VersionConflictError) && !isStaleWrite(e))) throw e;
      }
    }
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
      // claim the obligation first (still open, not yet recorded): a second sweep, or a command that closed
      // it meanwhile, makes the claim return nothing; a case changed meanwhile is retried
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const done = await this.db.transaction(async (txn) => {
            const tx = txn as unknown as Tx;
            const claimed = await tx
              .update(obligations)
              .set({ missedRecordedAt: now })
              .where(
                and(
                  eq(obligations.id, o.id),
                  eq(obligations.status, 'open'),
                  isNull(obligations.missedRecordedAt),
                ),
              )
              .returning({ id: obligations.id });
            if (claimed.length === 0) return false;
            const current = await this.load(tx, o.caseId);
            const d = obligationMissed(
              current,
              o.kind as ObligationKind,
              o.dueAt.toISOString(),
              o.article,
              now,
              this.services.law,
            );
            await this.persist(tx, [{ decision: d, expectedVersion: current.version }], now, {
              actor: 'system',
              role: 'system',
            });
            return true;
          }, READ_COMMITTED);
          if (done) recorded += 1;
          break;
        } catch (e) {
          if (!(e instanceof VersionConflictError) && !isStaleWrite(e)) throw e;
        }
      }
    }
    return recorded;
  }
}

interface Prepared {
  readonly index: number;
  readonly e: RecordEncounter;
  readonly key: string;
  readonly requestHash: string;
  readonly encounterId: string;
  readonly decisions: Decision[];
  readonly result: EncounterResult;
  /** issue 19: the persons who named the open case holding their document (sameAsCase) */
  readonly acknowledged: readonly Acknowledged[];
}

/** The audit entry of an encounter (every encounter, also one with no identified person). */
function encounterAudit(
  e: Record<string, unknown>,
  now: Date,
  actor: Actor,
  confirmed: readonly { caseId: string; otherCaseId: string }[] = [],
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
    },
  };
}

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
    data: c,
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

function logRows(items: readonly { decision: Decision; actor?: Actor }[], now: Date, actor: Actor) {
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
  const audit: AuditEntry[] = actions.map((r, i) =>
    actionAudit(
      {
        caseId: r.case_id as string,
        seq: r.seq as number,
        type: r.type as string,
        at: r.at as string,
        state: r.state as string,
        salt: r.salt as string,
        payload: r.payload,
      },
      actors[i] ?? actor.actor,
      now,
    ),
  );
  return { actions, obligations: obligationRows, audit };
}

/**
 * The audit entry of one case-log row, which verifyRecords (audit.ts) checks the row against: the payload
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

export type BatchOutcome =
  | { readonly status: 'recorded' | 'replayed'; readonly result: EncounterResult }
  | { readonly status: 'rejected'; readonly error: PactError };

function caseRow(c: CaseState, now: Date): Record<string, unknown> {
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
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
}

function actionRow(caseId: string, seq: number, a: Action, now: Date): Record<string, unknown> {
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
