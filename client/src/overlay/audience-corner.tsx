// The overlay's audience corner (SPEC Y21): while 网络评议 is open, the live link's QR code, the
// code for TV, the countdown and how many took part so far, in the corner opposite the lower
// third and inside the title-safe area; and, once the poll is closed and the deputies' result
// revealed (Y4), the audience's line under the lower third's figures (AudienceLine), labelled
// as its own figure and never merged into the deputies'.
import type { ScreenView } from '../../../shared/views.js';
import { useLiveT } from '../i18n/live.js';
import { AudienceOpenCard, pollOnAir } from '../screen/audience-corner.js';
import '../styles/screen-audience.css';

export function OverlayAudienceCorner({ view, offset, pos }: { view: ScreenView; offset: number; pos: 'top' | 'bottom' }) {
  const open = pollOnAir(view);
  if (!open) return null;
  // Opposite the lower third: it never covers the item's title or figures.
  return <AudienceOpenCard view={view} open={open} offset={offset} className={`overlay__aud overlay__aud--${pos === 'top' ? 'bottom' : 'top'}`} testId="overlay-audience" qrSize={168} />;
}

const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);

/**
 * 网络满意度 (and 现场观众, and the combined figure with its weights) of the subject the lower third
 * shows: the only one, or the best-ranked one of several. Nothing before the screen has them (Y4).
 */
export function AudienceLine({ view, subjectId }: { view: ScreenView; subjectId: string | null }) {
  const { t } = useLiveT();
  const a = view.audience;
  if (!a || subjectId === null || (a.figures.length === 0 && !a.combined)) return null;
  const c = a.combined;
  return (
    <p className="lower-third__audience" data-testid="lower-third-audience">
      {a.figures.map((f) => {
        const x = f.subjects.find((s) => s.subjectId === subjectId);
        return (
          <span key={f.pollId} className="lower-third__fig" data-testid={`lower-third-audience-${f.group}`}>
            <span className="lower-third__label">{t(f.group === 'online' ? 'live:figures.online' : 'live:figures.onsite')}</span>
            <span className="lower-third__value">{pct(x?.satisfactionRate)}</span>
            <span className="lower-third__note">{t('live:figures.took', { n: f.n })}</span>
          </span>
        );
      })}
      {c && (
        <span className="lower-third__fig" data-testid="lower-third-audience-combined">
          <span className="lower-third__label">{t('live:figures.combined')}</span>
          <span className="lower-third__value">{pct(c.subjects.find((s) => s.subjectId === subjectId)?.satisfactionRate)}</span>
          <span className="lower-third__note">{t('live:figures.weights', { d: c.weights.deputies, o: c.weights.online, s: c.weights.onsite })}</span>
        </span>
      )}
    </p>
  );
}
