// The storage alarm: the server cannot write its data folder, so votes may be lost (or its
// open-file limit is below what the roster needs, so phones may be refused). It stays
// on top of the console, in red, until the operator dismisses it or the server reports OK.
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../net/use-console-socket.js';

export function AlarmBanner({ alarm, onDismiss }: { alarm: Alarm | null; onDismiss: () => void }) {
  const { t } = useTranslation('console');
  if (!alarm) return null;
  const bad = alarm.code === 'STORAGE_FAILED' || alarm.code === 'OPEN_FILES_LOW';
  return (
    <div className={`alarm ${bad ? 'alarm--bad' : 'alarm--ok'}`} role="alert" data-testid="alarm">
      <span>{t(`alarm.${alarm.code}`)}</span>
      <button type="button" className="btn btn--ghost" onClick={onDismiss}>
        {t('alarm.dismiss')}
      </button>
    </div>
  );
}
