import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { Indicator, IndicatorCase, MonitoringIndicators } from '../../../src/api/contract.ts';
import { query } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Loading } from '../components.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePeriod } from '../period.tsx';
import { useApi } from '../use-api.ts';
import { AccountEvents } from './AccountEvents.tsx';
import { GuaranteeCards } from './MonitoringGuarantees.tsx';
import { ReturnCards } from './MonitoringReturns.tsx';

interface CasesAnswer {
  readonly indicator: Indicator;
  readonly items: readonly IndicatorCase[];
  readonly truncated: boolean;
}

export function Monitoring() {
  const { t, label, number } = useI18n();
  const { may } = useAuth();
  const { from, to, fields: periodFields } = usePeriod();
  const period = from && to && from <= to ? { from, to } : undefined;
  const read = useApi<MonitoringIndicators>(period && `/api/monitoring/indicators${query(period)}`);
  const m = read.data;
  const drill = may('case.read') && period ? period : undefined;
  const percent = (share: number | null) => (share === null ? '—' : `${number(share * 100, 1)} %`);
  const reg = m?.registrationWithinDeadline;
  // the deadlines of every obligation kind: missed (closed late, or open past the due time), known, pending
  const kinds = m?.deadlines.byKind ?? [];
  const sum = (f: (d: (typeof kinds)[number]) => number) => kinds.reduce((n, d) => n + f(d), 0);
  const missed = sum((d) => d.missed + d.openOverdue);

  return (
    <section>
      <h1>{t('monitoring.title')}</h1>
      <p>
        <Link to="/monitoring/findings">
          {may('findings.write') ? t('monitoring.findingsRecord') : t('monitoring.findingsRead')}
        </Link>
      </p>
      <form className="row filters" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.period')}>
        {periodFields}
      </form>
      {period && (
        // the indicators of the period as a report (counts only): a printable page, and CSV
        <nav className="row" aria-label={t('monitoring.report')}>
          <a
            href={`/api/monitoring/report${query({ ...period, format: 'html' })}`}
            target="_blank"
            rel="noopener"
          >
            {t('monitoring.printableReport')}
          </a>
          <a href={`/api/monitoring/report${query({ ...period, format: 'csv' })}`} download>
            {t('monitoring.reportCsv')}
            <span className="visually-hidden"> {t('monitoring.reportCsvOf')}</span>
          </a>
        </nav>
      )}
      <ErrorNotice error={read.error} />
      {!m && !read.error && period && <Loading />}
      {/* issue 21: read while the roll-up was being brought up to date on another connection */}
      {m?.stale && (
        <p className="notice" role="status">
          {t('monitoring.stale')}
        </p>
      )}
      {m && reg && (
        <>
          <Card
            id="registration"
            title={t('monitoring.registration')}
            basis={reg.legalBasis}
            indicator="not-registered-overdue"
            drill={drill}
            heading={t('monitoring.casesNotRegistered', {
              n: number(reg.notRegisteredOverdue),
              known: number(reg.known),
              pending: number(reg.notRegisteredNotYetDue),
            })}
          >
            <p className="big">{percent(reg.share)}</p>
            <p className="share-of">
              {t('monitoring.shareOfKnown', {
                n: number(reg.withinDeadline),
                known: number(reg.known),
                pending: number(reg.notRegisteredNotYetDue),
              })}
            </p>
            <Numbers
              rows={[
                ['monitoring.asylumWishes', m.registrationWithinDeadline.asylumWishes],
                ['monitoring.known', reg.known],
                ['monitoring.withinDeadline', m.registrationWithinDeadline.withinDeadline],
                ['monitoring.late', m.registrationWithinDeadline.late],
                ['monitoring.notRegisteredOverdue', m.registrationWithinDeadline.notRegisteredOverdue],
                ['monitoring.notRegisteredNotYetDue', m.registrationWithinDeadline.notRegisteredNotYetDue],
              ]}
            />
          </Card>
          {/* registrations late, with the times they state and were entered at (security issue #14) */}
          <Card
            id="registered-late"
            title={t('monitoring.lateCases')}
            basis={m.registrationWithinDeadline.legalBasis}
            indicator="registered-late"
            drill={drill}
            heading={t('monitoring.casesLate', {
              n: number(reg.late),
              known: number(reg.known),
              pending: number(reg.notRegisteredNotYetDue),
            })}
          >
            <Numbers rows={[['monitoring.late', m.registrationWithinDeadline.late]]} />
          </Card>
          <Card
            id="refusals"
            title={t('monitoring.refusals')}
            basis={m.refusalsAfterWish.legalBasis}
            indicator="refused-after-wish"
            drill={drill}
            heading={t('monitoring.casesRefused', {
              n: number(m.refusalsAfterWish.afterWish),
              of: number(m.refusalsAfterWish.refused),
            })}
          >
            <Numbers
              rows={[
                ['monitoring.refused', m.refusalsAfterWish.refused],
                ['monitoring.afterWish', m.refusalsAfterWish.afterWish],
                ['monitoring.laterRegistered', m.refusalsAfterWish.laterRegistered],
              ]}
            />
          </Card>
          <Card
            id="detentions"
            title={t('monitoring.detentions')}
            basis={m.detentionsIrregularEntryOnly.legalBasis}
            indicator="irregular-entry-detention"
            drill={drill}
            heading={t('monitoring.casesDetained', {
              n: number(m.detentionsIrregularEntryOnly.irregularEntryOnly),
              of: number(m.detentionsIrregularEntryOnly.detentions),
            })}
          >
            <p className="big">{percent(m.detentionsIrregularEntryOnly.share)}</p>
            <Numbers
              rows={[
                ['monitoring.detentionsOrdered', m.detentionsIrregularEntryOnly.detentions],
                ['monitoring.irregularEntryOnly', m.detentionsIrregularEntryOnly.irregularEntryOnly],
              ]}
            />
          </Card>
          <Card id="force" title={t('monitoring.force')} basis={m.useOfForce.legalBasis}>
            <Numbers
              rows={[
                ['monitoring.encounters', m.useOfForce.encounters],
                ['monitoring.withForce', m.useOfForce.withForce],
                ['monitoring.forcePersons', m.useOfForce.persons],
              ]}
            />
            {m.useOfForce.byKind.length > 0 && (
              <table>
                <caption>{t('monitoring.forceByKind')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monitoring.forceKind')}</th>
                    <th scope="col">{t('monitoring.encounters')}</th>
                    <th scope="col">{t('monitoring.forcePersons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.useOfForce.byKind.map((k) => (
                    <tr key={k.kind}>
                      <th scope="row">
                        {k.kind === 'not recorded' ? t('monitoring.notRecorded') : label('forceKind', k.kind)}
                      </th>
                      <td className="num">{number(k.encounters)}</td>
                      <td className="num">{number(k.persons)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          <Card
            id="deadlines"
            title={t('monitoring.deadlines')}
            basis={m.deadlines.legalBasis}
            indicator="deadline-missed"
            drill={drill}
            heading={t('monitoring.casesMissed', {
              n: number(missed),
              known: number(sum((d) => d.known)),
              pending: number(sum((d) => d.openNotYetDue)),
            })}
          >
            {m.deadlines.byKind.length === 0 ? (
              <p>{t('monitoring.noDeadlines')}</p>
            ) : (
              <table>
                <caption>{t('monitoring.deadlinesByKind')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monitoring.obligation')}</th>
                    <th scope="col">{t('monitoring.knownShort')}</th>
                    <th scope="col">{t('monitoring.met')}</th>
                    <th scope="col">{t('monitoring.metShare')}</th>
                    <th scope="col">{t('monitoring.missed')}</th>
                    <th scope="col">{t('monitoring.openOverdue')}</th>
                    <th scope="col">{t('monitoring.pendingShort')}</th>
                    <th scope="col">{t('monitoring.cancelled')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.deadlines.byKind.map((d) => (
                    <tr key={d.kind}>
                      <th scope="row">{label('obligation', d.kind)}</th>
                      <td className="num">{number(d.known)}</td>
                      <td className="num">{number(d.met)}</td>
                      <td className="num">{percent(d.share)}</td>
                      <td className="num">{number(d.missed)}</td>
                      <td className="num">{number(d.openOverdue)}</td>
                      <td className="num">{number(d.openNotYetDue)}</td>
                      <td className="num">{number(d.cancelled)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {m.deadlines.byKind.length > 0 && (
              <p className="share-of">{t('monitoring.deadlinesShareNote')}</p>
            )}
          </Card>
          {/* issue 17: the person's guarantees */}
          <GuaranteeCards m={m} />
          {/* issue 22: returns */}
          <ReturnCards m={m} />
        </>
      )}
      {period && may('account-events.read') && <AccountEvents period={period} />}
    </section>
  );
}

/** A label–number list of one indicator. */
export function Numbers({ rows }: { rows: readonly (readonly [MessageKey, number])[] }) {
  const { t, number } = useI18n();
  return (
    <dl className="numbers">
      {rows.map(([key, n]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd>{number(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Card(props: {
  id: string;
  title: string;
  basis: string;
  indicator?: Indicator;
  drill?: { from: string; to: string } | undefined;
  /** the drill-down's heading: how many cases the indicator counts, of what, and which are listed */
  heading?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = `monitoring-${props.id}`;
  return (
    <section className="card indicator" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
      <p className="article">
        {t('monitoring.legalBasis')} <span lang="en">{props.basis}</span>
      </p>
      {props.indicator && props.drill && (
        <Cases
          indicator={props.indicator}
          period={props.drill}
          title={props.title}
          heading={props.heading ?? t('monitoring.cases')}
        />
      )}
    </section>
  );
}

/** The cases behind an indicator, loaded when asked for (listing them is logged). */
function Cases(props: {
  indicator: Indicator;
  period: { from: string; to: string };
  title: string;
  heading: string;
}) {
  const { t, label, due, dateTime } = useI18n();
  const { may } = useAuth();
  const [shown, setShown] = useState<string | undefined>(undefined);
  const path = `/api/monitoring/cases${query({ indicator: props.indicator, ...props.period })}`;
  const read = useApi<CasesAnswer>(shown === path ? path : undefined);
  const items = read.data?.items;
  if (shown !== path)
    return (
      <button type="button" onClick={() => setShown(path)}>
        {t('monitoring.showCases')}
        <span className="visually-hidden"> {t('monitoring.showCasesOf', { what: props.title })}</span>
      </button>
    );
  return (
    <div className="cases">
      <h3>
        {props.title}: {props.heading}
      </h3>
      <ErrorNotice error={read.error} />
      {!read.data && !read.error && <Loading />}
      {items && items.length === 0 && <p>{t('monitoring.noCases')}</p>}
      {items && items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.at')}</th>
              <th scope="col">{t('monitoring.recordedAt')}</th>
              <th scope="col">{t('monitoring.obligation')}</th>
              <th scope="col">{t('monitoring.due')}</th>
              <th scope="col">{t('monitoring.closed')}</th>
              <th scope="col">{t('queue.case')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.caseId}-${i.kind ?? ''}-${i.dueAt ?? ''}`}>
                <td>{dateTime(i.at)}</td>
                <td>{i.recordedAt ? dateTime(i.recordedAt) : '—'}</td>
                <td>{i.kind ? label('obligation', i.kind) : '—'}</td>
                <td>{i.dueAt ? due(i.dueAt) : '—'}</td>
                <td>
                  {i.closedAt ? dateTime(i.closedAt) : '—'}
                  {i.closedRecordedAt && ` (${dateTime(i.closedRecordedAt)})`}
                </td>
                <td>
                  <Link to={`/cases/${i.caseId}`}>
                    {t('queue.open')} {i.caseId.slice(0, 8)}
                  </Link>
                  {may('findings.write') && (
                    <>
                      {' · '}
                      <Link to={`/monitoring/findings${query({ case: i.caseId })}`}>
                        {t('monitoring.recordFinding')}
                        <span className="visually-hidden"> {i.caseId.slice(0, 8)}</span>
                      </Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {read.data?.truncated && <p>{t('monitoring.truncated')}</p>}
    </div>
  );
}
