// The rows that name the person on a document, the same on every kind that lists them in this order (the
// template of each kind words the labels): names, the name in original script, date of birth, nationality,
// the case's reference.
export const PERSON_ROWS = [
  { label: 'label.family-name', value: 'familyName' },
  { label: 'label.given-names', value: 'givenNames' },
  { label: 'label.name-original', value: 'nameOriginalScript' },
  { label: 'label.birth-date', value: 'birthDate' },
  { label: 'label.nationality', value: 'nationality' },
  { label: 'label.case', value: 'caseId' },
] as const;
