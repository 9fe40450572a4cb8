// One admission programme (issue 22; Regulation (EU) 2024/1350): its facts, the split among the pledging states
// (with how it was computed), each state's progress from referral to arrival, the open decision deadlines of
// the coordinator's own state (Arts 9 and 10) as the list to work from, and a new referral.
import { Link, useNavigate, useParams } from 'react-router';
import type { ProgrammeViewBody } from '../../../../src/api/contract.ts';
import { ErrorNotice, Loading } from '../../components.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApi } from '../../use-api.ts';
import { CAPTION, NUM, useStateName } from '../solidarity/shared.tsx';
import { DeadlinesTable } from './Deadlines.tsx';
import { FilesTable } from './Files.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { SplitExplained } from './SplitExplained.tsx';

// a file counts in every stage it passed (the store's count): referred ≥ registered ≥ decided = admitted + refused
const PROGRESS = [
  'referred',
  'registered',
  'eligible',
  'decided',
  'admitted',
  'refused',
  'departed',
  'arrived',
  'withdrawn',
] as const;

export function Programme() {
  const { id = '' } = useParams();
  const { t, number, date, label } = useI18n();
  const navigate = useNavigate();
  const stateName = useStateName();
  const { data: p, error } = useApi<ProgrammeViewBody>(`/api/admission/programmes/${id}`);
  if (error)
    return (
      <section>
        <p>
          <Link to="/admission">{t('admission.back')}</Link>
        </p>
        <ErrorNotice error={error} />
      </section>
    );
  if (!p) return <Loading />;
  const byKey = p.splitMethod === 'reference-key';
  // a whole quota as a whole number (400, not 400.000); otherwise to three decimals
  const exact = (q: number) => (Math.abs(q - Math.round(q)) < 1e-6 ? number(Math.round(q)) : number(q, 3));
  return (
    <section>
      <p>
        <Link to="/admission">{t('admission.back')}</Link>
      </p>
      <h1>{p.name}</h1>
      <section className="card" aria-labelledby="programme-facts">
        <h2 id="programme-facts">{t('admission.facts')}</h2>
        <dl className="facts">
          <dt>{t('admission.type')}</dt>
          <dd>{t(`admissionType.${p.admissionType}`)}</dd>
          <dt>{t('admission.col.region')}</dt>
          <dd>
            {p.region}
            {p.thirdCountry ? ` (${p.thirdCountry})` : ''}
          </dd>
          <dt>{t('admission.referredBy')}</dt>
          <dd>{p.referringOrganisation}</dd>
          <dt>{t('admission.col.total')}</dt>
          <dd>{number(p.total)}</dd>
          <dt>{t('admission.col.period')}</dt>
          <dd>{t('admission.period', { from: date(p.planStart), to: date(p.planEnd) })}</dd>
          <dt>{t('admission.splitMethod')}</dt>
          <dd>{label('splitMethod', p.splitMethod)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="programme-split">
        <h2 id="programme-split">{t('admission.shares')}</h2>
        <table>
          <caption style={CAPTION}>{t('admission.sharesCaption', { total: number(p.total) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admission.col.state')}</th>
              <th scope="col" style={NUM}>
                {t('admission.col.pledged')}
              </th>
              {byKey && (
                <th scope="col" style={NUM}>
                  {t('admission.col.key')}
                </th>
              )}
              <th scope="col" style={NUM}>
                {t('admission.col.quota')}
              </th>
              <th scope="col" style={NUM}>
                {t('admission.col.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.split.map((s) => (
              <tr key={s.state}>
                <th scope="row">
                  {stateName(s.state)} ({s.state})
                </th>
                <td className="num">{number(s.pledged)}</td>
                {byKey && (
                  <td className="num">{s.keyPercent === undefined ? '—' : `${number(s.keyPercent, 3)} %`}</td>
                )}
                <td className="num">{exact(s.quota)}</td>
                <td className="num">{number(s.share)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('admission.sharesTotal')}</th>
              <td className="num">{number(p.split.reduce((a, s) => a + s.pledged, 0))}</td>
              {byKey && <td />}
              <td className="num">{exact(p.split.reduce((a, s) => a + s.quota, 0))}</td>
              <td className="num">{number(p.split.reduce((a, s) => a + s.share, 0))}</td>
            </tr>
          </tfoot>
        </table>
        <SplitExplained basis={p.splitBasis} />
      </section>
      <section className="card" aria-labelledby="programme-progress">
        <h2 id="programme-progress">{t('admission.progress')}</h2>
        <table>
          <caption className="visually-hidden">{t('admission.progressCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admission.col.state')}</th>
              {PROGRESS.map((c) => (
                <th key={c} scope="col" style={NUM}>
                  {t(`admission.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.progress.map((s) => (
              <tr key={s.state}>
                <th scope="row">
                  {stateName(s.state)} ({s.state})
                </th>
                {PROGRESS.map((c) => (
                  <td key={c} className="num">
                    {number(s[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="programme-deadlines">
        <h2 id="programme-deadlines">{t('admission.deadlines')}</h2>
        <DeadlinesTable deadlines={p.deadlines} />
      </section>
      <section className="card" aria-labelledby="programme-files">
        <h2 id="programme-files">{t('admission.filesList.title')}</h2>
        <FilesTable programmeId={p.id} />
      </section>
      <section className="card" aria-labelledby="programme-refer">
        <h2 id="programme-refer">{t('admission.refer')}</h2>
        <ReferralForm programmeId={p.id} onCreated={(fileId) => navigate(`/admission/files/${fileId}`)} />
      </section>
    </section>
  );
}
