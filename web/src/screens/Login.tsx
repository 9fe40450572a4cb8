// Login: username and password; a wrong pair, a locked or disabled account all answer the same. A link leads
// the public to the statistics page, which needs no login.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice, Field } from '../components.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function Login() {
  const { t } = useI18n();
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const wrong = error instanceof ApiError && error.status === 401;
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{t('login.title')}</h1>
      {wrong ? (
        <p className="notice notice-error" role="alert">
          {t('login.wrong')}
        </p>
      ) : (
        <ErrorNotice error={error} />
      )}
      <Field label={t('login.username')}>
        {(id) => (
          <input
            id={id}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('login.password')}>
        {(id) => (
          <input
            id={id}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
      <p>
        <Link to="/public">{t('login.public')}</Link>
      </p>
    </form>
  );
}
