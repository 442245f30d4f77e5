// i18next setup: zh-CN is the default, en the second language. Resources are per-area JSON
// files bundled with the pages that use them (the chamber LAN has no CDN). Only the phone's
// namespaces are in the entry (a deputy's phone on a weak Wi-Fi downloads no console text);
// the other pages' chunks add the rest before they render (resources.ts, app.tsx).
// The language is chosen per role (a deputy's phone and the big screen may differ) from
// ?lang=… in the URL, else what that role last used on this browser, else zh-CN.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCommon from './zh-CN/common.json';
import zhDeputy from './zh-CN/deputy.json';
import zhReceipts from './zh-CN/receipts.json';
import enCommon from './en/common.json';
import enDeputy from './en/deputy.json';
import enReceipts from './en/receipts.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Role = 'deputy' | 'screen' | 'overlay' | 'console' | 'landing' | 'live';

/** The namespaces a deputy's phone shows ('votes' is added by votes.ts on first use). */
export const phoneResources = {
  'zh-CN': { common: zhCommon, deputy: zhDeputy, receipts: zhReceipts },
  en: { common: enCommon, deputy: enDeputy, receipts: enReceipts },
} as const;

const storageKey = (role: Role) => `wz.lang.${role}`;

function isLanguage(x: string | null): x is Language {
  return x !== null && (LANGUAGES as readonly string[]).includes(x);
}

/** Accepts zh, zh-CN, zh-cn and en* in the URL; anything else is ignored. */
function normalise(x: string | null): Language | null {
  if (x === null) return null;
  const l = x.toLowerCase();
  if (l.startsWith('zh')) return 'zh-CN';
  if (l.startsWith('en')) return 'en';
  return null;
}

function readStored(role: Role): Language | null {
  try {
    const v = localStorage.getItem(storageKey(role));
    return isLanguage(v) ? v : null;
  } catch {
    return null; // storage can be disabled in some in-app browsers
  }
}

function remember(role: Role, lang: Language): void {
  try {
    localStorage.setItem(storageKey(role), lang);
  } catch {
    /* the choice then lasts for this page only */
  }
}

export function initialLanguage(role: Role, search: string): Language {
  const fromUrl = normalise(new URLSearchParams(search).get('lang'));
  if (fromUrl) {
    remember(role, fromUrl);
    return fromUrl;
  }
  return readStored(role) ?? 'zh-CN';
}

export function setupI18n(role: Role, search: string): typeof i18n {
  const lng = initialLanguage(role, search);
  void i18n.use(initReactI18next).init({
    resources: phoneResources,
    lng,
    fallbackLng: 'zh-CN',
    ns: ['common', 'deputy', 'receipts'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

export function switchLanguage(role: Role, lang: Language): void {
  remember(role, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}
