// What a correction may change (src/domain/amend.ts), as plain lists the web application's form offers too.

/** The person's fields a correction may change (`identity.*`: src/domain/identity.ts). */
export const PERSON_FIELDS = [
  'nationality',
  'sex',
  'birthYear',
  'minor',
  'unaccompanied',
  'vulnerabilities',
  'identity.familyName',
  'identity.givenNames',
  'identity.aliases',
  'identity.originalScript',
  'identity.birthDate',
  'identity.statedNationality',
  'identity.languages',
  'identity.placeOfBirth',
  'identity.eurodacRef',
  'identity.documents',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** The encounter's fields a correction may change; it applies to every case of the encounter. */
export const ENCOUNTER_FIELDS = ['occurredAt', 'borderSection', 'placeId', 'groupSize', 'force'] as const;
export type EncounterField = (typeof ENCOUNTER_FIELDS)[number];

/**
 * The fields of earlier actions a correction may change: free texts and values that change neither the status,
 * nor a flag, nor a deadline (the schemas are in amend.ts).
 */
export const AMENDABLE_ACTION_FIELD_NAMES = {
  'screening.check-recorded': ['result'],
  'asylum-wish.expressed': ['where', 'to'],
  'entry.refused': ['directedTo'],
  'return.executed': ['to'],
  'case.closed': ['reason'],
  // issue 18: a decision's reasons in fact and in law, as written in it (APR Art. 36(2); RD Art. 12(1))
  'decision.issued': ['reasons'],
  'return.decided': ['reasons'],
} as const;
export type AmendableActionType = keyof typeof AMENDABLE_ACTION_FIELD_NAMES;
