// The words for shared/labels.ts's keys: every screen, console panel and overlay names an
// outcome through these, so a label follows the rule that applied (未过半数, 未达三分之二,
// 未达法定人数 ...) and an empty seat says why, the same way everywhere.
import type { TFunction } from 'i18next';
import { motionLabel, projectLabel, ruleLabel, unfilledNotes, type MotionLabel, type ProjectLabel } from '../../../shared/labels.js';
import type { MotionResult, ProjectStatus, ProjectsResult, RatingResult } from '../../../shared/rules/index.js';

type T = TFunction;

export const outcomeWord = (t: T, key: MotionLabel | ProjectLabel): string => t(`common:label.${key}`);

export const motionOutcomeText = (t: T, r: MotionResult): string => outcomeWord(t, motionLabel(r));

export const projectStatusText = (t: T, r: ProjectsResult, status: ProjectStatus): string => outcomeWord(t, projectLabel(r, status));

/** One line per cause of an empty seat: too few votes, or a tie waiting for a run-off. */
export const unfilledTexts = (t: T, r: ProjectsResult): string[] => unfilledNotes(r).map((n) => t(`common:unfilled.${n.cause}`, { count: n.count }));

/** The projects rule in a few words: 须过半数 n 票, 须达三分之二 n 票, or the run-off's own. */
export function projectsRuleText(t: T, r: ProjectsResult): string {
  const rule = ruleLabel(r);
  return rule.key === 'runoff' ? t('common:ruleShort.runoff', { candidates: rule.candidates, seats: rule.seats }) : t(`common:ruleShort.${rule.key}`, { needed: rule.needed });
}

/** R7, R9: the weights and the 整改 line that produced the scores. */
export function weightsText(t: T, r: Pick<RatingResult, 'weights' | 'flagAbove'>, level: (l: string) => string): string {
  const w = r.weights.length === 0 ? t('common:weights.mean') : t('common:weights.levels', { weights: r.weights.map((x) => `${level(x.level)} ${x.weight}`).join(' · ') });
  return `${w}；${t('common:weights.flagAbove', { pct: Math.round(r.flagAbove * 1000) / 10 })}`;
}
