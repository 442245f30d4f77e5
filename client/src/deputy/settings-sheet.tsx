// The phone's small menu: a 设置 button in the header opens a sheet with the language and the
// 大字 (large text) switch. Both used to be, or would be, small targets on every screen; here
// they are full-width rows a thumb cannot miss, out of the way of the ballot.
// 大字 is kept on this phone (localStorage) and applied as a class on <html>, which scales the
// phone's type tokens (deputy.css), so every screen grows at once.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, switchLanguage } from '../i18n/index.js';

const LARGE_KEY = 'wz.phone.largeText';

function readLarge(): boolean {
  try {
    return localStorage.getItem(LARGE_KEY) === '1';
  } catch {
    return false;
  }
}

function storeLarge(on: boolean): void {
  try {
    localStorage.setItem(LARGE_KEY, on ? '1' : '0');
  } catch {
    /* lasts for this page only */
  }
}

/** 大字 on or off, remembered on this phone, applied to the whole page. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(readLarge);
  // Before paint: a reloaded page must not flash in small type first.
  useLayoutEffect(() => {
    document.documentElement.classList.toggle('large-text', on);
    return () => document.documentElement.classList.remove('large-text');
  }, [on]);
  return [
    on,
    (next) => {
      storeLarge(next);
      setOn(next);
    },
  ];
}

export function SettingsMenu() {
  const { t } = useTranslation(['deputy']);
  const [open, setOpen] = useState(false);
  const [large, setLarge] = useLargeText();
  const [lang, setLang] = useState(currentLanguage);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button type="button" className="settings-button" data-testid="settings" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        <span aria-hidden="true">⋯</span> {t('deputy:settings.open')}
      </button>
      {open && (
        <div className="sheet-backdrop" onClick={() => setOpen(false)}>
          <section className="sheet" role="dialog" aria-modal="true" aria-labelledby="settings-title" data-testid="settings-sheet" onClick={(e) => e.stopPropagation()}>
            <h2 className="sheet__title" id="settings-title">
              {t('deputy:settings.title')}
            </h2>
            <p className="sheet__label">{t('deputy:settings.language')}</p>
            <div className="sheet__choices" role="group" aria-label={t('deputy:settings.language')}>
              {LANGUAGES.map((l) => (
                <button
                  key={l}
                  type="button"
                  lang={l}
                  className={`sheet__choice ${lang === l ? 'is-on' : ''}`}
                  aria-pressed={lang === l}
                  data-testid={`lang-${l}`}
                  onClick={() => {
                    switchLanguage('deputy', l);
                    setLang(l);
                  }}
                >
                  {t(`deputy:langName.${l}`)}
                </button>
              ))}
            </div>
            <button type="button" role="switch" aria-checked={large} className={`sheet__switch ${large ? 'is-on' : ''}`} data-testid="large-text" onClick={() => setLarge(!large)}>
              <span className="sheet__switch-text">
                <span className="sheet__switch-name">{t('deputy:settings.large')}</span>
                <span className="sheet__switch-hint">{t('deputy:settings.largeHint')}</span>
              </span>
              <span className="sheet__knob" aria-hidden="true" />
            </button>
            <button ref={closeRef} type="button" className="big-button big-button--quiet" data-testid="settings-close" onClick={() => setOpen(false)}>
              {t('deputy:settings.done')}
            </button>
          </section>
        </div>
      )}
    </>
  );
}
