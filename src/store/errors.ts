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

/** The encounter reference is already taken in this state by another encounter. */
export class DuplicateReferenceError extends PactError {
  constructor(state: string, ref: string) {
    super('duplicate-reference', `encounter reference ${ref} already exists in ${state}`, { ref, state });
  }
}

/** An encounter names a place that is not loaded (pact places import). */
export class UnknownPlaceError extends PactError {
  constructor(id: string) {
    super('unknown-place', `unknown place ${id} (pact places list shows the places loaded)`, { placeId: id });
  }
}
