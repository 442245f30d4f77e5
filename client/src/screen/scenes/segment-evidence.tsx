// The evidence before a question, full screen: a photo, or the undercover video (暗访) with no
// controls here — the console plays and pauses it (SPEC G11), and every screen seeks to the
// same position from the server clock. A caption names the question it belongs to.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Playback } from '../../../../shared/rundown.js';
import type { SegmentView } from '../../../../shared/segment-view.js';
import { serverNow } from '../../net/clock.js';

export const mediaUrl = (mediaId: string) => `/api/media/${encodeURIComponent(mediaId)}`;

/** Where the video should be now (seconds): the console's position, plus the time since it pressed play. */
export function playbackPosition(p: Playback, now: number): number {
  return (p.positionMs + (p.playing ? Math.max(0, now - p.at) : 0)) / 1000;
}

function SyncedVideo({ src, playback, offset }: { src: string; playback: Playback | null; offset: number }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = ref.current;
    if (!v || !playback) return;
    const at = playbackPosition(playback, serverNow(offset));
    if (Math.abs(v.currentTime - at) > 0.5) v.currentTime = at; // small drift is left alone: no stutter
    if (playback.playing) v.play().catch(() => undefined); // autoplay refused: the frame stays, the console sees it
    else v.pause();
  }, [playback, offset]);
  return <video ref={ref} className="seg-evidence__media" src={src} playsInline preload="auto" data-testid="segment-evidence-video" />;
}

export function SegmentEvidence({ seg, offset }: { seg: SegmentView; offset: number }) {
  const { t } = useTranslation('segments');
  const q = seg.item.questions[seg.questionIndex];
  const ev = q?.evidence;
  if (!q || !ev) return null;
  return (
    <div className="seg-evidence" data-testid="segment-evidence" data-type={ev.type}>
      {ev.type === 'image' ? (
        <img className="seg-evidence__media" src={mediaUrl(ev.mediaId)} alt={q.topic} data-testid="segment-evidence-image" />
      ) : (
        <SyncedVideo src={mediaUrl(ev.mediaId)} playback={seg.playback} offset={offset} />
      )}
      <p className="seg-evidence__caption">
        <span className="seg-evidence__tag">{t('phase.evidence')}</span>
        {seg.item.department} · {q.topic}
      </p>
    </div>
  );
}
