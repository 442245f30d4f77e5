// 满意度测评 on a phone: one subject at a time with one large control of the scale's levels
// (满意 / 基本满意 / 不满意 by default), progress through the list, and a review of every
// rating before submitting. A subject may be left unrated (R3); at least one must be rated.
import { useState, type ReactNode } from 'react';
import { z } from 'zod';
import type { BallotContent, RatingItem } from '../../../shared/model.js';
import { scaleOf } from '../../../shared/rules/scales.js';
import { levelLabel, useVotesT } from '../i18n/votes.js';
import { ConfirmActions } from './ballot-shell.js';
import { useDraft } from './drafts.js';

type Value = string | number;

/** `detail`: more about a subject under its name (a suggestion's number, units and reply). */
export function RatingBallot({ item, onSubmit, detail }: { item: RatingItem; onSubmit: (content: BallotContent) => void; detail?: (subjectId: string) => ReactNode }) {
  const { t } = useVotesT();
  const scale = scaleOf(item.settings.scale);
  const subjects = item.subjects;
  // Every step is kept (drafts.ts): a reload comes back to the same subject with every choice.
  const [values, setValues] = useDraft<Readonly<Record<string, Value>>>('values', z.record(z.string(), z.union([z.string(), z.number()])), {});
  // 0..n-1: rating subject i; n: the review.
  const [stored, setAt] = useDraft('at', z.number().int().min(0), 0);
  const at = Math.min(stored, subjects.length);
  const rated = subjects.filter((s) => values[s.id] !== undefined);
  const label = (v: Value) => levelLabel(t, scale.id, v);

  if (at >= subjects.length) {
    return (
      <section className="ballot-confirm" data-testid="rating-review">
        <h2 className="ballot-confirm__title">{t('votes:rating.reviewTitle')}</h2>
        <ul className="ballot-confirm__pairs">
          {subjects.map((s, i) => {
            const v = values[s.id];
            return (
              <li key={s.id} data-testid={`review-${s.id}`}>
                <span>{s.name}</span>
                <strong className={v === undefined ? 'is-missing' : `level-text--${String(v)}`}>{v === undefined ? t('votes:rating.notRated') : label(v)}</strong>
                <button type="button" className="text-button text-button--small" onClick={() => setAt(i)}>
                  {t('votes:rating.edit')}
                </button>
              </li>
            );
          })}
        </ul>
        {rated.length === 0 && <p className="ballot-confirm__hint">{t('votes:rating.noneRated')}</p>}
        <ConfirmActions
          disabled={rated.length === 0}
          onConfirm={() => onSubmit({ kind: 'rating', ratings: Object.fromEntries(rated.map((s) => [s.id, values[s.id] ?? ''])) })}
          onChange={() => setAt(subjects.length - 1)}
          changeLabel={t('votes:rating.prev')}
        />
      </section>
    );
  }

  const subject = subjects[at];
  if (!subject) return null;
  const current = values[subject.id];
  const choose = (v: Value) => {
    setValues((m) => ({ ...m, [subject.id]: v }));
    setAt((i) => i + 1); // one action per screen: choosing moves on
  };
  return (
    <section className="ballot" data-testid="rating-ballot">
      <div className="rate-progress">
        <span data-testid="rating-progress">{t('votes:rating.progress', { i: at + 1, n: subjects.length })}</span>
        <span className="rate-progress__bar" aria-hidden="true">
          <span style={{ width: `${(at / subjects.length) * 100}%` }} />
        </span>
      </div>
      <div className="rate-subject" data-testid={`rate-${subject.id}`}>
        <p className="rate-subject__name">{subject.name}</p>
        {(subject.person || subject.title) && <p className="rate-subject__who">{[subject.title, subject.person].filter(Boolean).join(' ')}</p>}
        {detail?.(subject.id)}
      </div>
      {scale.id === 'score' ? (
        <ScoreInput key={subject.id} initial={typeof current === 'number' ? current : null} onDone={choose} />
      ) : (
        <div className="rate-levels" role="radiogroup" aria-label={subject.name}>
          {scale.levels.map((l) => (
            <button key={l} type="button" role="radio" aria-checked={current === l} className={`rate-level level--${l} ${current === l ? 'is-on' : ''}`} data-testid={`level-${l}`} onClick={() => choose(l)}>
              {label(l)}
            </button>
          ))}
        </div>
      )}
      <div className="rate-nav">
        <button type="button" className="text-button" disabled={at === 0} onClick={() => setAt((i) => i - 1)}>
          {t('votes:rating.prev')}
        </button>
        <button type="button" className="text-button" data-testid="rating-skip" onClick={() => setAt((i) => i + 1)}>
          {current === undefined ? t('votes:rating.skip') : t('votes:rating.next')}
        </button>
      </div>
    </section>
  );
}

function ScoreInput({ initial, onDone }: { initial: number | null; onDone: (v: number) => void }) {
  const { t } = useVotesT();
  const [text, setText] = useState(initial === null ? '' : String(initial));
  const n = Number(text);
  const valid = text !== '' && Number.isInteger(n) && n >= 0 && n <= 100;
  return (
    <div className="rate-score">
      <label className="rate-score__label">
        {t('votes:rating.scoreLabel')}
        <input className="rate-score__input" inputMode="numeric" pattern="[0-9]*" maxLength={3} value={text} onChange={(e) => setText(e.target.value.replace(/\D/g, ''))} data-testid="score-input" />
      </label>
      {text !== '' && !valid && (
        <p className="rate-score__error" role="alert" data-testid="score-error">
          {t('votes:rating.scoreRange')}
        </p>
      )}
      <button type="button" className="big-button big-button--primary" disabled={!valid} onClick={() => onDone(n)} data-testid="score-next">
        {t('votes:rating.next')}
      </button>
    </div>
  );
}
