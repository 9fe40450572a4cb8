// Deciding the encounters of one group commit (pure): each recorded, replayed or rejected against the write
// basis (src/store/encounter-basis.ts); the recorded ones become new cases by the law (startCase).
import stringify from 'safe-stable-stringify';
import type { Decision } from '../domain/case-state.ts';
import type { RecordEncounter } from '../domain/commands.ts';
import { type Actor, startCase } from '../domain/decide.ts';
import { ENTRY_RULES } from '../domain/entry-rules.ts';
import { CommandRejectedError } from '../domain/errors.ts';
import { PactError } from '../law/errors.ts';
import { sha256 } from './audit.ts';
import type { BatchOutcome, EncounterItem, EncounterResult, Services } from './case-store-types.ts';
import { covering } from './crises.ts';
import type { WriteBasis } from './encounter-basis.ts';
import {
  type Acknowledged,
  checkPersonsNotRecorded,
  checkPlaceOpen,
  comparedDocuments,
} from './encounter-conflicts.ts';
import { DuplicateReferenceError, IdempotencyKeyReusedError, UnknownPlaceError } from './errors.ts';

export interface Prepared {
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

/** Decides every encounter (pure): recorded, replayed or rejected against the basis. */
export function decideEncounters(
  items: readonly EncounterItem[],
  basis: WriteBasis,
  now: Date,
  actor: Actor,
  services: Services,
): { outcomes: BatchOutcome[]; fresh: Prepared[] } {
  const ctx = {
    ...actor,
    law: services.law,
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
      const encounterId = services.uuid();
      const crisis = covering(basis.crises, e.state, e.occurredAt, e.borderSection);
      // the acknowledgement (sameAsCase) is the encounter's, not a fact of the case's person
      const persons = e.persons.map(({ sameAsCase: _, ...person }) => person);
      const encounter = { ...e, persons };
      const decisions = persons.map((person) =>
        startCase(ctx, {
          caseId: services.uuid(),
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
