// 记名表决情况 in the console and the printed report: every deputy with what they chose, 未按
// for a present non-voter, 未到 for the absent. Only a named round's view carries `named`
// (the server never builds it for a secret round, N1), so this draws nothing for those.
import type { AgendaItem } from '../../../shared/model.js';
import { ballotSummary, namedCounts, NAMED_MARKS, type BallotWords, type NamedVoteRow } from '../../../shared/named-votes.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';

type T = ReturnType<typeof useVotesT>['t'];

export function namedWords(t: T, item: AgendaItem | undefined): BallotWords {
  return {
    mark: Object.fromEntries(NAMED_MARKS.map((m) => [m, t(`votes:named.mark.${m}`)])) as BallotWords['mark'],
    level: (l) => (item?.kind === 'rating' ? levelLabel(t, item.settings.scale, l) : l),
    colon: t('votes:named.colon'),
    sep: t('votes:named.sep'),
    none: t('votes:named.none'),
  };
}

export function NamedList({ item, rows, open = false, testId }: { item: AgendaItem | undefined; rows: readonly NamedVoteRow[]; open?: boolean; testId?: string }) {
  const { t } = useVotesT();
  const words = namedWords(t, item);
  const counts = namedCounts(rows);
  const summary = NAMED_MARKS.filter((m) => counts[m] > 0)
    .map((m) => `${words.mark[m]} ${counts[m]}`)
    .join(' · ');
  return (
    <details className="named-list" open={open} data-testid={testId ?? 'named-list'}>
      <summary>
        {t('votes:named.title')} <small>{summary}</small>
      </summary>
      <table className="named-list__table">
        <thead>
          <tr>
            <th>{t('votes:named.deputy')}</th>
            <th>{t('votes:named.group')}</th>
            <th>{t('votes:named.seat')}</th>
            <th>{t('votes:named.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.deputyId} className={`named-list__row named-list--${r.mark}`} data-testid="named-row" data-mark={r.mark}>
              <td>{r.name}</td>
              <td>{r.group}</td>
              <td>{r.seat}</td>
              <td>{ballotSummary(item, r, words)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
