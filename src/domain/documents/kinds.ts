// The documents Pact issues (issue 18), each with the article that requires it, who may issue it, and
// whether the person it concerns must understand it (then it is offered in the person's languages).
import type { Permission } from '../roles.ts';

export const DOCUMENT_KINDS = [
  /** Schengen Borders Code Art. 14(2) and Annex V Part B: the standard form for refusal of entry */
  'refusal-of-entry',
  /** Screening Regulation Art. 17: the screening form */
  'screening-form',
  /** APR Art. 8: information to applicants on their rights and obligations */
  'applicant-information',
  /** APR Art. 29: the document certifying the status of applicant */
  'applicant-document',
  /** APR Arts 36, 67–68: the decision with its reasons and the remedy */
  'decision',
  /** RCD Arts 10–11, RD Art. 15: the detention order */
  'detention-order',
  /** RD Art. 12: the return decision */
  'return-decision',
  /** AMMR Art. 67: the relocation transfer notice for the person */
  'relocation-notice',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Languages of the authorities Pact ships complete templates for (en, and Lithuanian for LT). */
export const AUTHORITY_LANGUAGES = ['en', 'lt'] as const;
/**
 * Languages the demonstration's people speak most (Arabic, Kurdish Sorani, French, Russian, Persian): the
 * person-facing documents are offered in them. Where no translation reviewed by a speaker exists, the
 * document says so on its face, in that language, and the text is the English one — never a silent
 * machine translation.
 */
export const PERSON_LANGUAGES = ['ar', 'ckb', 'fr', 'ru', 'fa'] as const;
export const DOCUMENT_LANGUAGES = [...AUTHORITY_LANGUAGES, ...PERSON_LANGUAGES] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Languages written right to left. */
export const RTL_LANGUAGES: ReadonlySet<DocumentLanguage> = new Set(['ar', 'ckb', 'fa']);

export interface DocumentKindInfo {
  /** the articles that require the document (the footer and the docs cite them) */
  readonly articles: string;
  /** who may issue (and preview) it: the permission of the act it records */
  readonly permission: Permission;
  /** the person must understand it: offered in PERSON_LANGUAGES too */
  readonly personFacing: boolean;
}

/**
 * issue 18: papers that are not documents of a person's case (no `document.issued` on a case), drawn by the same
 * renderer from templates of their own: the solidarity coordinator's pledge summary (AMMR Arts 56–64;
 * src/documents/pledge-summary.ts).
 */
export const REPORT_KINDS = ['pledge-summary'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
