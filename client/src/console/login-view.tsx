// Sign-in for the moderator: username and password to POST /api/login; refusals (wrong
// password, too many attempts) are shown as sentences, never codes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LangToggle } from '../common/lang-toggle.js';
import { errorText } from '../i18n/errors.js';
import { login } from './api.js';
import type { Session } from './session.js';

export function LoginView({ onSignedIn, notice }: { onSignedIn: (s: Session) => void; notice: string | null }) {
  const { t } = useTranslation(['console', 'common']);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(notice);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    void login(username.trim(), password).then((r) => {
      setBusy(false);
      if (r.ok) onSignedIn({ token: r.value.session, username: r.value.username ?? username.trim(), expiresAt: r.value.expiresAt, ...(r.value.role ? { role: r.value.role } : {}) });
      // At sign-in, UNAUTHORIZED means the credentials were wrong, not an expired session.
      else setError(r.error === 'UNAUTHORIZED' ? t('console:login.wrong') : errorText(t, r.error));
    });
  };

  return (
    <main className="login">
      <LangToggle role="console" className="login__lang" />
      <form className="login__card" onSubmit={onSubmit} data-testid="login-form">
        <p className="login__app">{t('common:appName')}</p>
        <h1 className="login__title">{t('console:login.title')}</h1>
        <label className="field">
          <span>{t('console:login.username')}</span>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required data-testid="login-username" />
        </label>
        <label className="field">
          <span>{t('console:login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            data-testid="login-password"
          />
        </label>
        {error && (
          <p className="login__error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary login__submit" disabled={busy} data-testid="login-submit">
          {busy ? t('console:login.signingIn') : t('console:login.submit')}
        </button>
      </form>
    </main>
  );
}
