// The 'votes' namespace (projects and rating ballots, their results, the console's panels and
// the printed report). It is added to i18next on first use, so the shared setup in index.ts
// need not list it; both languages are bundled, nothing is fetched.
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScaleId } from '../../../shared/model.js';
import en from './en/votes.json';
import zh from './zh-CN/votes.json';

export const votesResources = { 'zh-CN': zh, en } as const;

function ensureVotes(): void {
  for (const [lng, res] of Object.entries(votesResources)) {
    if (!i18n.hasResourceBundle(lng, 'votes')) i18n.addResourceBundle(lng, 'votes', res);
  }
}

export function useVotesT() {
  ensureVotes();
  return useTranslation(['votes', 'common']);
}

type T = ReturnType<typeof useVotesT>['t'];

/** 满意 / 基本满意 / 不满意 and the other scales' words; an unknown key shows as itself. */
export function levelLabel(t: T, scale: ScaleId, level: string | number): string {
  if (typeof level === 'number') return String(level);
  return t(`votes:level.${scale}.${level}`, { defaultValue: level });
}
