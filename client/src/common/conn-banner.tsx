// A strip saying the connection is down. The page keeps showing the last view under it: a
// stale figure with a warning is better than a blank screen in front of a chamber. A page
// may say more about what is safe meanwhile (`lost`: the phone says its ballot is kept).
import { useTranslation } from 'react-i18next';
import type { ConnState } from '../net/socket-core.js';

export interface LostText {
  title: string;
  detail: string;
}

export function ConnBanner({ conn, hasView, lost }: { conn: ConnState; hasView: boolean; lost?: LostText }) {
  const { t } = useTranslation('common');
  if (conn === 'online') return null;
  if (conn === 'connecting' && !hasView) {
    return (
      <div className="conn-banner" data-testid="conn-banner" role="status">
        {t('net.connecting')}
      </div>
    );
  }
  return (
    <div className="conn-banner" data-testid="conn-banner" role="status">
      <strong className="conn-banner__title">{lost?.title ?? t('net.offline')}</strong>
      {lost && <span className="conn-banner__detail">{lost.detail}</span>}
    </div>
  );
}
