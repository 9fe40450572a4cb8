// Admission programmes (issue 22; Regulation (EU) 2024/1350): the programmes the coordinator's state pledges
// to, and setting up a new one. Each programme opens on its own page (admission/Programme.tsx).
import { Link, useNavigate } from 'react-router';
import type { AdmissionDeadlinesBody, ProgrammeSummaryBody } from '../../../src/api/contract.ts';
import { ErrorNotice, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';
import { DeadlinesTable } from './admission/Deadlines.tsx';
import { ProgrammeForm } from './admission/ProgrammeForm.tsx';
import { NUM } from './solidarity/shared.tsx';

export function Admission() {
  const { t, number, date } = useI18n();
  const navigate = useNavigate();
  const { data, error } = useApi<ProgrammeSummaryBody[]>('/api/admission/programmes');
  const deadlines = useApi<AdmissionDeadlinesBody>('/api/admission/deadlines');
  return (
    <section>
      <h1>{t('admission.title')}</h1>
      <p>{t('admission.intro')}</p>
      <section className="card" aria-labelledby="admission-list">
        <h2 id="admission-list">{t('admission.listTitle')}</h2>
        <ErrorNotice error={error} />
        {!data && !error && <Loading />}
        {data && data.length === 0 && <p>{t('admission.none')}</p>}
        {data && data.length > 0 && (
          <table>
            <caption className="visually-hidden">{t('admission.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admission.col.name')}</th>
                <th scope="col">{t('admission.col.type')}</th>
                <th scope="col">{t('admission.col.region')}</th>
                <th scope="col" style={NUM}>
                  {t('admission.col.total')}
                </th>
                <th scope="col">{t('admission.col.period')}</th>
                <th scope="col">{t('admission.col.states')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/admission/programmes/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{t(`admissionType.${p.admissionType}`)}</td>
                  <td>{p.region}</td>
                  <td className="num">{number(p.total)}</td>
                  <td>{t('admission.period', { from: date(p.planStart), to: date(p.planEnd) })}</td>
                  <td>{p.states.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="admission-deadlines">
        <h2 id="admission-deadlines">{t('admission.deadlinesAll')}</h2>
        <ErrorNotice error={deadlines.error} />
        {deadlines.data && data && (
          <DeadlinesTable deadlines={deadlines.data} programmes={new Map(data.map((p) => [p.id, p.name]))} />
        )}
      </section>
      <section className="card" aria-labelledby="programme-new-title">
        <h2 id="programme-new-title">{t('admission.new')}</h2>
        <ProgrammeForm onCreated={(id) => navigate(`/admission/programmes/${id}`)} />
      </section>
    </section>
  );
}
