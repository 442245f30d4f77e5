// Moderator accounts (administrators only): who can sign in, and a form to add an operator
// for the control desk. The server checks the password rules and answers a code if refused.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser, listUsers, prepareError, type UserRow } from './prepare-api.js';

export function UsersPanel({ session }: { session: string }) {
  const { t } = useTranslation(['prepare', 'common']);
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<{ username: string; password: string; role: UserRow['role'] }>({ username: '', password: '', role: 'operator' });
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    void listUsers(session).then((r) => (r.ok ? setUsers(r.value.users) : setError(prepareError(t, r.error))));
  }, [session, t]);
  useEffect(load, [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    void createUser(session, form).then((r) => {
      if (!r.ok) return setError(prepareError(t, r.error));
      setDone(t('prepare:users.created', { name: form.username }));
      setForm({ username: '', password: '', role: 'operator' });
      load();
    });
  };

  // An operator may not list users: the panel then says so once and stays out of the way.
  if (users === null && error) return <p className="panel__hint">{error}</p>;
  return (
    <section className="panel" data-testid="users-panel">
      <h2 className="panel__title">{t('prepare:users.title')}</h2>
      <p className="panel__hint">{t('prepare:users.rolesHint')}</p>
      <ul className="users__list">
        {users?.map((u) => (
          <li key={u.username}>
            <strong>{u.username}</strong> <span className="ptag">{t(`prepare:users.roles.${u.role}`)}</span>
          </li>
        ))}
      </ul>
      <form className="meeting-form" onSubmit={submit}>
        <label className="form__field">
          <span>{t('prepare:users.username')}</span>
          <input required pattern="[A-Za-z0-9_.\-]{3,32}" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
        </label>
        <label className="form__field">
          <span>{t('prepare:users.role')}</span>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value === 'admin' ? 'admin' : 'operator' })}>
            <option value="operator">{t('prepare:users.roles.operator')}</option>
            <option value="admin">{t('prepare:users.roles.admin')}</option>
          </select>
        </label>
        <label className="form__field form__field--wide">
          <span>{t('prepare:users.password')}</span>
          <input type="password" required minLength={10} autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </label>
        <p className="panel__hint form__field--wide">{t('prepare:users.rules')}</p>
        <div className="meeting-form__actions">
          <button type="submit" className="btn btn--primary">
            {t('prepare:users.add')}
          </button>
          {done && <span className="import__done">{done}</span>}
          {error && <span className="panel__error">{error}</span>}
        </div>
      </form>
    </section>
  );
}
