// 签到: one button, the whole screen's purpose until the deputy is present.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors.js';
import { ACK_TIMEOUT_MS, ackResult, type AckOrTimeout } from '../net/emit.js';
import type { DeputySocket } from '../net/use-deputy-socket.js';

export function CheckIn({ socket }: { socket: DeputySocket | null }) {
  const { t } = useTranslation(['deputy', 'common']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const press = () => {
    if (!socket?.connected) return setError(errorText(t, 'NETWORK'));
    setBusy(true);
    setError(null);
    // The view that follows a successful check-in switches this screen away by itself.
    void new Promise<AckOrTimeout<object>>((resolve) => socket.timeout(ACK_TIMEOUT_MS).emit('checkIn', {}, ackResult(resolve)))
      .then((r) => {
        if (!r.ok) setError(errorText(t, r.error));
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="check-in">
      <p className="check-in__hint">{t('deputy:checkInHint')}</p>
      <button type="button" className="big-button big-button--checkin" data-testid="check-in" disabled={busy} onClick={press}>
        {busy ? t('deputy:checkingIn') : t('deputy:checkIn')}
      </button>
      {error && (
        <p className="error-text" role="alert" data-testid="check-in-error">
          {error}
        </p>
      )}
    </section>
  );
}
