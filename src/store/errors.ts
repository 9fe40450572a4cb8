import { PactError } from '../law/errors.ts';

/** The case changed since the version the writer read: reload and decide again. */
export class VersionConflictError extends PactError {
  constructor(
    readonly caseId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      'version-conflict',
      `case ${caseId} is at version ${actual}, not ${expected}: it changed since it was read`,
      { expectedVersion: expected, version: actual },
    );
  }
}

export class NotFoundError extends PactError {
  constructor(what: string) {
    super('not-found', `${what} not found`);
  }
}

/** An idempotency key came back with a different command: refused, nothing written. */
export class IdempotencyKeyReusedError extends PactError {
  constructor(key: string) {
    super('idempotency-key-reused', `idempotency key ${key} was already used for a different command`);
  }
}

/**
 * A refusal about one field of the request (issue 19): `field` is its path inside the body (or the batch item),
 * so that problem.ts names it in `errors[]` whatever the status, and a desk shows it by the field.
 */
export class FieldRefusalError extends PactError {
  constructor(
    code: string,
    message: string,
    readonly field: string,
    params: Record<string, string> = {},
  ) {
    super(code, message, params);
  }
}

/** The encounter reference is already taken in this state by another encounter. */
export class DuplicateReferenceError extends FieldRefusalError {
  constructor(state: string, ref: string) {
    super('duplicate-reference', `encounter reference ${ref} already exists in ${state}`, 'ref', {
      ref,
      state,
    });
  }
}

/** An encounter names a place that is not loaded (pact places import). */
export class UnknownPlaceError extends PactError {
  constructor(id: string) {
    super('unknown-place', `unknown place ${id} (pact places list shows the places loaded)`, { placeId: id });
  }
}

// issue 19: the offline desk — what the server can no longer accept when an encounter arrives late
/** An encounter at a place that is loaded but withdrawn (`open` false in the places file): choose an open place. */
export class PlaceClosedError extends FieldRefusalError {
  constructor(id: string) {
    super(
      'place-closed',
      `place ${id} is withdrawn (closed): record the encounter at an open place`,
      'placeId',
      {
        placeId: id,
      },
    );
  }
}

/**
 * A person of the encounter carries the identity document of a person of an open case of the same state
 * (the same kind, issuing country and number as the duplicates code compares it): refused unless the person
 * names that case in `sameAsCase` (the guard confirmed it). `field` is the document's number.
 */
export class PersonAlreadyRecordedError extends FieldRefusalError {
  constructor(person: number, document: number, caseId: string) {
    super(
      'person-already-recorded',
      `person ${person} carries the identity document of a person of the open case ${caseId}: check, then send again with sameAsCase: "${caseId}" on that person (or correct the document)`,
      `persons/${person}/identity/documents/${document}/number`,
      { caseId },
    );
  }
}

/** issue 20: a decision asks to send a message to another installation, and none is configured. */
export class NoFederationError extends PactError {
  constructor(readonly kind: string) {
    super(
      'federation-not-configured',
      `this installation exchanges no messages with other states (PACT_FEDERATION is not set): cannot send ${kind}`,
    );
  }
}
