// 举手表决: when devices fail, the moderator enters the counts of a show of hands. Offered only
// when the item has no valid result (none yet, or every round voided) and nothing is open; the
// result is recorded as a round of its own and marked 手工录入 wherever it appears.
import { useState } from 'react';
import type { AgendaItem, ManualCounts } from '../../../shared/model.js';
import { scaleOf } from '../../../shared/rules/scales.js';
import { errorText } from '../i18n/errors.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import type { PanelProps } from './panel.js';

type VotingItem = Extract<AgendaItem, { kind: 'motion' | 'projects' | 'rating' }>;

/** The fields of the form: one count per key; keys are `choice`, `project` or `subject/level`. */
function fieldsOf(item: VotingItem, t: ReturnType<typeof useVotesT>['t']): { key: string; label: string }[] {
  switch (item.kind) {
    case 'motion':
      return (['for', 'against', 'abstain'] as const).map((c) => ({ key: c, label: t(`common:choice.${c}`) }));
    case 'projects':
      return item.projects.map((p) => ({ key: p.id, label: p.name }));
    case 'rating': {
      const scale = scaleOf(item.settings.scale);
      return item.subjects.flatMap((s) => scale.levels.map((l) => ({ key: `${s.id}/${l}`, label: `${s.name} · ${levelLabel(t, scale.id, l)}` })));
    }
    default: {
      const never: never = item;
      throw new Error(`unknown item ${JSON.stringify(never)}`);
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
      const never: never = item;
      throw new Error(`unknown item ${JSON.stringify(never)}`);
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
  const fields = fieldsOf(item, t);
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
      <div className="manual-entry__grid">
        {fields.map((f) => (
          <label key={f.key} className="manual-entry__field">
            <span>{f.label}</span>
            <input
              type="number"
              min={0}
              max={100000}
              inputMode="numeric"
              data-testid={`manual-${f.key}`}
              value={values[f.key] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value.replace(/\D/g, '') }))}
            />
          </label>
        ))}
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
