// The audience's figures (网络满意度, 现场观众满意度) and the combined figure (SPEC Y5, Y6).
// Computed the deputies' way (满意率 = 满意 + 基本满意 over those who rated the subject; the
// score weighted by the item's level weights, or the mean on the score scale; R4, R6, R7), but
// from the audience's own count: the deputies' RatingResult is only ever read, never changed.
import type { AudienceTally } from './audience-tally.js';
import type { AudienceGroup } from './audience-state.js';
import type { RatingItem } from './model.js';
import type { RatingResult } from './rules/rating.js';
import { round2 } from './rules/rating.js';
import { scaleOf, weightsFor } from './rules/scales.js';

export interface AudienceSubjectFigure {
  subjectId: string;
  name: string;
  rated: number;
  /** Best level first. */
  levels: { level: string; count: number }[];
  satisfactionRate: number | null;
  score: number | null;
}

export interface AudienceFigure {
  pollId: string;
  itemId: string;
  group: AudienceGroup;
  /** How many took part (devices counted). */
  n: number;
  subjects: AudienceSubjectFigure[];
}

export function audienceFigure(item: RatingItem, pollId: string, group: AudienceGroup, t: AudienceTally): AudienceFigure {
  const scale = scaleOf(item.settings.scale);
  const weights = weightsFor(item.settings);
  return {
    pollId,
    itemId: item.id,
    group,
    n: t.n,
    subjects: item.subjects.map((sub) => {
      const c = t.subjects[sub.id] ?? { levels: {}, rated: 0, sum: 0 };
      const count = (l: string) => c.levels[l] ?? 0;
      const points = scale.id === 'score' ? c.sum : scale.levels.reduce((sum, l) => sum + count(l) * (weights.get(l) ?? 0), 0);
      return {
        subjectId: sub.id,
        name: sub.name,
        rated: c.rated,
        levels: scale.levels.map((level) => ({ level, count: count(level) })),
        satisfactionRate: c.rated > 0 ? (count(scale.satisfied) + count(scale.basic)) / c.rated : null,
        score: c.rated > 0 ? round2(points, c.rated) : null,
      };
    }),
  };
}

export interface CombinedWeights {
  deputies: number;
  online: number;
  onsite: number;
}

export interface CombinedFigure {
  /** Percent, summing to 100: printed with the figure (Y5). */
  weights: CombinedWeights;
  subjects: { subjectId: string; name: string; score: number | null; satisfactionRate: number | null }[];
}

/**
 * Y5: per subject, Σ w·figure / Σ w over the parts with a weight above 0, for the score and for
 * 满意率 each. A part with a weight but no figure for the subject (nobody rated it, the deputies'
 * vote void for quorum or not revealed) leaves the combined figure unknown (null): a weight is
 * never quietly moved onto the other parts.
 */
export function combinedFigure(
  item: RatingItem,
  deputies: RatingResult | null,
  online: AudienceFigure | null,
  onsite: AudienceFigure | null,
): CombinedFigure | null {
  const w = item.settings.combine;
  if (!w) return null;
  const mix = (parts: [number, number | null | undefined][]): number | null => {
    let total = 0;
    for (const [weight, v] of parts) {
      if (weight === 0) continue;
      if (v === null || v === undefined) return null;
      total += weight * v;
    }
    return total / 100;
  };
  const dep = deputies && !deputies.noQuorum ? deputies : null;
  return {
    weights: { deputies: w.deputies, online: w.online, onsite: w.onsite },
    subjects: item.subjects.map((sub) => {
      const d = dep?.subjects.find((x) => x.subjectId === sub.id);
      const on = online?.subjects.find((x) => x.subjectId === sub.id);
      const site = onsite?.subjects.find((x) => x.subjectId === sub.id);
      const score = mix([
        [w.deputies, d?.score],
        [w.online, on?.score],
        [w.onsite, site?.score],
      ]);
      return {
        subjectId: sub.id,
        name: sub.name,
        score: score === null ? null : Math.round(score * 100) / 100,
        satisfactionRate: mix([
          [w.deputies, d?.satisfactionRate],
          [w.online, on?.satisfactionRate],
          [w.onsite, site?.satisfactionRate],
        ]),
      };
    }),
  };
}

/** An open poll as screens show it: the online code is for TV; the hall's code is never on a screen. */
export interface AudienceOpenView {
  pollId: string;
  itemId: string;
  group: AudienceGroup;
  endsAt: number | null;
  /** The code to show (online polls that ask for one); null otherwise. */
  code: string | null;
  /** The poll asks for a code. */
  codeRequired: boolean;
  /** How many took part so far (the counter's latest aggregate); null when not known. */
  n: number | null;
}

/** The audience part of the screen's view (added by the server, which holds the live counts). */
export interface AudienceScreenView {
  open: AudienceOpenView[];
  /** The counter cannot be reached: 网络评议暂停. */
  paused: boolean;
  /** Closed polls of the item on air, once the deputies' result is revealed (Y4). */
  figures: AudienceFigure[];
  combined: CombinedFigure | null;
  /** The public page's short link, for the QR code. */
  link: { code: string; url: string } | null;
}
