// /overlay: a 1920x1080 graphics layer for a vision mixer's browser source. The page itself is
// transparent (or one solid key colour, ?key=); only the lower third is drawn, inside the
// title-safe area, following the scene the moderator cuts to on the big screen.
import { useEffect, useState } from 'react';
import { useCachedScreen } from '../screen/cached-view.js';
import { sceneKey, transitionOf } from '../screen/scene-stage.js';
import { LowerThird } from './lower-third.js';
import { SegmentLowerThird } from './segment-lower-third.js';
import { OverlayAudienceCorner } from './audience-corner.js';
import { KEY_COLOURS, overlayOptions, SAFE } from './overlay-options.js';
import '../styles/overlay.css';

function fit() {
  return Math.min(window.innerWidth / SAFE.width, window.innerHeight / SAFE.height);
}

export function OverlayPage({ meetingId, search }: { meetingId: string | undefined; search: string }) {
  const opts = overlayOptions(search);
  const { view, offset } = useCachedScreen(meetingId);
  const [scale, setScale] = useState(fit);
  const background = opts.key ? KEY_COLOURS[opts.key] : 'transparent';

  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useEffect(() => {
    // The browser source keys on alpha: nothing behind the stage may paint.
    document.documentElement.style.background = background;
    document.body.style.background = background;
  }, [background]);

  return (
    <div className="overlay" data-testid="overlay" style={{ transform: `scale(${scale})` }}>
      {opts.guides && (
        <>
          <div className="overlay__safe overlay__safe--action" />
          <div className="overlay__safe overlay__safe--title" />
        </>
      )}
      {view && <OverlayAudienceCorner view={view} offset={offset} pos={opts.pos} />}
      <div className={`overlay__slot overlay__slot--${opts.pos}`}>
        {view && (
          // A new scene brings its graphic in with the director's transition (B14).
          <div key={sceneKey(view)} className={`overlay__scene is-${transitionOf(view)}`} data-transition={transitionOf(view)}>
            {view.scene.kind === 'segment' ? <SegmentLowerThird view={view} offset={offset} /> : <LowerThird view={view} offset={offset} />}
          </div>
        )}
      </div>
    </div>
  );
}
