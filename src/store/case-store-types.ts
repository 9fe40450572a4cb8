// The types of the case service (src/store/case-store.ts) that its callers and its parts share.
import type { CaseState, Decision, Obligation, ObligationKind } from '../domain/case-state.ts';
import type { RecordEncounter } from '../domain/commands.ts';
import type { Actor } from '../domain/decide.ts';
import type { OutgoingMessage } from '../domain/outgoing.ts';
import type { PactError } from '../law/errors.ts';
import type { ParameterRegistry } from '../law/parameters.ts';
import type { RecognitionRate } from '../law/recognition-rates.ts';
import type { CaseStore } from './case-store.ts';
import type { Db } from './database.ts';

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
export const READ_COMMITTED = { isolationLevel: 'read committed' } as const;

export type BatchOutcome =
  | { readonly status: 'recorded' | 'replayed'; readonly result: EncounterResult }
  | { readonly status: 'rejected'; readonly error: PactError };
