// The audience on the big screen (and the TV overlay): while 网络评议 is open, a corner card with
// the QR code of the public page, the rating code, the countdown and how many took part; on the
// result of a rated item, 网络满意度 beside the deputies' figures, and the combined figure with
// its weights (SPEC Y4, Y5). Placed inside the title-safe area, bottom right.
import type { ScreenView } from '../../../shared/views.js';
import { LinkQr } from '../console/link-qr.js';
import { useLiveT } from '../i18n/live.js';
import { secondsLeft, useTick } from '../net/clock.js';
import { AudienceFigures } from '../live/audience-figures.js';
import '../styles/screen-audience.css';

/** The audience band is on: a revealed result of an item the audience rated (screen-page.tsx
 *  makes room for it, so it never covers the deputies' figures). */
export function audienceBandShown(view: ScreenView): boolean {
  const a = view.audience;
  return !!a && view.scene.kind === 'result' && (a.figures.length > 0 || a.combined !== null);
}

export function AudienceCorner({ view, offset }: { view: ScreenView; offset: number }) {
  const { t } = useLiveT();
  const a = view.audience;
  const open = a?.open.find((p) => p.group === 'online') ?? a?.open[0] ?? null;
  const now = useTick(open?.endsAt != null, 500);
  if (!a) return null;
  const showFigures = audienceBandShown(view);
  if (!open && !showFigures) return null;
  const left = open ? secondsLeft({ status: 'open', endsAt: open.endsAt, pausedRemainingMs: null }, now, offset) : null;
  return (
    <>
      {open && (
        <aside className="aud-corner" data-testid="screen-audience-open">
          {a.link && open.group === 'online' && <LinkQr url={a.link.url} size={152} />}
          <div className="aud-corner__text">
            <strong>{t(open.group === 'online' ? 'live:rate.openOnline' : 'live:rate.openOnsite')}</strong>
            {a.paused ? (
              <span className="aud-corner__paused" data-testid="screen-audience-paused">{t('live:rate.paused')}</span>
            ) : (
              <>
                {open.code && (
                  <span className="aud-corner__code">
                    {t('live:rate.code')} <b data-testid="screen-audience-code">{open.code}</b>
                  </span>
                )}
                {left !== null && <span>{t('live:rate.left', { s: left })}</span>}
                {open.n !== null && <span data-testid="screen-audience-n">{t('live:rate.taken', { n: open.n })}</span>}
              </>
            )}
          </div>
        </aside>
      )}
      {showFigures && <AudienceFigures figures={a.figures} combined={a.combined} className="aud-band" />}
    </>
  );
}
