// A small language switch; the choice is remembered per role (see i18n/index.ts).
import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage, type Role } from '../i18n/index.js';

export function LangToggle({ role, className }: { role: Role; className?: string }) {
  const { t } = useTranslation('common');
  const next = currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className={`lang-toggle ${className ?? ''}`} data-testid="lang-toggle" onClick={() => switchLanguage(role, next)}>
      {t('lang.toggle')}
    </button>
  );
}
