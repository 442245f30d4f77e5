// The speaking countdown, drawn the same on the big screen, the console and the overlay:
// large digits, the warning colour in the last 30 s, "time is up" with the time over at zero.
import { useTranslation } from 'react-i18next';
import type { TimerView } from '../../../shared/segment-view.js';
import { useTick } from '../net/clock.js';
import { clockState, clockText, leftMs, overText } from './clock.js';

interface Props {
  timer: TimerView;
  offset: number;
  /** Stage pixels of the digits. */
  size: number;
  className?: string;
  testId?: string;
}

export function SpeakingClock({ timer, offset, size, className, testId = 'speaking-clock' }: Props) {
  const { t } = useTranslation('segments');
  const now = useTick(timer.status === 'running', 200);
  const left = leftMs(timer, now, offset);
  const state = clockState(left);
  return (
    <div
      className={`speaking-clock is-${state} ${timer.status === 'paused' ? 'is-paused' : ''} ${className ?? ''}`}
      data-testid={testId}
      data-state={state}
      data-left-ms={Math.round(left)}
    >
      <span className="speaking-clock__label">{timer.status === 'paused' ? t('timer.paused') : t(`timer.${timer.kind}`)}</span>
      <span className="speaking-clock__digits" style={{ fontSize: size }} data-testid={`${testId}-digits`}>
        {clockText(left)}
      </span>
      {state === 'over' && (
        <span className="speaking-clock__over" data-testid={`${testId}-over`}>
          {t('timer.timeUp')} · {t('timer.over', { time: overText(left) })}
        </span>
      )}
    </div>
  );
}
