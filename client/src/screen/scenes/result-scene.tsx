// 结果: the current item's final figures, built up in an animation when cut to live. The
// figures are the item's outcome (run-offs merged) once it may be shown, else the round's.
import { useTranslation } from 'react-i18next';
import { ChainHead } from '../../common/chain-head.js';
import { Commitment } from '../../common/commitment.js';
import { MotionResult } from '../motion-result.js';
import { ProjectsResultChart } from '../projects-result.js';
import { RatingResultChart } from '../rating-result.js';
import type { SceneProps } from '../scene-props.js';
import { ItemHead } from './item-head.js';
import { ProjectsTable } from './projects-table.js';
import { RatingTable } from './rating-table.js';

export function ResultScene({ view, animate }: SceneProps) {
  const { t } = useTranslation('scenes');
  const { item, round } = view;
  const result = view.outcome ?? view.result;
  let body;
  if (!item || !result) {
    body = <p className="scene__empty">{t('result.pending')}</p>;
  } else if (result.kind === 'motion' && item.kind === 'motion') {
    body = <MotionResult result={result} settings={item.settings} manual={round?.manual ?? false} />;
  } else if (result.kind === 'projects' && item.kind === 'projects') {
    // Up to 16 projects fit one ranked bar chart with the majority and adoption lines.
    body = result.projects.length <= 16 ? <ProjectsResultChart item={item} result={result} height={740} /> : <ProjectsTable item={item} result={result} animate={animate} />;
  } else if (result.kind === 'rating' && item.kind === 'rating') {
    body = result.subjects.length <= 8 ? <RatingResultChart item={item} result={result} /> : <RatingTable item={item} result={result} animate={animate} />;
  } else {
    body = <p className="scene__empty">{t('result.pending')}</p>;
  }
  const compact = result !== null && result !== undefined && result.kind !== 'motion';
  return (
    <section className={`scene scene--result ${animate ? 'is-building' : ''} ${compact ? 'is-compact' : ''}`} data-testid="scene-result">
      {item && <ItemHead view={view} size={compact ? 40 : 56} status={false} />}
      {body}
      {/* Shown with published figures only; the full value is in the console and the report. */}
      {result && round?.status === 'closed' && round.commitment && <Commitment value={round.commitment} short testId="screen-commitment" />}
      {/* The audit chain head at close, to write down and check the record against later. */}
      {result && round?.status === 'closed' && view.auditHead && <ChainHead head={view.auditHead} place="screen" testId="screen-chain-head" />}
    </section>
  );
}
