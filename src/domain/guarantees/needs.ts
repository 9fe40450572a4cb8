// The closed lists of the vulnerability and minors modules' commands (no imports beyond the vocabulary: the
// web's forms use them without bundling the validation library).
import { VULNERABILITIES } from '../vocabulary.ts';

/**
 * What an assessment may find: the screening's vulnerabilities (vocabulary.ts) and what APR Art. 20 and its
 * recital name besides as reasons for special procedural guarantees (age, mental disorders, the consequences
 * of torture, rape or other serious violence, sexual orientation or gender identity).
 */
export const NEEDS = [
  ...VULNERABILITIES.filter((v) => v !== 'other'),
  'minor',
  'mental-disorder',
  'serious-violence',
  'sexual-orientation-gender-identity',
  'other',
] as const;
export type Need = (typeof NEEDS)[number];

/** The stage of an assessment: the screening's preliminary check (Screening Art. 12) or APR Arts 20–21. */
export const NEEDS_STAGES = ['screening-preliminary', 'special-procedural-needs'] as const;

/** APR Art. 23(2): the interim person (point (a)) or the representative (point (b)). */
export const REPRESENTATIVE_ROLES = ['interim', 'representative'] as const;

/** APR Art. 25(1)–(2): documents and statements, the multidisciplinary assessment, a medical examination last. */
export const AGE_STEPS = ['documents-statements', 'multidisciplinary', 'medical'] as const;
export const AGE_OUTCOMES = ['minor', 'adult', 'inconclusive'] as const;

/** A member's place in a family: children keep the link to the members recorded as their parents. */
export const FAMILY_ROLES = ['parent', 'child', 'spouse', 'sibling', 'other'] as const;
