// A suggestion's number, handling units and the unit's reply under its title on the plain
// page, as the JS phone shows them (client/src/deputy/suggestions-ballot.tsx).
import type { RatingItem } from '../../shared/model.js';
import { esc } from './html.js';
import type { T } from './text.js';

export function suggestionLines(t: T, item: RatingItem, subjectId: string): string {
  const g = item.suggestions?.find((x) => x.subjectId === subjectId);
  if (!g) return '';
  const lines = [
    t('votes:suggestion.number', { number: g.number }),
    t('votes:suggestion.units', { units: g.units.join('、') }),
    ...(g.jointUnits.length > 0 ? [t('votes:suggestion.jointUnits', { units: g.jointUnits.join('、') })] : []),
    ...(g.reply ? [`${t('votes:suggestion.reply')}：${g.reply}`] : []),
  ];
  return lines.map((l) => `<small>${esc(l)}</small>`).join('');
}
