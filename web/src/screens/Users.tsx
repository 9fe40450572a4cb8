// Accounts (administrators): who has which role in which jurisdiction; add an account (its one-time
// password is shown once), disable or enable it, reset its password. Creating, resetting or re-enabling an
// administrator waits for a second administrator (Approvals).
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { NewUserInput, PendingRequestBody, UserViewBody } from '../../../src/api/contract.ts';
import { jurisdictionFits, ROLES, type Role, UNION_ROLES } from '../../../src/domain/roles.ts';
import { ApiError, api } from '../api.ts';
import { useMe } from '../auth.tsx';
import { ErrorNotice, Field, Loading } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Approvals } from './Approvals.tsx';
import { SetupReminder } from './Setup.tsx';

type Changed = { username: string; oneTimePassword?: string } | PendingRequestBody;

export function Users() {
  const { t, label, date } = useI18n();
  const words = useErrorWords();
  const me = useMe();
  const [users, setUsers] = useState<UserViewBody[]>();
  const [error, setError] = useState<unknown>();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('border-guard');
  const [jurisdiction, setJurisdiction] = useState(me.jurisdiction === 'EU' ? 'LT' : me.jurisdiction);
  const [formError, setFormError] = useState<unknown>();
  const [secret, setSecret] = useState<{ username: string; password: string }>();
  const [pending, setPending] = useState<string>();
  const show = (r: Changed) => {
    setPending(undefined);
    if ('status' in r) setPending(r.request.username);
    else if (r.oneTimePassword) setSecret({ username: r.username, password: r.oneTimePassword });
  };

  const load = useCallback(() => api<UserViewBody[]>('GET', '/api/users').then(setUsers, setError), []);
  useEffect(() => {
    load();
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    setFormError(undefined);
    const body: NewUserInput = {
      username: username.trim(),
      role,
      jurisdiction: UNION_ROLES.includes(role) ? 'EU' : jurisdiction,
    };
    try {
      show(await api<Changed>('POST', '/api/users', body));
      setUsername('');
      await load();
    } catch (err) {
      setFormError(err);
    }
  }
  async function change(u: UserViewBody, body: { disabled?: boolean; resetPassword?: true }) {
    setError(undefined);
    try {
      show(await api<Changed>('PATCH', `/api/users/${encodeURIComponent(u.username)}`, body));
      await load();
    } catch (err) {
      setError(err);
    }
  }

  const fe = formError instanceof ApiError ? formError : undefined;
  const roles = ROLES.filter((r) => me.jurisdiction === 'EU' || jurisdictionFits(r, me.jurisdiction));
  return (
    <section>
      <h1>{t('users.title')}</h1>
      {me.jurisdiction !== 'EU' && <SetupReminder />}
      {secret && (
        <p className="notice notice-ok" role="status">
          {t('users.oneTime', { username: secret.username })} <code>{secret.password}</code>
        </p>
      )}
      {pending && (
        <p className="notice" role="status">
          {t('users.pending', { username: pending })}
        </p>
      )}
      <Approvals onDecided={(r) => (r.oneTimePassword ? show(r) : load())} />
      <form className="card" onSubmit={add} aria-labelledby="add-user">
        <h2 id="add-user">{t('users.add')}</h2>
        {fe && !fe.errors.length && <ErrorNotice error={formError} />}
        <div className="row">
          <Field label={t('login.username')} error={words.of(fe, 'username')} hint={t('users.usernameHint')}>
            {(id, d) => (
              <input
                id={id}
                required
                aria-describedby={d}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('users.role')} error={words.of(fe, 'role')}>
            {(id, d) => (
              <select
                id={id}
                aria-describedby={d}
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {label('role', r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('users.jurisdiction')} error={words.of(fe, 'jurisdiction')}>
            {(id, d) => (
              <input
                id={id}
                className="code"
                maxLength={2}
                aria-describedby={d}
                disabled={me.jurisdiction !== 'EU' || UNION_ROLES.includes(role)}
                value={UNION_ROLES.includes(role) ? 'EU' : jurisdiction}
                onChange={(e) => setJurisdiction(e.target.value.toUpperCase())}
              />
            )}
          </Field>
        </div>
        <button type="submit">{t('users.addSubmit')}</button>
      </form>
      <ErrorNotice error={error} />
      {!users && !error && <Loading />}
      {users && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('login.username')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.jurisdiction')}</th>
              <th scope="col">{t('users.since')}</th>
              <th scope="col">{t('users.state')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{label('role', u.role)}</td>
                <td>{u.jurisdiction}</td>
                <td>{date(u.createdAt)}</td>
                <td>
                  {u.disabled
                    ? t('users.disabled')
                    : u.mustChangePassword
                      ? t('users.mustChange')
                      : t('users.active')}
                </td>
                <td className="actions">
                  {u.username !== me.username && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => change(u, { disabled: !u.disabled })}
                    >
                      {u.disabled ? t('users.enable') : t('users.disable')}
                      <span className="visually-hidden"> {u.username}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => change(u, { resetPassword: true })}
                  >
                    {t('users.reset')}
                    <span className="visually-hidden"> {u.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
