// The audience's rating form: one choice per subject on the item's scale, the poll's code when
// it asks for one, one submit. Answers: counted (感谢参与), a repeat (您已评价), paused, closed.
import { useState } from 'react';
import type { AudienceView } from '../../../shared/audience-view.js';
import { scaleOf } from '../../../shared/rules/scales.js';
import type { Ack } from '../../../shared/protocol.js';
import { useLiveT } from '../i18n/live.js';
import { levelLabel } from '../i18n/votes.js';
import { secondsLeft } from '../net/clock.js';
import type { LiveSocket } from '../net/use-live-socket.js';
import { markRated, ratedPolls } from './rated.js';

type Poll = AudienceView['open'][number];
type Status = 'idle' | 'sending' | 'thanks' | 'already' | 'paused' | 'closed' | 'limited' | 'wrongCode' | 'pick' | 'other';

const SCORE_STEPS = [100, 90, 80, 70, 60, 50, 40];

export function LiveRate({ poll, socket, device, paused, now, offset }: { poll: Poll; socket: LiveSocket | null; device: string | undefined; paused: boolean; now: number; offset: number }) {
  const { t } = useLiveT();
  const [picks, setPicks] = useState<Record<string, string | number>>({});
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<Status>(() => (ratedPolls().includes(poll.pollId) ? 'thanks' : 'idle'));
  const [reason, setReason] = useState('');
  const scale = poll.item.scale ?? 'three';
  const choices: (string | number)[] = scale === 'score' ? SCORE_STEPS : [...scaleOf(scale).levels];
  const left = secondsLeft({ status: 'open', endsAt: poll.endsAt, pausedRemainingMs: null }, now, offset);
  const done = status === 'thanks' || status === 'already';

  const submit = () => {
    if (!socket || !device) return;
    if (Object.keys(picks).length === 0) return setStatus('pick');
    setStatus('sending');
    const payload = { pollId: poll.pollId, device, ratings: picks, ...(poll.codeRequired ? { code } : {}) };
    socket
      .timeout(8000)
      .emitWithAck('rate', payload)
      .then((a: Ack) => {
        if (a.ok) {
          markRated(poll.pollId);
          return setStatus('thanks');
        }
        switch (a.error) {
          case 'ALREADY_VOTED':
            markRated(poll.pollId);
            return setStatus('already');
          case 'AUDIENCE_PAUSED':
            return setStatus('paused');
          case 'ROUND_CLOSED':
            return setStatus('closed');
          case 'RATE_LIMITED':
            return setStatus('limited');
          case 'WRONG_CODE':
            return setStatus('wrongCode');
          default:
            setReason(t(`common:errors.${a.error}`, { defaultValue: a.error }));
            return setStatus('other');
        }
      })
      .catch(() => {
        setReason(t('common:errors.TIMEOUT', { defaultValue: 'timeout' }));
        setStatus('other');
      });
  };

  return (
    <section className="live-card live-rate" data-testid="live-rate" aria-live="polite">
      <header className="live-rate__head">
        <h2>{t(poll.group === 'online' ? 'live:rate.openOnline' : 'live:rate.openOnsite')}</h2>
        <div className="live-rate__meta">
          {left !== null && <span className="live-rate__left" data-testid="live-rate-left">{t('live:rate.left', { s: left })}</span>}
          {poll.n !== null && <span>{t('live:rate.taken', { n: poll.n })}</span>}
        </div>
      </header>
      {paused && <p className="live-note live-note--warn" data-testid="live-paused">{t('live:rate.paused')}</p>}
      {done ? (
        <p className={`live-note ${status === 'thanks' ? 'live-note--ok' : 'live-note--info'}`} data-testid={`live-rate-${status}`}>
          {t(status === 'thanks' ? 'live:rate.thanks' : 'live:rate.already')}
        </p>
      ) : (
        <>
          <p className="live-rate__prompt">{t('live:rate.prompt')}</p>
          {poll.item.subjects.map((s) => (
            <fieldset key={s.id} className="live-subject">
              <legend>
                <span className="live-subject__name">{s.name}</span>
                {(s.title || s.person) && <span className="live-subject__who">{[s.title, s.person].filter(Boolean).join(' ')}</span>}
              </legend>
              <div className={`live-choices live-choices--${choices.length}`}>
                {choices.map((c) => (
                  <button
                    type="button"
                    key={String(c)}
                    className={`live-choice ${picks[s.id] === c ? 'is-picked' : ''}`}
                    aria-pressed={picks[s.id] === c}
                    data-testid={`live-choice-${s.id}-${String(c)}`}
                    onClick={() => setPicks((p) => ({ ...p, [s.id]: c }))}
                  >
                    {levelLabel(t, scale, c)}
                  </button>
                ))}
              </div>
            </fieldset>
          ))}
          {poll.codeRequired && (
            <label className="live-code">
              <span>{t(poll.group === 'online' ? 'live:rate.codeHint' : 'live:rate.codeHintOnsite')}</span>
              <input inputMode="numeric" pattern="[0-9]*" maxLength={4} value={code} data-testid="live-code" onChange={(e) => setCode(e.target.value.replace(/[^0-9]/g, ''))} />
            </label>
          )}
          {status !== 'idle' && status !== 'sending' && (
            <p className="live-note live-note--warn" data-testid={`live-rate-${status}`}>
              {status === 'wrongCode' ? t('common:errors.WRONG_CODE') : status === 'other' ? t('live:rate.failed', { reason }) : t(`live:rate.${status}`)}
            </p>
          )}
          {!device && <p className="live-note live-note--warn">{t('live:rate.noDevice')}</p>}
          <button type="button" className="live-submit" data-testid="live-submit" disabled={status === 'sending' || !device || !socket} onClick={submit}>
            {t(status === 'sending' ? 'live:rate.sending' : 'live:rate.submit')}
          </button>
        </>
      )}
    </section>
  );
}
