// The self-hosted CJK font comes in unicode-range pieces, fetched only when a character first
// appears. The words a phone shows when the network is gone (连接中断，请勿关闭页面, 计时以大屏为准,
// 等待网络恢复…) appear for the first time exactly when nothing can be fetched, and came out as
// boxes. So, while online, the page asks the browser to load the pieces those words need.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const OFFLINE_KEYS = [
  'deputy:net.lost',
  'deputy:net.keptBallot',
  'deputy:net.keptChoices',
  'deputy:countdownOffline',
  'deputy:savedOnPhone',
  'deputy:waitingNetwork',
  'deputy:retrying',
  'deputy:notVoted',
  'deputy:notVotedHint',
  'deputy:submitting',
  'deputy:submittingHint',
  'common:net.connecting',
  'common:net.offline',
] as const;

export function useWarmOfflineFont(): void {
  const { t, i18n } = useTranslation(['deputy', 'common']);
  const lang = i18n.language;
  useEffect(() => {
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    if (!fonts?.load) return;
    const text = OFFLINE_KEYS.map((k) => t(k)).join('');
    const family = getComputedStyle(document.body).fontFamily;
    // Both weights: the banner's title is bold, its detail regular.
    for (const weight of [400, 700]) void fonts.load(`${weight} 16px ${family}`, text).catch(() => undefined);
  }, [t, lang]);
}
