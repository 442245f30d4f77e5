// HTML for the plain page, built as strings: every value from a meeting (names, titles, items)
// goes through esc(). No script and no inline style anywhere: the CSP allows neither, and the
// page must work on a phone that runs no JavaScript at all.
import type { Lang, T } from './text.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Hidden inputs of a sealed form. */
export function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
}

export interface Shell {
  lang: Lang;
  t: T;
  title: string;
  body: string;
  /** Seconds until the page reloads itself (waiting for a round to open or close); none while a form is being filled. */
  refreshSec?: number;
  /** The same page in the other language, and the JS page. */
  otherLangHref: string;
  fullPageHref?: string;
}

export function page(p: Shell): string {
  const refresh = p.refreshSec ? `<meta http-equiv="refresh" content="${p.refreshSec}">` : '';
  const foot = [
    `<a href="${esc(p.otherLangHref)}" lang="${p.lang === 'en' ? 'zh-CN' : 'en'}">${esc(p.t('langSwitch'))}</a>`,
    p.fullPageHref ? `<a href="${esc(p.fullPageHref)}">${esc(p.t('fullPage'))}</a>` : '',
  ].join(' ');
  return `<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="format-detection" content="telephone=no">
${refresh}
<title>${esc(p.title)}</title>
<link rel="stylesheet" href="/plain.css">
<link rel="stylesheet" href="/plain-fonts.css">
</head>
<body>
<main>
${p.body}
</main>
<footer>${foot}</footer>
</body>
</html>
`;
}

/** A notice box: 'ok' (recorded), 'bad' (refused), 'info'. */
export function notice(kind: 'ok' | 'bad' | 'info', text: string, extra = ''): string {
  return `<div class="notice ${kind}" role="${kind === 'bad' ? 'alert' : 'status'}"><p>${esc(text)}</p>${extra}</div>`;
}

export function minutes(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
