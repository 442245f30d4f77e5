// The big screen (/screen): a 1920x1080 stage for the chamber projector and the TV feed.
// A persistent header band (the meeting) over the scene the moderator has cut to (scene-map.ts),
// with a dissolve between scenes. It paints the last view from the session cache at once, so a
// reloaded or reconnecting screen never shows a blank frame; while disconnected it keeps the
// last frame (with a small marker for the operator) rather than blanking in front of cameras.
import { useTranslation } from 'react-i18next';
import { SeeStaff } from '../common/see-staff.js';
import { useCachedScreen } from './cached-view.js';
import { SceneStage } from './scene-stage.js';
import { Stage } from './stage.js';
import { AudienceCorner, audienceBandShown } from './audience-corner.js';
import '../styles/screen.css';
import '../styles/scenes.css';
import '../styles/scene-figures.css';
import '../styles/scene-tables.css';
import '../styles/rehearsal.css';

export function ScreenPage({ meetingId }: { meetingId: string | undefined }) {
  const { t } = useTranslation(['screen', 'common']);
  const { view, offset, conn, fatal, noMeeting } = useCachedScreen(meetingId);
  if (fatal === 'PROTOCOL_MISMATCH') return <SeeStaff reason={fatal} role="screen" />;
  return (
    <Stage>
      <div className={`screen ${view && audienceBandShown(view) ? 'has-aud-band' : ''}`} data-testid="screen">
        <header className="screen__head">
          <h1 className="screen__meeting" data-testid="screen-meeting">
            {view?.meeting.title ?? t('common:appName')}
          </h1>
          <span className="screen__date">{view?.meeting.date}</span>
        </header>
        {view ? <SceneStage view={view} offset={offset} /> : <p className="screen__waiting">{noMeeting ? t('screen:waiting') : ''}</p>}
        {view && <AudienceCorner view={view} offset={offset} />}
        {view?.rehearsal && (
          // For the staff and the camera crew, not the audience: small, in the corner.
          <span className="screen__rehearsal" data-testid="screen-rehearsal-mark">
            {t('screen:rehearsal')}
          </span>
        )}
        {conn === 'offline' && view && <span className="screen__offline" data-testid="screen-offline" title={t('common:net.offline')} />}
      </div>
    </Stage>
  );
}
