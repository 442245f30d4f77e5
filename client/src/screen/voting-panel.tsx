// While a round is open or paused: the big countdown, 已投票 n / 实到 m, and the live chart
// when the item's visibility allows it (view.result non-null).
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/model.js';
import type { RoundView } from '../../../shared/views.js';
import type { ItemResult } from '../../../shared/rules/index.js';
import { formatSeconds, secondsLeft, useTick } from '../net/clock.js';
import { LiveChart } from './live-chart.js';
import { LiveProjects, LiveRating } from './live-leaders.js';
import { Phrases } from './phrases.js';
import { actLabel } from '../i18n/labels.js';
import { STAGE_W, useStageWidth } from './stage.js';

interface Props {
  item?: AgendaItem | null;
  round: RoundView;
  present: number;
  result: ItemResult | null;
  offset: number;
}

export function VotingPanel({ item, round, present, result, offset }: Props) {
  const { t } = useTranslation(['screen', 'common']);
  const now = useTick(round.status === 'open');
  const left = secondsLeft(round, now, offset);
  const paused = round.status === 'paused';
  // The chart's column is what the stage leaves beside the clock and the turnout column.
  const chartW = 1000 - (STAGE_W - useStageWidth());
  const act = actLabel(t, item?.kind ?? 'other');
  // Held for the moderator (hidden): never promise the result at close.
  const hidden = item && 'settings' in item && item.settings.visibility === 'hidden' ? 'hiddenUntilReveal' : 'hiddenUntilClose';
  return (
    <section className="voting">
      <div className="voting__left">
        <div className={`clock ${paused ? 'clock--paused' : ''} ${left !== null && left <= 10 && !paused ? 'clock--last' : ''}`}>
          <span className="clock__label">{paused ? t('screen:paused', { act }) : t('screen:remaining')}</span>
          <span className={`clock__value ${left === null ? 'clock__value--text' : ''}`} data-testid="screen-countdown">
            {left === null ? t('screen:noCountdown') : formatSeconds(left)}
          </span>
        </div>
        <div className="cast" data-testid="screen-cast">
          <span className="cast__label">{t('screen:votedOfPresent')}</span>
          <span className="cast__value">
            <span data-testid="screen-voted">{round.voterCount}</span>
            <span className="cast__sep"> / </span>
            <span className="cast__of">{t('screen:ofPresent')}</span>
            <span data-testid="screen-voted-present">{present}</span>
          </span>
        </div>
      </div>
      <div className="voting__right">
        {result?.kind === 'motion' ? (
          <>
            <p className="voting__caption">{round.liveBatch ? t('screen:liveTallyBatched', { k: round.liveBatch }) : t('screen:liveTally')}</p>
            <LiveChart result={result} width={chartW} height={560} />
          </>
        ) : result?.kind === 'projects' && item?.kind === 'projects' ? (
          <LiveProjects item={item} result={result} batch={round.liveBatch} />
        ) : result?.kind === 'rating' && item?.kind === 'rating' ? (
          <LiveRating item={item} result={result} batch={round.liveBatch} />
        ) : (
          <p className="voting__hidden">
            <Phrases text={t(`screen:${hidden}`, { act })} />
          </p>
        )}
      </div>
    </section>
  );
}
