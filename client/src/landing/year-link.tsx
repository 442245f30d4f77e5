// The front door's link to the year's public page, shown once the committee has published
// something (an empty public page is not worth a visit).
import { useEffect, useState } from 'react';
import { useYearT } from '../i18n/year.js';
import { loadPublicYear } from '../year/api.js';

export function YearLink() {
  const { t } = useYearT();
  const [any, setAny] = useState(false);
  useEffect(() => {
    void loadPublicYear().then((d) => setAny(!!d && d.cases.length + d.projects.length > 0));
  }, []);
  if (!any) return null;
  return (
    <a className="landing__link" href="/year" data-testid="link-year">
      <strong>{t('nav.landing')}</strong>
      <span>{t('nav.landingHint')}</span>
    </a>
  );
}
