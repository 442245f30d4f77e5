// One votable agenda item's settings, by kind. An item that already has votes keeps its kind,
// settings and candidates (the server refuses otherwise): those fields are read only here.
// Questioning segments have their own editor; here they only move, rename or go.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LIVE_BATCH_DEFAULT, LIVE_BATCH_MIN, Project, Subject, type RatingItem, type VotableItem } from '../../../../shared/model.js';
import { scaleOf, weightsFor } from '../../../../shared/rules/scales.js';
import { levelLabel, useVotesT } from '../../i18n/votes.js';
import { ImportBox } from './import-box.js';
import { SuggestionsImport, withoutSuggestions } from './suggestions-import.js';

interface Props {
  item: VotableItem;
  locked: boolean;
  meetingId: string;
  session: string;
  onChange: (item: VotableItem) => void;
  /** The title of the questioning segment whose rating this is: its subject is that segment's department (G12). */
  segment?: string | undefined;
}

type Settings = VotableItem['settings'];

export function ItemForm({ item, locked, meetingId, session, onChange, segment }: Props) {
  const { t } = useTranslation(['prepare']);
  const set = (patch: Partial<Settings>) => onChange({ ...item, settings: { ...item.settings, ...patch } } as VotableItem);
  const s = item.settings;
  const sel = <K extends string>(label: string, value: K, options: [K, string][], on: (v: K) => void) => (
    <label className="form__field">
      <span>{t(label)}</span>
      <select value={value} disabled={locked} onChange={(e) => on(e.target.value as K)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {t(l)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="item-form" data-testid="item-form">
      <label className="form__field form__field--wide">
        <span>{t('prepare:agenda.itemTitle')}</span>
        <input value={item.title} onChange={(e) => onChange({ ...item, title: e.target.value })} data-testid="item-title" />
      </label>
      <label className="form__field form__field--wide">
        <span>{t('prepare:agenda.description')}</span>
        <textarea rows={2} value={item.description} onChange={(e) => onChange({ ...item, description: e.target.value })} />
      </label>
      <label className="form__check">
        <input type="checkbox" checked={s.secret} disabled={locked} onChange={(e) => set({ secret: e.target.checked })} />
        {t('prepare:agenda.secret')}
      </label>
      <label className="form__check">
        <input type="checkbox" checked={s.allowChange} disabled={locked} onChange={(e) => set({ allowChange: e.target.checked })} />
        {t('prepare:agenda.allowChange')}
      </label>
      <label className="form__check">
        <input type="checkbox" checked={s.quorumRequired !== false} disabled={locked} onChange={(e) => set({ quorumRequired: e.target.checked })} data-testid="item-quorum-required" />
        {t('prepare:agenda.quorumRequired')}
      </label>
      {sel('prepare:agenda.visibility', s.visibility, [
        ['live', 'prepare:agenda.visibilityLive'],
        ['turnout', 'prepare:agenda.visibilityTurnout'],
        ['hidden', 'prepare:agenda.visibilityHidden'],
      ], (visibility) => set({ visibility }))}
      {s.secret && s.visibility === 'live' && (
        // SPEC W7: a secret vote's live figures move in steps of k ballots, k and more behind.
        <label className="form__field">
          <span>{t('prepare:agenda.liveBatch')}</span>
          <input
            type="number"
            min={LIVE_BATCH_MIN}
            max={1000}
            value={s.liveBatch ?? LIVE_BATCH_DEFAULT}
            disabled={locked}
            data-testid="item-live-batch"
            onChange={(e) => set({ liveBatch: clampInt(e.target.value, LIVE_BATCH_MIN, 1000) })}
          />
        </label>
      )}
      <label className="form__field">
        <span>{t('prepare:agenda.countdown')}</span>
        <input type="number" min={0} max={3600} value={s.countdownSec} disabled={locked} onChange={(e) => set({ countdownSec: clampInt(e.target.value, 0, 3600) })} />
      </label>
      {item.kind !== 'rating' && (
        <>
          {sel('prepare:agenda.base', item.settings.base, [
            ['roster', 'prepare:agenda.baseRoster'],
            ['present', 'prepare:agenda.basePresent'],
            ['cast', 'prepare:agenda.baseCast'],
          ], (base) => set({ base }))}
          {sel('prepare:agenda.threshold', item.settings.threshold, [
            ['half', 'prepare:agenda.thresholdHalf'],
            ['twoThirds', 'prepare:agenda.thresholdTwoThirds'],
          ], (threshold) => set({ threshold }))}
        </>
      )}
      {item.kind === 'projects' && (
        <>
          {sel('prepare:agenda.form', item.settings.form, [
            ['select', 'prepare:agenda.formSelect'],
            ['each', 'prepare:agenda.formEach'],
          ], (form) => set({ form }))}
          <label className="form__field">
            <span>{t('prepare:agenda.adopt')}</span>
            <input type="number" min={1} max={200} value={item.settings.adopt} disabled={locked} onChange={(e) => set({ adopt: clampInt(e.target.value, 1, 200) })} />
          </label>
          <p className="form__field--wide item-form__list">{t('prepare:agenda.projects', { n: item.projects.length })}: {item.projects.map((p) => p.name).join('、')}</p>
          {!locked && (
            <ImportBox kind="projects" meetingId={meetingId} session={session} onRows={(rows) => onChange({ ...item, projects: z.array(Project).parse(rows) })} />
          )}
        </>
      )}
      {item.kind === 'rating' && (
        <>
          {sel('prepare:agenda.scale', item.settings.scale, [
            ['three', 'prepare:agenda.scaleThree'],
            ['four', 'prepare:agenda.scaleFour'],
            ['score', 'prepare:agenda.scaleScore'],
            ['competence', 'prepare:agenda.scaleCompetence'],
          ], (scale) => set({ scale }))}
          <label className="form__field">
            <span>{t('prepare:agenda.flagAbove')}</span>
            <input type="number" min={0} max={100} value={Math.round(item.settings.flagAbove * 100)} disabled={locked} onChange={(e) => set({ flagAbove: clampInt(e.target.value, 0, 100) / 100 })} data-testid="item-flag-above" />
          </label>
          <Weights item={item} locked={locked} onChange={(weights) => set({ weights })} />
          {sel('prepare:agenda.rankBy', item.settings.rankBy ?? 'score', [
            ['score', 'prepare:agenda.rankByScore'],
            ['satisfaction', 'prepare:agenda.rankBySatisfaction'],
          ], (rankBy) => set({ rankBy }))}
          {sel('prepare:agenda.ranking', item.settings.ranking ?? 'latest', [
            ['latest', 'prepare:agenda.rankingLatest'],
            ['mean', 'prepare:agenda.rankingMean'],
            ['item', 'prepare:agenda.rankingItem'],
          ], (ranking) => set({ ranking }))}
          <p className="form__field--wide item-form__list">{t('prepare:agenda.subjects', { n: item.subjects.length })}: {item.subjects.map((x) => x.name).join('、')}</p>
          {segment !== undefined ? (
            <p className="form__field--wide panel__hint" data-testid="subjects-from-segment">
              {t('prepare:agenda.subjectsFromSegment', { segment })}
            </p>
          ) : !locked && (
            <ImportBox kind="subjects" meetingId={meetingId} session={session} onRows={(rows) => onChange({ ...withoutSuggestions(item), subjects: z.array(Subject).parse(rows) })} />
          )}
          {segment === undefined && <SuggestionsImport item={item} locked={locked} meetingId={meetingId} session={session} onChange={onChange} />}
        </>
      )}
    </div>
  );
}

/** R7: the points each level of the item's scale scores (the scale's defaults until changed). */
function Weights({ item, locked, onChange }: { item: RatingItem; locked: boolean; onChange: (w: Record<string, number>) => void }) {
  const { t } = useVotesT();
  const scale = scaleOf(item.settings.scale);
  const weights = weightsFor(item.settings);
  if (scale.id === 'score') return <p className="form__field form__field--wide">{t('prepare:agenda.weightsMean')}</p>;
  return (
    <fieldset className="form__field form__field--wide item-form__weights" data-testid="item-weights">
      <legend>{t('prepare:agenda.weights')}</legend>
      {scale.levels.map((level) => (
        <label key={level}>
          <span>{levelLabel(t, scale.id, level)}</span>
          <input
            type="number"
            min={0}
            max={100}
            value={weights.get(level) ?? 0}
            disabled={locked}
            data-testid={`item-weight-${level}`}
            onChange={(e) => onChange({ ...Object.fromEntries(weights), [level]: clampInt(e.target.value, 0, 100) })}
          />
        </label>
      ))}
    </fieldset>
  );
}

function clampInt(text: string, min: number, max: number): number {
  const n = Math.round(Number(text));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
