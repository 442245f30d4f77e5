// 代表建议办理满意度: a rating item's subjects imported as deputies' suggestions (number, title,
// lead and joining deputies, 主办/会办 units, reply), matched to the meeting's roster on the
// server. Each becomes a subject only its own deputies may rate (SPEC R14, R18).
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { RatingItem } from '../../../../shared/model.js';
import { SuggestionRow, suggestionParts } from '../../../../shared/suggestions/model.js';
import { ImportBox } from './import-box.js';

interface Props {
  item: RatingItem;
  locked: boolean;
  meetingId: string;
  session: string;
  onChange: (item: RatingItem) => void;
}

export function SuggestionsImport({ item, locked, meetingId, session, onChange }: Props) {
  const { t } = useTranslation(['prepare']);
  const n = item.suggestions?.length ?? 0;
  return (
    <div className="form__field--wide" data-testid="suggestions-import">
      <p className="panel__hint">{n > 0 ? t('prepare:suggestions.count', { n, units: new Set(item.suggestions?.flatMap((g) => g.units)).size }) : t('prepare:suggestions.none')}</p>
      {!locked && (
        <ImportBox
          kind="suggestions"
          meetingId={meetingId}
          session={session}
          onRows={(rows) => onChange({ ...item, ...suggestionParts(z.array(SuggestionRow).parse(rows)), settings: { ...item.settings, ranking: 'item' } })}
        />
      )}
    </div>
  );
}

/** Plain subjects imported over suggestions: the item is an ordinary rating again. */
export function withoutSuggestions(item: RatingItem): RatingItem {
  const { suggestions: _dropped, ...rest } = item;
  return rest;
}
