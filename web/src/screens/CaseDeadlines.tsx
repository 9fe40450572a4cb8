// A case's deadlines: each obligation, when it is due, its state and its article. An open obligation past
// its due time reads "overdue by …" (from the server's time of the read), not "open".
import type { CaseViewBody } from '../../../src/api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Obligation = CaseViewBody['obligations'][number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function CaseDeadlines({ obligations, asOf }: { obligations: readonly Obligation[]; asOf: string }) {
  const { t, label, dateTime, due, locale } = useI18n();
  if (obligations.length === 0) return <p className="muted">{t('case.noDeadlines')}</p>;
  // "2 days 5 hours" / "2 dienos 5 valandos": the language's own plural forms
  const unit = (n: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  const late = (dueAt: string) => {
    const ms = Math.max(0, Date.parse(asOf) - Date.parse(dueAt));
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    if (days > 0)
      return hours > 0 && days < 7 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
    if (hours > 0) return unit(hours, 'hour');
    return unit(Math.max(1, Math.floor(ms / MINUTE)), 'minute');
  };
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('queue.kind')}</th>
          <th scope="col">{t('queue.due')}</th>
          <th scope="col">{t('case.obligationStatus')}</th>
          <th scope="col">{t('queue.article')}</th>
        </tr>
      </thead>
      <tbody>
        {obligations.map((o) => (
          <tr key={`${o.kind}-${o.dueAt}`} className={`obligation-${o.status}${o.overdue ? ' overdue' : ''}`}>
            <td>{label('obligation', o.kind)}</td>
            <td>{due(o.dueAt)}</td>
            <td>
              {o.overdue ? (
                <strong>{t('case.overdueBy', { time: late(o.dueAt) })}</strong>
              ) : (
                label('obligationStatus', o.status)
              )}
              {/* closed: the time the closing action states, and when it was entered */}
              {o.closedAt && (
                <span className="muted">
                  {' '}
                  · {dateTime(o.closedAt)}
                  {o.closedRecordedAt && ` (${t('case.entered', { time: dateTime(o.closedRecordedAt) })})`}
                </span>
              )}
            </td>
            <td className="article">{o.article}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
