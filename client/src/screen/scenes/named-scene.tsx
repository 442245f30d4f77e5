// 记名表决: after a named vote, every deputy as a cell of a seat grid, coloured by choice and
// marked with a short word (赞 / 反 / 弃 / 未), so the choice reads without colour too; a legend
// with the counts on top. The grid sizes its cells from the roster so 300 deputies fit 1920x1080.
// A secret round never reaches here: the server sends `named` only for named rounds (N1).
import { useTranslation } from 'react-i18next';
import { NAMED_MARKS, namedCounts, type NamedMark } from '../../../../shared/named-votes.js';
import { FitText } from '../fit-text.js';
import type { SceneProps } from '../scene-props.js';
import { STAGE_W, useStageWidth } from '../stage.js';

/** The grid's box on the stage (inside the scene's padding, below heading and legend). */
const GRID_W = 1728;
const GRID_H = 712;
const GAP = 6;

/** Columns that give cells closest to 2.2:1 (a name of three or four characters over its mark). */
export function gridColumns(n: number, gridW = GRID_W): number {
  const cols = Math.ceil(Math.sqrt((n * gridW) / (GRID_H * 2.2)));
  return Math.max(1, Math.min(n, cols));
}

export function NamedScene({ view }: SceneProps) {
  const { t } = useTranslation('scenes');
  const rows = view.named ?? [];
  const gridW = GRID_W - (STAGE_W - useStageWidth());
  const title = view.item?.title ?? '';
  if (rows.length === 0) {
    return (
      <section className="scene scene--named" data-testid="scene-named">
        <h2 className="scene__heading">{t('named.heading')}</h2>
        <p className="scene__empty">{view.item && view.item.kind !== 'segment' && view.item.settings.secret ? t('named.secret') : t('named.empty')}</p>
      </section>
    );
  }
  const counts = namedCounts(rows);
  const cols = gridColumns(rows.length, gridW);
  const lines = Math.ceil(rows.length / cols);
  const cellH = Math.min(96, (GRID_H - GAP * (lines - 1)) / lines);
  const font = Math.max(11, Math.min(30, cellH * 0.42));
  const used: NamedMark[] = NAMED_MARKS.filter((m) => counts[m] > 0);
  return (
    <section className="scene scene--named" data-testid="scene-named">
      <FitText as="h2" className="named__title" text={`${t('named.heading')} · ${title}`} size={44} lines={1} min={0.6} />
      <ul className="named__legend" data-testid="named-legend">
        {used.map((m) => (
          <li key={m} className={`named__key named--${m}`}>
            <span className="named__swatch" aria-hidden="true">
              {t(`named.short.${m}`)}
            </span>
            {t(`named.mark.${m}`)} {counts[m]}
          </li>
        ))}
      </ul>
      <ol className="named__grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridAutoRows: `${cellH}px`, fontSize: `${font}px` }}>
        {rows.map((r) => (
          <li key={r.deputyId} className={`named__seat named--${r.mark}`} data-testid="named-seat" data-mark={r.mark} title={r.seat}>
            <span className="named__name">{r.name}</span>
            <span className="named__mark">{t(`named.short.${r.mark}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
