// The on-air actions of a vote that cannot be taken back, each behind a ConfirmBox: 结束投票
// (saying how many checked-in deputies have not voted yet), 作废本轮 (with its reason and the
// ballots set aside), and 公布结果 of a secret vote whose figures would show who chose what.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../../shared/protocol.js';
import type { ConsoleRoundView, ConsoleView } from '../../../shared/views.js';
import { formatSeconds, secondsLeft, useTick } from '../net/clock.js';
import { ConfirmBox } from './confirm-box.js';
import { disclosureText } from './disclosure-text.js';
import { askedOf, presentAsked } from './asked.js';

export type Run = (c: Command) => void;

/** Checked-in deputies who have not voted in this round (a deputy who voted counts once, S2). */
export function notVotedYet(view: Pick<ConsoleView, 'turnout' | 'roster' | 'agenda'>, round: ConsoleRoundView): number {
  const item = view.agenda.find((it) => it.id === round.itemId);
  if (round.voted !== null) {
    const voted = new Set(round.voted);
    const asked = askedOf(item);
    return view.roster.filter((d) => d.present && asked(d.id) && !voted.has(d.id)).length;
  }
  return Math.max(0, presentAsked(view, item) - round.voterCount);
}

interface Props {
  view: Pick<ConsoleView, 'turnout' | 'roster' | 'agenda'>;
  round: ConsoleRoundView;
  offset: number;
  busy: boolean;
  run: Run;
}

export function Running({ view, round, offset, busy, run }: Props) {
  const { t } = useTranslation(['console', 'common']);
  const [askClose, setAskClose] = useState(false);
  const now = useTick(round.status === 'open');
  const left = secondsLeft(round, now, offset);
  const paused = round.status === 'paused';
  const missing = notVotedYet(view, round);
  return (
    <>
      <p className="controls__status">
        <span className={`pill ${paused ? 'pill--warn' : 'pill--live'}`} data-testid="round-status">
          {t(`common:round.${round.status}`)}
        </span>
        <span className="controls__left">
          {t('console:round.remaining')} <strong data-testid="console-countdown">{left === null ? '—' : formatSeconds(left)}</strong>
        </span>
      </p>
      <div className="btn-row">
        <button type="button" className="btn" disabled={busy} onClick={() => run({ type: 'addTime', roundId: round.id, seconds: 30 })} data-testid="add-time">
          {t('console:round.addTime')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run({ type: paused ? 'resume' : 'pause', roundId: round.id })}
          data-testid={paused ? 'resume' : 'pause'}
        >
          {paused ? t('console:round.resume') : t('console:round.pause')}
        </button>
      </div>
      {askClose ? (
        <ConfirmBox
          message={
            missing > 0
              ? t('console:round.closeConfirmMissing', { missing, voted: round.voterCount, present: view.turnout.present })
              : t('console:round.closeConfirmAll', { voted: round.voterCount })
          }
          yes={t('console:round.close')}
          no={t('console:round.keepVoting')}
          tone={missing > 0 ? 'danger' : 'primary'}
          disabled={busy}
          onYes={() => {
            setAskClose(false);
            run({ type: 'close', roundId: round.id });
          }}
          onCancel={() => setAskClose(false)}
          testId="close-confirm"
          yesTestId="confirm-close"
        />
      ) : (
        <button type="button" className="btn btn--primary btn--big" disabled={busy} onClick={() => setAskClose(true)} data-testid="close-round">
          {t('console:round.close')}
        </button>
      )}
    </>
  );
}

export function RevealButton({ round, busy, run }: Pick<Props, 'round' | 'busy' | 'run'>) {
  const { t } = useTranslation(['console', 'receipts']);
  const [ask, setAsk] = useState(false);
  const reveal = () => run({ type: 'reveal', roundId: round.id });
  if (ask && round.disclosure) {
    // A secret result that would show who chose what: the operator confirms first.
    return (
      <ConfirmBox
        message={disclosureText(t, round.disclosure, 'confirm')}
        yes={t('receipts:disclosure.revealAnyway')}
        no={t('receipts:disclosure.cancel')}
        tone="danger"
        disabled={busy}
        onYes={() => {
          setAsk(false);
          reveal();
        }}
        onCancel={() => setAsk(false)}
        testId="disclosure-confirm"
        yesTestId="confirm-reveal"
      />
    );
  }
  return (
    <button type="button" className="btn btn--primary btn--big" disabled={busy} onClick={() => (round.disclosure ? setAsk(true) : reveal())} data-testid="reveal">
      {t('console:round.reveal')}
    </button>
  );
}

export function VoidForm({ round, busy, run }: Pick<Props, 'round' | 'busy' | 'run'>) {
  const { t } = useTranslation('console');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" className="btn btn--link" onClick={() => setOpen(true)} data-testid="void-open">
        {t('round.void')}
      </button>
    );
  }
  return (
    <ConfirmBox
      message={t(round.status === 'closed' ? 'round.voidAskClosed' : 'round.voidAskOpen', { cast: round.voterCount })}
      yes={t('round.voidConfirm')}
      tone="danger"
      disabled={busy || reason.trim() === ''}
      onYes={() => {
        run({ type: 'void', roundId: round.id, reason: reason.trim() });
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
      testId="void-box"
      yesTestId="void-confirm"
      focusField
    >
      <label className="field">
        <span>{t('round.voidReason')}</span>
        <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="void-reason" />
      </label>
    </ConfirmBox>
  );
}
