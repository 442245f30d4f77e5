// The console's words for a disclosure warning (shared/disclosure.ts): the badge and the reveal
// confirmation, naming the unit at risk and any other units at risk with it.
import type { TFunction } from 'i18next';
import type { DisclosureRisk } from '../../../shared/disclosure.js';

export function disclosureText(t: TFunction, d: DisclosureRisk, where: 'badge' | 'confirm'): string {
  const base = t(`receipts:disclosure.${where}.${d.code}`, { cast: d.cast, unit: d.unit ?? '' });
  const also = d.alsoUnits ?? [];
  return also.length === 0 ? base : base + t('receipts:disclosure.alsoUnits', { units: also.join(t('receipts:disclosure.unitSeparator')) });
}
