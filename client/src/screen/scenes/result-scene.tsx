// 结果: the current item's final figures, built up in an animation when cut to live. The
// figures are the item's outcome (run-offs merged) once it may be shown, else the round's.
import { useTranslation } from 'react-i18next';
import { ChainHead } from '../../common/chain-head.js';
import { Commitment } from '../../common/commitment.js';
import { MotionResult } from '../motion-result.js';
import { ProjectsResultChart } from '../projects-result.js';
import { RatingCard } from '../rating-card.js';
import { RatingResultChart } from '../rating-result.js';
import type { SceneProps } from '../scene-props.js';
import { ItemHead } from './item-head.js';
import { ProjectsTable } from './projects-table.js';
import { RatingTable } from './rating-table.js';
import { UnitRanking } from './unit-ranking.js';

/**
 * The figures a screen may show for the current item, of any kind: its outcome (run-offs
 * merged) once visible, else the round's own result. null while the item's visibility
 * (shared/views.ts resultVisible, the one rule for every kind) keeps them back. The result
 * scene and the voting scene after close both draw from here.
 */
export function ResultBody({ view, animate, narrow = false }: { view: SceneProps['view']; animate: boolean; narrow?: boolean }) {
  const { item, round } = view;
  const result = view.outcome ?? view.result;
  if (!item || !result) return null;
  if (result.kind === 'motion' && item.kind === 'motion') return <MotionResult result={result} settings={item.settings} manual={round?.manual ?? false} />;
  if (result.kind === 'projects' && item.kind === 'projects') {
    // Up to 16 projects fit one ranked bar chart (full width) with the majority and adoption
    // lines; beside the voting scene's turnout column, or with more, the two-column table.
    return result.projects.length <= 16 && !narrow ? <ProjectsResultChart item={item} result={result} height={680} /> : <ProjectsTable item={item} result={result} animate={animate} />;
  }
  if (result.kind === 'rating' && item.kind === 'rating') {
    if (result.units) return <UnitRanking suggestions={item.subjects.length} units={result.units} />; // R16: the units, never single suggestions
    // One department: the full-frame card (its moment on air); beside the turnout column, the bar.
    const [only, ...more] = result.subjects;
    if (only && more.length === 0 && !narrow) return <RatingCard item={item} result={result} subject={only} />;
    return result.subjects.length <= 8 ? <RatingResultChart item={item} result={result} /> : <RatingTable item={item} result={result} animate={animate} />;
  }
  return null;
}

export function ResultScene({ view, animate }: SceneProps) {
  const { t } = useTranslation('scenes');
  const { item, round } = view;
  const result = view.outcome ?? view.result;
  const body = <ResultBody view={view} animate={animate} />;
  const shown = item !== null && result !== null && result !== undefined && result.kind === item.kind;
  const compact = result !== null && result !== undefined && result.kind !== 'motion';
  const card = result?.kind === 'rating' && result.subjects.length === 1 && !result.units;
  return (
    <section className={`scene scene--result ${animate ? 'is-building' : ''} ${compact ? 'is-compact' : ''}`} data-testid="scene-result">
      {/* The single-subject card names its department in large type itself. */}
      {item && !card && <ItemHead view={view} size={compact ? 40 : 56} status={false} />}
      {shown ? body : <p className="scene__empty">{t('result.pending')}</p>}
      {/* Shown with published figures only; the full value is in the console and the report. */}
      {result && round?.status === 'closed' && round.commitment && <Commitment value={round.commitment} short testId="screen-commitment" />}
      {/* The audit chain head at close, to write down and check the record against later. */}
      {result && round?.status === 'closed' && view.auditHead && <ChainHead head={view.auditHead} place="screen" testId="screen-chain-head" />}
    </section>
  );
}
