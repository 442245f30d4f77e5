// /console/gallery: the design system on one page. The tokens as they are in tokens.css (read
// from the loaded style sheets, so a new token shows up without touching this page), the
// shared components, and every big-screen scene drawn by its real component from sample data
// (fixtures.ts). Change a token and every surface's use of it is seen here at once.
// No sign-in: it holds sample data only, and designers and the TV crew may look at it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox } from '../confirm-box.js';
import { ScenePreview } from '../scene-preview.js';
import { sceneSamples } from './fixtures.js';
import '../../styles/console.css';
import '../../styles/screen.css';
import '../../styles/scenes.css';
import '../../styles/scene-figures.css';
import '../../styles/scene-tables.css';
import '../../styles/screen-votes.css';
import '../../styles/segments.css';
import '../../styles/scene-panel.css';
import '../../styles/gallery.css';

type Token = { name: string; value: string };

/** Every custom property declared on :root by the loaded style sheets, in declaration order. */
function rootTokens(): Token[] {
  const out = new Map<string, string>();
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a sheet from another origin
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSStyleRule) || rule.selectorText !== ':root') continue;
      for (const name of Array.from(rule.style)) if (name.startsWith('--')) out.set(name, rule.style.getPropertyValue(name).trim());
    }
  }
  return [...out].map(([name, value]) => ({ name, value }));
}

const isColour = (t: Token) => /^(--c-|--(red|gold|navy|paper|ink|muted|white|black|for|against|abstain|notvoted))/.test(t.name);

export function GalleryPage() {
  const { t } = useTranslation('console');
  const tokens = useMemo(rootTokens, []);
  const samples = useMemo(sceneSamples, []);
  // The sample sitting's clock: countdowns show their time as at the fixture's instant.
  const offset = useMemo(() => (samples[0]?.view.serverNow ?? Date.now()) - Date.now(), [samples]);
  const group = (prefix: string) => tokens.filter((x) => x.name.startsWith(prefix));
  return (
    <div className="console gallery" data-testid="gallery">
      <header className="console__head">
        <span className="console__app">{t('gallery.title')}</span>
        <span className="console__meeting">{t('gallery.note')}</span>
      </header>
      <main className="gallery__body">
        <section className="panel">
          <h2 className="panel__title">{t('gallery.colours')}</h2>
          <ul className="gallery__swatches" data-testid="gallery-colours">
            {tokens.filter(isColour).map((x) => (
              <li key={x.name} className="gallery__swatch">
                <span className="gallery__chip" style={{ background: `var(${x.name})` }} />
                <code>{x.name}</code>
                <small className="muted">{x.value}</small>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h2 className="panel__title">{t('gallery.type')}</h2>
          <ul className="gallery__type" data-testid="gallery-type">
            {group('--fs-').map((x) => (
              <li key={x.name}>
                <code>
                  {x.name} {x.value}
                </code>
                <span style={{ fontSize: `var(${x.name})` }}>问政表决台 赞成 反对 弃权 123</span>
              </li>
            ))}
          </ul>
        </section>
        <div className="gallery__row">
          <section className="panel">
            <h2 className="panel__title">{t('gallery.spacing')}</h2>
            <ul className="gallery__bars" data-testid="gallery-spacing">
              {group('--sp-').map((x) => (
                <li key={x.name}>
                  <code>{x.name}</code>
                  <span className="gallery__bar" style={{ width: `var(${x.name})` }} />
                  <small className="muted">{x.value}</small>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel">
            <h2 className="panel__title">{t('gallery.radii')}</h2>
            <ul className="gallery__radii" data-testid="gallery-radii">
              {group('--r-').map((x) => (
                <li key={x.name}>
                  <span className="gallery__corner" style={{ borderRadius: `var(${x.name})` }} />
                  <code>{x.name}</code>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <section className="panel" data-testid="gallery-components">
          <h2 className="panel__title">{t('gallery.components')}</h2>
          <div className="btn-row">
            <button type="button" className="btn">
              {t('round.cancel')}
            </button>
            <button type="button" className="btn btn--primary">
              {t('round.start')}
            </button>
            <button type="button" className="btn btn--danger">
              {t('round.voidConfirm')}
            </button>
            <button type="button" className="btn btn--small">
              {t('round.addTime')}
            </button>
            <button type="button" className="btn btn--primary btn--big">
              {t('round.close')}
            </button>
            <button type="button" className="btn" disabled>
              {t('round.pause')}
            </button>
            <button type="button" className="btn btn--link">
              {t('round.void')}
            </button>
          </div>
          <p>
            <span className="pill">{t('gallery.pill')}</span>
            <span className="pill pill--live">{t('gallery.pillLive')}</span>
            <span className="pill pill--warn">{t('gallery.pillWarn')}</span>
            <span className="pill pill--screen">{t('gallery.pillScreen')}</span>
          </p>
          <label className="field field--inline">
            <span>{t('round.countdown')}</span>
            <input type="number" defaultValue={60} />
          </label>
          <p className="panel__hint">{t('gallery.hint')}</p>
          <p className="panel__error">{t('gallery.error')}</p>
          <ConfirmBox message={t('round.closeConfirmMissing', { missing: 3, voted: 21, present: 24 })} yes={t('round.close')} no={t('round.keepVoting')} tone="danger" disabled={false} onYes={() => undefined} onCancel={() => undefined} testId="gallery-confirm" yesTestId="gallery-confirm-yes" />
        </section>
        <section className="panel">
          <h2 className="panel__title">{t('gallery.scenes')}</h2>
          <ul className="gallery__scenes" data-testid="gallery-scenes">
            {samples.map((x, i) => (
              <li key={i}>
                <ScenePreview view={x.view} offset={offset} width={560} testId={`gallery-scene-${i}`} />
                <small className="muted">{x.label}</small>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
