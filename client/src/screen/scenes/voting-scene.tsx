// 表决: the item, the countdown (an instant from the server clock), 已投票 / 实到, live tallies
// when the item's visibility allows, and the attendance column. After close, until the
// reveal: "closed, awaiting the result" (or the figures, for a live motion).
import { useTranslation } from 'react-i18next';
import type { ScreenView } from '../../../../shared/views.js';
import { MotionResult } from '../motion-result.js';
import type { SceneProps } from '../scene-props.js';
import { TurnoutSide } from '../turnout-side.js';
import { VotingPanel } from '../voting-panel.js';
import { ItemHead } from './item-head.js';

export function VotingScene({ view, offset }: SceneProps) {
  const { t } = useTranslation('screen');
  return (
    <section className="scene scene--voting" data-testid="scene-voting">
      <div className="screen__body">
        <main className="screen__main">
          {view.item ? <ItemHead view={view} size={56} /> : <p className="screen__waiting">{t('waiting')}</p>}
          {view.item && <RoundState view={view} offset={offset} />}
        </main>
        <TurnoutSide turnout={view.turnout} />
      </div>
    </section>
  );
}

function RoundState({ view, offset }: { view: ScreenView; offset: number }) {
  const { t } = useTranslation(['screen', 'common']);
  const { item, round, result } = view;
  if (!item) return null;
  if (!round) return <p className="screen__message">{t('screen:notStarted')}</p>;
  if (round.status === 'voided') return <p className="screen__message">{t('screen:voided')}</p>;
  if (round.status === 'open' || round.status === 'paused') {
    return <VotingPanel item={item} round={round} present={view.turnout.present} result={result} offset={offset} />;
  }
  if (result?.kind === 'motion' && item.kind === 'motion') {
    return <MotionResult result={result} settings={item.settings} manual={round.manual} />;
  }
  return (
    <div className="screen__closed">
      <p className="screen__message" data-testid="screen-closed">
        {t('screen:closedAwaiting')}
      </p>
      {!round.manual && (
        <p className="screen__closed-cast">
          {t('screen:votedOfPresent')} {round.voterCount} / {t('screen:ofPresent')} {view.turnout.present}
        </p>
      )}
    </div>
  );
}
