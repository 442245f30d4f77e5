// The evidence video's controls, on the console only (SPEC G11): play, pause, from the start.
// The position sent with pause is where the screens are now, computed from the server clock.
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../shared/protocol.js';
import type { SegmentView } from '../../../shared/segment-view.js';
import { serverNow, useTick } from '../net/clock.js';
import { durationText } from '../segments/clock.js';
import { playbackPosition } from '../screen/scenes/segment-evidence.js';

interface Props {
  seg: SegmentView;
  offset: number;
  busy: boolean;
  run: (c: Command) => void;
}

export function EvidenceControls({ seg, offset, busy, run }: Props) {
  const { t } = useTranslation('segments');
  const ev = seg.item.questions[seg.questionIndex]?.evidence;
  const playing = seg.playback?.playing === true;
  useTick(playing, 500);
  if (seg.phase !== 'evidence' || ev?.type !== 'video') return null;
  const pos = seg.playback ? Math.round(playbackPosition(seg.playback, serverNow(offset)) * 1000) : 0;
  return (
    <div className="btn-row rundown__evidence" data-testid="evidence-controls">
      <span className="rundown__ev">{t('console.evidence.video')}</span>
      <span className="muted" data-testid="evidence-position">
        {durationText(pos)}
      </span>
      {playing ? (
        <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'evidencePlayback', playing: false, positionMs: pos })} data-testid="evidence-pause">
          {t('console.evidence.pauseVideo')}
        </button>
      ) : (
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => run({ type: 'evidencePlayback', playing: true, positionMs: pos })} data-testid="evidence-play">
          {t('console.evidence.play')}
        </button>
      )}
      <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'evidencePlayback', playing: true, positionMs: 0 })} data-testid="evidence-restart">
        {t('console.evidence.restart')}
      </button>
    </div>
  );
}
