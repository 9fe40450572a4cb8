// issue 22: on the Union's screen, each member state's pledged admissions against the persons admitted and
// arrived (GET /api/union/admission; Regulation (EU) 2024/1350), as the solidarity figures are shown: counts
// only, and a count from 1 to 4 hidden by the server (null) shown as such.
import type { UnionAdmissionBody } from '../../../../src/api/contract.ts';
import { ADMISSION_TYPES } from '../../../../src/domain/admission/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../use-api.ts';
import { NUM, useStateName } from '../solidarity/shared.tsx';

export function UnionAdmission() {
  const { t, number } = useI18n();
  const stateName = useStateName();
  const { data, error } = useApi<UnionAdmissionBody>('/api/union/admission');
  const count = (v: number | null) =>
    v === null ? <span className="suppressed">{t('union.suppressed')}</span> : number(v);
  return (
    <section className="card" aria-labelledby="union-admission">
      <h2 id="union-admission">{t('unionAdmission.title')}</h2>
      {error ? <p role="alert">{t('unionAdmission.error')}</p> : null}
      {data && (
        <p>{t('unionAdmission.intro', { n: number(data.programmes), below: data.suppressedBelow - 1 })}</p>
      )}
      {data && data.states.length === 0 && <p>{t('unionAdmission.none')}</p>}
      {data && data.states.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('unionAdmission.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('union.state')}</th>
              <th scope="col" style={NUM}>
                {t('unionAdmission.pledged')}
              </th>
              {ADMISSION_TYPES.map((x) => (
                <th key={x} scope="col" style={NUM}>
                  {t(`unionAdmission.type.${x}`)}
                </th>
              ))}
              <th scope="col" style={NUM}>
                {t('unionAdmission.admitted')}
              </th>
              <th scope="col" style={NUM}>
                {t('unionAdmission.arrived')}
              </th>
              <th scope="col" style={NUM}>
                {t('unionAdmission.refused')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.states.map((s) => (
              <tr key={s.state}>
                <th scope="row">
                  {stateName(s.state)} ({s.state})
                </th>
                <td className="num">{number(s.pledged)}</td>
                {ADMISSION_TYPES.map((x) => (
                  <td key={x} className="num">
                    {number(s.byType[x])}
                  </td>
                ))}
                <td className="num">{count(s.admitted)}</td>
                <td className="num">{count(s.arrived)}</td>
                <td className="num">{count(s.refused)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
