// The authority named on a document, by state and kind: the body that issues it. Lithuania and Poland are
// filled (their public institutions' names, in their language and in English); another state's documents
// name "the competent authority" until its administrator adds its own here.
import type { DocumentKind } from '../domain/documents/kinds.ts';

type Body = 'border' | 'asylum' | 'return';

/** Which body issues each kind (the border guard at the border, the asylum authority, the return authority). */
const BODY_OF: Readonly<Record<DocumentKind, Body>> = {
  'refusal-of-entry': 'border',
  'screening-form': 'border',
  'applicant-information': 'asylum',
  'applicant-document': 'asylum',
  decision: 'asylum',
  'detention-order': 'border',
  'return-decision': 'return',
  'relocation-notice': 'asylum',
};

const NAMES: Readonly<Record<string, Readonly<Record<Body, string>>>> = {
  LT: {
    border:
      'Valstybės sienos apsaugos tarnyba prie Lietuvos Respublikos vidaus reikalų ministerijos (State Border Guard Service)',
    asylum:
      'Migracijos departamentas prie Lietuvos Respublikos vidaus reikalų ministerijos (Migration Department)',
    return:
      'Migracijos departamentas prie Lietuvos Respublikos vidaus reikalų ministerijos (Migration Department)',
  },
  PL: {
    border: 'Straż Graniczna (Border Guard)',
    asylum: 'Szef Urzędu do Spraw Cudzoziemców (Head of the Office for Foreigners)',
    return: 'Komendant placówki Straży Granicznej (Commander of the Border Guard post)',
  },
};

/** The issuing authority's name for a document of `kind` in `state`. */
export function authorityOf(state: string, kind: DocumentKind): string {
  return NAMES[state]?.[BODY_OF[kind]] ?? `the competent authority of ${state}`;
}
