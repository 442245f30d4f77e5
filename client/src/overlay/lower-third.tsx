// The lower third: the current item with its figures as the screen may show them. A motion's
// tallies and 通过 / 未通过; a rating's 满意率 and score; a project vote's adopted count; while
// voting, turnout and the countdown. Nothing at all when the scene is not about an item.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScreenView } from '../../../shared/views.js';
import { formatSeconds, secondsLeft, useTick } from '../net/clock.js';
import { actLabel, kindLabel } from '../i18n/labels.js';
import { FitText } from '../screen/fit-text.js';
import { motionOutcomeText } from '../i18n/outcome-labels.js';
import { assertNever } from '../../../shared/never.js';
import { AudienceLine } from './audience-corner.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

interface Line {
  label: string;
  value: string;
  strong?: boolean;
}

/** The figures line, or null when the item's figures may not be shown yet. */
function figures(t: TFunction, view: ScreenView): Line[] | null {
  const r = view.outcome ?? view.result;
  if (!r || !view.item) return null;
  switch (r.kind) {
    case 'motion':
      return [
        ...(['for', 'against', 'abstain', 'notVoted'] as const).map((k) => ({ label: t(`common:choice.${k}`), value: String(r[k]) })),
        { label: '', value: motionOutcomeText(t, r), strong: true },
      ];
    case 'rating': {
      if (r.noQuorum) return [{ label: '', value: t('common:label.noQuorum'), strong: true }];
      const item = view.item.kind === 'rating' ? view.item : null;
      if (r.subjects.length === 1 && r.subjects[0]) {
        const s = r.subjects[0];
        return [
          ...s.levels.map((l) => ({ label: t(`scenes:levels.${r.scale}.${l.level}`), value: String(l.count) })),
          { label: t('overlay:rate'), value: pct(s.satisfactionRate), strong: true },
          ...(s.score === null ? [] : [{ label: t('overlay:score'), value: s.score.toFixed(2) }]),
          // In words, not only colour: the lower third may be keyed over any picture.
          ...(s.flagged ? [{ label: '', value: t('overlay:flagged'), strong: true }] : []),
        ];
      }
      // A suggestions rating goes on air by handling unit only (R16): its subjects are withheld.
      if (r.units) {
        const first = r.units[0];
        const reopened = r.units.reduce((n, u) => n + u.reopened, 0);
        return [
          { label: '', value: t('overlay:units', { count: r.units.length }) },
          ...(first && first.rank !== null ? [{ label: t('overlay:best'), value: first.unit }, { label: t('overlay:rate'), value: pct(first.satisfactionRate), strong: true }] : []),
          ...(reopened > 0 ? [{ label: '', value: t('overlay:reopened', { count: reopened }) }] : []),
        ];
      }
      const flagged = r.subjects.filter((x) => x.flagged).length;
      const best = [...r.subjects].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))[0];
      const name = best && item?.subjects.find((x) => x.id === best.subjectId)?.name;
      return [
        { label: '', value: t('overlay:subjects', { count: r.subjects.length }) },
        ...(best && name ? [{ label: t('overlay:best'), value: name }, { label: t('overlay:rate'), value: pct(best.satisfactionRate), strong: true }] : []),
        ...(flagged > 0 ? [{ label: '', value: t('overlay:flaggedCount', { count: flagged }) }] : []),
      ];
    }
    case 'projects': {
      if (r.noQuorum) return [{ label: '', value: t('common:label.noQuorum'), strong: true }];
      const top = r.projects[0];
      const name = top && view.item.kind === 'projects' ? view.item.projects.find((p) => p.id === top.projectId)?.name : undefined;
      return [
        { label: '', value: t('overlay:adopted', { count: r.adopted.length }), strong: true },
        ...(top && name ? [{ label: t('overlay:top'), value: `${name} ${top.votes}` }] : []),
      ];
    }
    default: {
      return assertNever(r, 'result');
    }
  }
}

/** The subject the figures line is about: the only one, or the best-ranked of several (for the audience's line). */
function subjectShown(view: ScreenView): string | null {
  const r = view.outcome ?? view.result;
  if (r?.kind !== 'rating' || r.noQuorum) return null;
  if (r.subjects.length === 1) return r.subjects[0]?.subjectId ?? null;
  return [...r.subjects].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))[0]?.subjectId ?? null;
}

export function LowerThird({ view, offset }: { view: ScreenView; offset: number }) {
  const { t } = useTranslation(['overlay', 'common', 'scenes']);
  const { item, round, scene } = view;
  const open = round?.status === 'open';
  const now = useTick(open);
  if (!item || !['intro', 'voting', 'result'].includes(scene.kind)) return null;
  let line: Line[] | null = scene.kind === 'intro' ? [] : figures(t, view);
  if (line === null && round && (round.status === 'open' || round.status === 'paused')) {
    const left = secondsLeft(round, now, offset);
    line = [
      { label: '', value: t('overlay:voting', { act: actLabel(t, item.kind) }), strong: true },
      { label: '', value: t('overlay:voted', { voted: round.voterCount, present: view.turnout.present }) },
      ...(left === null ? [] : [{ label: '', value: formatSeconds(left) }]),
    ];
  }
  if (line === null) line = round?.status === 'closed' ? [{ label: '', value: t('overlay:closed', { act: actLabel(t, item.kind) }) }] : [];
  return (
    <div className="lower-third" data-testid="lower-third">
      <div className="lower-third__tab">{kindLabel(t, item.kind)}</div>
      <div className="lower-third__body">
        <FitText className="lower-third__title" text={item.title} size={44} lines={1} min={0.6} testId="lower-third-title" />
        {line.length > 0 && (
          <p className="lower-third__figures" data-testid="lower-third-figures">
            {line.map((l, i) => (
              <span key={i} className={`lower-third__fig ${l.strong ? 'is-strong' : ''}`}>
                {l.label && <span className="lower-third__label">{l.label}</span>}
                <span className="lower-third__value">{l.value}</span>
              </span>
            ))}
          </p>
        )}
        {scene.kind === 'result' && <AudienceLine view={view} subjectId={subjectShown(view)} />}
      </div>
    </div>
  );
}
