// The papers' module (issue 18): keeps the case's list of issued documents and their notifications, after
// the core applied `document.issued` / `document.notified` (evolve.ts runs the modules), and shows on the
// case page the guarantees the papers fulfil: the information on rights (APR Art. 8) and the applicant's
// document (APR Art. 29(1)). No import of evolve
// here: the modules' list (guarantees/index.ts) loads this file while evolve.ts loads.
import type { CaseState, IssuedDocument } from '../case-state.ts';
import type { GuaranteeModule, GuaranteeRule } from '../guarantees/types.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

const issuedOf = (c: CaseState, kind: string) => (c.documents ?? []).filter((d) => d.kind === kind);
const ms = (at: string) => Date.parse(at);

/**
 * APR Art. 8(2): the applicant is informed of points (a)–(f) in a language understood, points (a)–(e) "at the
 * latest" when the application is registered (second subparagraph, SEEN in the ES rendering). Owed from the
 * application made (the wish to apply); done when an `applicant-information` document was issued AND its
 * notification recorded (how it reached the person, in which language); given after the registration it is
 * done late (its own key); not given by the registration it is missing. Before the registration it is due,
 * by the registration's deadline where the case has it open.
 */
const informationOnRights: GuaranteeRule = (c, _now, open) => {
  if (c.asylumWishAt === undefined) return undefined;
  const article = 'APR Art. 8(2)';
  const given = issuedOf(c, 'applicant-information')
    .flatMap((d) => (d.notifiedAt ? [d.notifiedAt] : []))
    .sort((a, b) => ms(a) - ms(b))[0];
  if (given) {
    // "at the latest" at registration: notified at the registration's own time is in time
    const late = c.registeredAt !== undefined && ms(given) > ms(c.registeredAt);
    return {
      key: late ? 'applicant-information-late' : 'applicant-information',
      article,
      status: 'done',
      at: given,
    };
  }
  if (c.registeredAt !== undefined) return { key: 'applicant-information', article, status: 'missing' };
  const due = open.find((o) => o.kind === 'registration')?.dueAt;
  return { key: 'applicant-information', article, status: 'due', ...(due ? { dueAt: due } : {}) };
};

/**
 * APR Art. 29(1): "at the time of registration" the applicant is given a document in his or her name stating
 * that an application was made and registered. Owed from the registration; done when an `applicant-document`
 * was issued at or after it; missing while none was.
 */
const applicantDocument: GuaranteeRule = (c) => {
  const registered = c.registeredAt;
  if (registered === undefined) return undefined;
  const issued = issuedOf(c, 'applicant-document').find((d) => ms(d.at) >= ms(registered));
  return issued
    ? { key: 'applicant-document', article: 'APR Art. 29(1)', status: 'done', at: issued.at }
    : { key: 'applicant-document', article: 'APR Art. 29(1)', status: 'missing' };
};

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
        ...(typeof p.decisionSeq === 'number' ? { decisionSeq: p.decisionSeq } : {}),
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
  guarantees: [informationOnRights, applicantDocument],
};
