// The speaking clock on the console, as large as the panel allows, with the moderator's
// buttons: pause / resume, add or take 30 s, reset to the full time, stop.
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../shared/protocol.js';
import type { TimerView } from '../../../shared/segment-view.js';
import { useTick } from '../net/clock.js';
import { durationText, leftMs } from '../segments/clock.js';
import { SpeakingClock } from '../segments/speaking-clock.js';

interface Props {
  timer: TimerView | null;
  offset: number;
  busy: boolean;
  run: (c: Command) => void;
}

export function RundownTimer({ timer, offset, busy, run }: Props) {
  const { t } = useTranslation('segments');
  const now = useTick(timer?.status === 'running', 500);
  if (!timer) return <p className="panel__hint">{t('console.noTimer')}</p>;
  // Pauses move endsAt and additions move allowedMs alike, so what is not left was used.
  const used = Math.max(0, timer.allowedMs - leftMs(timer, now, offset));
  const timerId = timer.id;
  return (
    <div className="rundown__timer" data-testid="rundown-timer">
      <SpeakingClock timer={timer} offset={offset} size={96} className="rundown__clock" testId="console-clock" />
      <p className="muted">
        {t('console.allowed', { time: durationText(timer.allowedMs) })} · {t('console.used', { time: durationText(used) })}
      </p>
      <div className="btn-row">
        {timer.status === 'running' ? (
          <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'timerPause', timerId })} aria-keyshortcuts="S" data-testid="timer-pause">
            {t('console.pause')} <kbd>S</kbd>
          </button>
        ) : (
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => run({ type: 'timerResume', timerId })} aria-keyshortcuts="S" data-testid="timer-resume">
            {t('console.resume')} <kbd>S</kbd>
          </button>
        )}
        <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'timerAdd', timerId, seconds: 30 })} data-testid="timer-add">
          {t('console.add', { n: 30 })}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'timerAdd', timerId, seconds: -30 })} data-testid="timer-take">
          {t('console.take', { n: 30 })}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'timerReset', timerId })} data-testid="timer-reset">
          {t('console.reset')}
        </button>
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => run({ type: 'timerStop', timerId })} data-testid="timer-stop">
          {t('console.stop')}
        </button>
      </div>
    </div>
  );
}
