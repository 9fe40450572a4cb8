// The papers' module (issue 18): keeps the case's list of issued documents and their notifications, after
// the core applied `document.issued` / `document.notified` (evolve.ts runs the modules). No import of evolve
// here: the modules' list (guarantees/index.ts) loads this file while evolve.ts loads.
import type { IssuedDocument } from '../case-state.ts';
import type { GuaranteeModule } from '../guarantees/types.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The papers' module: keeps the case's list of issued documents (evolve.ts runs it after the core). */
export const documentsModule: GuaranteeModule = {
  name: 'documents',
  evolvers: {
    'document.issued': (s, action) => {
      const p = action.payload;
      const doc: IssuedDocument = {
        id: str(p.document),
        kind: str(p.kind),
        language: str(p.language),
        requestedLanguage: str(p.requestedLanguage),
        templateVersion: str(p.templateVersion),
        sha256: str(p.sha256),
        at: action.at,
        by: action.actor,
      };
      return { ...s, documents: [...(s.documents ?? []), doc] };
    },
    'document.notified': (s, action) => {
      const p = action.payload;
      return {
        ...s,
        documents: (s.documents ?? []).map((d) =>
          d.id === p.document ? { ...d, notifiedAt: action.at, means: str(p.means) } : d,
        ),
      };
    },
  },
};
