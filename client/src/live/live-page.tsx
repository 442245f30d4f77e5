// The public audience page (/live/<code>), for phones in WeChat's browser: what the moderator
// has put on air — the item, the segment's department, question and timer, results once
// revealed, the ranking — and, while a poll is open, the audience rating form. No login.
import type { AudienceView } from '../../../shared/audience-view.js';
import { LangToggle } from '../common/lang-toggle.js';
import { useLiveT } from '../i18n/live.js';
import { useTick } from '../net/clock.js';
import { useLiveSocket } from '../net/use-live-socket.js';
import { AudienceFigures } from './audience-figures.js';
import { LiveRate } from './live-rate.js';
import { LiveResult } from './live-result.js';
import '../styles/live.css';

const mmss = (ms: number) => {
  const s = Math.ceil(Math.abs(ms) / 1000);
  return `${ms < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function OnAir({ v, now, offset }: { v: AudienceView; now: number; offset: number }) {
  const { t } = useLiveT();
  const seg = v.segment;
  if (seg && (v.scene.kind === 'segment' || !v.item || v.item.kind === 'segment')) {
    const timer = seg.timer;
    const left = timer ? (timer.status === 'running' && timer.endsAt !== null ? timer.endsAt - (now + offset) : (timer.remainingMs ?? 0)) : null;
    const phase = ['question', 'answer'].includes(seg.phase) ? (seg.phase === 'question' ? 'asking' : 'answering') : seg.phase;
    return (
      <section className="live-card live-segment" data-testid="live-segment">
        <div className="live-segment__dept">
          <span className="live-label">{t('live:segment.department')}</span>
          <strong>{seg.department}</strong>
        </div>
        <div className="live-segment__who">
          <span className="live-label">{t('live:segment.speaker')}</span>
          {[seg.person.title, seg.person.name].filter(Boolean).join(' ')}
        </div>
        <div className="live-segment__q">
          <span className="live-badge">{t(`live:segment.${phase}`, { defaultValue: phase })}</span>
          <span>{t('live:segment.question', { i: seg.questionIndex + 1, n: seg.questionCount })}</span>
        </div>
        {seg.topic && <p className="live-segment__topic">{seg.topic}</p>}
        {left !== null && (
          <div className={`live-timer ${left < 0 ? 'is-over' : ''}`} data-testid="live-timer">
            <span className="live-label">{t(left < 0 ? 'live:segment.overtime' : 'live:segment.time')}</span>
            <span className="live-timer__digits">{mmss(left)}</span>
          </div>
        )}
      </section>
    );
  }
  if (v.scene.kind === 'message' && v.scene.text) {
    return (
      <section className="live-card" data-testid="live-message">
        <span className="live-label">{t('live:message')}</span>
        <p className="live-message">{v.scene.text}</p>
      </section>
    );
  }
  if (!v.item) return <section className="live-card live-card--quiet">{t('live:waiting')}</section>;
  return (
    <section className="live-card" data-testid="live-item">
      <span className="live-label">{t('live:onAir')}</span>
      <p className="live-card__item">{v.item.title}</p>
      {v.voting && <p className="live-note live-note--info">{t(v.voting.paused ? 'live:votingPaused' : 'live:voting')} · {t('live:resultsLater')}</p>}
    </section>
  );
}

export function LivePage({ code, group }: { code: string; group: 'online' | 'onsite' }) {
  const { t } = useLiveT();
  const { view, conn, offset, socket, device, noMeeting } = useLiveSocket(code);
  const poll = view?.open.find((p) => p.group === group) ?? null;
  const now = useTick(!!view && (poll?.endsAt != null || !!view.segment?.timer), 500);
  return (
    <div className="live-page" data-testid="live-page">
      <header className="live-head">
        <div className="live-head__title">
          <span className="live-head__badge">{t('live:title')}</span>
          <h1>{view?.meeting.title ?? ''}</h1>
        </div>
        <LangToggle role="live" className="live-head__lang" />
      </header>
      {conn === 'offline' && !noMeeting && <div className="live-banner" role="status">{t('live:offline')}</div>}
      {noMeeting && <div className="live-banner" role="status">{t('live:noMeeting')}</div>}
      {!view ? (
        <p className="live-card live-card--quiet">{t('live:connecting')}</p>
      ) : (
        <main className="live-main">
          {poll && <LiveRate key={poll.pollId} poll={poll} socket={socket} device={device} paused={view.paused} now={now} offset={offset} />}
          {!poll && view.paused && <p className="live-note live-note--warn">{t('live:rate.paused')}</p>}
          <OnAir v={view} now={now} offset={offset} />
          {view.result && view.item && <LiveResult item={view.item} result={view.result} />}
          {(view.figures.length > 0 || view.combined) && (
            <section className="live-card">
              <AudienceFigures figures={view.figures} combined={view.combined} />
            </section>
          )}
          {view.ranking.length > 0 && (
            <section className="live-card" data-testid="live-ranking">
              <h2 className="live-card__title">{t('live:ranking')}</h2>
              <ol className="live-rank">
                {view.ranking.map((r) => (
                  <li key={`${r.itemId}/${r.subjectId}`}>
                    <span className="live-rank__n">{r.rank ?? '—'}</span>
                    <span className="live-rank__name">{r.name}</span>
                    <span className="live-rank__score">{r.score === null ? '—' : r.score.toFixed(2)}</span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </main>
      )}
    </div>
  );
}
