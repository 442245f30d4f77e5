// The evidence before a question, full screen: a photo, or the undercover video (暗访) with no
// controls here — the console plays and pauses it. A caption names the question it belongs to.
import { useTranslation } from 'react-i18next';
import type { SegmentView } from '../../../../shared/segment-view.js';

export const mediaUrl = (mediaId: string) => `/api/media/${encodeURIComponent(mediaId)}`;

export function SegmentEvidence({ seg }: { seg: SegmentView }) {
  const { t } = useTranslation('segments');
  const q = seg.item.questions[seg.questionIndex];
  const ev = q?.evidence;
  if (!q || !ev) return null;
  return (
    <div className="seg-evidence" data-testid="segment-evidence" data-type={ev.type}>
      {ev.type === 'image' ? (
        <img className="seg-evidence__media" src={mediaUrl(ev.mediaId)} alt={q.topic} data-testid="segment-evidence-image" />
      ) : (
        <video className="seg-evidence__media" src={mediaUrl(ev.mediaId)} autoPlay playsInline preload="auto" data-testid="segment-evidence-video" />
      )}
      <p className="seg-evidence__caption">
        <span className="seg-evidence__tag">{t('phase.evidence')}</span>
        {seg.item.department} · {q.topic}
      </p>
    </div>
  );
}
