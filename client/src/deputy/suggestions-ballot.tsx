// 代表建议办理满意度 on a phone: the rating ballot over this deputy's own suggestions only (the
// server sends no others, SPEC R14), each with its number, handling units and the unit's reply
// summary; a deputy with none is told so instead of being shown an empty ballot.
import { useTranslation } from 'react-i18next';
import type { BallotContent, RatingItem } from '../../../shared/model.js';
import { kindLabel } from '../i18n/labels.js';
import { Notice } from './ballot-shell.js';
import { RatingBallot } from './rating-ballot.js';

export function SuggestionsBallot({ item, onSubmit }: { item: RatingItem; onSubmit: (content: BallotContent) => void }) {
  if (item.subjects.length === 0) return <NoSuggestions item={item} />;
  return <RatingBallot item={item} onSubmit={onSubmit} detail={(id) => <SuggestionDetail item={item} subjectId={id} />} />;
}

/** The item's head as the ballot shell draws it, then the notice: nothing here to rate. */
export function NoSuggestions({ item }: { item: RatingItem }) {
  const { t } = useTranslation(['deputy', 'common']);
  return (
    <>
      <section className="item" data-testid="item">
        <p className="item__kind">{kindLabel(t, item.kind)}</p>
        <h1 className="item__title">{item.title}</h1>
      </section>
      <Notice testId="no-suggestions" text={t('deputy:noSuggestions')} detail={t('deputy:noSuggestionsHint')} />
    </>
  );
}

function SuggestionDetail({ item, subjectId }: { item: RatingItem; subjectId: string }) {
  const { t } = useTranslation(['votes']);
  const g = item.suggestions?.find((x) => x.subjectId === subjectId);
  if (!g) return null;
  return (
    <div className="suggestion" data-testid={`suggestion-${subjectId}`}>
      <p className="suggestion__meta">{t('votes:suggestion.number', { number: g.number })}</p>
      <p className="suggestion__meta">{t('votes:suggestion.units', { units: g.units.join('、') })}</p>
      {g.jointUnits.length > 0 && <p className="suggestion__meta">{t('votes:suggestion.jointUnits', { units: g.jointUnits.join('、') })}</p>}
      {g.reply && (
        <p className="suggestion__reply">
          <strong>{t('votes:suggestion.reply')}</strong>
          {g.reply}
        </p>
      )}
    </div>
  );
}
