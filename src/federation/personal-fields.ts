// issue 20: the Union's installation never receives a person (AMMR Art. 9 and Part IV need only aggregate
// figures; the Union has no basis to receive a person's data from a state's register). Every message
// addressed to the Union is checked by `assertNoPersonalFields` before it is written to the outbox, and again
// on receipt at the Union: a body holding, at any depth, a field whose name means a person is refused. This is
// a second line behind the kind's strict Zod schema (src/federation/kinds/union.ts), which lets only aggregate
// fields through; the three-process test runs it on every message to the Union.

/** Field names (compared case- and separator-insensitively) that name or identify a person. */
export const PERSONAL_FIELD_NAMES = [
  'name',
  'names',
  'givenname',
  'givennames',
  'firstname',
  'familyname',
  'lastname',
  'surname',
  'fullname',
  'birth',
  'birthdate',
  'dateofbirth',
  'dob',
  'placeofbirth',
  'birthplace',
  'document',
  'documents',
  'documentnumber',
  'passport',
  'passportnumber',
  'identitydocument',
  'caseid',
  'caseids',
  'caseref',
  'caserefs',
  'case',
  'cases',
  'identity',
  'identities',
  'person',
  'persons',
  'personid',
  'personids',
  'applicant',
  'applicants',
  'candidate',
  'candidateid',
  'eurodac',
  'eurodacref',
  'eurodacreference',
  'fingerprint',
  'fingerprints',
  'biometrics',
  'photo',
  'face',
  'address',
  'phone',
  'email',
  'sex',
  'gender',
] as const;

const NORMALISED = new Set<string>(PERSONAL_FIELD_NAMES);
/** Prefixes that mean a person whatever follows (person…, identity…, birth…, passport…). */
const PREFIXES = ['person', 'identity', 'birth', 'passport', 'eurodac', 'fingerprint', 'caseid', 'caseref'];

const normalise = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isPersonalField(key: string): boolean {
  const k = normalise(key);
  return NORMALISED.has(k) || PREFIXES.some((p) => k.startsWith(p));
}

export class PersonalFieldError extends Error {
  constructor(readonly path: string) {
    super(`a field that means a person (${path}) may not be sent to or received by the Union`);
  }
}

/** The paths of every personal field in `value`, at any depth (arrays and objects). */
export function personalFieldPaths(value: unknown, path = 'body'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => personalFieldPaths(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
    ...(isPersonalField(k) ? [`${path}.${k}`] : []),
    ...personalFieldPaths(v, `${path}.${k}`),
  ]);
}

/** Throws PersonalFieldError naming the first personal field found (the path, never the value). */
export function assertNoPersonalFields(body: unknown): void {
  const [first] = personalFieldPaths(body);
  if (first) throw new PersonalFieldError(first);
}

/**
 * For the outbox (and the inbox of the Union's installation): every message addressed to the Union is checked,
 * whatever its kind — to call before any message is written or stored.
 */
export function assertNoPersonalFieldsToUnion(messages: readonly { to: string; body: unknown }[]): void {
  for (const m of messages) if (m.to === 'EU') assertNoPersonalFields(m.body);
}
