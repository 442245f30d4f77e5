// The audience on the big screen (and the TV overlay): while 网络评议 is open, a corner card with
// the QR code of the public page, the rating code, the countdown and how many took part; on the
// result of a rated item, 网络满意度 beside the deputies' figures, and the combined figure with
// its weights (SPEC Y4, Y5). Placed inside the title-safe area, bottom right.
import type { AudienceOpenView } from '../../../shared/audience-figures.js';
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

/** The poll on air for the public: the online one first (the hall's has no QR, its code stays off screens). */
export function pollOnAir(view: ScreenView): AudienceOpenView | null {
  const a = view.audience;
  return a?.open.find((p) => p.group === 'online') ?? a?.open[0] ?? null;
}

/**
 * The open poll's card: the live link's QR code (online polls), the code for TV, the countdown and
 * how many took part so far; 网络评议暂停 while the counter is away (Y6). The screen's corner and
 * the overlay's (client/src/overlay/audience-corner.tsx) both draw it.
 */
export function AudienceOpenCard({ view, open, offset, className, testId, qrSize }: { view: ScreenView; open: AudienceOpenView; offset: number; className: string; testId: string; qrSize: number }) {
  const { t } = useLiveT();
  const now = useTick(open.endsAt != null, 500);
  const a = view.audience;
  const left = secondsLeft({ status: 'open', endsAt: open.endsAt, pausedRemainingMs: null }, now, offset);
  return (
    <aside className={className} data-testid={`${testId}-open`}>
      {a?.link && open.group === 'online' && <LinkQr url={a.link.url} size={qrSize} />}
      <div className="aud-corner__text">
        <strong>{t(open.group === 'online' ? 'live:rate.openOnline' : 'live:rate.openOnsite')}</strong>
        {a?.paused ? (
          <span className="aud-corner__paused" data-testid={`${testId}-paused`}>{t('live:rate.paused')}</span>
        ) : (
          <>
            {open.code && (
              <span className="aud-corner__code">
                {t('live:rate.code')} <b data-testid={`${testId}-code`}>{open.code}</b>
              </span>
            )}
            {left !== null && <span data-testid={`${testId}-left`}>{t('live:rate.left', { s: left })}</span>}
            {open.n !== null && <span data-testid={`${testId}-n`}>{t('live:rate.taken', { n: open.n })}</span>}
          </>
        )}
      </div>
    </aside>
  );
}

export function AudienceCorner({ view, offset }: { view: ScreenView; offset: number }) {
  const a = view.audience;
  const open = pollOnAir(view);
  if (!a) return null;
  const showFigures = audienceBandShown(view);
  if (!open && !showFigures) return null;
  return (
    <>
      {open && <AudienceOpenCard view={view} open={open} offset={offset} className="aud-corner" testId="screen-audience" qrSize={152} />}
      {showFigures && <AudienceFigures figures={a.figures} combined={a.combined} className="aud-band" />}
    </>
  );
}
