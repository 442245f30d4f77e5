// 表决: the item, the countdown (an instant from the server clock), 已投票 / 实到, live tallies
// when the item's visibility allows, and the attendance column. After close: the figures of
// any kind once its visibility allows (ResultBody), else "closed, awaiting the result".
import { useTranslation } from 'react-i18next';
import type { ScreenView } from '../../../../shared/views.js';
import type { SceneProps } from '../scene-props.js';
import { TurnoutSide } from '../turnout-side.js';
import { VotingPanel } from '../voting-panel.js';
import { ItemHead } from './item-head.js';
import { actLabel } from '../../i18n/labels.js';
import { ResultBody } from './result-scene.js';

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
  // Closed and visible (live, or turnout once closed, or revealed): every kind shows its
  // figures here the same way, as the result scene would.
  if (view.outcome ?? result) return <ResultBody view={view} animate={false} narrow />;
  return (
    <div className="screen__closed">
      <p className="screen__message" data-testid="screen-closed">
        {t('screen:closedAwaiting', { act: actLabel(t, item.kind) })}
      </p>
      {!round.manual && (
        <p className="screen__closed-cast">
          {t('screen:votedOfPresent')} {round.voterCount} / {t('screen:ofPresent')} {view.turnout.present}
        </p>
      )}
    </div>
  );
}
