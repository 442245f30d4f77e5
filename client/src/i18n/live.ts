// The 'live' namespace (the public audience page and the audience figures on the screens),
// added to i18next on first use like 'votes': the deputy's phone bundle does not carry it.
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import en from './en/live.json';
import zh from './zh-CN/live.json';
import { useVotesT } from './votes.js';

export const liveResources = { 'zh-CN': zh, en } as const;

export function useLiveT() {
  useVotesT(); // the scale's level words (满意, 基本满意 ...) live in 'votes'
  for (const [lng, res] of Object.entries(liveResources)) {
    if (!i18n.hasResourceBundle(lng, 'live')) i18n.addResourceBundle(lng, 'live', res);
  }
  return useTranslation(['live', 'votes', 'common']);
}
