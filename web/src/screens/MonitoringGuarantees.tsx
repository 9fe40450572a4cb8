// The monitoring mechanism's indicators of the person's guarantees (issue 17; src/store/monitoring-guarantees.ts):
// representatives appointed late, minors detained, decisions without an interview, removals inside an appeal
// window (expected zero: shown with that expectation), refusals under national emergency measures and the
// asylum wishes they met, by measure and month. Counts are exact for the monitoring body, as on the other cards;
// the public report hides the small ones.
import type { MonitoringIndicators } from '../../../src/api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Card, Numbers } from './Monitoring.tsx';

export function GuaranteeCards({ m }: { m: MonitoringIndicators }) {
  const { t, label, number } = useI18n();
  const rep = m.representativesLate;
  const rem = m.removalsInsideAppealWindow;
  const nm = m.nationalMeasures;
  return (
    <>
      <Card id="representatives" title={t('monitoring.representatives')} basis={rep.legalBasis}>
        <Numbers
          rows={[
            ['monitoring.representativesDue', rep.obligations],
            ['monitoring.representativesInTime', rep.inTime],
            ['monitoring.representativesLate', rep.late],
            ['monitoring.representativesOverdue', rep.notAppointedOverdue],
            ['monitoring.representativesPending', rep.pending],
          ]}
        />
      </Card>
      <Card id="minors-detained" title={t('monitoring.minorsDetained')} basis={m.minorsDetained.legalBasis}>
        <Numbers
          rows={[
            ['monitoring.detentionsOrdered', m.minorsDetained.detentions],
            ['monitoring.minorsDetainedMinors', m.minorsDetained.minors],
            ['monitoring.minorsDetainedUnaccompanied', m.minorsDetained.unaccompanied],
          ]}
        />
      </Card>
      <Card
        id="without-interview"
        title={t('monitoring.withoutInterview')}
        basis={m.decisionsWithoutInterview.legalBasis}
      >
        <Numbers
          rows={[
            ['monitoring.meritsDecisions', m.decisionsWithoutInterview.decisions],
            ['monitoring.noInterview', m.decisionsWithoutInterview.withoutInterview],
            ['monitoring.interviewOmitted', m.decisionsWithoutInterview.interviewOmitted],
          ]}
        />
      </Card>
      <Card id="removals-window" title={t('monitoring.removalsInWindow')} basis={rem.legalBasis}>
        <Numbers
          rows={[
            ['monitoring.removals', rem.removals],
            ['monitoring.removalsInside', rem.insideWindow],
          ]}
        />
        {/* expected zero by construction: a non-zero count is a fault, said in words, not by colour alone */}
        <p
          className={rem.insideWindow === rem.expected ? 'expected-zero' : 'expected-zero fault'}
          role="status"
        >
          {rem.insideWindow === rem.expected
            ? t('monitoring.removalsExpectedZero')
            : t('monitoring.removalsFault', { n: number(rem.insideWindow) })}
        </p>
      </Card>
      <Card id="national-measures" title={t('monitoring.nationalMeasures')} basis={nm.legalBasis}>
        <Numbers
          rows={[
            ['monitoring.measureRefusals', nm.refusals],
            ['monitoring.measureWishesMet', nm.asylumWishesMet],
          ]}
        />
        {nm.byMeasureMonth.length > 0 && (
          <table>
            <caption>{t('monitoring.measuresByMonth')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.measure')}</th>
                <th scope="col">{t('monitoring.month')}</th>
                <th scope="col">{t('monitoring.measureRefusals')}</th>
                <th scope="col">{t('monitoring.measureWishesMet')}</th>
              </tr>
            </thead>
            <tbody>
              {nm.byMeasureMonth.map((r) => (
                <tr key={`${r.measure} ${r.month}`}>
                  <th scope="row">{label('measure', r.measure)}</th>
                  <td>{r.month}</td>
                  <td className="num">{number(r.refusals)}</td>
                  <td className="num">{number(r.asylumWishesMet)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
