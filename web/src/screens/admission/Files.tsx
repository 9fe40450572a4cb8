// The coordinator's own state's admission files of one programme (issue 22; GET /api/admission/programmes/:id/files),
// in the order of referral: every file, decided or not, so that none is lost once its decision is taken — with
// its step, the last day of its decision period while one runs, the status granted and its case once arrived.
import { Link } from 'react-router';
import type { AdmissionFileListBody } from '../../../../src/api/contract.ts';
import { ErrorNotice, Loading } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../use-api.ts';

export function FilesTable(props: { programmeId: string }) {
  const { t, date, label } = useI18n();
  const { data: files, error } = useApi<AdmissionFileListBody>(
    `/api/admission/programmes/${props.programmeId}/files`,
  );
  if (error) return <ErrorNotice error={error} />;
  if (!files) return <Loading />;
  if (files.length === 0) return <p>{t('admission.filesList.none')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('admission.filesList.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admission.col.referral')}</th>
          <th scope="col">{t('admission.filesList.referredOn')}</th>
          <th scope="col">{t('admission.col.procedure')}</th>
          <th scope="col">{t('admission.filesList.step')}</th>
          <th scope="col">{t('admission.filesList.due')}</th>
          <th scope="col">{t('admission.filesList.granted')}</th>
          <th scope="col">{t('admission.filesList.case')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.id}>
            <td>
              <Link to={`/admission/files/${f.id}`}>{f.referralRef}</Link>
            </td>
            <td>{date(f.referredOn)}</td>
            <td>{label('admissionProcedure', f.procedure)}</td>
            <td>{t(`fileStatus.${f.status}`)}</td>
            <td>{f.decisionDueOn ? date(f.decisionDueOn) : '—'}</td>
            <td>{f.grantedStatus ? t(`grantedStatus.${f.grantedStatus}`) : '—'}</td>
            <td>
              {f.caseId ? (
                <Link to={`/cases/${f.caseId}`}>
                  {t('admission.filesList.openCase', { ref: f.referralRef })}
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
