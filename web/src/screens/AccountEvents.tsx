// Account events of the period (monitors of the jurisdiction, administrators): who added, changed, reset,
// enabled or disabled which staff account, tokens issued or revoked, approvals. Staff usernames, no secrets.
import type { AccountEventBody } from '../../../src/api/contract.ts';
import { query } from '../api.ts';
import { ErrorNotice, Loading } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

export function AccountEvents({ period }: { period: { from: string; to: string } }) {
  const { t, dateTime } = useI18n();
  const read = useApi<AccountEventBody[]>(`/api/account-events${query(period)}`);
  return (
    <section className="card" aria-labelledby="account-events">
      <h2 id="account-events">{t('accountEvents.title')}</h2>
      <ErrorNotice error={read.error} />
      {!read.data && !read.error && <Loading />}
      {read.data && read.data.length === 0 && <p>{t('accountEvents.none')}</p>}
      {read.data && read.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('accountEvents.at')}</th>
              <th scope="col">{t('accountEvents.action')}</th>
              <th scope="col">{t('accountEvents.actor')}</th>
              <th scope="col">{t('accountEvents.account')}</th>
            </tr>
          </thead>
          <tbody>
            {read.data.map((e) => (
              <tr key={e.seq}>
                <td>{dateTime(e.at)}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.actor}</td>
                <td>
                  {e.username ?? '—'} {e.jurisdiction ? `(${e.jurisdiction})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
