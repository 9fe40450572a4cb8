// The decision deadlines of the coordinator's own state's admission files (Regulation (EU) 2024/1350 Arts 9 and
// 10: from registration), the soonest first and the overdue marked — the list the coordinator works from, on the
// programmes page (every programme, GET /api/admission/deadlines) and on a programme's page (its own).
import { Link } from 'react-router';
import type { AdmissionDeadlineBody } from '../../../../src/api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDueWords } from './shared.tsx';

export function DeadlinesTable(props: {
  deadlines: readonly AdmissionDeadlineBody[];
  /** the programmes' names by id, for the list across programmes */
  programmes?: ReadonlyMap<string, string>;
}) {
  const { t, date, label } = useI18n();
  const due = useDueWords();
  if (props.deadlines.length === 0) return <p>{t('admission.deadlinesNone')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('admission.deadlinesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admission.col.referral')}</th>
          {props.programmes && <th scope="col">{t('admission.col.name')}</th>}
          <th scope="col">{t('admission.col.procedure')}</th>
          <th scope="col">{t('admission.col.registered')}</th>
          <th scope="col">{t('admission.col.due')}</th>
          <th scope="col">{t('admission.col.left')}</th>
        </tr>
      </thead>
      <tbody>
        {props.deadlines.map((d) => (
          <tr key={d.fileId} className={d.overdue ? 'overdue' : undefined}>
            <td>
              <Link to={`/admission/files/${d.fileId}`}>{d.referralRef}</Link>
            </td>
            {props.programmes && (
              <td>
                <Link to={`/admission/programmes/${d.programmeId}`}>
                  {props.programmes.get(d.programmeId) ?? d.programmeId}
                </Link>
              </td>
            )}
            <td>{label('admissionProcedure', d.procedure)}</td>
            <td>{date(d.registeredOn)}</td>
            <td>
              {date(d.decisionDueOn)} <small>({d.article})</small>
            </td>
            <td>{due(d.overdue, d.daysLeft)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
