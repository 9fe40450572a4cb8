// One encounter in the outbox (issue 19): captured on this device when the guard pressed Record, sent to the
// server when the network allows, in the order of capture. Its states:
//   waiting → sending → recorded            (the server's answer kept: case ids, deadlines)
//   waiting → sending → refused             (the server's reasons kept, for correction; never dropped)
//   sending → waiting                       (no network, the session ended, the server failed: tried later)
//   refused → waiting                       (corrected by the guard: a new body, hence a new key)
// Personal data leaves the device once recorded: the body is then replaced by a summary without persons.
import type { EncounterInput, EncounterResultBody, FieldErrorBody } from '../../../src/api/contract.ts';

export const OUTBOX_STATES = ['waiting', 'sending', 'recorded', 'refused'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Whose work an item is: the logged-in user when Record was pressed. */
export interface Owner {
  readonly username: string;
  readonly jurisdiction: string;
}

/** One key per user of this browser: items, the sender and its lock are all per owner. */
export const ownerKey = (o: Owner): string => `${o.jurisdiction}:${o.username}`;

/** The server's refusal, as it gave it (src/api/problem.ts): its words are chosen on the page. */
export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly params: Record<string, unknown>;
  readonly errors: readonly FieldErrorBody[];
}

/** What stays on the device of a recorded encounter: no person's details. */
export interface EncounterSummary {
  readonly ref: string;
  readonly placeId?: string;
  readonly occurredAt: string;
  readonly kind: string;
  readonly groupSize: number;
  readonly identified: number;
  readonly asylumSeekers: number;
  readonly unaccompaniedMinors: number;
}

/** The server's answer kept with a recorded item: ids and deadlines only (no person's details). */
export interface RecordedResult {
  readonly encounterId: string;
  readonly caseIds: string[];
  readonly unidentified: number;
  readonly obligations: EncounterResultBody['obligations'];
  /** issue 16: files possibly of the same person (case ids, reason codes: no person's details) */
  readonly possibleDuplicates?: EncounterResultBody['possibleDuplicates'];
  /** when the server received it (its own clock when it says so, else this device's at the answer) */
  readonly receivedAt: string;
  /** whether the answer was a replay of an earlier one (a lost answer, sent again) */
  readonly replayed: boolean;
}

export interface OutboxItem {
  /** client-generated, kept through corrections */
  readonly id: string;
  /** ownerKey(owner) */
  readonly owner: string;
  /** order of capture on this device, per owner */
  readonly seq: number;
  /** this device's time when Record was pressed (kept through corrections) */
  readonly capturedAt: string;
  /** generated once for a body; a corrected body gets a new one */
  readonly idempotencyKey: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** why the last attempt did not get through: 'network', 'login', 'server 503' */
  readonly lastError?: string;
  /** the encounter as sent: only while not recorded */
  readonly body?: EncounterInput;
  /** what the desk's form held (to load it back for a correction): only while not recorded */
  readonly draft?: unknown;
  readonly summary: EncounterSummary;
  readonly result?: RecordedResult;
  readonly refusal?: Refusal;
}

/** The summary of an encounter: counts, never a person's details. */
export function summarize(body: EncounterInput): EncounterSummary {
  const persons = body.persons ?? [];
  return {
    ref: body.ref,
    ...(body.placeId ? { placeId: body.placeId } : {}),
    occurredAt: body.occurredAt,
    kind: body.kind,
    groupSize: body.groupSize,
    identified: persons.length,
    asylumSeekers: persons.filter((p) => p.asylumWish !== undefined).length,
    unaccompaniedMinors: persons.filter((p) => p.unaccompanied === true).length,
  };
}

/** The item once recorded: the body and the form's draft removed, the answer kept. */
export function recorded(item: OutboxItem, result: RecordedResult): OutboxItem {
  const { body: _body, draft: _draft, refusal: _refusal, lastError: _lastError, ...rest } = item;
  return { ...rest, state: 'recorded', result };
}

/** The answer's parts worth keeping (the server's receivedAt when it sends one). */
export function keptResult(answer: EncounterResultBody, replayed: boolean, deviceNow: Date): RecordedResult {
  const receivedAt = (answer as { receivedAt?: unknown }).receivedAt;
  return {
    encounterId: answer.encounterId,
    caseIds: answer.caseIds,
    unidentified: answer.unidentified,
    obligations: answer.obligations,
    ...(answer.possibleDuplicates ? { possibleDuplicates: answer.possibleDuplicates } : {}),
    receivedAt: typeof receivedAt === 'string' ? receivedAt : deviceNow.toISOString(),
    replayed,
  };
}
