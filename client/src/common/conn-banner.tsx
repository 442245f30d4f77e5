// A thin strip saying the connection is down. The page keeps showing the last view under it:
// a stale figure with a warning is better than a blank screen in front of a chamber.
import { useTranslation } from 'react-i18next';
import type { ConnState } from '../net/socket-core.js';

export function ConnBanner({ conn, hasView }: { conn: ConnState; hasView: boolean }) {
  const { t } = useTranslation('common');
  if (conn === 'online') return null;
  const text = conn === 'connecting' && !hasView ? t('net.connecting') : t('net.offline');
  return (
    <div className="conn-banner" data-testid="conn-banner" role="status">
      {text}
    </div>
  );
}
