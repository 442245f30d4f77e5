// The plain page's words, from the client's locale files (UI text lives only there): the page's
// own namespace (plain.json), and the phone's words it shares with the JS page (choices, scale
// levels, refusal messages). zh-CN unless the deputy asks for English (?lang=en) or the browser
// prefers it (Accept-Language).
import zhCommon from '../../client/src/i18n/zh-CN/common.json' with { type: 'json' };
import zhDeputy from '../../client/src/i18n/zh-CN/deputy.json' with { type: 'json' };
import zhVotes from '../../client/src/i18n/zh-CN/votes.json' with { type: 'json' };
import zhPlain from '../../client/src/i18n/zh-CN/plain.json' with { type: 'json' };
import enCommon from '../../client/src/i18n/en/common.json' with { type: 'json' };
import enDeputy from '../../client/src/i18n/en/deputy.json' with { type: 'json' };
import enVotes from '../../client/src/i18n/en/votes.json' with { type: 'json' };
import enPlain from '../../client/src/i18n/en/plain.json' with { type: 'json' };

export type Lang = 'zh-CN' | 'en';

const RESOURCES: Record<Lang, Record<string, unknown>> = {
  'zh-CN': { common: zhCommon, deputy: zhDeputy, votes: zhVotes, plain: zhPlain },
  en: { common: enCommon, deputy: enDeputy, votes: enVotes, plain: enPlain },
};

/** ?lang= wins; else the first of zh / en the browser lists; else zh-CN. */
export function pickLang(query: unknown, acceptLanguage: string | undefined): { lang: Lang; explicit: boolean } {
  if (query === 'en' || query === 'zh-CN') return { lang: query, explicit: true };
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return { lang: 'zh-CN', explicit: false };
    if (tag.startsWith('en')) return { lang: 'en', explicit: false };
  }
  return { lang: 'zh-CN', explicit: false };
}

export type T = (key: string, vars?: Record<string, string | number>) => string;

/** `t('plain:title')`, `t('common:choice.for')`; {{name}} placeholders filled from vars. A missing key shows as itself. */
export function translator(lang: Lang): T {
  return (key, vars) => {
    const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['plain', key];
    let node: unknown = RESOURCES[lang][ns];
    for (const k of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
  };
}
