// The account: who I am, my password (a one-time password must be changed first; the new one typed twice,
// and nothing sent while the two differ), logout.
import { type FormEvent, useState } from 'react';
import { ACCOUNT_RULES } from '../../../src/domain/account-rules.ts';
import { ApiError, api } from '../api.ts';
import { useAuth, useMe } from '../auth.tsx';
import { ErrorNotice, Field, Question } from '../components.tsx';
import { useErrorWords } from '../error-words.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useOutbox } from '../outbox/use-outbox.tsx';

export function Account() {
  const { t, label } = useI18n();
  const words = useErrorWords();
  const me = useMe();
  const { logout, refresh } = useAuth();
  // issue 19: logging out with encounters not yet sent warns; they stay on this device for this user
  // unsent: waiting, sending, or refused and not yet corrected (all still hold the persons' details)
  const waiting = (useOutbox().items ?? []).filter((i) => i.state !== 'recorded').length;
  const [warnUnsent, setWarnUnsent] = useState(false);
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  /** Shown once the form was sent with two different new passwords; nothing is sent then. */
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    if (repeat !== newPassword) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      await api('POST', '/api/auth/password', { oldPassword, newPassword });
      setOld('');
      setNew('');
      setRepeat('');
      setDone(true);
      await refresh();
    } catch (err) {
      setError(err);
    }
  }
  const fieldError = error instanceof ApiError ? error : undefined;
  return (
    <section>
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.who', {
          username: me.username,
          role: label('role', me.role),
          jurisdiction: me.jurisdiction,
        })}
      </p>
      {me.mustChangePassword && (
        <p className="notice" role="status">
          {t('account.mustChange')}
        </p>
      )}
      <form className="card narrow" onSubmit={submit}>
        <h2>{t('account.changePassword')}</h2>
        {done && (
          <p className="notice notice-ok" role="status">
            {t('account.changed')}
          </p>
        )}
        {fieldError && !fieldError.errors.length && <ErrorNotice error={error} />}
        <Field label={t('account.oldPassword')} error={words.of(fieldError, 'oldPassword')}>
          {(id, d) => (
            <input
              id={id}
              type="password"
              autoComplete="current-password"
              required
              aria-describedby={d}
              value={oldPassword}
              onChange={(e) => setOld(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('account.newPassword')}
          error={words.of(fieldError, 'newPassword')}
          hint={t('account.passwordHint', { n: ACCOUNT_RULES.minPasswordLength })}
        >
          {(id, d) => (
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              required
              aria-describedby={d}
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('account.repeatPassword')}
          error={mismatch && repeat !== newPassword ? t('account.passwordsDiffer') : undefined}
        >
          {(id, d) => (
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              required
              aria-describedby={d}
              aria-invalid={mismatch && repeat !== newPassword}
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </Field>
        <button type="submit">{t('account.save')}</button>
      </form>
      {warnUnsent ? (
        <Question
          text={t('outbox.logoutWarning', { n: waiting })}
          yes={t('outbox.logoutAnyway')}
          no={t('outbox.logoutCancel')}
          onYes={() => void logout()}
          onNo={() => setWarnUnsent(false)}
        />
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => (waiting > 0 ? setWarnUnsent(true) : logout())}
        >
          {t('account.logout')}
        </button>
      )}
    </section>
  );
}
