// 举手表决: when devices fail, the moderator enters the counts of a show of hands. Offered only
// when the item has no valid result (none yet, or every round voided) and nothing is open; the
// result is recorded as a round of its own and marked 手工录入 wherever it appears.
import { useState } from 'react';
import type { AgendaItem, ManualCounts } from '../../../shared/model.js';
import { scaleOf } from '../../../shared/rules/scales.js';
import { errorText } from '../i18n/errors.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import type { PanelProps } from './panel.js';
import { assertNever } from '../../../shared/never.js';

type VotingItem = Extract<AgendaItem, { kind: 'motion' | 'projects' | 'rating' }>;

/** The form as a table: column headings, then rows of a label and one count field per column. */
interface Grid {
  columns: string[];
  rows: { label: string; keys: string[] }[];
}

function gridOf(item: VotingItem, t: ReturnType<typeof useVotesT>['t']): Grid {
  switch (item.kind) {
    case 'motion':
      return { columns: (['for', 'against', 'abstain'] as const).map((c) => t(`common:choice.${c}`)), rows: [{ label: item.title, keys: ['for', 'against', 'abstain'] }] };
    case 'projects':
      return { columns: [t('votes:console.manualVotes')], rows: item.projects.map((p) => ({ label: p.name, keys: [p.id] })) };
    case 'rating': {
      const scale = scaleOf(item.settings.scale);
      return {
        columns: scale.levels.map((l) => levelLabel(t, scale.id, l)),
        rows: item.subjects.map((s) => ({ label: s.name, keys: scale.levels.map((l) => `${s.id}/${l}`) })),
      };
    }
    default: {
      return assertNever(item, 'item');
    }
  }
}

function countsOf(item: VotingItem, n: (key: string) => number): ManualCounts {
  switch (item.kind) {
    case 'motion':
      return { kind: 'motion', for: n('for'), against: n('against'), abstain: n('abstain') };
    case 'projects':
      return { kind: 'projects', votes: Object.fromEntries(item.projects.map((p) => [p.id, n(p.id)])) };
    case 'rating': {
      const levels = scaleOf(item.settings.scale).levels;
      return { kind: 'rating', counts: Object.fromEntries(item.subjects.map((s) => [s.id, Object.fromEntries(levels.map((l) => [l, n(`${s.id}/${l}`)]))])) };
    }
    default: {
      return assertNever(item, 'item');
    }
  }
}

export function ManualEntry({ view, send, item }: PanelProps & { item: VotingItem }) {
  const { t } = useVotesT();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const decided = view.rounds.some((r) => r.itemId === item.id && r.status !== 'voided');
  if (decided || view.activeRoundId !== null) return null;
  if (!open) {
    return (
      <button type="button" className="btn btn--ghost" data-testid="manual-open" onClick={() => setOpen(true)}>
        {t('votes:console.manualOpen')}
      </button>
    );
  }
  const grid = gridOf(item, t);
  const n = (key: string) => Number(values[key] ?? '0') || 0;
  const save = async () => {
    const r = await send({ type: 'manualResult', itemId: item.id, counts: countsOf(item, n) });
    if (r.ok) {
      setOpen(false);
      setValues({});
    }
    setError(r.ok ? null : errorText(t, r.error));
  };
  return (
    <form
      className="manual-entry"
      data-testid="manual-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="manual-entry__title">{t('votes:console.manualTitle')}</h3>
      <p className="panel__hint">{t('votes:console.manualHint')}</p>
      <div className="manual-entry__scroll">
        <table className="kind-table manual-entry__table">
          <thead>
            <tr>
              <th />
              {grid.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.keys.join()}>
                <td className="kind-table__name">{row.label}</td>
                {row.keys.map((key, i) => (
                  <td key={key}>
                    <input
                      type="number"
                      min={0}
                      max={100000}
                      inputMode="numeric"
                      aria-label={`${row.label} ${grid.columns[i] ?? ''}`}
                      data-testid={`manual-${key}`}
                      value={values[key] ?? ''}
                      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value.replace(/\D/g, '') }))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <p className="panel__error">{error}</p>}
      <div className="manual-entry__actions">
        <button type="submit" className="btn btn--primary" data-testid="manual-save">
          {t('votes:console.manualSave')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
          {t('console:round.cancel')}
        </button>
      </div>
    </form>
  );
}
