// Every document kind's definition, by kind (one file per kind in kinds/, named after it).
import type { DocumentDefinition } from './definition.ts';
import applicantDocument from './kinds/applicant-document.ts';
import applicantInformation from './kinds/applicant-information.ts';
import decision from './kinds/decision.ts';
import detentionOrder from './kinds/detention-order.ts';
import refusalOfEntry from './kinds/refusal-of-entry.ts';
import relocationNotice from './kinds/relocation-notice.ts';
import returnDecision from './kinds/return-decision.ts';
import screeningForm from './kinds/screening-form.ts';
import type { DocumentKind } from './kinds.ts';

/** Every kind's definition (a kind without one does not type-check). */
export const DEFINITIONS: Readonly<Record<DocumentKind, DocumentDefinition>> = {
  'applicant-document': applicantDocument,
  'applicant-information': applicantInformation,
  'refusal-of-entry': refusalOfEntry,
  'screening-form': screeningForm,
  'relocation-notice': relocationNotice,
  decision,
  'detention-order': detentionOrder,
  'return-decision': returnDecision,
};

export function definitionOf(kind: DocumentKind): DocumentDefinition | undefined {
  return DEFINITIONS[kind];
}
