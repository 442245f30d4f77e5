// Every page's texts, both languages: the phone's namespaces (index.ts) and the rest, which
// the console, screen, overlay and landing chunks add before they render (app.tsx), so the
// deputy's entry bundle carries none of them.
import i18n from 'i18next';
import zhCommon from './zh-CN/common.json';
import zhDeputy from './zh-CN/deputy.json';
import zhScreen from './zh-CN/screen.json';
import zhConsole from './zh-CN/console.json';
import zhSegments from './zh-CN/segments.json';
import zhScenes from './zh-CN/scenes.json';
import zhOverlay from './zh-CN/overlay.json';
import zhPrepare from './zh-CN/prepare.json';
import zhReceipts from './zh-CN/receipts.json';
import zhSupervision from './zh-CN/supervision.json';
import zhProjects from './zh-CN/projects.json';
import enCommon from './en/common.json';
import enDeputy from './en/deputy.json';
import enScreen from './en/screen.json';
import enConsole from './en/console.json';
import enSegments from './en/segments.json';
import enScenes from './en/scenes.json';
import enOverlay from './en/overlay.json';
import enPrepare from './en/prepare.json';
import enReceipts from './en/receipts.json';
import enSupervision from './en/supervision.json';
import enProjects from './en/projects.json';

export const resources = {
  'zh-CN': { common: zhCommon, deputy: zhDeputy, screen: zhScreen, console: zhConsole, segments: zhSegments, scenes: zhScenes, overlay: zhOverlay, prepare: zhPrepare, receipts: zhReceipts, supervision: zhSupervision, projects: zhProjects },
  en: { common: enCommon, deputy: enDeputy, screen: enScreen, console: enConsole, segments: enSegments, scenes: enScenes, overlay: enOverlay, prepare: enPrepare, receipts: enReceipts, supervision: enSupervision, projects: enProjects },
} as const;

/** Adds every namespace this browser's i18next does not have yet. */
export function addAllResources(): void {
  for (const [lng, byNs] of Object.entries(resources)) {
    for (const [ns, res] of Object.entries(byNs)) if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, res);
  }
}
