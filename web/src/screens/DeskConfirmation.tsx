// The border desk's answer: each person recorded, with a link to the case, the deadlines it started and the
// files that may be the same person (issue 16).
import { Link } from 'react-router';
import type { EncounterResultBody } from '../../../src/api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useReasons } from './Duplicates.tsx';

/** What was recorded: each person, with a link to the case and the deadlines it started. */
export function Confirmation({
  result,
  persons,
}: {
  result: EncounterResultBody;
  persons: readonly { nationality: string }[];
}) {
  const { t, label, due } = useI18n();
  const reasons = useReasons();
  return (
    <div className="notice notice-ok" role="status">
      <h2>{t('desk.recorded', { n: result.caseIds.length, unidentified: result.unidentified })}</h2>
      <ul>
        {result.caseIds.map((caseId, i) => {
          const obligations = result.obligations.filter((o) => o.caseId === caseId);
          return (
            <li key={caseId}>
              <Link to={`/cases/${caseId}`}>
                {t('desk.personN', { n: i + 1, nationality: persons[i]?.nationality || '?' })}
              </Link>
              {obligations.length > 0 && ': '}
              {obligations
                .map((o) => t('desk.dueBy', { what: label('obligation', o.kind), when: due(o.dueAt) }))
                .join('; ')}
              {(result.possibleDuplicates ?? [])
                .filter((d) => d.caseId === caseId)
                .map((d) => (
                  <div key={d.otherCaseId} className="possible-duplicate">
                    <Link to={`/cases/${d.otherCaseId}`}>
                      {t('duplicates.possibly', {
                        id: d.otherCaseId.slice(0, 8),
                        reasons: reasons(d.reasons),
                      })}
                    </Link>
                  </div>
                ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
