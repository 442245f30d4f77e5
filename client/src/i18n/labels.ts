// Labels every role shows for the same thing, with a neutral fallback for an item kind this
// client version does not know yet (the agenda grows new kinds as features land).
import type { TFunction } from 'i18next';

export function kindLabel(t: TFunction, kind: string): string {
  return t(`common:kind.${kind}`, { defaultValue: t('common:kind.other') });
}

/** What deputies do on an item, for "…进行中 / …已结束": 表决, 票决, 测评 (a rating is not a vote). */
export function actLabel(t: TFunction, kind: string): string {
  return t(`common:act.${kind}`, { defaultValue: t('common:act.other') });
}
