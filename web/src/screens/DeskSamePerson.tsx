// Issue 19: a person whose identity document is already in an open case of the state is refused
// (`person-already-recorded`, naming the case). After checking the papers, the guard either corrects the
// document or confirms that it is the same person: the encounter is then recorded with `sameAsCase` and both
// files go to the duplicates review, where an officer links them (docs/duplicates.md).
import { Link } from 'react-router';
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PersonLine } from './desk-persons.ts';

/** The persons refused as already recorded: person index → the open case named by the server. */
export function alreadyRecorded(fe: ApiError | undefined): Map<number, string> {
  const found = new Map<number, string>();
  for (const e of fe?.errors ?? []) {
    const m = /^(?:body\/)?persons\/(\d+)\//.exec(e.field);
    const caseId = e.params?.caseId;
    if (e.code === 'person-already-recorded' && m && typeof caseId === 'string')
      found.set(Number(m[1]), caseId);
  }
  return found;
}

export function DeskSamePerson({
  fe,
  persons,
  setPersons,
}: {
  fe: ApiError | undefined;
  persons: readonly PersonLine[];
  setPersons: (f: (ps: PersonLine[]) => PersonLine[]) => void;
}) {
  const { t } = useI18n();
  const refused = alreadyRecorded(fe);
  if (refused.size === 0) return null;
  return (
    <fieldset className="same-person">
      <legend>{t('desk.samePersonTitle')}</legend>
      {[...refused].map(([i, caseId]) =>
        persons[i] ? (
          <label key={i} className="touch">
            <input
              type="checkbox"
              checked={persons[i].sameAsCase === caseId}
              onChange={(e) =>
                setPersons((ps) =>
                  ps.map((p, j) =>
                    j === i ? { ...p, sameAsCase: e.target.checked ? caseId : undefined } : p,
                  ),
                )
              }
            />{' '}
            {t('desk.samePersonConfirm', { n: i + 1 })} <Link to={`/cases/${caseId}`}>{caseId}</Link>
          </label>
        ) : null,
      )}
      <p className="hint">{t('desk.samePersonHint')}</p>
    </fieldset>
  );
}
