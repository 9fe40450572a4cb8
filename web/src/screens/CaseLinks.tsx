// On a case page (issue #16): who the case is assigned to (take it, release it, or — a supervisor — assign it
// to an officer of the state), the main file it is linked under or the files linked under it, and the files
// that are possibly the same person (with a link to the review for those who decide).
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CaseLinksBody } from '../../../src/api/contract.ts';
import { api } from '../api.ts';
import { useAuth, useMe } from '../auth.tsx';
import { ErrorNotice, Field } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { useReasons } from './Duplicates.tsx';

export function CaseLinks({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useI18n();
  const { may } = useAuth();
  const me = useMe();
  const reasons = useReasons();
  const [links, setLinks] = useState<CaseLinksBody>();
  const [error, setError] = useState<unknown>();
  const [choice, setChoice] = useState('');
  const supervisor = may('case.assign-others');
  const assignees = useApi<{ username: string; role: string }[]>(
    supervisor ? '/api/assignees' : undefined,
  ).data;
  const load = useCallback(
    () => api<CaseLinksBody>('GET', `/api/cases/${caseId}/links`).then(setLinks, setError),
    [caseId],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the case changes (a link decided elsewhere bumps its version)
  useEffect(() => {
    load();
  }, [load, version]);

  async function assign(assignee: string | null) {
    try {
      await api('PUT', `/api/cases/${caseId}/assignment`, { assignee });
      setError(undefined);
    } catch (e) {
      setError(e);
    }
    await load();
  }

  if (!links) return <ErrorNotice error={error} />;
  const open = links.duplicates.filter((d) => d.status === 'open');
  const mine = links.assignedTo === me.username;
  return (
    <div className="card case-links">
      <h2>{t('assign.title')}</h2>
      <p className="assignee">
        {links.assignedTo
          ? mine
            ? t('assign.you')
            : t('assign.assignedTo', { who: links.assignedTo })
          : t('assign.unassigned')}
      </p>
      <ErrorNotice error={error} />
      {may('case.assign') && (
        <div className="actions">
          {!mine && (supervisor || !links.assignedTo) && (
            <button type="button" className="secondary" onClick={() => assign(me.username)}>
              {t('assign.toMe')}
            </button>
          )}
          {links.assignedTo && (mine || supervisor) && (
            <button type="button" className="secondary" onClick={() => assign(null)}>
              {t('assign.release')}
            </button>
          )}
        </div>
      )}
      {supervisor && assignees && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) assign(choice);
          }}
        >
          <Field label={t('assign.to')}>
            {(id) => (
              <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="">—</option>
                {assignees.map((a) => (
                  <option key={a.username} value={a.username}>
                    {a.username}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={!choice}>
            {t('assign.do')}
          </button>
        </form>
      )}

      <h2>{t('links.title')}</h2>
      {links.mainCaseId && (
        <p className="linked-main">
          <Link to={`/cases/${links.mainCaseId}`}>
            {t('links.main', { id: links.mainCaseId.slice(0, 8) })}
          </Link>
        </p>
      )}
      {links.linkedCaseIds.length > 0 && (
        <>
          <p>{t('links.linked')}</p>
          <ul className="linked-files">
            {links.linkedCaseIds.map((id) => (
              <li key={id}>
                <Link to={`/cases/${id}`}>{t('duplicates.file', { id: id.slice(0, 8) })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {!links.mainCaseId && links.linkedCaseIds.length === 0 && <p className="muted">{t('links.none')}</p>}
      {open.length > 0 && (
        <ul className="possible-duplicates">
          {open.map((d) => (
            <li key={d.otherCaseId}>
              <Link to={`/cases/${d.otherCaseId}`}>
                {t('duplicates.possibly', { id: d.otherCaseId.slice(0, 8), reasons: reasons(d.reasons) })}
              </Link>
              {may('duplicates.decide') && (
                <>
                  {' · '}
                  <Link to="/duplicates">{t('duplicates.review')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
