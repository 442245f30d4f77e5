// Small formatting shared by the supervision page's parts: refusals as sentences, rates.
import type { TFunction } from 'i18next';
import { errorText } from '../i18n/errors.js';

/** A supervision refusal in words (supervision.json), else the common message for the code. */
export function refusal(t: TFunction, code: string): string {
  const key = `supervision:errors.${code}`;
  return t(`projects:errors.${code}`, { defaultValue: '' }) || t(key, { defaultValue: '' }) || errorText(t, code);
}

export const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
