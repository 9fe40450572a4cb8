// AMMR (Regulation (EU) 2024/1351) Part III, Chapter II: the criteria for determining the member state
// responsible, applied in the order in which they are set out (Art. 24(1)), on the situation when the
// application was first registered (Art. 24(2)); Chapter III: dependent persons and the discretionary clauses,
// which a state may apply outside that order. Pure data.

export const CRITERIA = [
  { id: 'unaccompanied-minor', article: 'AMMR Art. 25', ordered: true },
  { id: 'family-beneficiary', article: 'AMMR Art. 26', ordered: true },
  { id: 'family-applicant', article: 'AMMR Art. 27', ordered: true },
  { id: 'family-procedure', article: 'AMMR Art. 28', ordered: true },
  { id: 'residence-document-or-visa', article: 'AMMR Art. 29', ordered: true },
  { id: 'diploma', article: 'AMMR Art. 30', ordered: true },
  { id: 'visa-waived-entry', article: 'AMMR Art. 31', ordered: true },
  { id: 'airport-transit', article: 'AMMR Art. 32', ordered: true },
  { id: 'irregular-entry', article: 'AMMR Art. 33', ordered: true },
  { id: 'dependent-persons', article: 'AMMR Art. 34', ordered: false },
  { id: 'discretionary', article: 'AMMR Art. 35', ordered: false },
] as const;

export type CriterionId = (typeof CRITERIA)[number]['id'];
export const CRITERION_IDS = CRITERIA.map((c) => c.id) as [CriterionId, ...CriterionId[]];

/** Proof (formal evidence) or circumstantial evidence (indicative elements): AMMR Art. 39(4)–(5) lists. */
export const EVIDENCE_KINDS = ['proof', 'circumstantial'] as const;

/** The position of a criterion in the order of the law (Art. 24(1)); the unordered ones come after. */
export function criterionRank(id: CriterionId): number {
  return CRITERIA.findIndex((c) => c.id === id);
}
