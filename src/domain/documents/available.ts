// Which documents a user may issue on a case now, and in which languages (the case page's Print menu, the
// API's list). Pure.
import type { CaseState } from '../case-state.ts';
import { can, type Role } from '../roles.ts';
import { DEFINITIONS } from './definitions.ts';
import { AUTHORITY_LANGUAGES, type DocumentKind, type DocumentLanguage, PERSON_LANGUAGES } from './kinds.ts';

export interface AvailableDocument {
  readonly kind: DocumentKind;
  readonly articles: string;
  /** the user's role may issue it */
  readonly permitted: boolean;
  /** why the case cannot have it now (English), absent when it can */
  readonly unavailable?: string;
  readonly languages: readonly DocumentLanguage[];
  readonly personFacing: boolean;
}

export function availableDocuments(c: CaseState, role: Role): AvailableDocument[] {
  return Object.values(DEFINITIONS).map((def) => {
    const reason = def.unavailable(c);
    return {
      kind: def.kind,
      articles: def.info.articles,
      permitted: can(role, def.info.permission),
      ...(reason ? { unavailable: reason } : {}),
      languages: def.info.personFacing
        ? [...AUTHORITY_LANGUAGES, ...PERSON_LANGUAGES]
        : [...AUTHORITY_LANGUAGES],
      personFacing: def.info.personFacing,
    };
  });
}
