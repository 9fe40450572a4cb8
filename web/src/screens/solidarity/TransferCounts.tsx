// The year's relocation transfers as the cycle report counts them, for everyone who reads the cycle: per
// benefitting state and state of relocation, those carried out, those who did not appear, how many of these
// were after the transfer deadline (AMMR Art. 67(11)), those still open and those refused (Art. 67(9)).
import type { SolidarityReportBody } from '../../../../src/api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NUM, useStateName, Wide } from './shared.tsx';

export function TransferCounts({ report }: { report: SolidarityReportBody }) {
  const { t, number } = useI18n();
  const name = useStateName();
  const rows = report.transfers;
  const late = rows.reduce((n, c) => n + c.late, 0);
  return (
    <section aria-labelledby="cycle-transfers">
      <h2 id="cycle-transfers">{t('transferCount.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('transfer.none')}</p>
      ) : (
        <>
          <p>
            {late > 0 ? t('transferCount.lateText', { n: number(late) }) : t('transferCount.noneLate')}{' '}
            <span className="article">(AMMR Art. 67(11))</span>
          </p>
          <Wide label={t('transferCount.title')}>
            <table style={{ fontSize: '0.9rem' }}>
              <caption className="visually-hidden">
                {t('transferCount.caption', { year: report.cycle.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('transfer.fromTo')}</th>
                  <th scope="col" style={NUM}>
                    {t('transferCount.transferred')}
                  </th>
                  <th scope="col" style={NUM}>
                    {t('transferCount.didNotAppear')}
                  </th>
                  <th scope="col" style={NUM}>
                    {t('transferCount.late')}
                  </th>
                  <th scope="col" style={NUM}>
                    {t('transferCount.open')}
                  </th>
                  <th scope="col" style={NUM}>
                    {t('transferCount.refused')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={`${c.from}-${c.to}`}>
                    <th scope="row">{t('transfer.fromToText', { from: name(c.from), to: name(c.to) })}</th>
                    <td className="num">{number(c.transferred)}</td>
                    <td className="num">{number(c.didNotAppear)}</td>
                    <td className="num">
                      {c.late > 0 ? <span className="flag flag-late">{number(c.late)}</span> : number(0)}
                    </td>
                    <td className="num">{number(c.open)}</td>
                    <td className="num">{number(c.refused)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Wide>
        </>
      )}
    </section>
  );
}
