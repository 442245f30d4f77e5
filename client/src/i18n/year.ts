// The 'year' namespace (the public year page, the supervision dashboard, the published flag and
// document attachments), added to i18next on first use like 'live': no other page carries it.
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import en from './en/year.json';
import zh from './zh-CN/year.json';

export const yearResources = { 'zh-CN': zh, en } as const;

export function useYearT(...more: string[]) {
  for (const [lng, res] of Object.entries(yearResources)) {
    if (!i18n.hasResourceBundle(lng, 'year')) i18n.addResourceBundle(lng, 'year', res);
  }
  return useTranslation(['year', ...more, 'common']);
}
