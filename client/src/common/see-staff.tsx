// The page a phone shows when it cannot go on by itself (bad or revoked link, a page that
// stays out of date): one clear sentence and nothing to press but the language switch.
import { useTranslation } from 'react-i18next';
import type { Fatal } from '../net/socket-core.js';
import type { Role } from '../i18n/index.js';
import { LangToggle } from './lang-toggle.js';

export function SeeStaff({ reason, role }: { reason: Exclude<Fatal, 'UNAUTHORIZED'> | 'NO_MEETING'; role: Role }) {
  const { t } = useTranslation('common');
  return (
    <main className="see-staff" data-testid="see-staff" role="alert">
      <LangToggle role={role} className="see-staff__lang" />
      <div className="see-staff__mark" aria-hidden="true">
        !
      </div>
      <h1 className="see-staff__title">{t('staff.title')}</h1>
      <p className="see-staff__text">{t(`staff.${reason}`)}</p>
    </main>
  );
}
