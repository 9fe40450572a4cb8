// Requests of other administrators awaiting a second one (creating, resetting or re-enabling an
// administrator): approve (the one-time password, if any, is shown once) or refuse.
import { useCallback, useEffect, useState } from 'react';
import type { AccountRequestBody } from '../../../src/api/contract.ts';
import { api } from '../api.ts';
import { ErrorNotice } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function Approvals({
  onDecided,
}: {
  onDecided: (r: { username: string; oneTimePassword?: string }) => void;
}) {
  const { t, date } = useI18n();
  const [requests, setRequests] = useState<AccountRequestBody[]>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(
    () => api<AccountRequestBody[]>('GET', '/api/users/requests').then(setRequests, setError),
    [],
  );
  useEffect(() => {
    load();
  }, [load]);
  async function decide(r: AccountRequestBody, decision: 'approve' | 'refuse') {
    setError(undefined);
    try {
      onDecided(
        await api<{ username: string; oneTimePassword?: string }>(
          'POST',
          `/api/users/requests/${r.id}/${decision}`,
        ),
      );
      await load();
    } catch (err) {
      setError(err);
    }
  }
  if (!requests?.length && !error) return null;
  return (
    <section className="card" aria-labelledby="approvals">
      <h2 id="approvals">{t('users.approvals')}</h2>
      <ErrorNotice error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('login.username')}</th>
            <th scope="col">{t('users.requested')}</th>
            <th scope="col">{t('users.requestedBy')}</th>
            <th scope="col">{t('users.expires')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {requests?.map((r) => (
            <tr key={r.id}>
              <td>
                {r.username} ({r.jurisdiction})
              </td>
              <td>
                {r.kind === 'add'
                  ? t('users.requestAdd')
                  : r.change.resetPassword
                    ? t('users.reset')
                    : t('users.enable')}
              </td>
              <td>{r.requestedBy}</td>
              <td>{date(r.expiresAt)}</td>
              <td className="actions">
                <button type="button" onClick={() => decide(r, 'approve')}>
                  {t('users.approve')}
                  <span className="visually-hidden"> {r.username}</span>
                </button>
                <button type="button" className="secondary" onClick={() => decide(r, 'refuse')}>
                  {t('users.refuse')}
                  <span className="visually-hidden"> {r.username}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
