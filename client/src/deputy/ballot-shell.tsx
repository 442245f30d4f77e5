// The one frame every phone ballot sits in, whatever its kind (motion, 差额选择, 逐项表决,
// 满意度测评): the item's header with its countdown, then the screen decided by phoneState —
// not started, voided, submitted (with the server's echo), submitting, closed without a vote,
// paused, or the kind's own ballot with any refusal above it. The kinds differ only in the
// ballot and in how the echo reads; the states, their wording and their layout are here once.
// It also owns the round's draft: the ballot's choices are kept while the round is open and
// cleared once the ballot is on record or the round is over (drafts.ts).
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotContent, VotableItem } from '../../../shared/model.js';
import type { DeputyView, RoundView } from '../../../shared/views.js';
import { errorText } from '../i18n/errors.js';
import { kindLabel } from '../i18n/labels.js';
import { formatSeconds, secondsLeft, useTick } from '../net/clock.js';
import { DraftKey, draftKey, draftStorage, pruneDrafts } from './drafts.js';
import type { OutboxEntry } from './outbox.js';
import { phoneState } from './phone-state.js';
import { Submitted, Submitting } from './submitted-card.js';
import { assertNever } from '../../../shared/never.js';

interface Props {
  view: DeputyView;
  item: VotableItem;
  entry: OutboxEntry | null;
  offset: number;
  /** The link to the server is down (or silent): the countdown and a pending ballot say so. */
  offline: boolean;
  /** The kind's ballot for the open round. */
  ballot: (round: RoundView) => ReactNode;
  /** What the server recorded, in words, below 已提交 (kinds with more than one mark). */
  echo?: (content: BallotContent) => ReactNode;
}

export function BallotShell({ view, item, entry, offset, offline, ballot, echo }: Props) {
  const state = phoneState(view, entry);
  const round = view.round;
  const open = round !== null && (state.kind === 'open' || state.kind === 'paused');
  const key = open ? draftKey(view.meeting.id, round.id, view.me.id) : null;
  useEffect(() => {
    const s = draftStorage();
    if (s) pruneDrafts(s, key);
  }, [key]);

  return (
    <>
      <ItemHead view={view} item={item} offset={offset} offline={offline} />
      <DraftKey.Provider value={key}>
        <ShellBody view={view} entry={entry} offline={offline} ballot={ballot} echo={echo} />
      </DraftKey.Provider>
    </>
  );
}

function ShellBody({ view, entry, offline, ballot, echo }: Omit<Props, 'item' | 'offset'>) {
  const { t } = useTranslation(['deputy', 'common']);
  const state = phoneState(view, entry);
  const round = view.round;
  switch (state.kind) {
    case 'notStarted':
      return <Notice testId="not-started" text={t('deputy:notStarted')} />;
    case 'voided':
      return <Notice testId="voided" text={t('deputy:voided')} />;
    case 'submitted': {
      const content = state.recorded ?? state.ours?.content ?? null;
      return (
        <>
          {/* Above the card: on a short phone the receipt may push anything below out of view. */}
          {state.closed && <p className="closed-note">{t('deputy:closed')}</p>}
          <Submitted content={content} receipt={state.ours?.receipt ?? null} closed={state.closed && round ? { meetingId: view.meeting.id, roundId: round.id } : null} />
          {state.recorded && echo?.(state.recorded)}
        </>
      );
    }
    case 'submitting':
      return <Submitting content={state.ours.content} offline={offline} retrying={state.ours.error !== null} />;
    case 'closed':
      return <Notice testId="not-voted" tone="strong" text={t('deputy:notVoted')} detail={state.refusal ? errorText(t, state.refusal) : t('deputy:notVotedHint')} />;
    case 'paused':
      return <Notice testId="paused" text={t('deputy:paused')} detail={state.refusal ? errorText(t, state.refusal) : t('deputy:pausedHint')} />;
    case 'open':
      if (!round) return null; // phoneState answers notStarted without a round; this narrows the type
      return (
        <>
          {state.refusal && (
            <p className="refusal" role="alert" data-testid="refusal">
              <strong>{t('deputy:refused')}</strong>
              {errorText(t, state.refusal)}
            </p>
          )}
          {ballot(round)}
        </>
      );
    default:
      return assertNever(state, 'phone state');
  }
}

function ItemHead({ view, item, offset, offline }: { view: DeputyView; item: VotableItem; offset: number; offline: boolean }) {
  const { t } = useTranslation(['deputy', 'common']);
  return (
    <section className="item" data-testid="item">
      <p className="item__kind">{kindLabel(t, item.kind)}</p>
      <h1 className="item__title" data-testid="item-title">
        {item.title}
      </h1>
      {view.round && <Countdown round={view.round} offset={offset} offline={offline} />}
    </section>
  );
}

/**
 * The time left as the big screen shows it. Cut off from the server the phone cannot know
 * whether the moderator paused, added time or closed: it stops where it was and says so.
 */
function Countdown({ round, offset, offline }: { round: RoundView; offset: number; offline: boolean }) {
  const { t } = useTranslation(['deputy', 'common']);
  const live = round.status === 'open' || round.status === 'paused';
  const now = useTick(live && !offline);
  if (!live) return null;
  const left = secondsLeft(round, now, offset);
  const paused = round.status === 'paused' || offline;
  const label = offline ? t('deputy:countdownOffline') : round.status === 'paused' ? t('common:round.paused') : t('deputy:remaining');
  return (
    <p className={`countdown ${paused ? 'countdown--paused' : ''}`} data-testid="countdown">
      <span className="countdown__label">{label}</span>
      <span className="countdown__value">{left === null ? t('deputy:noCountdown') : formatSeconds(left)}</span>
    </p>
  );
}

export function Notice({ text, detail, testId, tone }: { text: string; detail?: string | null; testId: string; tone?: 'strong' }) {
  return (
    <section className={`notice ${tone === 'strong' ? 'notice--strong' : ''}`} data-testid={testId}>
      <p className="notice__text">{text}</p>
      {detail && <p className="notice__detail">{detail}</p>}
    </section>
  );
}

/** 确认提交 and 重新选择, the same pair under every kind's confirmation step. */
export function ConfirmActions({ onConfirm, onChange, disabled = false, changeLabel }: { onConfirm: () => void; onChange: () => void; disabled?: boolean; changeLabel?: string }) {
  const { t } = useTranslation(['deputy']);
  return (
    <div className="confirm-actions">
      <button type="button" className="big-button big-button--primary" data-testid="confirm-submit" disabled={disabled} onClick={onConfirm}>
        {t('deputy:confirm')}
      </button>
      <button type="button" className="text-button" data-testid="confirm-change" onClick={onChange}>
        {changeLabel ?? t('deputy:change')}
      </button>
    </div>
  );
}
