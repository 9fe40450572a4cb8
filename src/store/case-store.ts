// The case service: every write is one transaction that checks the idempotency key, checks the case's
// version, appends the actions to the case's log, updates its current-state row, opens and closes its
// obligations and extends the audit chain. The CLI, the CSV import and the HTTP API all call it.
// Its parts: encounter-write.ts (group commit of encounters), case-persist.ts (decisions on existing cases),
// case-rows.ts (rows and audit entries), case-steps.ts (system steps and the overdue sweep).
import { eq, inArray } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { CaseState, Decision } from '../domain/case-state.ts';
import { CaseCommand, RecordEncounter } from '../domain/commands.ts';
import { type Actor, decide } from '../domain/decide.ts';
import { checkLateEntry } from '../domain/entry-rules.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import { annualRateAt } from '../law/recognition-rates.ts';
import { sha256 } from './audit.ts';
import { loadCase, persistDecisions } from './case-persist.ts';
import { recordSystemStep, sweepOverdue } from './case-steps.ts';
import {
  type BatchOutcome,
  type CaseResult,
  type CaseWriter,
  type EncounterItem,
  type EncounterResult,
  READ_COMMITTED,
  type Replayable,
  type Services,
} from './case-store-types.ts';
import { retryStaleWrites } from './chain-retry.ts';
import { type CrisisRow, covering, readCrises } from './crises.ts';
import type { Db, Store } from './database.ts';
import { EncounterWriter } from './encounter-write.ts';
import { IdempotencyKeyReusedError, NotFoundError, VersionConflictError } from './errors.ts';
import {
  checkFamilyDetention,
  checkFamilyRouting,
  checkRepresentativeLimit,
  familyDecisions,
} from './guarantees-minors.ts';
import { listActivations } from './national-measures.ts';
import { lawWithSettings, listAppealWindows } from './national-settings.ts';
import { checkDeparturePlace } from './returns.ts';
import { cases, idempotencyKeys } from './schema.ts';

export { actionAudit } from './case-rows.ts';
export type {
  BatchOutcome,
  CaseResult,
  CaseWriter,
  EncounterItem,
  EncounterResult,
  OpenedObligation,
  Replayable,
  Services,
} from './case-store-types.ts';

import { CASE_STATE, caseState } from './case-data.ts';

type Tx = Db;

export class CaseStore {
  /** Records encounters: group commit, optimistic write (encounter-write.ts). */
  private readonly encounters: EncounterWriter;
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
  ) {
    this.encounters = new EncounterWriter(store, services);
  }

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
    const outcome = await this.encounters.enqueue(
      { command: RecordEncounter.parse(input), key: idempotencyKey, ...options },
      actor,
    );
    if (outcome.status === 'rejected') throw outcome.error;
    return { result: outcome.result, replayed: outcome.status === 'replayed' };
  }

  /**
   * Records many encounters (the CSV import and the single path share it): see EncounterWriter.recordEncounters
   * (src/store/encounter-write.ts).
   */
  recordEncounters(items: readonly EncounterItem[], actor: Actor): Promise<BatchOutcome[]> {
    return this.encounters.recordEncounters(items, actor);
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
        // issue 22: a departure is confirmed at a border crossing point of the state (src/store/returns.ts),
        // checked once the law allowed the command (a refusal of the status or the person comes first)
        await checkDeparturePlace(tx, current, command);
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
        ids.length > 0 ? await tx.select(CASE_STATE).from(cases).where(inArray(cases.id, ids)) : [];
      const current = new Map(rows.map((r) => [r.id, caseState(r)]));
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

  private load(tx: Tx, caseId: string): Promise<CaseState> {
    return loadCase(tx, caseId);
  }

  /**
   * Writes decisions on existing cases: version-checked updates, then log, obligations and audit in one
   * statement. Inside the caller's transaction; also used by duplicate decisions (duplicate-decisions.ts).
   */
  persist(
    tx: Tx,
    items: readonly { decision: Decision; expectedVersion: number; actor?: Actor }[],
    now: Date,
    actor: Actor,
  ): Promise<void> {
    return persistDecisions(tx, items, now, actor, this.services.outbox);
  }

  /**
   * A step of the case that the system records (not a user's command): `build` decides it on the case as
   * it is now; retried if the case changed meanwhile. Used for relocation (AMMR Arts 67–68).
   */
  recordSystemStep(caseId: string, build: (current: CaseState) => Decision): Promise<CaseState> {
    return recordSystemStep(this, caseId, build);
  }

  /** Records in each case's log that an open obligation's deadline passed (sets the overdue flags). */
  sweepOverdue(): Promise<number> {
    return sweepOverdue(this);
  }
}
